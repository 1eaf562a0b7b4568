// Who owns each part of a co-sell opportunity when Salesforce and a portal both hold it: what the
// engine pushes, what it only reflects back, and what it computes itself. The engine uses the table
// twice: to merge on a conflict (the owner's value wins) and to tell a real Salesforce edit from the
// echo of its own write-back, which must never cost a portal call.
import { isDeepStrictEqual } from 'node:util';
import type { CoSellOpportunity } from './model.js';

/**
 * - `salesforce`: the AE edits it in Salesforce. Pushed to every engaged portal on change; when the
 *   portal refuses the update as stale (ACE ConflictException, Partner Center 412), the engine
 *   re-reads the portal record and applies the Salesforce value over it.
 * - `portal`: the portal's review decides it. The engine writes it to Salesforce; an edit made in
 *   Salesforce is overwritten at the next sync and never sent.
 * - `engine`: the engine computes or records it and writes it to Salesforce (attribution, sync
 *   bookkeeping). Never sent to a portal.
 * - `request`: an AE's instruction to the engine (Submit, Update, Close), consumed once.
 * - `identity` / `version`: which record it is and when Salesforce last changed it; not content.
 *
 * Portal members the canonical model has no field for (an ACE marketing source, a Partner Center
 * team member added by Microsoft) are owned by the portal: updates are read-merge-write, so they
 * keep the portal's value.
 */
export type FieldOwner = 'salesforce' | 'portal' | 'engine' | 'request' | 'identity' | 'version';

/** Opportunity fields (dotted for the co-sell tags); each engagement's fields are below. */
export const OPPORTUNITY_FIELD_OWNERS = {
  id: 'identity',
  name: 'salesforce',
  amount: 'salesforce',
  currencyIsoCode: 'salesforce',
  stageName: 'salesforce',
  probability: 'salesforce',
  isClosed: 'salesforce',
  isWon: 'salesforce',
  closeDate: 'salesforce',
  createdDate: 'version',
  lastModifiedDate: 'version',
  description: 'salesforce',
  nextStep: 'salesforce',
  type: 'salesforce',
  ownerId: 'salesforce',
  ownerName: 'salesforce',
  ownerEmail: 'salesforce',
  account: 'salesforce',
  contacts: 'salesforce',
  'coSell.clouds': 'salesforce',
  'coSell.origin': 'salesforce',
  'coSell.originatingCloud': 'salesforce',
  /** Computed by the attribution rule and written to CoSell_Attribution__c. */
  'coSell.attribution': 'engine',
  'coSell.helpNeeded': 'salesforce',
  'coSell.helpDetails': 'salesforce',
  'coSell.marketplaceRoute': 'salesforce',
  'coSell.commitDrawdown': 'salesforce',
  'coSell.tenancyArchetype': 'salesforce',
  'coSell.expectedMonthlySpend': 'salesforce',
  'coSell.useCase': 'salesforce',
} as const satisfies Record<string, FieldOwner>;

/** Fields of each `CoSell_Engagement__c`. */
export const ENGAGEMENT_FIELD_OWNERS = {
  id: 'identity',
  cloud: 'identity',
  portalId: 'portal',
  status: 'portal',
  submittedAt: 'portal',
  acceptedAt: 'portal',
  findings: 'portal',
  requestedAction: 'request',
  lastSyncedAt: 'engine',
  syncError: 'engine',
} as const satisfies Record<string, FieldOwner>;

/** The part of an opportunity a portal update carries: its Salesforce-owned fields only. */
export function portalBoundContent(opportunity: CoSellOpportunity): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  for (const [path, owner] of Object.entries(OPPORTUNITY_FIELD_OWNERS)) {
    if (owner !== 'salesforce') continue;
    const [head, tail] = path.split('.') as [keyof CoSellOpportunity, string | undefined];
    content[path] =
      tail === undefined
        ? opportunity[head]
        : (opportunity[head] as unknown as Record<string, unknown>)[tail];
  }
  return content;
}

/**
 * Whether a new Salesforce version of an opportunity changes anything a portal is sent. False when
 * only engine- or portal-owned fields moved, e.g. the engine's own attribution or engagement
 * write-back read back with a newer SystemModstamp.
 */
export function changesPortalContent(before: CoSellOpportunity, after: CoSellOpportunity): boolean {
  return !isDeepStrictEqual(portalBoundContent(before), portalBoundContent(after));
}
