import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLOUDS } from '../../middleware/src/core/model.js';
import { demoOpportunities, seedDemoOpportunities } from '../../middleware/src/demo/seed.js';
import { LocalSalesforce } from '../../middleware/src/demo/local-salesforce.js';
import { queueStats } from '../../middleware/src/engine/outbox.js';
import { pgliteOptions } from '../support/stores.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';

const NOW = new Date('2026-11-26T09:00:00.000Z');

const opportunities = demoOpportunities(NOW);

describe('demo data', () => {

  it('spans the three clouds, both origins, open and closed deals', () => {
    expect(opportunities.length).toBeGreaterThanOrEqual(24);
    for (const cloud of CLOUDS) expect(opportunities.some((o) => o.coSell.clouds.includes(cloud))).toBe(true);
    expect(new Set(opportunities.map((o) => o.coSell.origin).filter(Boolean))).toEqual(new Set(['Partner-led', 'Hyperscaler-led']));
    expect(opportunities.some((o) => o.isWon)).toBe(true);
    expect(opportunities.some((o) => !o.isClosed)).toBe(true);
  });

  it('gives every customer the details the portals ask for', () => {
    for (const o of opportunities) {
      expect(o.account).toMatchObject({ website: expect.stringMatching(/^https:\/\//), billingCountry: expect.stringMatching(/^[A-Z]{2}$/) });
      expect(o.contacts[0]?.email).toMatch(/@/);
    }
  });

  it('is the same every time it is generated', () => {
    expect(demoOpportunities(NOW)).toEqual(opportunities);
  });
});

describe('seeding the embedded desk', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(pgliteOptions());
  });
  afterAll(async () => store?.close());

  it('seeds once, queues the requested submissions, and leaves a second start alone', async () => {
    const first = await seedDemoOpportunities(store.db, NOW);
    expect(first!.opportunities).toBe(opportunities.length);
    expect(first!.submitRequested).toBeGreaterThan(0);
    expect((await queueStats(store.db, NOW)).pending).toBe(first!.submitRequested);
    expect(await seedDemoOpportunities(store.db, NOW)).toBeNull();
  });

  it('writes engagement outcomes back onto the mirrored opportunity, clearing the request', async () => {
    const target = opportunities.find((o) => o.engagements.some((e) => e.requestedAction === 'Submit'))!;
    const cloud = target.engagements.find((e) => e.requestedAction === 'Submit')!.cloud;
    const salesforce = new LocalSalesforce(store.db);
    await salesforce.writeEngagement({ opportunityId: target.id, cloud, status: 'Submitted', portalId: 'O1234567', findings: [], submittedAt: NOW.toISOString(), acceptedAt: null, lastSyncedAt: NOW.toISOString(), syncError: null, clearRequestedAction: true });
    const row = await store.db.selectFrom('opportunities').select(['data', 'sf_modstamp']).where('id', '=', target.id).executeTakeFirstOrThrow();
    const engagement = (row.data as { engagements: Array<{ cloud: string; status: string; portalId: string; requestedAction: string | null }> }).engagements.find((e) => e.cloud === cloud)!;
    expect(engagement).toMatchObject({ status: 'Submitted', portalId: 'O1234567', requestedAction: null });
    expect(new Date(row.sf_modstamp!).toISOString()).toBe(target.lastModifiedDate);
  });
});
