// What the runner does with a job whose attempt failed. Errors are classified: transient ones
// retry with backoff, conflicts re-read and retry soon, an open circuit gives the job back
// uncounted, and validation errors (or a job out of attempts) park it and put the reason on the
// engagement for a person to fix.
import { isBrokenCircuitError } from 'cockatiel';
import type { Kysely, Transaction } from 'kysely';
import type { Cloud } from '../core/model.js';
import { audit } from '../store/audit-log.js';
import { recordEngagementFailure } from '../store/engagements.js';
import type { Database, OutboxJob } from '../store/schema.js';
import { LeaseLostError } from './job-completions.js';
import { enqueueEngagementWriteback } from './job-queueing.js';
import { deferJob, failJob, type BackoffPolicy, DEFAULT_BACKOFF } from './outbox.js';
import { PortalError } from './portal-client.js';
import type { WorkerEvent } from './worker-events.js';

const DEFAULT_TRANSIENT_HORIZON_MS = 24 * 60 * 60 * 1000;

export interface FailurePolicy {
  db: Kysely<Database>;
  workerId: string;
  clock: () => Date;
  backoff?: BackoffPolicy;
  /** How long a job failing only transiently keeps retrying past its attempt budget. */
  transientRetryHorizonMs?: number;
  /** How long an open circuit keeps its target's jobs waiting. */
  halfOpenAfterMs: number;
  onEvent?: (event: WorkerEvent) => void;
}

export async function handleFailure(
  policy: FailurePolicy,
  job: OutboxJob,
  error: unknown,
): Promise<void> {
  const { db, workerId } = policy;
  const now = policy.clock();
  if (error instanceof LeaseLostError) {
    policy.onEvent?.({ type: 'job-lost', job });
    return;
  }
  if (isBrokenCircuitError(error)) {
    await deferJob(db, job, workerId, new Date(now.getTime() + policy.halfOpenAfterMs), now);
    policy.onEvent?.({
      type: 'job-deferred',
      job,
      reason: 'circuit-open',
      untilMs: policy.halfOpenAfterMs,
    });
    return;
  }
  const portalError = error instanceof PortalError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  const backoff = policy.backoff ?? DEFAULT_BACKOFF;
  if (portalError?.permanent) {
    await db.transaction().execute(async (trx) => {
      await recordPermanentFailure(trx, job, portalError, policy.clock);
      await failJob(trx, job, workerId, { message, permanent: true }, now, backoff);
    });
    policy.onEvent?.({ type: 'job-dead', job, error: message });
    return;
  }
  // Conflicts retry soon: the handler re-reads the portal record and merges on the next attempt.
  const retryAfterMs = portalError?.kind === 'conflict' ? 0 : portalError?.retryAfterMs;
  const retriable =
    portalError !== null && (portalError.transient || portalError.kind === 'conflict');
  const keepTrying =
    retriable &&
    now.getTime() - new Date(job.created_at).getTime() <
      (policy.transientRetryHorizonMs ?? DEFAULT_TRANSIENT_HORIZON_MS);
  const outcome = await failJob(
    db,
    job,
    workerId,
    {
      message,
      permanent: false,
      keepTrying,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
    now,
    backoff,
  );
  if (outcome === 'dead') {
    await db
      .transaction()
      .execute(async (trx) =>
        recordPermanentFailure(
          trx,
          job,
          portalError ?? new PortalError(cloudOf(job), 'unavailable', message),
          policy.clock,
        ),
      );
  }
  policy.onEvent?.({ type: outcome === 'dead' ? 'job-dead' : 'job-retry', job, error: message });
}

/** Puts the reason on the engagement and queues the Salesforce write-back, so the AE sees it. */
async function recordPermanentFailure(
  trx: Transaction<Database>,
  job: OutboxJob,
  error: PortalError,
  clock: () => Date,
): Promise<void> {
  const payload = job.payload as { opportunityId?: string; cloud?: Cloud };
  if (!payload.opportunityId || !payload.cloud) return;
  const findings = error.findings.length > 0 ? error.findings : [];
  await recordEngagementFailure(
    trx,
    payload.opportunityId,
    payload.cloud,
    { findings, message: error.message },
    clock(),
  );
  await audit(
    trx,
    {
      side: 'engine',
      entity: 'engagement',
      entityId: `${payload.opportunityId}:${payload.cloud}`,
      action: 'failed',
      after: { error: error.message, kind: error.kind, findings },
      jobId: job.id,
    },
    clock(),
  );
  await enqueueEngagementWriteback(trx, payload.opportunityId, payload.cloud, job, clock());
}

export function cloudOf(job: OutboxJob): Cloud {
  const payload = job.payload as { cloud?: Cloud };
  return payload.cloud ?? 'AWS';
}
