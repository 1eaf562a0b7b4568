// Reads the store's mirror of Salesforce opportunities (what the engine last read from the org).
import type { Kysely } from 'kysely';
import { CoSellOpportunity } from '../core/model.js';
import type { Database } from '../store/schema.js';

function parseStored(data: unknown): CoSellOpportunity {
  return CoSellOpportunity.parse(typeof data === 'string' ? JSON.parse(data) : data);
}

export async function loadOpportunity(
  db: Kysely<Database>,
  id: string,
): Promise<CoSellOpportunity | null> {
  const row = await db
    .selectFrom('opportunities')
    .select('data')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? parseStored(row.data) : null;
}

/** Every mirrored opportunity, a page at a time by id, so a report never holds the whole table. */
export async function* mirroredOpportunities(
  db: Kysely<Database>,
  pageSize = 500,
): AsyncGenerator<CoSellOpportunity> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('opportunities')
      .select(['id', 'data'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) yield parseStored(row.data);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
