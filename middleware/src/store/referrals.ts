// Inbound referrals from the portals, with the triage the intake gave them (priority, response
// deadline, source layer, status) in columns the inbox filters and sorts on.
import { sql, type Kysely } from 'kysely';
import { InboundReferral, type Cloud } from '../core/model.js';
import { decodeJson } from './json-column.js';
import type { Database, ReferralRow } from './schema.js';

// Reads for the service (and the owner assignment, which the service runs in its transaction)

/** A referral row with its JSON document decoded. */
export type StoredReferral = Omit<ReferralRow, 'data'> & { data: Record<string, unknown> };

const decodedReferral = (row: ReferralRow): StoredReferral => ({
  ...row,
  data: decodeJson<Record<string, unknown>>(row.data),
});

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
): Promise<StoredReferral[]> {
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
  return rows.map(decodedReferral);
}

/** One referral, or null; `forUpdate` locks its row for the caller's transaction. */
export async function referralById(
  db: Kysely<Database>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredReferral | null> {
  let select = db.selectFrom('referrals').selectAll().where('id', '=', id);
  if (options.forUpdate) select = select.forUpdate();
  const row = await select.executeTakeFirst();
  return row ? decodedReferral(row) : null;
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

/** Gives the referral a new owner: its document and status say Assigned. */
export async function saveReferralAssignment(
  db: Kysely<Database>,
  id: string,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('referrals')
    .set({ data: JSON.stringify(data), triage_status: 'Assigned', updated_at: now })
    .where('id', '=', id)
    .execute();
}
