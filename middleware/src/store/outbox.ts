// The outbox: every outbound call is a job row, written in the transaction of the change that needs it.
import type { Kysely } from 'kysely';
import type { Database, OutboxStatus } from './schema.js';

// Reads for the service

/** The job enqueued under a logical call's idempotency key, or null when there is none. */
export async function jobByIdempotencyKey(
  db: Kysely<Database>,
  idempotencyKey: string,
): Promise<{ id: string; status: OutboxStatus } | null> {
  const job = await db
    .selectFrom('outbox')
    .select(['id', 'status'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return job ?? null;
}
