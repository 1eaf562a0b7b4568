// The ISV's named hyperscaler counterparts as the service reads them (triage of a sender with no
// stated role, readiness, coverage, maturity): a copy of the org's CoSell_Counterpart__c records,
// replaced whole by the gateway's periodic read so a record deleted in the org leaves too.
import { sql, type Kysely, type Transaction } from 'kysely';
import { Counterpart, type Cloud } from '../core/model.js';
import { decodeJson } from './json-column.js';
import type { Database } from './schema.js';

function rowOf(counterpart: Counterpart) {
  return {
    cloud: counterpart.cloud,
    layer: counterpart.layer,
    name: counterpart.name,
    email: counterpart.email,
    data: JSON.stringify({
      id: counterpart.id ?? null,
      title: counterpart.title,
      region: counterpart.region,
      lastContactAt: counterpart.lastContactAt,
    }),
  };
}

const keyOf = (row: {
  cloud: string;
  layer: string;
  name: string;
  email: string | null;
  data: unknown;
}) => JSON.stringify([row.cloud, row.layer, row.name, row.email, decodeJson(row.data)]);

/**
 * Makes the stored counterparts exactly the given ones, in one transaction; returns whether
 * anything changed (an unchanged org costs one read and no write).
 */
export async function replaceCounterparts(
  db: Kysely<Database>,
  counterparts: readonly Counterpart[],
  now: Date,
): Promise<boolean> {
  const wanted = counterparts.map(rowOf);
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('counterparts')
      .select(['cloud', 'layer', 'name', 'email', 'data'])
      .forUpdate()
      .execute();
    const before = stored.map(keyOf).sort();
    const after = wanted.map(keyOf).sort();
    if (before.length === after.length && before.every((key, index) => key === after[index]))
      return false;
    await trx.deleteFrom('counterparts').execute();
    if (wanted.length > 0)
      await trx
        .insertInto('counterparts')
        .values(wanted.map((row) => ({ ...row, updated_at: now })))
        .execute();
    return true;
  });
}

/** The stored counterparts (of the given clouds, when named) that still read as counterparts. */
export async function storedCounterparts(
  db: Kysely<Database>,
  clouds?: readonly Cloud[],
): Promise<Counterpart[]> {
  let select = db.selectFrom('counterparts').selectAll();
  if (clouds) select = select.where('cloud', 'in', clouds);
  const rows = await select.execute();
  return rows.flatMap((row) => {
    const parsed = Counterpart.safeParse({
      ...decodeJson<Record<string, unknown>>(row.data),
      cloud: row.cloud,
      layer: row.layer,
      name: row.name,
      email: row.email,
    });
    return parsed.success ? [parsed.data] : [];
  });
}

/** The counterpart most recently recorded with this address on a cloud (case-insensitive). */
export async function findCounterpartByEmail(
  db: Kysely<Database> | Transaction<Database>,
  cloud: string,
  email: string,
): Promise<{ layer: string; name: string; title: string | null } | undefined> {
  const row = await db
    .selectFrom('counterparts')
    .select(['layer', 'name', 'data'])
    .where('cloud', '=', cloud)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  const data = decodeJson<{ title?: unknown } | null>(row.data);
  return {
    layer: row.layer,
    name: row.name,
    title: typeof data?.title === 'string' ? data.title : null,
  };
}
