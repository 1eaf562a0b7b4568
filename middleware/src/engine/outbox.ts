// The transactional outbox: every outbound call (to a portal or to Salesforce) is a row written in
// the same transaction as the state change that needs it. Workers claim rows with
// FOR UPDATE SKIP LOCKED, hold them under a lease, and a row whose worker died is claimed again
// once its lease expires. Jobs sharing an ordering key run one at a time, in id order.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, OutboxJob } from '../store/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface NewJob {
  kind: string;
  target: string;
  orderingKey: string;
  /** Identifies the logical call; enqueuing the same key twice yields one job. */
  idempotencyKey: string;
  payload: object;
  maxAttempts?: number;
  runAfter?: Date;
}

export interface EnqueueResult {
  id: string;
  created: boolean;
}

/** Writes a job (inside the caller's transaction when given one). Same idempotency key → same job. */
export async function enqueueJob(db: Executor, job: NewJob, now: Date): Promise<EnqueueResult> {
  const inserted = await db
    .insertInto('outbox')
    .values({
      kind: job.kind,
      target: job.target,
      ordering_key: job.orderingKey,
      idempotency_key: job.idempotencyKey,
      payload: JSON.stringify(job.payload),
      status: 'pending',
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_after: job.runAfter ?? now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      result: null,
      created_at: now,
      updated_at: now,
      completed_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: String(inserted.id), created: true };
  const existing = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotency_key', '=', job.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: String(existing.id), created: false };
}

export const DEFAULT_MAX_ATTEMPTS = 8;

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
  /** Only jobs for these targets (e.g. the portals whose circuit is closed). */
  targets?: readonly string[];
}

/**
 * Claims up to `limit` runnable jobs for one worker: pending jobs that are due, and running jobs
 * whose lease has expired (their worker died). A job waits while an earlier job with the same
 * ordering key is still pending or running. Rows locked by another claimer are skipped, so
 * several instances can share one PostgreSQL server without taking the same job.
 */
export async function claimJobs(db: Kysely<Database>, options: ClaimOptions): Promise<OutboxJob[]> {
  const { workerId, limit, leaseMs, now, targets } = options;
  if (targets && targets.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const targetFilter = targets
    ? sql`and o.target in (${sql.join(targets.map((t) => sql`${t}`))})`
    : sql``;
  const { rows } = await sql<OutboxJob>`
    update outbox set
      status = 'running',
      locked_by = ${workerId},
      locked_until = ${leaseUntil},
      attempts = attempts + 1,
      updated_at = ${now}
    where id in (
      select o.id from outbox o
      where ((o.status = 'pending' and o.run_after <= ${now})
          or (o.status = 'running' and o.locked_until < ${now}))
        ${targetFilter}
        and not exists (
          select 1 from outbox earlier
          where earlier.ordering_key = o.ordering_key
            and earlier.id < o.id
            and earlier.status in ('pending', 'running'))
      order by o.id
      limit ${limit}
      for update skip locked)
    returning *`.execute(db);
  return rows.map(normaliseJob);
}

/** Extends the lease of a job this worker still holds; false when the lease was lost. */
export async function extendLease(
  db: Kysely<Database>,
  job: OutboxJob,
  workerId: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ locked_until: new Date(now.getTime() + leaseMs), updated_at: now })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks a held job done with its result. Returns false (and changes nothing) when this worker no
 * longer holds it: its lease expired and another worker took it over.
 */
export async function completeJob(
  db: Executor,
  job: OutboxJob,
  workerId: string,
  result: object | null,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set({
      status: 'done',
      result: result === null ? null : JSON.stringify(result),
      locked_by: null,
      locked_until: null,
      last_error: null,
      completed_at: now,
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

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
  const updated = await db
    .updateTable('outbox')
    .set({
      status: dead ? 'dead' : 'pending',
      run_after: dead ? now : new Date(now.getTime() + delay),
      locked_by: null,
      locked_until: null,
      last_error:
        exhausted && !failure.permanent
          ? `${failure.message} (gave up after ${job.attempts} attempts)`
          : failure.message,
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return 'lost';
  return dead ? 'dead' : 'retry';
}

/** Gives a held job back without counting the attempt (e.g. a rate budget is spent). */
export async function deferJob(
  db: Executor,
  job: OutboxJob,
  workerId: string,
  runAfter: Date,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: sql`attempts - 1`,
      run_after: runAfter,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export class JobNotReplayableError extends Error {
  constructor(id: string, status: string | null) {
    super(
      status === null
        ? `job ${id} does not exist`
        : `job ${id} is ${status}; only dead-letter jobs can be replayed`,
    );
    this.name = 'JobNotReplayableError';
  }
}

/** Puts a dead-letter job back in the queue with a fresh attempt budget. */
export async function replayJob(db: Kysely<Database>, id: string, now: Date): Promise<OutboxJob> {
  const replayed = await db
    .updateTable('outbox')
    .set({
      status: 'pending',
      attempts: 0,
      run_after: now,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .returningAll()
    .executeTakeFirst();
  if (replayed) return normaliseJob(replayed);
  const existing = await db
    .selectFrom('outbox')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  throw new JobNotReplayableError(id, existing?.status ?? null);
}

export interface QueueStats {
  pending: number;
  running: number;
  done: number;
  dead: number;
  /** Age of the oldest due job that has not run yet: how far behind the engine is. */
  lagMs: number;
  byTarget: Record<string, { pending: number; running: number; dead: number }>;
}

export async function queueStats(db: Kysely<Database>, now: Date): Promise<QueueStats> {
  const rows = await db
    .selectFrom('outbox')
    .select([
      'target',
      'status',
      sql<string>`count(*)`.as('count'),
      sql<Date | null>`min(case when status = 'pending' and run_after <= ${now} then run_after end)`.as(
        'oldest',
      ),
    ])
    .groupBy(['target', 'status'])
    .execute();
  const stats: QueueStats = { pending: 0, running: 0, done: 0, dead: 0, lagMs: 0, byTarget: {} };
  let oldest: number | null = null;
  for (const row of rows) {
    const count = Number(row.count);
    const status = row.status as keyof Omit<QueueStats, 'lagMs' | 'byTarget'>;
    stats[status] += count;
    const perTarget = (stats.byTarget[row.target] ??= { pending: 0, running: 0, dead: 0 });
    if (status !== 'done') perTarget[status] += count;
    if (row.oldest) {
      const at = new Date(row.oldest).getTime();
      oldest = oldest === null ? at : Math.min(oldest, at);
    }
  }
  stats.lagMs = oldest === null ? 0 : Math.max(0, now.getTime() - oldest);
  return stats;
}

export async function deadLetters(db: Kysely<Database>, limit = 100): Promise<OutboxJob[]> {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'dead')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(normaliseJob);
}

/** Drivers disagree on bigint and timestamp types; jobs leave this module with string ids and Dates. */
function normaliseJob(row: OutboxJob): OutboxJob {
  return {
    ...row,
    id: String(row.id),
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    result: typeof row.result === 'string' ? JSON.parse(row.result) : row.result,
  };
}
