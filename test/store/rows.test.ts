import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { findRow, readDocument, upsertRow } from '../../middleware/src/store/rows.js';
import { storeVariants, truncateAll } from '../support/stores.js';

describe.each(storeVariants())('row helpers on $name', ({ options }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await options());
  });
  afterAll(async () => store?.close());
  beforeEach(async () => truncateAll(store.db));

  const first = new Date('2026-03-01T10:00:00Z');
  const later = new Date('2026-03-02T10:00:00Z');

  it('inserts a row, then overwrites every other column when the key is stored again', async () => {
    await upsertRow(store.db, 'readiness_evidence', 'cloud', {
      cloud: 'AWS',
      data: JSON.stringify({ cloud: 'AWS', version: 1 }),
      salesforce_id: 'a01000000000001AAA',
      updated_at: first,
    });
    await upsertRow(store.db, 'readiness_evidence', 'cloud', {
      cloud: 'AWS',
      data: JSON.stringify({ cloud: 'AWS', version: 2 }),
      salesforce_id: null,
      updated_at: later,
    });
    const rows = await store.db.selectFrom('readiness_evidence').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cloud: 'AWS', salesforce_id: null });
    expect(new Date(rows[0]!.updated_at).toISOString()).toBe(later.toISOString());
    expect(await readDocument(store.db, 'readiness_evidence', { cloud: 'AWS' })).toEqual({
      cloud: 'AWS',
      version: 2,
    });
  });

  it('finds a row only when every key column matches', async () => {
    for (const cloud of ['AWS', 'Google'])
      await store.db
        .insertInto('referrals')
        .values({
          cloud,
          portal_id: 'O1',
          data: JSON.stringify({ cloud }),
          triage_status: 'New',
          received_at: first,
          updated_at: first,
        })
        .execute();
    const google = await findRow(store.db, 'referrals', { cloud: 'Google', portal_id: 'O1' });
    expect(google).toMatchObject({ cloud: 'Google', portal_id: 'O1' });
    expect(await findRow(store.db, 'referrals', { cloud: 'Microsoft', portal_id: 'O1' })).toBe(
      undefined,
    );
    expect(await readDocument(store.db, 'sandbox_state', { name: 'absent' })).toBeNull();
  });

  it('reads a row under lock and rewrites it in the same transaction', async () => {
    await upsertRow(store.db, 'sync_cursors', 'name', {
      name: 'inbound:AWS',
      value: 'a',
      updated_at: first,
    });
    await store.db.transaction().execute(async (trx) => {
      const row = await findRow(trx, 'sync_cursors', { name: 'inbound:AWS' }, { lock: true });
      expect(row?.value).toBe('a');
      await upsertRow(trx, 'sync_cursors', 'name', {
        name: 'inbound:AWS',
        value: 'b',
        updated_at: later,
      });
    });
    expect((await findRow(store.db, 'sync_cursors', { name: 'inbound:AWS' }))?.value).toBe('b');
  });
});
