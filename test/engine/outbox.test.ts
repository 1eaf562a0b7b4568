import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  claimJobs,
  completeJob,
  deadLetters,
  deferJob,
  enqueueJob,
  failJob,
  JobNotReplayableError,
  queueStats,
  replayJob,
  retryDelayMs,
  type NewJob,
} from '../../middleware/src/engine/outbox.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { storeVariants, truncateAll } from '../support/stores.js';

const T0 = new Date('2026-11-26T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const noJitter = { baseMs: 1_000, capMs: 60_000, random: () => 0.5 };

function submitJob(opportunityId: string, n = 1): NewJob {
  return {
    kind: 'aws.submit',
    target: 'aws',
    orderingKey: `opp:${opportunityId}:AWS`,
    idempotencyKey: `aws.submit:${opportunityId}:${n}`,
    payload: { opportunityId },
  };
}

describe.each(storeVariants())('outbox on $name', ({ options }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await options());
  });
  beforeEach(async () => truncateAll(store.db));
  afterAll(async () => store?.close());

  it('enqueues a logical call once however often it is written', async () => {
    const first = await enqueueJob(store.db, submitJob('006A'), T0);
    const again = await enqueueJob(store.db, submitJob('006A'), T0);
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await queueStats(store.db, T0)).pending).toBe(1);
  });

  it('writes the job in the caller transaction: a rollback leaves no job', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, submitJob('006B'), T0);
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect((await queueStats(store.db, T0)).pending).toBe(0);
  });

  it('runs jobs with the same ordering key one at a time, in order', async () => {
    const a1 = await enqueueJob(store.db, submitJob('006C', 1), T0);
    await enqueueJob(store.db, submitJob('006C', 2), T0);
    const other = await enqueueJob(store.db, submitJob('006D', 1), T0);
    const claimed = await claimJobs(store.db, {
      workerId: 'w1',
      limit: 10,
      leaseMs: 30_000,
      now: T0,
    });
    expect(claimed.map((j) => j.id).sort()).toEqual([a1.id, other.id].sort());
    const first = claimed.find((j) => j.id === a1.id)!;
    expect(await completeJob(store.db, first, 'w1', { portalId: 'O1' }, at(10))).toBe(true);
    const next = await claimJobs(store.db, {
      workerId: 'w1',
      limit: 10,
      leaseMs: 30_000,
      now: at(20),
    });
    expect(next.map((j) => j.idempotency_key)).toEqual(['aws.submit:006C:2']);
  });

  it('does not hand out jobs that are not yet due', async () => {
    await enqueueJob(store.db, { ...submitJob('006E'), runAfter: at(60_000) }, T0);
    expect(
      await claimJobs(store.db, { workerId: 'w1', limit: 5, leaseMs: 1_000, now: T0 }),
    ).toHaveLength(0);
    expect(
      await claimJobs(store.db, { workerId: 'w1', limit: 5, leaseMs: 1_000, now: at(60_000) }),
    ).toHaveLength(1);
  });

  it('reclaims a job whose worker died once the lease expires, and fences the dead worker out', async () => {
    await enqueueJob(store.db, submitJob('006F'), T0);
    const [held] = await claimJobs(store.db, {
      workerId: 'dead-worker',
      limit: 1,
      leaseMs: 5_000,
      now: T0,
    });
    expect(
      await claimJobs(store.db, { workerId: 'w2', limit: 1, leaseMs: 5_000, now: at(4_000) }),
    ).toHaveLength(0);
    const [reclaimed] = await claimJobs(store.db, {
      workerId: 'w2',
      limit: 1,
      leaseMs: 5_000,
      now: at(6_000),
    });
    expect(reclaimed!.id).toBe(held!.id);
    expect(reclaimed!.attempts).toBe(2);
    expect(await completeJob(store.db, held!, 'dead-worker', {}, at(7_000))).toBe(false);
    expect(await completeJob(store.db, reclaimed!, 'w2', { ok: true }, at(7_000))).toBe(true);
  });

  it('retries a transient failure later, with backoff and Retry-After honoured', async () => {
    await enqueueJob(store.db, submitJob('006G'), T0);
    const [job] = await claimJobs(store.db, { workerId: 'w1', limit: 1, leaseMs: 5_000, now: T0 });
    expect(
      await failJob(
        store.db,
        job!,
        'w1',
        { message: 'ThrottlingException', permanent: false, retryAfterMs: 9_000 },
        T0,
        noJitter,
      ),
    ).toBe('retry');
    expect(
      await claimJobs(store.db, { workerId: 'w1', limit: 1, leaseMs: 5_000, now: at(8_999) }),
    ).toHaveLength(0);
    const [again] = await claimJobs(store.db, {
      workerId: 'w1',
      limit: 1,
      leaseMs: 5_000,
      now: at(9_000),
    });
    expect(again!.last_error).toBe('ThrottlingException');
  });

  it('parks a permanent failure as a dead letter at once, and replays it on request', async () => {
    const { id } = await enqueueJob(store.db, submitJob('006H'), T0);
    const [job] = await claimJobs(store.db, { workerId: 'w1', limit: 1, leaseMs: 5_000, now: T0 });
    expect(
      await failJob(
        store.db,
        job!,
        'w1',
        { message: 'ValidationException: Customer.Account.CompanyName', permanent: true },
        T0,
      ),
    ).toBe('dead');
    const parked = await deadLetters(store.db);
    expect(parked.map((j) => [j.id, j.last_error])).toEqual([
      [id, 'ValidationException: Customer.Account.CompanyName'],
    ]);
    expect((await queueStats(store.db, T0)).dead).toBe(1);
    const replayed = await replayJob(store.db, id, at(1));
    expect(replayed.status).toBe('pending');
    expect(replayed.attempts).toBe(0);
    await expect(replayJob(store.db, id, at(2))).rejects.toThrow(JobNotReplayableError);
    await expect(replayJob(store.db, '999999', at(2))).rejects.toThrow(/does not exist/);
  });

  it('gives up after the attempt budget and says so', async () => {
    await enqueueJob(store.db, { ...submitJob('006I'), maxAttempts: 2 }, T0);
    let now = T0;
    let outcome;
    for (let attempt = 0; attempt < 2; attempt++) {
      const [job] = await claimJobs(store.db, { workerId: 'w1', limit: 1, leaseMs: 5_000, now });
      outcome = await failJob(
        store.db,
        job!,
        'w1',
        { message: '503 Service Unavailable', permanent: false },
        now,
        noJitter,
      );
      now = at(120_000 * (attempt + 1));
    }
    expect(outcome).toBe('dead');
    expect((await deadLetters(store.db))[0]!.last_error).toMatch(/gave up after 2 attempts/);
  });

  it('defers a job without spending an attempt', async () => {
    await enqueueJob(store.db, submitJob('006J'), T0);
    const [job] = await claimJobs(store.db, { workerId: 'w1', limit: 1, leaseMs: 5_000, now: T0 });
    expect(await deferJob(store.db, job!, 'w1', at(1_000), T0)).toBe(true);
    const [again] = await claimJobs(store.db, {
      workerId: 'w1',
      limit: 1,
      leaseMs: 5_000,
      now: at(1_000),
    });
    expect(again!.attempts).toBe(1);
  });

  it('reports lag as the age of the oldest due job', async () => {
    await enqueueJob(store.db, submitJob('006K'), T0);
    const stats = await queueStats(store.db, at(2_500));
    expect(stats.lagMs).toBe(2_500);
    expect(stats.byTarget.aws).toEqual({ pending: 1, running: 0, dead: 0 });
  });
});

