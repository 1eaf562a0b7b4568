// How the engine queues the jobs about one engagement or one referral: their ordering keys (so
// one record's calls run one at a time, in order) and their payloads, in one place for the
// intake, the handlers, the scheduler and the portal events.
import type { Cloud } from '../core/model.js';
import type { OutboxJob } from '../store/schema.js';
import { enqueueJob, type EnqueueResult, type Executor } from '../store/outbox.js';
import { JOB_KINDS, portalTarget } from './jobs.js';

/**
 * The outbox ordering key of one engagement's portal jobs: they run one at a time, in order. Not
 * Salesforce's `Engagement_Key__c` (core/salesforce-fields.ts `engagementKey`).
 */
export function engagementOrderingKey(opportunityId: string, cloud: Cloud): string {
  return `engagement:${opportunityId}:${cloud}`;
}

/** Queues a portal call about one engagement: submit, update or poll. */
export function enqueuePortalJob(
  db: Executor,
  job: {
    kind: typeof JOB_KINDS.submit | typeof JOB_KINDS.update | typeof JOB_KINDS.poll;
    opportunityId: string;
    cloud: Cloud;
    idempotencyKey: string;
    maxAttempts?: number;
  },
  now: Date,
): Promise<EnqueueResult> {
  const { opportunityId, cloud } = job;
  return enqueueJob(
    db,
    {
      kind: job.kind,
      target: portalTarget(cloud),
      orderingKey: engagementOrderingKey(opportunityId, cloud),
      idempotencyKey: job.idempotencyKey,
      payload: { opportunityId, cloud },
      ...(job.maxAttempts === undefined ? {} : { maxAttempts: job.maxAttempts }),
    },
    now,
  );
}

/** Queues the Salesforce write-back of an engagement after `cause` changed it. */
export async function enqueueEngagementWriteback(
  db: Executor,
  opportunityId: string,
  cloud: Cloud,
  cause: OutboxJob,
  now: Date,
): Promise<void> {
  await enqueueJob(
    db,
    {
      kind: JOB_KINDS.salesforceEngagement,
      target: 'salesforce',
      orderingKey: `salesforce:${engagementOrderingKey(opportunityId, cloud)}`,
      idempotencyKey: `salesforce:engagement:${opportunityId}:${cloud}:after:${cause.id}:${cause.attempts}`,
      payload: {
        opportunityId,
        cloud,
        clearRequestedAction: cause.kind === JOB_KINDS.submit || cause.kind === JOB_KINDS.update,
      },
    },
    now,
  );
}

/**
 * Queues a job about one referral: its Salesforce write-back or the portal call carrying the
 * inbox's decision. `version` names the change, so the same change queued twice is one job.
 */
export function enqueueReferralJob(
  db: Executor,
  job: {
    kind: typeof JOB_KINDS.salesforceReferral | typeof JOB_KINDS.decide;
    referralId: string;
    cloud: Cloud;
    portalId: string;
    idempotencyKey: string;
  },
  now: Date,
): Promise<EnqueueResult> {
  return enqueueJob(
    db,
    {
      kind: job.kind,
      target: job.kind === JOB_KINDS.decide ? portalTarget(job.cloud) : 'salesforce',
      orderingKey: `referral:${job.cloud}:${job.portalId}`,
      idempotencyKey: job.idempotencyKey,
      payload: { referralId: job.referralId },
    },
    now,
  );
}

/** Queues the referral's write-back to Salesforce (its record as the store now holds it). */
export function enqueueReferralWriteback(
  db: Executor,
  referralId: string,
  cloud: Cloud,
  portalId: string,
  version: string,
  now: Date,
): Promise<EnqueueResult> {
  return enqueueReferralJob(
    db,
    {
      kind: JOB_KINDS.salesforceReferral,
      referralId,
      cloud,
      portalId,
      idempotencyKey: `salesforce:referral:${cloud}:${portalId}:${version}`,
    },
    now,
  );
}

/**
 * Queues the portal call a job found its engagement needs next (a poll while the portal reviews
 * the record, the kept edit once it unlocks): one per job and reason.
 */
export function enqueueFollowUp(
  db: Executor,
  kind: typeof JOB_KINDS.update | typeof JOB_KINDS.poll,
  engagement: { opportunityId: string; cloud: Cloud },
  reason: string,
  cause: OutboxJob,
  now: Date,
): Promise<EnqueueResult> {
  const { opportunityId, cloud } = engagement;
  const verb = kind === JOB_KINDS.poll ? 'poll' : 'update';
  return enqueuePortalJob(
    db,
    {
      kind,
      opportunityId,
      cloud,
      idempotencyKey: `${cloud}:${verb}:${opportunityId}:${reason}:${cause.id}`,
    },
    now,
  );
}
