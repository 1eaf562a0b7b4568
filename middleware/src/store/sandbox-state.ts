// Reads and writes one named piece of sandbox state (a JSON document) in the store.
import type { Kysely } from 'kysely';
import { decodeJson } from './json-column.js';
import type { Database } from './schema.js';

export async function loadSandboxState<T>(db: Kysely<Database>, name: string): Promise<T | null> {
  const row = await db
    .selectFrom('sandbox_state')
    .select('data')
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return null;
  return decodeJson<T>(row.data);
}

export async function saveSandboxState(
  db: Kysely<Database>,
  name: string,
  data: unknown,
  now: Date,
): Promise<void> {
  const json = JSON.stringify(data);
  await db
    .insertInto('sandbox_state')
    .values({ name, data: json, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ data: json, updated_at: now }))
    .execute();
}

/** Forgets every piece of sandbox state (the local org and the sandbox portals start afresh). */
export async function forgetSandboxState(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sandbox_state').execute();
}
