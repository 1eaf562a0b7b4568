// One row per account-mapping run and cloud: readiness item 7 reads the latest run's date, and the
// counts show whether the joint pursuit list is growing quarter to quarter.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_mapping_runs')
    .addColumn('cloud', 'text', (c) => c.notNull())
    .addColumn('ran_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('hyperscaler_accounts', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('review', 'integer', (c) => c.notNull())
    .addColumn('joint_pursuits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_mapping_runs_pk', ['cloud', 'recorded_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_mapping_runs').ifExists().execute();
}
