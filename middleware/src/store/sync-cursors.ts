// Named cursors of incremental reads (e.g. `inbound:AWS`): where the next read resumes.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function readCursor(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db
    .selectFrom('sync_cursors')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function writeCursor(
  db: Kysely<Database>,
  name: string,
  value: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('sync_cursors')
    .values({ name, value, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: now }))
    .execute();
}
