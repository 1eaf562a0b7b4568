// Picklist values the components filter and branch on, spelled exactly as the org's picklists and
// the middleware's canonical model (middleware/src/core/model.ts) spell them.
export const CLOUDS = ['AWS', 'Microsoft', 'Google'];

/** The five field layers, executive (1) to partner program (5), as the middleware's SOURCE_LAYERS. */
export const SOURCE_LAYERS = [
  'Executive/Industry',
  'Regional/Segment',
  'Account Team',
  'Specialist',
  'Partner Program',
];

export const PRIORITIES = ['Urgent', 'High', 'Standard'];

export const TRIAGE_STATUSES = ['New', 'Assigned', 'Accepted', 'Declined', 'Expired'];

/** Referrals still waiting for a decision: the inbox shows these unless asked otherwise. */
export const OPEN_TRIAGE_STATUSES = ['New', 'Assigned'];

/**
 * Engagement states from which a submit makes sense: never shared yet, or the portal sent it back.
 * Anything else is already with the hyperscaler (or finished), where a second submit would double it.
 */
export const ENGAGEMENT_STATUSES_OPEN_TO_SUBMIT = ['Draft', 'Action required', 'Rejected'];
