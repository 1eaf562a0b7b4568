// The kinds of outbox job the engine runs, and which call budget each spends.
import type { Cloud } from '../core/model.js';

export const JOB_KINDS = {
  /** Create the portal record (idempotently) and start the portal's review. */
  submit: 'portal.submit',
  /** Push the latest Salesforce state to an existing portal record (queued while it is locked). */
  update: 'portal.update',
  /** Read the portal record's review status. */
  poll: 'portal.poll',
  /** Accept or decline an inbound referral on its portal. */
  decide: 'portal.decide',
  /** Write an engagement's outcome back to Salesforce. */
  salesforceEngagement: 'salesforce.engagement',
  /** Create or update an inbound referral in Salesforce. */
  salesforceReferral: 'salesforce.referral',
} as const;
export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

const TARGET_BY_CLOUD: Record<Cloud, string> = {
  AWS: 'aws',
  Microsoft: 'microsoft',
  Google: 'google',
};

/** The call budget (and circuit breaker) a portal job spends: one per portal account. */
export function portalTarget(cloud: Cloud): string {
  return TARGET_BY_CLOUD[cloud];
}

/** Jobs that change portal state spend the write budget; the rest spend reads. */
export function isWrite(kind: string): boolean {
  return kind === JOB_KINDS.submit || kind === JOB_KINDS.update || kind === JOB_KINDS.decide;
}

/** The audit log's name for a portal's side of a change. */
export function portalSide(cloud: Cloud): 'aws' | 'microsoft' | 'google' {
  return TARGET_BY_CLOUD[cloud] as 'aws' | 'microsoft' | 'google';
}
