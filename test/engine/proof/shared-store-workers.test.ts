// Proof 4: two SyncWorkers sharing one store never run a job twice; a circuit opened by an outage
// closes again on its own; a transiently failing job is retried within its horizon, then parked.
import { describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { enqueueJob } from '../../../middleware/src/engine/outbox.js';
import { PortalError } from '../../../middleware/src/engine/portal-client.js';
import { SyncWorker, type WorkerEvent } from '../../../middleware/src/engine/worker.js';
import type { Store } from '../../../middleware/src/store/database.js';
import {
  pipelineOpportunity,
  pipelineOpportunityId,
  RecordingSalesforce,
} from '../../support/proof-pipeline.js';
import { proofAceClient } from '../../support/proof-portals.js';
import { aceDivergence } from '../../support/proof-readbacks.js';
import { FakePortal } from '../../support/fake-portal.js';
import { storeVariants } from '../../support/stores.js';
import {
  countingClient,
  drain,
  emulator,
  second,
  store,
  useProofStoreAndPortals,
} from './replay-fixtures.js';

describe.each(storeVariants())(
  'inbound replays, shared store and circuit recovery on $name',
  ({ name, options }) => {
    useProofStoreAndPortals(options);

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
