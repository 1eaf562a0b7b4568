// Readiness evidence per cloud, as the alliance team recorded it in the org (CoSell_Readiness__c, read
// by the gateway) or, in the embedded demo, seeded: the API's checklist reads it from here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('readiness_evidence')
    .addColumn('cloud', 'text', (c) => c.primaryKey())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('salesforce_id', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('readiness_evidence').ifExists().execute();
}
