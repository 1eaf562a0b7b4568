import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { storeVariants } from '../support/stores.js';

describe.each(storeVariants())('store on $name', ({ options }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await options());
  });
  afterAll(async () => store?.close());

  it('creates every table the engine uses', async () => {
    const { rows } = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(
      store.db,
    );
    const names = rows.map((r) => r.table_name);
    for (const table of [
      'opportunities',
      'engagements',
      'referrals',
      'counterparts',
      'outbox',
      'idempotency_keys',
      'inbound_events',
      'sync_cursors',
      'audit_log',
      'rate_budgets',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('keeps one engagement per opportunity and cloud', async () => {
    const row = {
      opportunity_id: '006000000000001AAA',
      cloud: 'AWS',
      status: 'Draft',
      findings: JSON.stringify([]),
      updated_at: new Date(),
    };
    await store.db.insertInto('engagements').values(row).execute();
    await expect(store.db.insertInto('engagements').values(row).execute()).rejects.toThrow(
      /engagements_one_per_cloud|duplicate key/,
    );
  });

  it('applies a migration the store has not run yet, even though the others are in place', async () => {
    const { migrateToLatest } = await import('../../middleware/src/store/database.js');
    await sql`drop table rate_limits`.execute(store.db);
    await sql`delete from kysely_migration where name = '0002-rate-limits'`.execute(store.db);
    await expect(migrateToLatest(store.db)).resolves.toEqual(['0002-rate-limits']);
    const { rows } = await sql<{
      present: boolean;
    }>`select to_regclass('rate_limits') is not null as present`.execute(store.db);
    expect(rows[0]!.present).toBe(true);
  });

  it('is idempotent when migrations run again', async () => {
    const { migrateToLatest } = await import('../../middleware/src/store/database.js');
    await expect(migrateToLatest(store.db)).resolves.toEqual([]);
  });
});
