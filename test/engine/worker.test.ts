import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
} from '../../middleware/src/core/triage/index.js';
import type { InboundReferral, InboundReferralInput } from '../../middleware/src/core/model.js';
import {
  recordInboundReferral,
  recordOpportunity,
  recordReferralDecision,
  ReferralStateError,
} from '../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../middleware/src/engine/jobs.js';
import { enqueueJob, queueStats } from '../../middleware/src/engine/outbox.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import {
  SyncWorker,
  type EngagementOutcome,
  type SalesforceSink,
} from '../../middleware/src/engine/worker.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';
import { FakePortal } from '../support/fake-portal.js';
import { storeVariants, truncateAll } from '../support/stores.js';

const T0 = new Date('2026-11-26T09:00:00.000Z');

class RecordingSalesforce implements SalesforceSink {
  engagements: EngagementOutcome[] = [];
  referrals: Array<InboundReferral & { referralId: string }> = [];
  async writeEngagement(outcome: EngagementOutcome) {
    this.engagements.push(outcome);
  }
  async writeReferral(referral: InboundReferral & { referralId: string }) {
    this.referrals.push(referral);
    return { salesforceId: `a03Hs00000${referral.referralId.padStart(5, '0')}AAA` };
  }
}

const triage = (referral: InboundReferral) =>
  triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);

function submitRequested(lastModifiedDate = '2026-11-26T08:00:00.000Z') {
  const deal = dataPlatformDeal({ lastModifiedDate });
  return {
    ...deal,
    engagements: [{ cloud: 'Microsoft' as const, requestedAction: 'Submit' as const }],
  };
}

const pdmReferral: InboundReferralInput = {
  cloud: 'AWS',
  portalId:
    'arn:aws:partnercentral:us-east-1::catalog/AWS/engagement-invitation/engi-7a1b2c3d4e5f6',
  receivedAt: '2026-11-26T08:30:00.000Z',
  customerName: 'Contoso Logistics',
  customerDomain: 'contoso-logistics.com',
  title: 'Fleet telemetry data platform on AWS',
  description: 'Customer wants to consolidate telemetry from 40k trucks into a governed lakehouse.',
  sourceLayer: 'Partner Program',
  referrer: {
    name: 'Dana Whitfield',
    email: 'danaw@amazon.com',
    title: 'Partner Development Manager',
  },
  tenancyArchetype: 'ISV-hosted SaaS',
};

async function drain(worker: SyncWorker, rounds = 10) {
  for (let i = 0; i < rounds; i++) if ((await worker.runOnce()) === 0) return;
}

