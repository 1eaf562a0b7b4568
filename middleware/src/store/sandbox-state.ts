// Reads and writes one named piece of sandbox state (a JSON document) in the store.
import type { Kysely } from 'kysely';
import { readDocument, upsertRow } from './rows.js';
import type { Database } from './schema.js';

export async function loadSandboxState<T>(db: Kysely<Database>, name: string): Promise<T | null> {
  return (await readDocument(db, 'sandbox_state', { name })) as T | null;
}

export async function saveSandboxState(
  db: Kysely<Database>,
  name: string,
  data: unknown,
  now: Date,
): Promise<void> {
  await upsertRow(db, 'sandbox_state', 'name', {
    name,
    data: JSON.stringify(data),
    updated_at: now,
  });
}

/** Forgets every piece of sandbox state (the local org and the sandbox portals start afresh). */
export async function forgetSandboxState(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sandbox_state').execute();
}
