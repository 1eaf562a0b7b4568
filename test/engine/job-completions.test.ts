// Batched completions and continuous claiming: a batch commits only the jobs whose lease held, one
// job's failing state change fails only that job, and jobs whose worker died between claiming a
// batch and completing it are run again by another worker without a second portal record.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { JobCompletions, LeaseLostError } from '../../middleware/src/engine/job-completions.js';
import { JOB_KINDS } from '../../middleware/src/engine/jobs.js';
import { claimJobs, enqueueJob, queueStats } from '../../middleware/src/engine/outbox.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import type { OutboxJob } from '../../middleware/src/store/schema.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';
import { handleJob } from '../../middleware/src/engine/job-handlers/index.js';
import type { EngagementOutcome, SalesforceSink } from '../../middleware/src/engine/worker.js';
import { FakePortal } from '../support/fake-portal.js';
import { storeVariants, truncateAll } from '../support/stores.js';

const T0 = new Date('2026-11-26T09:00:00.000Z');
const LEASE_MS = 60_000;

function submitRequested(index: number) {
  const deal = dataPlatformDeal({ lastModifiedDate: '2026-11-26T08:00:00.000Z' });
  return {
    ...deal,
    id: `006Hs00000Batch${String(index).padStart(3, '0')}`,
    engagements: [{ cloud: 'Microsoft' as const, requestedAction: 'Submit' as const }],
  };
}

class RecordingSalesforce implements SalesforceSink {
  readonly engagements: EngagementOutcome[] = [];
  async writeEngagement(outcome: EngagementOutcome) {
    this.engagements.push(outcome);
  }
  async writeReferral() {
    return { salesforceId: 'a03Hs0000000001AAA' };
  }
}

