// The account-mapping run history behind the store: recorded by the mapping route, read by the
// readiness checklist (item 7: account mapping done this quarter).
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import type { Database } from './schema.js';

export interface AccountMappingRun {
  cloud: Cloud;
  ranOn: string;
  hyperscalerAccounts: number;
  matched: number;
  review: number;
  jointPursuits: number;
}

export async function recordAccountMappingRun(
  db: Kysely<Database>,
  run: AccountMappingRun,
  recordedAt: Date,
): Promise<void> {
  await db
    .insertInto('account_mapping_runs')
    .values({
      cloud: run.cloud,
      ran_on: run.ranOn,
      recorded_at: recordedAt,
      hyperscaler_accounts: run.hyperscalerAccounts,
      matched: run.matched,
      review: run.review,
      joint_pursuits: run.jointPursuits,
    })
    .execute();
}

/** The latest run for a cloud, or null when account mapping never ran through the service. */
export async function latestAccountMappingRun(
  db: Kysely<Database>,
  cloud: Cloud,
): Promise<AccountMappingRun | null> {
  const row = await db
    .selectFrom('account_mapping_runs')
    .selectAll()
    .where('cloud', '=', cloud)
    .orderBy('ran_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    cloud,
    ranOn: row.ran_on,
    hyperscalerAccounts: row.hyperscaler_accounts,
    matched: row.matched,
    review: row.review,
    jointPursuits: row.joint_pursuits,
  };
}
