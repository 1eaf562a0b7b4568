// The mirror of Salesforce opportunities: each one's canonical JSON as last read, with the
// Salesforce modstamp that orders versions.
import type { Kysely, Transaction } from 'kysely';
import { CoSellOpportunity } from '../core/model.js';
import { decodedEngagement, findEngagement } from './engagements.js';
import { decodeJson } from './json-column.js';
import { findRow, readDocument, upsertRow, type Executor } from './rows.js';
import type { Database, EngagementRow } from './schema.js';

// Writes for the engine

/** The stored version of an opportunity, locked for the caller's transaction. */
export async function lockOpportunity(
  trx: Transaction<Database>,
  id: string,
): Promise<{ modstamp: Date | null; data: unknown } | undefined> {
  const row = await findRow(trx, 'opportunities', { id }, { lock: true });
  if (!row) return undefined;
  return {
    modstamp: row.sf_modstamp ? new Date(row.sf_modstamp) : null,
    data: decodeJson(row.data),
  };
}

/** Stores an opportunity as Salesforce holds it, replacing the stored version. */
export async function saveOpportunity(
  db: Executor,
  opportunity: { id: string },
  modstamp: Date,
  now: Date,
): Promise<void> {
  const data = JSON.stringify(opportunity);
  await upsertRow(db, 'opportunities', 'id', {
    id: opportunity.id,
    data,
    sf_modstamp: modstamp,
    updated_at: now,
  });
}

// Reads for the service

const parseStored = (data: unknown) => CoSellOpportunity.parse(decodeJson(data));

export async function loadOpportunity(
  db: Kysely<Database>,
  id: string,
): Promise<CoSellOpportunity | null> {
  const data = await readDocument(db, 'opportunities', { id });
  return data === null ? null : CoSellOpportunity.parse(data);
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

/** The whole mirror at once, for the reports that need every deal together. */
export async function allOpportunities(db: Kysely<Database>): Promise<CoSellOpportunity[]> {
  const opportunities: CoSellOpportunity[] = [];
  for await (const opportunity of mirroredOpportunities(db)) opportunities.push(opportunity);
  return opportunities;
}

/** An engagement row with its JSON columns decoded (`findings` as stored, to be validated by the reader). */
export type StoredEngagement = Omit<EngagementRow, 'findings' | 'pending_changes'> & {
  findings: unknown;
  pending_changes: unknown;
};

/** The opportunity's engagements, by cloud. */
export async function engagementsOf(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<StoredEngagement[]> {
  const rows = await db
    .selectFrom('engagements')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('cloud')
    .execute();
  return rows.map(decodedEngagement);
}

/** The opportunity's engagement with one cloud, or null when it never had one. */
export async function engagementOf(
  db: Kysely<Database>,
  opportunityId: string,
  cloud: string,
): Promise<StoredEngagement | null> {
  return (await findEngagement(db, opportunityId, cloud)) ?? null;
}