describe.each(storeVariants())('sync worker on $name', ({ options }) => {
  let store: Store;
  let portal: FakePortal;
  let salesforce: RecordingSalesforce;
  let clock: Date;
  const worker = (extra: Partial<ConstructorParameters<typeof SyncWorker>[0]> = {}) =>
    new SyncWorker({
      db: store.db,
      clients: { Microsoft: portal, AWS: portal },
      salesforce,
      clock: () => clock,
      workerId: 'w1',
      backoff: { baseMs: 1, capMs: 1, random: () => 0 },
      ...extra,
    });

  beforeAll(async () => {
    store = await openStore(await options());
  });
  beforeEach(async () => {
    await truncateAll(store.db);
    portal = new FakePortal('Microsoft');
    salesforce = new RecordingSalesforce();
    clock = T0;
  });
  afterAll(async () => store?.close());

  it('submits a requested engagement once and writes the outcome back, clearing the request', async () => {
    await recordOpportunity(store.db, submitRequested(), T0);
    await recordOpportunity(store.db, submitRequested(), T0); // the same version read again
    await drain(worker());
    expect(portal.records.size).toBe(1);
    const engagement = await store.db
      .selectFrom('engagements')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(engagement).toMatchObject({ portal_id: 'Microsoft-O1', status: 'Submitted' });
    expect(salesforce.engagements).toHaveLength(1);
    expect(salesforce.engagements[0]).toMatchObject({
      opportunityId: '006Hs00001Nwh01AAA',
      cloud: 'Microsoft',
      status: 'Submitted',
      portalId: 'Microsoft-O1',
      clearRequestedAction: true,
    });
    const actions = await store.db
      .selectFrom('audit_log')
      .select(['side', 'action'])
      .orderBy('id')
      .execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { side: 'salesforce', action: 'first-seen' },
        { side: 'microsoft', action: 'submitted' },
      ]),
    );
  });

  it('retries a throttled call and still creates one record', async () => {
    portal.failures.push(
      new PortalError('Microsoft', 'throttled', '429 Too Many Requests', { retryAfterMs: 0 }),
    );
    await recordOpportunity(store.db, submitRequested(), T0);
    const w = worker();
    await drain(w);
    expect(portal.records.size).toBe(1);
    expect((await queueStats(store.db, clock)).dead).toBe(0);
  });

  it('parks a submission the pre-flight rejects and puts the findings on the engagement', async () => {
    await recordOpportunity(store.db, submitRequested(), T0);
    const finding = {
      code: 'MICROSOFT_CUSTOMER_COUNTRY',
      severity: 'error' as const,
      message: 'Set the account billing country',
      field: 'Account.BillingCountry',
      path: '$.customerProfile.address.country',
      cloud: 'Microsoft' as const,
    };
    await drain(worker({ preflight: () => [finding] }));
    expect(portal.createCalls).toBe(0);
    const engagement = await store.db
      .selectFrom('engagements')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(engagement.findings).toEqual([finding]);
    expect(engagement.sync_error).toMatch(/1 finding\(s\) block the Microsoft submission/);
    expect((await queueStats(store.db, clock)).dead).toBe(1);
    expect(salesforce.engagements.at(-1)).toMatchObject({
      findings: [finding],
      clearRequestedAction: true,
    });
  });

  it('queues an edit made during review and applies it when the portal unlocks', async () => {
    await recordOpportunity(store.db, submitRequested('2026-11-26T08:00:00.000Z'), T0);
    await drain(worker());
    const edited = {
      ...dataPlatformDeal({ lastModifiedDate: '2026-11-26T08:05:00.000Z', amount: 260_000 }),
      engagements: [
        { cloud: 'Microsoft' as const, portalId: 'Microsoft-O1', status: 'Submitted' as const },
      ],
    };
    await recordOpportunity(store.db, edited, T0);
    await drain(worker());
    expect(portal.records.get('Microsoft-O1')!.updates).toBe(0);
    expect(
      (await store.db.selectFrom('engagements').select('pending_changes').executeTakeFirstOrThrow())
        .pending_changes,
    ).not.toBeNull();

    portal.review('Microsoft-O1', 'Accepted');
    await enqueueJob(
      store.db,
      {
        kind: JOB_KINDS.poll,
        target: 'microsoft',
        orderingKey: 'engagement:006Hs00001Nwh01AAA:Microsoft',
        idempotencyKey: 'poll-1',
        payload: { opportunityId: '006Hs00001Nwh01AAA', cloud: 'Microsoft' },
      },
      T0,
    );
    await drain(worker());
    expect(portal.records.get('Microsoft-O1')!.updates).toBe(1);
    const engagement = await store.db
      .selectFrom('engagements')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(engagement.status).toBe('Accepted');
    expect(engagement.pending_changes).toBeNull();
    expect(engagement.accepted_at).not.toBeNull();
  });

  it('queues an edit and re-reads the status when the portal says the record went back into review', async () => {
    await recordOpportunity(store.db, submitRequested('2026-11-26T08:00:00.000Z'), T0);
    await drain(worker());
    // We last saw it accepted; the portal has since reopened its review.
    await store.db.updateTable('engagements').set({ status: 'Accepted' }).execute();
    const edited = {
      ...dataPlatformDeal({ lastModifiedDate: '2026-11-26T08:10:00.000Z', amount: 255_000 }),
      engagements: [
        { cloud: 'Microsoft' as const, portalId: 'Microsoft-O1', status: 'Accepted' as const },
      ],
    };
    await recordOpportunity(store.db, edited, T0);
    await worker().runOnce();
    expect((await queueStats(store.db, clock)).dead).toBe(0);
    expect(
      (await store.db.selectFrom('engagements').select('pending_changes').executeTakeFirstOrThrow())
        .pending_changes,
    ).not.toBeNull();
    const polls = await store.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', JOB_KINDS.poll)
      .execute();
    expect(polls).toHaveLength(1);
    await drain(worker());
    expect(
      (await store.db.selectFrom('engagements').select('status').executeTakeFirstOrThrow()).status,
    ).toBe('Submitted');
  });

  it('updates the portal for an AE edit but not for the echo of its own attribution write-back', async () => {
    await recordOpportunity(store.db, submitRequested(), T0);
    await drain(worker());
    const engaged = {
      cloud: 'Microsoft' as const,
      portalId: 'Microsoft-O1',
      status: 'Accepted' as const,
    };
    const base = dataPlatformDeal({ engagements: [engaged] });
    // The engine wrote CoSell_Attribution__c; Salesforce reads back a newer SystemModstamp.
    const echo = await recordOpportunity(
      store.db,
      {
        ...base,
        lastModifiedDate: '2026-11-26T08:05:00.000Z',
        coSell: { ...base.coSell, attribution: 'Influenced' },
      },
      T0,
    );
    expect(echo).toEqual({ applied: true, contentChanged: false, jobs: [] });
    const stored = await store.db
      .selectFrom('opportunities')
      .select('sf_modstamp')
      .executeTakeFirstOrThrow();
    expect(new Date(stored.sf_modstamp!).toISOString()).toBe('2026-11-26T08:05:00.000Z');
    // The AE moves the next step: that is news for Microsoft.
    const edit = await recordOpportunity(
      store.db,
      {
        ...base,
        lastModifiedDate: '2026-11-26T08:10:00.000Z',
        coSell: { ...base.coSell, attribution: 'Influenced' },
        nextStep: 'Joint pitch with the Azure data specialist on 2 Dec',
      },
      T0,
    );
    expect(edit.jobs).toHaveLength(1);
    const kinds = await store.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', JOB_KINDS.update)
      .execute();
    expect(kinds).toHaveLength(1);
    const audits = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'opportunity')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'first-seen',
      'changed-salesforce-only',
      'changed',
    ]);
  });

  it('renews the lease of a call slower than the lease, so no worker makes the call twice', async () => {
    const slowPortal = new FakePortal('Microsoft');
    const submit = slowPortal.submit.bind(slowPortal);
    let calls = 0;
    slowPortal.submit = async (request) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 900));
      return submit(request);
    };
    await recordOpportunity(store.db, submitRequested(), T0);
    const options = { clients: { Microsoft: slowPortal }, leaseMs: 200, clock: () => new Date() };
    const first = worker({ ...options, workerId: 'w1' });
    const second = worker({ ...options, workerId: 'w2' });
    first.start(10);
    second.start(10);
    try {
      const deadline = Date.now() + 20_000;
      while (slowPortal.records.size === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // Well past several lease lengths: a lapsed lease would have let a second call out by now.
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      await first.stop();
      await second.stop();
    }
    expect(calls).toBe(1);
    expect(slowPortal.records.size).toBe(1);
    const job = await store.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('kind', '=', JOB_KINDS.submit)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', attempts: 1 });
  });

  it('does not retry a timed-out call while that call may still reach the portal', async () => {
    const slowPortal = new FakePortal('Microsoft');
    const submit = slowPortal.submit.bind(slowPortal);
    let inFlight = 0;
    let overlapped = false;
    let calls = 0;
    slowPortal.submit = async (request) => {
      calls++;
      inFlight++;
      if (inFlight > 1) overlapped = true;
      try {
        // The first call outlives the worker's timeout; the retry is quick.
        await new Promise((resolve) => setTimeout(resolve, calls === 1 ? 700 : 10));
        return await submit(request);
      } finally {
        inFlight--;
      }
    };
    await recordOpportunity(store.db, submitRequested(), T0);
    const running = worker({
      clients: { Microsoft: slowPortal },
      leaseMs: 300,
      callTimeoutMs: 150,
      clock: () => new Date(),
    });
    running.start(10);
    try {
      const deadline = Date.now() + 20_000;
      const done = async () =>
        (
          await store.db
            .selectFrom('outbox')
            .select('status')
            .where('kind', '=', JOB_KINDS.submit)
            .executeTakeFirstOrThrow()
        ).status === 'done';
      while (!(await done()) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await running.stop();
    }
    expect(calls).toBe(2);
    expect(overlapped).toBe(false);
    expect(slowPortal.records.size).toBe(1);
  });

  it('turns five deliveries of one referral event into one triaged referral', async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(
        (
          await recordInboundReferral(
            store.db,
            { referral: pdmReferral, version: '2026-11-26T08:30:00Z' },
            triage,
            T0,
          )
        ).outcome,
      );
    expect(outcomes).toEqual(['created', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const rows = await store.db.selectFrom('referrals').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ priority: 'Standard', source_layer: 'Partner Program' });
    await drain(worker());
    expect(salesforce.referrals).toHaveLength(1);
    expect(salesforce.referrals[0]!.priority).toBe('Standard');
  });

  it('reads the role of a sender the portal names without one from the named counterparts, and leaves a stranger to classify', async () => {
    const googleReferral = (portalId: string, email: string): InboundReferralInput => ({
      ...pdmReferral,
      cloud: 'Google',
      portalId,
      sourceLayer: null,
      tenancyArchetype: null,
      referrer: { name: null, email, title: null },
    });
    await store.db
      .insertInto('counterparts')
      .values({
        cloud: 'Google',
        layer: 'Partner Program',
        name: 'Sofia Rossi',
        email: 'Sofia@google.com',
        data: JSON.stringify({ title: 'Partner Development Manager' }),
        updated_at: T0,
      })
      .execute();
    const known = await recordInboundReferral(
      store.db,
      { referral: googleReferral('opportunities/1', 'sofia@google.com'), version: '1' },
      triage,
      T0,
    );
    const stranger = await recordInboundReferral(
      store.db,
      { referral: googleReferral('opportunities/2', 'kai@google.com'), version: '1' },
      triage,
      T0,
    );
    if (known.outcome !== 'created' || stranger.outcome !== 'created')
      throw new Error('expected new referrals');
    expect([known.decision?.sourceLayer, known.decision?.priority]).toEqual([
      'Partner Program',
      'Standard',
    ]);
    expect([
      stranger.decision?.sourceLayer,
      stranger.decision?.priority,
      stranger.decision?.flags,
    ]).toEqual([null, 'High', expect.arrayContaining(['classify-source'])]);
    const rows = await store.db
      .selectFrom('referrals')
      .select(['portal_id', 'data'])
      .orderBy('portal_id')
      .execute();
    const first = (
      typeof rows[0]!.data === 'string' ? JSON.parse(rows[0]!.data) : rows[0]!.data
    ) as InboundReferral;
    expect(first.referrer).toEqual({
      name: 'Sofia Rossi',
      email: 'sofia@google.com',
      title: 'Partner Development Manager',
    });
  });

  it('sends an inbox decision to the portal once and refuses a second decision', async () => {
    const created = await recordInboundReferral(
      store.db,
      { referral: pdmReferral, version: '1' },
      triage,
      T0,
    );
    if (created.outcome === 'duplicate') throw new Error('expected a new referral');
    await recordReferralDecision(
      store.db,
      {
        referralId: created.referralId,
        decision: 'decline',
        declineReason: 'Region or compliance not supported',
        feedback:
          'Contoso needs data residency in the UAE, where our telemetry platform has no region yet.',
        actor: 'alliance-ops',
      },
      T0,
    );
    await expect(
      recordReferralDecision(
        store.db,
        { referralId: created.referralId, decision: 'accept', actor: 'alliance-ops' },
        T0,
      ),
    ).rejects.toThrow(ReferralStateError);
    await drain(worker());
    expect(portal.decisions).toHaveLength(1);
    expect(portal.decisions[0]).toMatchObject({
      decision: 'decline',
      declineReason: 'Region or compliance not supported',
    });
  });
});
