// Inbound referrals: one row per portal referral, holding its canonical JSON (with the inbox's
// own state: priority, decision, feedback) and the columns the inbox filters on.
import type { Kysely, Transaction } from 'kysely';
import { decodeJson } from './json-column.js';
import type { Database, ReferralRow } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

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
  let query = db.selectFrom('referrals').selectAll().where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && decoded(row);
}

/** Like findReferral, for a referral that must exist. */
export async function getReferral(db: Executor, id: string): Promise<ReferralRecord> {
  const row = await findReferral(db, id);
  if (!row) throw new Error(`referral ${id} is not in the store`);
  return row;
}

/** The referral a portal knows by this id, locked for the caller's transaction. */
export async function lockReferralByPortalId(
  trx: Transaction<Database>,
  cloud: string,
  portalId: string,
): Promise<ReferralRecord | undefined> {
  const row = await trx
    .selectFrom('referrals')
    .selectAll()
    .where('cloud', '=', cloud)
    .where('portal_id', '=', portalId)
    .forUpdate()
    .executeTakeFirst();
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
