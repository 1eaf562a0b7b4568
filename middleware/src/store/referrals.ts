// Inbound referrals: one row per portal referral, holding its canonical JSON (with the inbox's
// own state: priority, decision, feedback) and the columns the inbox filters on.
import { sql, type Kysely, type Transaction } from 'kysely';
import { InboundReferral, type Cloud } from '../core/model.js';
import { decodeJson } from './json-column.js';
import { findRow, type Executor } from './rows.js';
import type { Database, ReferralRow } from './schema.js';

// Writes for the engine

/** A referral as the engine reads it: string id, its JSON decoded. */
export type ReferralRecord = Omit<ReferralRow, 'id' | 'data'> & {
  id: string;
  data: Record<string, unknown>;
};

function decoded(row: ReferralRow): ReferralRecord {
  return { ...row, id: String(row.id), data: decodeJson<Record<string, unknown>>(row.data) };
}

/** The referral with this store id, if any; `lock` holds it for the caller's transaction. */
export async function findReferral(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReferralRecord | undefined> {
  const row = await findRow(db, 'referrals', { id }, options);
  return row && decoded(row);
}

/** Like findReferral, for a referral that must exist. */
export async function getReferral(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReferralRecord> {
  const row = await findReferral(db, id, options);
  if (!row) throw new Error(`referral ${id} is not in the store`);
  return row;
}

/** The referral a portal knows by this id, locked for the caller's transaction. */
export async function lockReferralByPortalId(
  trx: Transaction<Database>,
  cloud: string,
  portalId: string,
): Promise<ReferralRecord | undefined> {
  const row = await findRow(trx, 'referrals', { cloud, portal_id: portalId }, { lock: true });
  return row && decoded(row);
}

/** Stores a new referral; returns its store id. */
export async function insertReferral(
  trx: Transaction<Database>,
  referral: {
    cloud: string;
    portalId: string;
    portalVersion: string;
    data: object;
    priority: string;
    responseDue: Date;
    sourceLayer: string | null;
    triageStatus: string;
    receivedAt: Date;
  },
  now: Date,
): Promise<string> {
  const inserted = await trx
    .insertInto('referrals')
    .values({
      cloud: referral.cloud,
      portal_id: referral.portalId,
      portal_version: referral.portalVersion,
      data: JSON.stringify(referral.data),
      priority: referral.priority,
      response_due: referral.responseDue,
      source_layer: referral.sourceLayer,
      triage_status: referral.triageStatus,
      salesforce_id: null,
      received_at: referral.receivedAt,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(inserted.id);
}

/** Replaces a referral's JSON (and, when given, its portal version or triage status). */
export async function updateReferral(
  trx: Transaction<Database>,
  id: string,
  change: { data: object; portalVersion?: string; triageStatus?: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('referrals')
    .set({
      data: JSON.stringify(change.data),
      ...(change.portalVersion === undefined ? {} : { portal_version: change.portalVersion }),
      ...(change.triageStatus === undefined ? {} : { triage_status: change.triageStatus }),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Remembers the Salesforce record a referral was written to. */
export async function setReferralSalesforceId(
  trx: Transaction<Database>,
  id: string,
  salesforceId: string,
): Promise<void> {
  await trx
    .updateTable('referrals')
    .set({ salesforce_id: salesforceId })
    .where('id', '=', id)
    .execute();
}

// Reads for the service (and the owner assignment, which the service runs in its transaction)

/** Statuses still waiting on a person: only these can be overdue. */
export const OPEN_REFERRAL_STATUSES = ['New', 'Assigned'];

export interface ReferralFilter {
  /** Only the referrals this Salesforce user owns. */
  ownerId?: string | undefined;
  cloud?: string | undefined;
  layer?: string | undefined;
  priority?: string | undefined;
  status?: string | undefined;
  /** Open and past their response deadline (true), or not (false), at `now`. */
  overdue?: boolean | undefined;
  now: Date;
  limit: number;
}

/** The inbox: priority first, then the response deadline (none last), then arrival. */
export async function referralInbox(
  db: Kysely<Database>,
  filter: ReferralFilter,
): Promise<ReferralRecord[]> {
  const { now } = filter;
  let select = db.selectFrom('referrals').selectAll();
  if (filter.ownerId !== undefined)
    select = select.where(sql<string>`data->>'ownerId'`, '=', filter.ownerId);
  if (filter.cloud) select = select.where('cloud', '=', filter.cloud);
  if (filter.layer) select = select.where('source_layer', '=', filter.layer);
  if (filter.priority) select = select.where('priority', '=', filter.priority);
  if (filter.status) select = select.where('triage_status', '=', filter.status);
  if (filter.overdue === true)
    select = select
      .where('response_due', '<', now)
      .where('triage_status', 'in', OPEN_REFERRAL_STATUSES);
  if (filter.overdue === false) {
    select = select.where((eb) =>
      eb.or([
        eb('response_due', 'is', null),
        eb('response_due', '>=', now),
        eb('triage_status', 'not in', OPEN_REFERRAL_STATUSES),
      ]),
    );
  }
  const rows = await select
    .orderBy(
      sql`case priority when 'Urgent' then 0 when 'High' then 1 when 'Standard' then 2 else 3 end`,
    )
    .orderBy(sql`response_due asc nulls last`)
    .orderBy('id')
    .limit(filter.limit)
    .execute();
  return rows.map(decoded);
}

/** Every referral (of one cloud, when given) that still reads as a referral, by id. */
export async function storedReferrals(
  db: Kysely<Database>,
  cloud?: Cloud,
): Promise<InboundReferral[]> {
  let select = db.selectFrom('referrals').select(['id', 'data']);
  if (cloud) select = select.where('cloud', '=', cloud);
  const rows = await select.orderBy('id').execute();
  return rows.flatMap((row) => {
    const data = decodeJson<Record<string, unknown>>(row.data);
    const parsed = InboundReferral.safeParse({ ...data, id: undefined });
    return parsed.success ? [{ ...parsed.data, id: String(row.id) }] : [];
  });
}

/**
 * The referral a Salesforce record stands for: by its Salesforce Id, else by cloud and portal id
 * (the write-back of the Salesforce Id may not be committed yet).
 */
export async function findReferralOfRecord(
  db: Executor,
  record: { salesforceId: string; cloud: unknown; portalId: unknown },
): Promise<ReferralRecord | undefined> {
  const bySalesforceId = await findRow(db, 'referrals', { salesforce_id: record.salesforceId });
  if (bySalesforceId) return decoded(bySalesforceId);
  const { cloud, portalId } = record;
  if (typeof cloud !== 'string' || typeof portalId !== 'string') return undefined;
  const byPortalKey = await findRow(db, 'referrals', { cloud, portal_id: portalId });
  return byPortalKey && decoded(byPortalKey);
}

/** Records a new owner: the referral is Assigned, and its document carries the owner. */
export async function saveReferralAssignment(
  trx: Transaction<Database>,
  referral: Pick<ReferralRecord, 'id' | 'data'>,
  ownerId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('referrals')
    .set({
      triage_status: 'Assigned',
      data: JSON.stringify({ ...referral.data, ownerId, triageStatus: 'Assigned' }),
      updated_at: now,
    })
    .where('id', '=', referral.id)
    .execute();
}
