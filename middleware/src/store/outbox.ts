// The outbox's rows: every outbound call (to a portal or to Salesforce) is a job written in the
// same transaction as the state change that needs it. Workers claim jobs with FOR UPDATE SKIP
// LOCKED and hold them under a lease; a job whose worker died is claimed again once its lease
// expires. Jobs sharing an ordering key run one at a time, in id order. The retry policy (when a
// failed job runs again, when it is parked) is the engine's (engine/outbox.ts); this file only
// writes the transitions.
import { sql, type Kysely, type Transaction, type UpdateObject } from 'kysely';
import { decodeJson } from './json-column.js';
import { findRow, type Executor } from './rows.js';
import type { Database, OutboxJob, OutboxStatus } from './schema.js';

export type { Executor };

export const DEFAULT_MAX_ATTEMPTS = 8;

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
  if (limit <= 0 || (targets && targets.length === 0)) return [];
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

/** Changes a job only while this worker holds it; false (nothing changed) when it lost the lease. */
async function updateHeldJob(
  db: Executor,
  job: OutboxJob,
  workerId: string,
  change: UpdateObject<Database, 'outbox'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set(change)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Extends the lease of a job this worker still holds; false when the lease was lost. */
export async function extendLease(
  db: Kysely<Database>,
  job: OutboxJob,
  workerId: string,
  leaseMs: number,
  now: Date,
): Promise<boolean> {
  return updateHeldJob(db, job, workerId, {
    locked_until: new Date(now.getTime() + leaseMs),
    updated_at: now,
  });
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
  return updateHeldJob(db, job, workerId, {
    status: 'done',
    result: result === null ? null : JSON.stringify(result),
    locked_by: null,
    locked_until: null,
    last_error: null,
    completed_at: now,
    updated_at: now,
  });
}

/**
 * Locks, inside the caller's transaction, those of the given jobs this worker still holds, and
 * returns their ids. Until the transaction ends no other worker can claim them, so a batch's
 * state changes and completions commit only for jobs whose lease held.
 */
export async function lockHeldJobs(
  trx: Transaction<Database>,
  jobIds: readonly string[],
  workerId: string,
): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('outbox')
    .select('id')
    .where('id', 'in', [...jobIds])
    .where('status', '=', 'running')
    .where('locked_by', '=', workerId)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Set(rows.map((row) => String(row.id)));
}

/** Marks many held jobs done in one statement; returns the ids it completed. */
export async function completeJobs(
  db: Executor,
  completions: readonly { job: OutboxJob; result: object | null }[],
  workerId: string,
  now: Date,
): Promise<Set<string>> {
  if (completions.length === 0) return new Set();
  const values = sql.join(
    completions.map(
      ({ job, result }) =>
        sql`(${job.id}::bigint, ${result === null ? null : JSON.stringify(result)}::jsonb)`,
    ),
  );
  const { rows } = await sql<{ id: string }>`
    update outbox set
      status = 'done',
      result = done.result,
      locked_by = null,
      locked_until = null,
      last_error = null,
      completed_at = ${now},
      updated_at = ${now}
    from (values ${values}) as done(id, result)
    where outbox.id = done.id and outbox.status = 'running' and outbox.locked_by = ${workerId}
    returning outbox.id`.execute(db);
  return new Set(rows.map((row) => String(row.id)));
}

/** Where a failed attempt leaves a held job: back in the queue at `runAfter`, or parked. */
export interface JobTransition {
  status: 'pending' | 'dead';
  runAfter: Date;
  lastError: string;
}

/** Records a failed attempt of a held job; false (nothing changed) when this worker lost it. */
export async function rescheduleJob(
  db: Executor,
  job: OutboxJob,
  workerId: string,
  transition: JobTransition,
  now: Date,
): Promise<boolean> {
  return updateHeldJob(db, job, workerId, {
    status: transition.status,
    run_after: transition.runAfter,
    locked_by: null,
    locked_until: null,
    last_error: transition.lastError,
    updated_at: now,
  });
}

/** Gives a held job back without counting the attempt (e.g. a rate budget is spent). */
export async function deferJob(
  db: Executor,
  job: OutboxJob,
  workerId: string,
  runAfter: Date,
  now: Date,
): Promise<boolean> {
  return updateHeldJob(db, job, workerId, {
    status: 'pending',
    attempts: sql`attempts - 1`,
    run_after: runAfter,
    locked_by: null,
    locked_until: null,
    updated_at: now,
  });
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
    payload: decodeJson(row.payload),
    result: decodeJson(row.result),
  };
}

// Reads for the service

/** The job enqueued under a logical call's idempotency key, or null when there is none. */
export async function jobByIdempotencyKey(
  db: Kysely<Database>,
  idempotencyKey: string,
): Promise<{ id: string; status: OutboxStatus } | null> {
  const job = await findRow(db, 'outbox', { idempotency_key: idempotencyKey });
  return job ? { id: job.id, status: job.status } : null;
}
