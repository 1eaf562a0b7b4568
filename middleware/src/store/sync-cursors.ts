// Named cursors of incremental reads, in the sync_cursors table, so every instance and every restart
// resumes where the last committed read ended: portal inbound listings (e.g. `inbound:AWS`, opaque
// text) and the Salesforce gateway's SystemModstamp cursors (instants that only move forward).
import type { Kysely } from 'kysely';
import { findRow, upsertRow } from './rows.js';
import type { Database } from './schema.js';

export async function readCursor(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await findRow(db, 'sync_cursors', { name });
  return row?.value ?? null;
}

export async function writeCursor(
  db: Kysely<Database>,
  name: string,
  value: string,
  now: Date,
): Promise<void> {
  await upsertRow(db, 'sync_cursors', 'name', { name, value, updated_at: now });
}

/** An instant cursor, or null when none was saved (or the saved text is not a date). */
export async function readInstantCursor(db: Kysely<Database>, name: string): Promise<Date | null> {
  const saved = await readCursor(db, name);
  if (saved === null) return null;
  const value = new Date(saved);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** Moves an instant cursor forward only (a slower instance finishing late never winds it back). */
export async function advanceCursor(
  db: Kysely<Database>,
  name: string,
  to: Date,
  now: Date,
): Promise<void> {
  const current = await readInstantCursor(db, name);
  if (current && current.getTime() >= to.getTime()) return;
  await writeCursor(db, name, to.toISOString(), now);
}
