// The gateway's SystemModstamp cursors in the sync_cursors table, so every instance and every
// restart resumes where the last committed page ended.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The cursor's instant, or null when none was saved (or the saved text is not a date). */
export async function readCursor(db: Kysely<Database>, name: string): Promise<Date | null> {
  const row = await db
    .selectFrom('sync_cursors')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) return null;
  const value = new Date(row.value);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** Moves a cursor forward only (a slower instance finishing late never winds it back). */
export async function advanceCursor(
  db: Kysely<Database>,
  name: string,
  to: Date,
  now: Date,
): Promise<void> {
  const current = await readCursor(db, name);
  if (current && current.getTime() >= to.getTime()) return;
  const value = to.toISOString();
  await db
    .insertInto('sync_cursors')
    .values({ name, value, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: now }))
    .execute();
}
