// Proofs 3 and 4: an inbound event delivered five times yields one referral, on each portal and
// through the service's own event handler (engine/portal-events.ts): an ACE EventBridge invitation
// event (→ catch-up → invitation read → ACE inbound module → intake), a Partner Center webhook
// (→ referral read) and a Cloud Channel push (→ opportunity read); two SyncWorkers sharing one
// store never run a job twice; and a circuit opened by an outage closes again on its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { enqueueJob } from '../../../middleware/src/engine/outbox.js';
import type { Cloud } from '../../../middleware/src/core/model.js';
import {
  PortalError,
  type PortalClient,
  type SubmitRequest,
} from '../../../middleware/src/engine/portal-client.js';
import {
  createPortalEventHandler,
  type PortalEventOutcome,
} from '../../../middleware/src/engine/portal-events.js';
import { catchUpInbound } from '../../../middleware/src/engine/scheduler.js';
import { SyncWorker, type WorkerEvent } from '../../../middleware/src/engine/worker.js';
import type { AceEmulator, EmulatorEvent } from '../../../middleware/src/sandbox/aws/emulator.js';
import type {
  GoogleEmulator,
  PushDelivery,
} from '../../../middleware/src/sandbox/google/emulator.js';
import type {
  MicrosoftEmulator,
  WebhookDelivery,
} from '../../../middleware/src/sandbox/microsoft/emulator.js';
import type { PortalName } from '../../../middleware/src/portals/portal.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import {
  aceDivergence,
  defaultTriage,
  pipelineOpportunity,
  pipelineOpportunityId,
  proofAceClient,
  proofGoogleClient,
  proofMicrosoftClient,
  RecordingSalesforce,
  startProofAce,
  startProofGoogle,
  startProofMicrosoft,
} from '../../support/engine-harness.js';
import { FakePortal } from '../../support/fake-portal.js';
import { storeVariants, truncateAll } from '../../support/stores.js';

/** Counts each portal call by the logical call it makes (submission key, or portal id + version). */
function countingClient(inner: PortalClient, calls: Map<string, number>): PortalClient {
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
  return {
    cloud: inner.cloud,
    submit: (request: SubmitRequest) => (
      count(`submit ${request.idempotencyKey}`),
      inner.submit(request)
    ),
    update: (request) => (
      count(`update ${request.opportunity.id} ${request.opportunity.lastModifiedDate}`),
      inner.update(request)
    ),
    fetch: (portalId) => inner.fetch(portalId),
    listInbound: (cursor, now) => inner.listInbound(cursor, now),
    decide: (decision) => (count(`decide ${decision.portalId}`), inner.decide(decision)),
  };
}

async function drain(workers: SyncWorker[], rounds = 200): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const handled = await Promise.all(workers.map((worker) => worker.runOnce()));
    if (handled.every((count) => count === 0)) return;
  }
  throw new Error(`the outbox did not drain in ${rounds} rounds`);
}

/** Delivers the same event five times, two of them at once, as an at-least-once sender may. */
async function fiveTimes(deliver: () => Promise<PortalEventOutcome>): Promise<string[]> {
  const outcomes = await Promise.all([deliver(), deliver()]);
  for (let n = 0; n < 3; n++) outcomes.push(await deliver());
  return outcomes.map((o) => o.outcome).sort();
}

