// Engagements: one row per opportunity and cloud, holding the portal record's id, status and
// findings as the engine last saw them.
import { sql, type Kysely, type Transaction } from 'kysely';
import { decodeJson } from './json-column.js';
import { findRow, type Executor } from './rows.js';
import type { Database, EngagementRow } from './schema.js';

// Writes for the engine

/** An engagement as the engine reads it, its JSON columns decoded. */
export type EngagementRecord = EngagementRow;

export function decodedEngagement(row: EngagementRow): EngagementRecord {
  return {
    ...row,
    findings: decodeJson(row.findings),
    pending_changes: decodeJson(row.pending_changes),
  };
}

/** The engagement of one opportunity with one cloud; `lock` holds it for the caller's transaction. */
export async function findEngagement(
  db: Executor,
  opportunityId: string,
  cloud: string,
  options: { lock?: boolean } = {},
): Promise<EngagementRecord | undefined> {
  const row = await findRow(db, 'engagements', { opportunity_id: opportunityId, cloud }, options);
  return row && decodedEngagement(row);
}

/** Like findEngagement, for an engagement that must exist. */
export async function getEngagement(
  db: Executor,
  opportunityId: string,
  cloud: string,
  options: { lock?: boolean } = {},
): Promise<EngagementRecord> {
  const row = await findEngagement(db, opportunityId, cloud, options);
  if (!row) throw new Error(`no ${cloud} engagement of opportunity ${opportunityId} is stored`);
  return row;
}

/** Adds an engagement the store does not hold yet (an existing one is left as it is). */
export async function insertEngagementIfAbsent(
  trx: Transaction<Database>,
  engagement: {
    opportunityId: string;
    cloud: string;
    status: string;
    findings: unknown;
    portalId: string | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('engagements')
    .values({
      opportunity_id: engagement.opportunityId,
      cloud: engagement.cloud,
      status: engagement.status,
      findings: JSON.stringify(engagement.findings),
      portal_id: engagement.portalId,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['opportunity_id', 'cloud']).doNothing())
    .execute();
}

/** The portal's answer about an engagement's record. */
export interface EngagementState {
  portalId: string | null;
  status: string;
  version: string | null;
  findings: unknown;
  acceptedAt?: Date;
  submittedAt?: Date;
  clearPending: boolean;
}

/** Stores the portal's state on an engagement (the first submission and acceptance times stick). */
export async function storeEngagementState(
  trx: Transaction<Database>,
  before: EngagementRecord,
  state: EngagementState,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('engagements')
    .set({
      portal_id: state.portalId,
      status: state.status,
      portal_version: state.version,
      findings: JSON.stringify(state.findings),
      sync_error: null,
      last_synced_at: now,
      ...(state.submittedAt && !before.submitted_at ? { submitted_at: state.submittedAt } : {}),
      ...(state.acceptedAt && !before.accepted_at ? { accepted_at: state.acceptedAt } : {}),
      ...(state.clearPending ? { pending_changes: null } : {}),
      updated_at: now,
    })
    .where('id', '=', before.id)
    .execute();
}

/** Keeps (or, with null, drops) the edit made while the portal reviewed the record. */
export async function setPendingChanges(
  trx: Transaction<Database>,
  engagementId: string,
  pending: object | null,
  now: Date | null,
): Promise<void> {
  await trx
    .updateTable('engagements')
    .set({
      pending_changes: pending === null ? null : JSON.stringify(pending),
      ...(now ? { updated_at: now } : {}),
    })
    .where('id', '=', engagementId)
    .execute();
}

/** Puts a failure a person must fix (with its findings) on the engagement. */
export async function recordEngagementFailure(
  trx: Transaction<Database>,
  opportunityId: string,
  cloud: string,
  failure: { findings: unknown; message: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('engagements')
    .set({
      findings: JSON.stringify(failure.findings),
      sync_error: failure.message,
      updated_at: now,
    })
    .where('opportunity_id', '=', opportunityId)
    .where('cloud', '=', cloud)
    .execute();
}

/** An engagement with the opportunity it belongs to, as Salesforce last sent it, in one read. */
export async function findSubmission(
  db: Executor,
  opportunityId: string,
  cloud: string,
): Promise<{ engagement: EngagementRecord; opportunity: unknown } | undefined> {
  const row = await db
    .selectFrom('engagements')
    .innerJoin('opportunities', 'opportunities.id', 'engagements.opportunity_id')
    .selectAll('engagements')
    .select('opportunities.data as opportunity_data')
    .where('engagements.opportunity_id', '=', opportunityId)
    .where('engagements.cloud', '=', cloud)
    .executeTakeFirst();
  if (!row) return undefined;
  const { opportunity_data: data, ...engagement } = row;
  return { engagement: decodedEngagement(engagement), opportunity: decodeJson(data) };
}

/**
 * Engagements with a portal record in one of `statuses`, not synced since `due`, and with no
 * `pollKind` job still waiting in the outbox (its ordering key is the engine's
 * `engagement:<opportunity>:<cloud>`, spelled here in SQL).
 */
export async function engagementsDueForPoll(
  db: Kysely<Database>,
  statuses: readonly string[],
  due: Date,
  pollKind: string,
): Promise<Array<{ opportunityId: string; cloud: string }>> {
  const rows = await db
    .selectFrom('engagements')
    .select(['opportunity_id', 'cloud'])
    .where('portal_id', 'is not', null)
    .where('status', 'in', [...statuses])
    .where((eb) => eb.or([eb('last_synced_at', 'is', null), eb('last_synced_at', '<=', due)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox')
            .select('outbox.id')
            .where('outbox.kind', '=', pollKind)
            .where('outbox.status', 'in', ['pending', 'running'])
            .where(
              sql<boolean>`outbox.ordering_key = 'engagement:' || engagements.opportunity_id || ':' || engagements.cloud`,
            ),
        ),
      ),
    )
    .execute();
  return rows.map((row) => ({ opportunityId: row.opportunity_id, cloud: row.cloud }));
}

/** The opportunity whose engagement with `cloud` is this Salesforce id or this portal record. */
export async function findEngagedOpportunity(
  db: Kysely<Database>,
  cloud: string,
  by: { salesforceId: string } | { portalId: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('engagements')
    .select(['opportunity_id'])
    .where('cloud', '=', cloud)
    .where((eb) =>
      'salesforceId' in by
        ? eb('opportunity_id', '=', by.salesforceId)
        : eb('portal_id', '=', by.portalId),
    )
    .executeTakeFirst();
  return row?.opportunity_id;
}