describe('outbox shared by two engine instances on one PostgreSQL server', () => {
  it('never hands the same job to two claimers', async () => {
    const [, postgres] = storeVariants();
    const url = (await postgres!.options()).url!;
    const a = await openStore({ url, poolSize: 4 });
    const b = await openStore({ url, poolSize: 4 });
    try {
      for (let i = 0; i < 60; i++) await enqueueJob(a.db, submitJob(`006P${i}`), T0);
      const seen = new Map<string, string>();
      for (let round = 0; round < 10; round++) {
        const [fromA, fromB] = await Promise.all([
          claimJobs(a.db, { workerId: 'a', limit: 4, leaseMs: 60_000, now: T0 }),
          claimJobs(b.db, { workerId: 'b', limit: 4, leaseMs: 60_000, now: T0 }),
        ]);
        for (const [worker, jobs] of [
          ['a', fromA],
          ['b', fromB],
        ] as const) {
          for (const job of jobs) {
            expect(seen.has(job.id)).toBe(false);
            seen.set(job.id, worker);
          }
        }
      }
      expect(seen.size).toBe(60);
      expect(new Set(seen.values())).toEqual(new Set(['a', 'b']));
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('retry delay', () => {
  it('grows exponentially, is capped, and is jittered below the ceiling', () => {
    const top = { baseMs: 1_000, capMs: 10_000, random: () => 0.999999 };
    expect(retryDelayMs(1, top)).toBe(999);
    expect(retryDelayMs(3, top)).toBe(3_999);
    expect(retryDelayMs(10, top)).toBe(9_999);
    expect(retryDelayMs(3, { ...top, random: () => 0 })).toBe(0);
  });
});