describe.each(storeVariants())('batched job completions on $name', ({ options }) => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore(await options());
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    await truncateAll(store.db);
  });

  async function enqueueMarkers(count: number): Promise<void> {
    for (let i = 0; i < count; i++)
      await enqueueJob(
        store.db,
        {
          kind: JOB_KINDS.poll,
          target: 'microsoft',
          orderingKey: `marker:${i}`,
          idempotencyKey: `marker:${i}`,
          payload: { marker: i },
        },
        T0,
      );
  }

  /** A state change that leaves a visible trace: one audit row naming the job. */
  const trace =
    (job: OutboxJob) =>
    async (trx: Parameters<NonNullable<Parameters<JobCompletions['complete']>[2]>>[0]) => {
      await trx
        .insertInto('audit_log')
        .values({
          at: T0,
          side: 'engine',
          entity: 'test',
          entity_id: job.id,
          action: 'committed',
          before: null,
          after: null,
          job_id: job.id,
        })
        .execute();
    };

  const traces = async () =>
    (
      await store.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'test')
        .execute()
    )
      .map((row) => String(row.entity_id))
      .sort();

  const statuses = async () =>
    Object.fromEntries(
      (await store.db.selectFrom('outbox').select(['id', 'status', 'locked_by']).execute()).map(
        (row) => [String(row.id), `${row.status}:${row.locked_by ?? ''}`],
      ),
    );

  it('commits the jobs finishing together in one batch, each with its state change', async () => {
    await enqueueMarkers(4);
    const jobs = await claimJobs(store.db, { workerId: 'A', limit: 4, leaseMs: LEASE_MS, now: T0 });
    const completions = new JobCompletions(store.db, 'A', () => T0);
    await Promise.all(jobs.map((job) => completions.complete(job, { ok: job.id }, trace(job))));
    expect(await traces()).toEqual(jobs.map((job) => job.id).sort());
    const done = await store.db.selectFrom('outbox').select(['status', 'result']).execute();
    expect(done.map((row) => row.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(done.map((row) => (row.result as { ok: string }).ok).sort()).toEqual(
      jobs.map((job) => job.id).sort(),
    );
  });

  it('leaves out a job whose lease expired mid-batch and another worker took: its change is not written', async () => {
    await enqueueMarkers(3);
    const jobs = await claimJobs(store.db, { workerId: 'A', limit: 3, leaseMs: LEASE_MS, now: T0 });
    // A's lease on the middle job lapses (A stalled) and B claims it while A's batch runs.
    const lapsed = jobs[1]!;
    await store.db
      .updateTable('outbox')
      .set({ locked_until: new Date(T0.getTime() - 1) })
      .where('id', '=', lapsed.id)
      .execute();
    const takenByB = await claimJobs(store.db, {
      workerId: 'B',
      limit: 3,
      leaseMs: LEASE_MS,
      now: T0,
    });
    expect(takenByB.map((job) => job.id)).toEqual([lapsed.id]);

    const completions = new JobCompletions(store.db, 'A', () => T0);
    const settled = await Promise.allSettled(
      jobs.map((job) => completions.complete(job, null, trace(job))),
    );
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    expect(await traces()).toEqual([jobs[0]!.id, jobs[2]!.id].sort());
    const after = await statuses();
    expect(after[jobs[0]!.id]).toBe('done:');
    expect(after[lapsed.id]).toBe('running:B');
    expect(after[jobs[2]!.id]).toBe('done:');
  });

  it('fails only the job whose state change throws; the rest of the batch commits', async () => {
    await enqueueMarkers(3);
    const jobs = await claimJobs(store.db, { workerId: 'A', limit: 3, leaseMs: LEASE_MS, now: T0 });
    const completions = new JobCompletions(store.db, 'A', () => T0);
    const broken = jobs[0]!;
    const settled = await Promise.allSettled(
      jobs.map((job) =>
        completions.complete(
          job,
          null,
          job === broken
            ? async () => {
                throw new Error('constraint violated');
              }
            : trace(job),
        ),
      ),
    );
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(await traces()).toEqual([jobs[1]!.id, jobs[2]!.id].sort());
    expect((await statuses())[broken.id]).toBe('running:A');
  });

  it('runs again, once, the jobs of a worker that died between claiming a batch and completing it', async () => {
    const portal = new FakePortal('Microsoft');
    for (let i = 0; i < 6; i++) await recordOpportunity(store.db, submitRequested(i), T0);
    // Worker A claims the batch, makes every portal call, and dies before any completion.
    const claimed = await claimJobs(store.db, {
      workerId: 'A',
      limit: 10,
      leaseMs: LEASE_MS,
      now: T0,
    });
    expect(claimed).toHaveLength(6);
    const context = {
      db: store.db,
      clock: () => T0,
      clients: { Microsoft: portal },
      salesforce: new RecordingSalesforce(),
    };
    for (const job of claimed) await handleJob(context, job);
    expect(portal.records.size).toBe(6);

    // After the lease, worker B runs continuously and finishes them all on the same records.
    const later = new Date(T0.getTime() + LEASE_MS + 1);
    const salesforce = new RecordingSalesforce();
    const survivor = new SyncWorker({
      db: store.db,
      clients: { Microsoft: portal },
      salesforce,
      workerId: 'B',
      clock: () => later,
      batchSize: 4,
    });
    survivor.start(5);
    const deadline = Date.now() + 20_000;
    while ((await queueStats(store.db, later)).done < 12 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await survivor.stop();
    const stats = await queueStats(store.db, later);
    expect(stats).toMatchObject({ pending: 0, running: 0, dead: 0, done: 12 });
    expect(portal.records.size).toBe(6);
    const engagements = await store.db.selectFrom('engagements').select('portal_id').execute();
    expect(new Set(engagements.map((row) => row.portal_id)).size).toBe(6);
    expect(salesforce.engagements.filter((e) => e.status === 'Submitted')).toHaveLength(6);
  });

  it('claims the next jobs while the slowest of the batch still runs', async () => {
    const portal = new FakePortal('Microsoft');
    const submit = portal.submit.bind(portal);
    const startedBeforeSlowEnded: string[] = [];
    let slowDone = false;
    // The slow call ends when the seven others have started, or after 10 s if they never do (a
    // worker that waits for its whole batch before claiming again).
    let releaseSlow = () => undefined as void;
    const slow = new Promise<void>((resolve) => {
      releaseSlow = resolve;
      setTimeout(resolve, 10_000).unref();
    });
    portal.submit = async (request) => {
      if (!slowDone) startedBeforeSlowEnded.push(request.opportunity.id);
      if (startedBeforeSlowEnded.length === 8) releaseSlow();
      if (request.opportunity.id === submitRequested(0).id) {
        await slow;
        slowDone = true;
      }
      return submit(request);
    };
    for (let i = 0; i < 8; i++) await recordOpportunity(store.db, submitRequested(i), T0);
    const worker = new SyncWorker({
      db: store.db,
      clients: { Microsoft: portal },
      salesforce: new RecordingSalesforce(),
      batchSize: 4,
    });
    worker.start(5);
    const deadline = Date.now() + 20_000;
    while (portal.records.size < 8 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
    expect(portal.records.size).toBe(8);
    // The first batch held four jobs; the others were claimed as the fast three finished.
    expect(startedBeforeSlowEnded).toHaveLength(8);
  });
});
