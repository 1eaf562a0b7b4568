// The mirror of Salesforce opportunities: each one's canonical JSON as last read, with the
// Salesforce modstamp that orders versions.
import type { Kysely, Transaction } from 'kysely';
import { decodeJson } from './json-column.js';
import type { Database } from './schema.js';

// Writes for the engine

/** The stored version of an opportunity, locked for the caller's transaction. */
export async function lockOpportunity(
  trx: Transaction<Database>,
  id: string,
): Promise<{ modstamp: Date | null; data: unknown } | undefined> {
  const row = await trx
    .selectFrom('opportunities')
    .select(['sf_modstamp', 'data'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    modstamp: row.sf_modstamp ? new Date(row.sf_modstamp) : null,
    data: decodeJson(row.data),
  };
}

/** Stores an opportunity as Salesforce holds it, replacing the stored version. */
export async function saveOpportunity(
  trx: Transaction<Database> | Kysely<Database>,
  opportunity: { id: string },
  modstamp: Date,
  now: Date,
): Promise<void> {
  const data = JSON.stringify(opportunity);
  await trx
    .insertInto('opportunities')
    .values({ id: opportunity.id, data, sf_modstamp: modstamp, updated_at: now })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ data, sf_modstamp: modstamp, updated_at: now }),
    )
    .execute();
}