describe.each(storeVariants())(
  'inbound replays, shared store and circuit recovery on $name',
  ({ name, options }) => {
    let store: Store;
    let second: Store;
    let emulator: AceEmulator;
    let microsoft: MicrosoftEmulator;
    let google: GoogleEmulator;
    /** Catch-ups the handler asked for, so a test can wait for them as the service's timer would run them. */
    let catchUps: Array<Promise<unknown>>;

    /** The service's portal event handler on this store, its ACE catch-up running at once when asked. */
    const eventHandler = () =>
      createPortalEventHandler({
        db: store.db,
        clock: () => new Date(),
        triage: defaultTriage,
        microsoft: proofMicrosoftClient(microsoft.url),
        google: proofGoogleClient(google.url),
        catchUpSoon: (cloud: Cloud) => {
          const clients: Record<Cloud, PortalClient> = {
            AWS: proofAceClient(emulator.url),
            Microsoft: proofMicrosoftClient(microsoft.url),
            Google: proofGoogleClient(google.url),
          };
          catchUps.push(catchUpInbound(store.db, clients[cloud], defaultTriage, new Date()));
        },
        nudge: () => undefined,
      });

    /** The one referral of `cloud` the store holds, and the Salesforce write-backs queued for it. */
    const recorded = async (cloud: Cloud) => ({
      referrals: await store.db
        .selectFrom('referrals')
        .select(['portal_id', 'triage_status', 'source_layer'])
        .where('cloud', '=', cloud)
        .execute(),
      writebacks: (
        await store.db
          .selectFrom('outbox')
          .select('id')
          .where('kind', '=', JOB_KINDS.salesforceReferral)
          .execute()
      ).length,
    });

    beforeAll(async () => {
      const opened = await options();
      store = await openStore(opened);
      // A second engine instance: its own connection pool to the same server (PGlite: the same instance).
      second = opened.url ? await openStore({ url: opened.url, poolSize: 4 }) : store;
      [emulator, microsoft, google] = await Promise.all([
        startProofAce(),
        startProofMicrosoft(),
        startProofGoogle(),
      ]);
    });
    beforeEach(async () => {
      catchUps = [];
      await truncateAll(store.db);
    });
    afterAll(async () => {
      await Promise.all([emulator?.stop(), microsoft?.stop(), google?.stop()]);
      if (second && second !== store) await second.close();
      await store?.close();
    });

    it('the same ACE invitation event delivered five times (two at once) yields one referral and one Salesforce write-back', async () => {
      const seen: EmulatorEvent[] = [];
      const unsubscribe = emulator.control.subscribe((event) => void seen.push(event));
      const { id } = emulator.control.createInvitation({
        layer: 'Partner Program',
        customer: { companyName: 'Contoso Clinics', websiteUrl: 'https://contoso-clinics.example' },
        project: { title: 'Clinical data lakehouse', monthlySpendUsd: 38_000 },
      });
      unsubscribe();
      const created = seen.find(
        (event) => event['detail-type'] === 'Engagement Invitation Created',
      );
      expect(created).toBeDefined();
      const handle = eventHandler();
      // The event only names what changed: each delivery makes the ACE catch-up run (five of them, two at once).
      expect(await fiveTimes(() => handle('aws', created))).toEqual([
        'ignored',
        'ignored',
        'ignored',
        'ignored',
        'ignored',
      ]);
      expect(catchUps).toHaveLength(5);
      await Promise.all(catchUps);
      expect(await recorded('AWS')).toEqual({
        referrals: [{ portal_id: id, triage_status: 'New', source_layer: 'Partner Program' }],
        writebacks: 1,
      });
    });

    it('the same Partner Center webhook delivered five times (two at once) yields one referral and one Salesforce write-back', async () => {
      const seen: WebhookDelivery[] = [];
      const unsubscribe = microsoft.control.subscribe((delivery) => void seen.push(delivery));
      const { id } = microsoft.control.createIncomingReferral({
        layer: 'Specialist',
        customer: { name: 'Contoso Pharmaceuticals GmbH' },
      });
      await microsoft.control.flushWebhooks();
      unsubscribe();
      const created = seen.find((delivery) => delivery.event.EventName === 'referral-created');
      expect(created).toBeDefined();
      const handle = eventHandler();
      expect(await fiveTimes(() => handle('microsoft', created!.event))).toEqual([
        'created',
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      expect(catchUps).toHaveLength(0);
      expect(await recorded('Microsoft')).toEqual({
        referrals: [{ portal_id: id, triage_status: 'New', source_layer: 'Specialist' }],
        writebacks: 1,
      });
    });

    it('the same Cloud Channel push delivered five times (two at once) yields one referral and one Salesforce write-back', async () => {
      const seen: PushDelivery[] = [];
      const unsubscribe = google.control.subscribe((delivery) => void seen.push(delivery));
      const { name: opportunity } = google.control.createGoogleOpportunity({
        owner: { name: 'Sofia Lindgren', email: 'sofia.lindgren@google.com' },
      });
      await google.control.flushPushes();
      unsubscribe();
      const created = seen.find(
        (delivery) => delivery.event.opportunityEvent.eventType === 'CREATED',
      );
      expect(created).toBeDefined();
      const handle = eventHandler();
      expect(await fiveTimes(() => handle('google', created!.body))).toEqual([
        'created',
        'duplicate',
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      const held = await recorded('Google');
      expect(held.referrals.map((r) => r.portal_id)).toEqual([opportunity]);
      expect(held.writebacks).toBe(1);
    });

    it('an ACE opportunity event delivered five times queues one status poll', async () => {
      const client = proofAceClient(emulator.url);
      await recordOpportunity(store.db, pipelineOpportunity(7, 0, new Date()), new Date());
      const worker = new SyncWorker({
        db: store.db,
        clients: { AWS: client },
        salesforce: new RecordingSalesforce(),
        workerId: 'w-events',
      });
      await drain([worker]);
      const engagement = await store.db
        .selectFrom('engagements')
        .select('portal_id')
        .executeTakeFirstOrThrow();
      // Whatever the review reached by now, ACE announced the opportunity's changes as events.
      const announced = emulator.control
        .events()
        .find(
          (event) =>
            event['detail-type'].startsWith('Opportunity ') &&
            (event.detail as { opportunity?: { identifier?: string } }).opportunity?.identifier ===
              engagement.portal_id,
        );
      expect(announced).toBeDefined();
      const handle = eventHandler();
      const outcomes: string[] = [];
      for (let n = 0; n < 5; n++)
        outcomes.push((await handle('aws' satisfies PortalName, announced)).outcome);
      expect(outcomes).toEqual(['updated', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(catchUps).toHaveLength(0);
      expect(
        await store.db
          .selectFrom('outbox')
          .select('id')
          .where('kind', '=', JOB_KINDS.poll)
          .execute(),
      ).toHaveLength(1);
    });

    it(`two SyncWorkers sharing one ${name} store run each job once: one portal call per job, one ACE record per opportunity`, async () => {
      const baseline = emulator.counters.callsByOperation.StartEngagementFromOpportunityTask ?? 0;
      const createdBefore = emulator.counters.created;
      const calls = new Map<string, number>();
      const done = new Map<string, string[]>();
      const onEvent = (workerId: string) => (event: WorkerEvent) => {
        if (event.type === 'job-done')
          done.set(event.job.id, [...(done.get(event.job.id) ?? []), workerId]);
      };
      const make = (db: Store, workerId: string) =>
        new SyncWorker({
          db: db.db,
          clients: { AWS: countingClient(proofAceClient(emulator.url), calls) },
          salesforce: new RecordingSalesforce(),
          workerId,
          batchSize: 6,
          onEvent: onEvent(workerId),
        });
      const epoch = new Date();
      const deals = Array.from({ length: 30 }, (_, n) => 100 + n);
      for (const index of deals)
        await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());
      const workers = [make(store, 'instance-a'), make(second, 'instance-b')];
      await drain(workers);

      expect([...calls.values()].every((count) => count === 1)).toBe(true);
      expect(calls.size).toBe(deals.length);
      expect([...done.values()].every((by) => by.length === 1)).toBe(true);
      expect(new Set([...done.values()].flat())).toEqual(new Set(['instance-a', 'instance-b']));
      expect(emulator.counters.created - createdBefore).toBe(deals.length);
      expect(
        (emulator.counters.callsByOperation.StartEngagementFromOpportunityTask ?? 0) - baseline,
      ).toBe(deals.length);
      expect(await aceDivergence(emulator, new Map(deals.map((index) => [index, 0])))).toEqual([]);
    });

    it('a circuit opened by an outage lets the queued jobs through again once its wait is over', async () => {
      const portal = new FakePortal('AWS');
      portal.failures = Array.from(
        { length: 3 },
        () => new PortalError('AWS', 'unavailable', 'ACE InternalServerException (outage)'),
      );
      const worker = new SyncWorker({
        db: store.db,
        clients: { AWS: portal },
        salesforce: new RecordingSalesforce(),
        workerId: 'w-breaker',
        batchSize: 1,
        backoff: { baseMs: 1, capMs: 1, random: () => 0 },
        breaker: { consecutiveFailures: 3, halfOpenAfterMs: 100 },
      });
      await recordOpportunity(store.db, pipelineOpportunity(1, 0, new Date()), new Date());
      for (let n = 0; n < 3; n++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await worker.runOnce();
      }
      // Open now: the job waits instead of failing again.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await worker.runOnce()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await drain([worker]);
      const jobs = await store.db
        .selectFrom('outbox')
        .select(['kind', 'status'])
        .where('target', '=', 'aws')
        .execute();
      expect(jobs).toEqual([{ kind: JOB_KINDS.submit, status: 'done' }]);
      expect(portal.records.size).toBe(1);
    });

    it('keeps retrying a transiently failing job past its attempt budget within the horizon, and parks it after', async () => {
      const outage = () =>
        Array.from(
          { length: 3 },
          () => new PortalError('AWS', 'throttled', 'ACE ThrottlingException: Rate exceeded'),
        );
      const portal = new FakePortal('AWS');
      const make = (horizonMs: number) =>
        new SyncWorker({
          db: store.db,
          clients: { AWS: portal },
          salesforce: new RecordingSalesforce(),
          workerId: 'w-horizon',
          backoff: { baseMs: 1, capMs: 1, random: () => 0 },
          transientRetryHorizonMs: horizonMs,
        });
      const settle = async (worker: SyncWorker) => {
        for (let n = 0; n < 10; n++) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          await worker.runOnce();
        }
      };
      await enqueueJob(
        store.db,
        {
          kind: JOB_KINDS.submit,
          target: 'aws',
          orderingKey: 'engagement:a:AWS',
          idempotencyKey: 'horizon-a',
          payload: { opportunityId: pipelineOpportunityId(3), cloud: 'AWS' },
          maxAttempts: 2,
        },
        new Date(),
      );
      await recordOpportunity(
        store.db,
        { ...pipelineOpportunity(3, 0, new Date()), engagements: [] },
        new Date(),
      );
      await store.db
        .insertInto('engagements')
        .values({
          opportunity_id: pipelineOpportunityId(3),
          cloud: 'AWS',
          status: 'Draft',
          findings: '[]',
          updated_at: new Date(),
        })
        .execute();
      portal.failures = outage();
      await settle(make(60_000));
      expect(
        await store.db
          .selectFrom('outbox')
          .select('status')
          .where('idempotency_key', '=', 'horizon-a')
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: 'done' });

      await enqueueJob(
        store.db,
        {
          kind: JOB_KINDS.poll,
          target: 'aws',
          orderingKey: 'engagement:b:AWS',
          idempotencyKey: 'horizon-b',
          payload: { opportunityId: pipelineOpportunityId(3), cloud: 'AWS' },
          maxAttempts: 2,
        },
        new Date(),
      );
      portal.failures = outage();
      await settle(make(0));
      const parked = await store.db
        .selectFrom('outbox')
        .select(['status', 'last_error'])
        .where('idempotency_key', '=', 'horizon-b')
        .executeTakeFirstOrThrow();
      expect(parked.status).toBe('dead');
      expect(parked.last_error).toMatch(/gave up after 2 attempts/);
    });
  },
);
