// The named counterparts kept in the org (CoSell_Counterpart__c) reach the store the service reads:
// created, edited and deleted records follow the org, an invalid record is named and left out, and
// an unchanged org writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CounterpartSource } from '../../../middleware/src/salesforce/gateway/counterparts.js';
import {
  openSalesforceSession,
  SalesforceApi,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { storedCounterparts } from '../../../middleware/src/store/counterparts.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';
import { pgliteOptions } from '../../support/stores.js';

describe('counterparts from CoSell_Counterpart__c', () => {
  let fixture: SalesforceFixture;
  let store: Store;
  let source: CounterpartSource;
  beforeAll(async () => {
    fixture = await startSalesforceFixture();
    store = await openStore(pgliteOptions());
    const session = await openSalesforceSession(fixture.config);
    source = new CounterpartSource(
      new SalesforceApi(session.connection),
      store.db,
      () => new Date('2026-11-26T09:00:00Z'),
    );
  }, 60_000);
  afterAll(async () => {
    await fixture.stop();
    await store.close();
  });

  it('copies every valid record, follows edits and deletions, and names the records it leaves out', async () => {
    const { org } = fixture.server;
    const pdm = org.seed('CoSell_Counterpart__c', {
      Name: 'Dana Whitfield',
      Cloud__c: 'AWS',
      Layer__c: 'Partner Program',
      Email__c: 'dana@amazon.com',
      Title__c: 'Partner Development Manager',
      Last_Contact_At__c: '2026-11-21T09:00:00.000+0000',
    });
    const specialist = org.seed('CoSell_Counterpart__c', {
      Name: 'Mei Chen',
      Cloud__c: 'Microsoft',
      Layer__c: 'Specialist',
      Email__c: 'mei@microsoft.com',
    });
    const bad = org.seed('CoSell_Counterpart__c', {
      Name: 'No Layer',
      Cloud__c: 'Google',
      Layer__c: 'Somewhere',
      Email__c: 'nobody@google.com',
    });

    const first = await source.load();
    expect(first).toMatchObject({ stored: 2, changed: true });
    expect(first.skipped).toEqual([{ id: bad.Id, reason: expect.stringContaining('Layer__c') }]);
    const stored = await storedCounterparts(store.db);
    expect(stored.map((c) => c.name).sort()).toEqual(['Dana Whitfield', 'Mei Chen']);
    expect(stored.find((c) => c.name === 'Dana Whitfield')).toMatchObject({
      id: pdm.Id,
      cloud: 'AWS',
      layer: 'Partner Program',
      title: 'Partner Development Manager',
      lastContactAt: '2026-11-21T09:00:00.000Z',
    });

    // Nothing changed in the org: nothing is rewritten.
    expect(await source.load()).toMatchObject({ stored: 2, changed: false });

    org.save(
      'CoSell_Counterpart__c',
      { Layer__c: 'Account Team', Title__c: 'Account Technology Strategist' },
      org.get('CoSell_Counterpart__c', specialist.Id),
    );
    org.remove('CoSell_Counterpart__c', pdm.Id);
    expect(await source.load()).toMatchObject({ stored: 1, changed: true });
    expect(await storedCounterparts(store.db)).toEqual([
      expect.objectContaining({
        id: specialist.Id,
        name: 'Mei Chen',
        layer: 'Account Team',
        title: 'Account Technology Strategist',
      }),
    ]);
  });
});
