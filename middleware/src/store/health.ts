// Whether the store answers at all: the readiness probe's one question.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
export async function pingStore(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
