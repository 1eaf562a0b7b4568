// The referral rows the gateway's request consumer reads and updates when people act on a referral
// in Salesforce (Requested_Action__c). The row's `data` comes back decoded.
import type { Kysely, Transaction } from 'kysely';
import { decodeJson } from './json-column.js';
import type { Database, ReferralRow } from './schema.js';

export type StoredReferral = Omit<ReferralRow, 'data'> & { data: Record<string, unknown> };

function decoded(row: ReferralRow): StoredReferral {
  return { ...row, data: decodeJson<Record<string, unknown>>(row.data) };
}

/**
 * The referral a Salesforce record stands for: by its Salesforce Id, else by cloud and portal id
 * (the write-back of the Salesforce Id may not be committed yet).
 */
export async function findReferralOfRecord(
  db: Kysely<Database>,
  record: { salesforceId: string; cloud: unknown; portalId: unknown },
): Promise<StoredReferral | undefined> {
  const bySalesforceId = await db
    .selectFrom('referrals')
    .selectAll()
    .where('salesforce_id', '=', record.salesforceId)
    .executeTakeFirst();
  if (bySalesforceId) return decoded(bySalesforceId);
  const { cloud, portalId } = record;
  if (typeof cloud !== 'string' || typeof portalId !== 'string') return undefined;
  const byPortalKey = await db
    .selectFrom('referrals')
    .selectAll()
    .where('cloud', '=', cloud)
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  return byPortalKey && decoded(byPortalKey);
}

/** The referral, locked for the rest of the transaction. */
export async function lockReferral(
  trx: Transaction<Database>,
  id: ReferralRow['id'],
): Promise<StoredReferral> {
  const row = await trx
    .selectFrom('referrals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return decoded(row);
}

/** Records a new owner: the referral is Assigned, and its data carries the owner. */
export async function saveReferralAssignment(
  trx: Transaction<Database>,
  referral: StoredReferral,
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
