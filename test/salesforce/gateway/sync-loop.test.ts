// The whole Salesforce loop with the sync worker: an AE's Submit request is read from the org, the
// portal record is created, and the outcome lands on the engagement with the request cleared; a new
// inbound referral is written to the org owned by its triage queue. Change events and the catch-up
// poll drive the passes.
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
} from '../../../middleware/src/core/triage/index.js';
import type { InboundReferral } from '../../../middleware/src/core/model.js';
import { recordInboundReferral } from '../../../middleware/src/engine/referral-intake.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import {
  ChangeDrivenSync,
  CHANGE_EVENT_CHANNELS,
  type ChangeEventSource,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { FakePortal } from '../../support/fake-portal.js';
import { seedCoSellOrg } from '../../support/salesforce-server/index.js';
import {
  startGatewayHarness,
  type GatewayHarness,
} from '../../support/salesforce-server/harness.js';

describe('Salesforce sync loop with the worker', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
  });
  afterAll(async () => harness.stop());

  async function drain(worker: SyncWorker): Promise<void> {
    for (let round = 0; round < 10 && (await worker.runOnce()) > 0; round++);
  }

  it('submits on request and writes the outcome back with the request cleared', async () => {
    const org = seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    const aws = new FakePortal('AWS');
    const worker = new SyncWorker({
      db: harness.store.db,
      clients: { AWS: aws },
      salesforce: harness.gateway.writeBack,
      clock: () => harness.now.value,
    });
    await harness.gateway.syncOnce();
    await drain(worker);
    expect(aws.createCalls).toBe(1);
    const engagement = harness.fixture.server.org.get(
      'CoSell_Engagement__c',
      org.dataPlatformAws.Id,
    )!;
    expect(engagement).toMatchObject({
      Status__c: 'Submitted',
      Portal_Id__c: 'AWS-O1',
      Requested_Action__c: null,
    });
    expect(engagement.Last_Synced_At__c).toBe(harness.now.value.toISOString());

    const triage = (referral: InboundReferral) =>
      triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);
    await recordInboundReferral(
      harness.store.db,
      {
        referral: {
          cloud: 'Microsoft',
          portalId: '9c1f0a52-7d4e-4b8a-a3c1-5e2f6b7d8e90',
          receivedAt: '2026-11-23T09:40:00.000Z',
          customerName: 'Fabrikam Health',
          title: 'Fabrikam Health - MACC-eligible clinical data platform',
          tenancyArchetype: 'ISV-hosted SaaS',
          sourceLayer: 'Regional/Segment',
          referrer: {
            name: 'Jonas Becker',
            email: 'jonas.becker@microsoft.com',
            title: 'Partner Development Manager, DACH Healthcare',
          },
        },
        version: '1',
      },
      triage,
      harness.now.value,
    );
    await drain(worker);
    const referral = harness.fixture.server.org.findByField(
      'CoSell_Referral__c',
      'Referral_Key__c',
      'Microsoft:9c1f0a52-7d4e-4b8a-a3c1-5e2f6b7d8e90',
    )!;
    expect(referral).toMatchObject({
      Priority__c: 'High',
      OwnerId: org.queues.CoSell_Alliance_Managers!.Id,
      Triage_Status__c: 'New',
    });
    const stored = await harness.store.db
      .selectFrom('referrals')
      .select('salesforce_id')
      .executeTakeFirstOrThrow();
    expect(stored.salesforce_id).toBe(referral.Id);
  });

  it('runs a pass on a change event without waiting for the poll, and the poll catches up without events', async () => {
    const listeners = new Map<string, (event: unknown) => void>();
    const events: ChangeEventSource = {
      async subscribe(channel, onEvent) {
        if (channel.includes('Referral'))
          throw new Error('CDC is not enabled for CoSell_Referral__c');
        listeners.set(channel, onEvent);
        return () => listeners.delete(channel);
      },
    };
    let passes = 0;
    const loop = new ChangeDrivenSync({
      sync: async () => void passes++,
      events,
      pollIntervalMs: 60_000,
      debounceMs: 5,
    });
    const started = await loop.start();
    expect(started.subscribed).toEqual(
      CHANGE_EVENT_CHANNELS.filter((channel) => !channel.includes('Referral')),
    );
    expect(started.failed).toEqual([
      {
        channel: '/data/CoSell_Referral__ChangeEvent',
        error: 'CDC is not enabled for CoSell_Referral__c',
      },
    ]);
    listeners.get('/data/OpportunityChangeEvent')!({
      payload: { ChangeEventHeader: { changeType: 'UPDATE' } },
    });
    listeners.get('/data/OpportunityChangeEvent')!({
      payload: { ChangeEventHeader: { changeType: 'UPDATE' } },
    });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(passes).toBe(1);
    expect(loop.eventTriggered).toBe(1);
    await loop.stop();
    expect(listeners.size).toBe(0);

    const polled = new ChangeDrivenSync({ sync: async () => void passes++, pollIntervalMs: 10 });
    await polled.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await polled.stop();
    expect(polled.passes).toBeGreaterThanOrEqual(2);
  });

  it('never runs two passes at once: an event during a pass queues exactly one more', async () => {
    let active = 0;
    let overlap = false;
    let calls = 0;
    const loop = new ChangeDrivenSync({
      sync: async () => {
        calls++;
        active++;
        if (active > 1) overlap = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
      },
      pollIntervalMs: 60_000,
    });
    await Promise.all([loop.runPass(), loop.runPass(), loop.runPass()]);
    expect(overlap).toBe(false);
    expect(calls).toBe(2);
  });
});
