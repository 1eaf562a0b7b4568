// Who gets credit for a deal, per cloud: the rule behind CoSell_Attribution__c and every sourced vs
// influenced figure RevOps reports.
import { CLOUDS, type Attribution, type Cloud, type CoSellOpportunity, type EngagementStatus } from '../model.js';

/**
 * Engagement states that prove the hyperscaler worked the deal with the ISV. Won and Lost are only
 * reached after acceptance in the canonical lifecycle, so they count as joint work too.
 */
export const JOINT_WORK_STATUSES: ReadonlySet<EngagementStatus> = new Set(['Accepted', 'Won', 'Lost']);

/**
 * Engagement states where the hyperscaler declined the deal or never picked it up. A tag alone does
 * not earn influence credit once the cloud has said no: counting it would inflate influenced pipeline
 * with deals the cloud refused to work.
 */
export const DECLINED_STATUSES: ReadonlySet<EngagementStatus> = new Set(['Rejected', 'Expired']);

/** The cloud that originated the deal, or null when the ISV did or the record does not say which cloud. */
export function originatingCloudOf(opp: CoSellOpportunity): Cloud | null {
  // Sourced credit needs both facts: a hyperscaler-led origin and the named cloud. A Partner-led deal
  // with an originating cloud filled in is inconsistent data; origin wins because it is what the AE set.
  return opp.coSell.origin === 'Hyperscaler-led' ? opp.coSell.originatingCloud : null;
}

/** Whether a cloud took part in the deal: tagged or working it jointly, and not having declined it. */
export function isCloudEngaged(opp: CoSellOpportunity, cloud: Cloud): boolean {
  const engagement = opp.engagements.find((candidate) => candidate.cloud === cloud);
  if (engagement && JOINT_WORK_STATUSES.has(engagement.status)) return true;
  if (engagement && DECLINED_STATUSES.has(engagement.status)) return false;
  return opp.coSell.clouds.includes(cloud);
}

/**
 * Attribution of one opportunity to one cloud.
 * - Sourced: hyperscaler-led and this cloud originated it (even if a later portal update was rejected:
 *   who brought the deal does not change).
 * - Influenced: this cloud is engaged (see isCloudEngaged) but did not originate it. This covers
 *   partner-led deals, a second cloud on another cloud's referral, and hyperscaler-led deals with no
 *   originating cloud recorded (we never guess who sourced a deal; lint flags the missing field).
 * - None: otherwise.
 */
export function attributionFor(opp: CoSellOpportunity, cloud: Cloud): Attribution {
  if (originatingCloudOf(opp) === cloud) return 'Sourced';
  return isCloudEngaged(opp, cloud) ? 'Influenced' : 'None';
}

const STRENGTH: Record<Attribution, number> = { None: 0, Influenced: 1, Sourced: 2 };

/** The strongest of two attributions: Sourced beats Influenced beats None. */
export function strongerAttribution(a: Attribution, b: Attribution): Attribution {
  return STRENGTH[b] > STRENGTH[a] ? b : a;
}

/** The value stored in CoSell_Attribution__c: the strongest attribution across all clouds. */
export function opportunityAttribution(opp: CoSellOpportunity): Attribution {
  return CLOUDS.reduce<Attribution>((best, cloud) => strongerAttribution(best, attributionFor(opp, cloud)), 'None');
}
