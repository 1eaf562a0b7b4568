// The sync worker and slow portal calls: a lease renewed while a call outlasts it, and no retry of a
// timed-out call that may still reach the portal, so no call is ever made twice.
import { describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../middleware/src/engine/jobs.js';
import { FakePortal } from '../support/fake-portal.js';
import { storeVariants } from '../support/stores.js';
import { store, submitRequested, T0, useWorkerStore, worker } from './worker-fixtures.js';

describe.each(storeVariants())('sync worker on $name', ({ options }) => {
  useWorkerStore(options);

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
});
