// The outbox's retry policy: how long a failed job waits before its next attempt and when it is
// parked as a dead letter. The rows themselves (enqueue, claim, lease, complete) are written by
// store/outbox.ts, re-exported here for the engine's callers.
import type { OutboxJob } from '../store/schema.js';
import { rescheduleJob, type Executor } from '../store/outbox.js';

export {
  claimJobs,
  completeJob,
  completeJobs,
  deadLetters,
  DEFAULT_MAX_ATTEMPTS,
  deferJob,
  enqueueJob,
  extendLease,
  JobNotReplayableError,
  lockHeldJobs,
  queueStats,
  replayJob,
  type ClaimOptions,
  type EnqueueResult,
  type NewJob,
  type QueueStats,
} from '../store/outbox.js';

export interface JobFailure {
  message: string;
  /** Validation errors and the like: retrying cannot help, park the job at once. */
  permanent: boolean;
  /** A delay the portal asked for (Retry-After); overrides the computed backoff when longer. */
  retryAfterMs?: number;
  /**
   * The failure is transient and the job is still within its retry horizon: keep retrying (at the
   * capped backoff) even past `max_attempts`, so a flaky portal delays work but never parks it.
   */
  keepTrying?: boolean;
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Random source in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1_000,
  capMs: 5 * 60_000,
  random: Math.random,
};

/** Capped exponential backoff with full jitter: a random delay up to base·2^(attempt-1), capped. */
export function retryDelayMs(attempt: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(policy.random() * ceiling);
}

export type FailureOutcome = 'retry' | 'dead' | 'lost';

/**
 * Records a failed attempt: reschedules with backoff, or parks the job as a dead letter when the
 * failure is permanent or attempts are exhausted. 'lost' when this worker no longer holds the job.
 */
export async function failJob(
  db: Executor,
  job: OutboxJob,
  workerId: string,
  failure: JobFailure,
  now: Date,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): Promise<FailureOutcome> {
  const exhausted = job.attempts >= job.max_attempts && !failure.keepTrying;
  const dead = failure.permanent || exhausted;
  const delay = Math.max(retryDelayMs(job.attempts, policy), failure.retryAfterMs ?? 0);
  const held = await rescheduleJob(
    db,
    job,
    workerId,
    {
      status: dead ? 'dead' : 'pending',
      runAfter: dead ? now : new Date(now.getTime() + delay),
      lastError:
        exhausted && !failure.permanent
          ? `${failure.message} (gave up after ${job.attempts} attempts)`
          : failure.message,
    },
    now,
  );
  if (!held) return 'lost';
  return dead ? 'dead' : 'retry';
}
