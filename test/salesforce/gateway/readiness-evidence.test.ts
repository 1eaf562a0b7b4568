// Readiness evidence kept in the org (CoSell_Readiness__c) reaches the store the readiness API reads:
// the newest valid record per cloud counts, and a bad record is named and left out.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  openSalesforceSession,
  SalesforceApi,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { ReadinessEvidenceSource } from '../../../middleware/src/salesforce/gateway/readiness-evidence.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import { readReadinessEvidence } from '../../../middleware/src/store/readiness-evidence.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';
import { pgliteOptions } from '../../support/stores.js';

describe('readiness evidence from CoSell_Readiness__c', () => {
  let fixture: SalesforceFixture;
  let store: Store;
  beforeAll(async () => {
    fixture = await startSalesforceFixture();
    store = await openStore(pgliteOptions());
  }, 60_000);
  afterAll(async () => {
    await fixture.stop();
    await store.close();
  });

  it('stores the newest valid record per cloud, with the PDM and cadence it names, and names the records it leaves out', async () => {
    const { org } = fixture.server;
    org.seed('CoSell_Readiness__c', {
      Name: 'AWS (old)',
      Cloud__c: 'AWS',
      Evidence__c: JSON.stringify({ pdmCadence: 'monthly' }),
      LastModifiedDate: '2026-10-01T10:00:00.000+0000',
    });
    org.seed('CoSell_Readiness__c', {
      Name: 'AWS',
      Cloud__c: 'AWS',
      Evidence__c: JSON.stringify({
        cloud: 'Google',
        pdm: { name: 'Dana Whitfield', email: 'dana@amazon.com' },
        pdmCadence: 'weekly',
      }),
      LastModifiedDate: '2026-11-20T10:00:00.000+0000',
    });
    const badJson = org.seed('CoSell_Readiness__c', {
      Name: 'Google',
      Cloud__c: 'Google',
      Evidence__c: '{ pdm: ',
      LastModifiedDate: '2026-11-21T10:00:00.000+0000',
    });
    const badField = org.seed('CoSell_Readiness__c', {
      Name: 'Microsoft',
      Cloud__c: 'Microsoft',
      Evidence__c: JSON.stringify({ pdmCadence: 'yearly' }),
      LastModifiedDate: '2026-11-22T10:00:00.000+0000',
    });

    const session = await openSalesforceSession(fixture.config);
    const source = new ReadinessEvidenceSource(
      new SalesforceApi(session.connection),
      store.db,
      () => new Date('2026-11-26T09:00:00Z'),
    );
    const loaded = await source.load();
    expect(loaded.stored.map((entry) => entry.cloud)).toEqual(['AWS']);
    expect(loaded.skipped.map((entry) => entry.recordId)).toEqual(
      expect.arrayContaining([badJson.Id, badField.Id]),
    );
    expect(loaded.skipped.find((entry) => entry.recordId === badField.Id)?.reason).toContain(
      'pdmCadence',
    );
    // The record's cloud wins over a cloud written inside the JSON.
    expect(await readReadinessEvidence(store.db, 'AWS')).toMatchObject({
      cloud: 'AWS',
      pdm: { name: 'Dana Whitfield' },
      pdmCadence: 'weekly',
    });
    expect(await readReadinessEvidence(store.db, 'Google')).toBeNull();
  });
});
