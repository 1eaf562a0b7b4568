import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { admit, dailyUsage, reserve, spendDaily } from '../../middleware/src/engine/rate-limit.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { storeVariants, truncateAll } from '../support/stores.js';

const T0 = new Date('2026-11-26T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(storeVariants())('rate budgets on $name', ({ options }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await options());
  });
  beforeEach(async () => truncateAll(store.db));
  afterAll(async () => store?.close());

  it('spaces ACE writes one a second and says how long to wait', async () => {
    const write = { key: 'aws:acct:write', perSecond: 1 };
    expect(await admit(store.db, write, T0)).toEqual({ allowed: true });
    expect(await admit(store.db, write, at(400))).toEqual({ allowed: false, waitMs: 600 });
    expect(await admit(store.db, write, at(1_000))).toEqual({ allowed: true });
  });

  it('keeps a margin over the portal rate when asked, so calls arrive at least an interval apart', async () => {
    const write = { key: 'aws:acct:write', perSecond: 1, marginMs: 150 };
    expect((await reserve(store.db, write, T0, 3)).waitsMs).toEqual([0, 1_151, 2_301]);
    expect(await admit(store.db, write, at(3_300))).toEqual({ allowed: false, waitMs: 150 });
    expect(await admit(store.db, write, at(3_450))).toEqual({ allowed: true });
  });

  it('never shortens an interval that is not a whole number of milliseconds', async () => {
    // 3 a second is 333.33 ms apart: a call at 333 ms would be the second within a third of a second.
    const limit = { key: 'gcp:proj:write', perSecond: 3 };
    expect(await admit(store.db, limit, T0)).toEqual({ allowed: true });
    expect(await admit(store.db, limit, at(333))).toEqual({ allowed: false, waitMs: 1 });
    expect(await admit(store.db, limit, at(334))).toEqual({ allowed: true });
    expect((await admit(store.db, limit, at(667))).allowed).toBe(false);
    expect(await admit(store.db, limit, at(668))).toEqual({ allowed: true });
  });

  it('lets a burst through after idling, then spaces calls', async () => {
    const read = { key: 'aws:acct:read', perSecond: 10, burst: 3 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await admit(store.db, read, T0)).allowed);
    expect(results).toEqual([true, true, true, false]);
  });

  it('never admits more than rate·t + burst calls in any span t', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 60 }),
        async (perSecond, burst, gaps) => {
          const key = `prop:${perSecond}:${burst}:${Math.random()}`;
          let clock = T0.getTime();
          const admitted: number[] = [];
          for (const gap of gaps) {
            clock += gap;
            if ((await admit(store.db, { key, perSecond, burst }, new Date(clock))).allowed)
              admitted.push(clock);
          }
          for (let i = 0; i < admitted.length; i++) {
            for (let j = i; j < admitted.length; j++) {
              const span = admitted[j]! - admitted[i]!;
              expect(j - i + 1).toBeLessThanOrEqual(Math.floor((span * perSecond) / 1000) + burst);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('books each waiting call its own slot, spaced by the rate after the burst', async () => {
    const write = { key: 'aws:acct:write', perSecond: 200, burst: 2 };
    const waits = [];
    for (let i = 0; i < 3; i++) waits.push(...(await reserve(store.db, write, T0)).waitsMs);
    waits.push(...(await reserve(store.db, write, T0, 2)).waitsMs);
    expect(waits).toEqual([0, 0, 6, 11, 16]);
    // Once the booked slots have passed, the budget is idle again.
    expect((await reserve(store.db, write, at(1_000), 3)).waitsMs).toEqual([0, 0, 6]);
  });

  it('shares one schedule between reservations and admissions', async () => {
    const write = { key: 'aws:acct:write', perSecond: 1 };
    expect(await reserve(store.db, write, T0)).toEqual({ waitsMs: [0] });
    expect(await reserve(store.db, write, at(200))).toEqual({ waitsMs: [801] });
    expect(await admit(store.db, write, at(1_500))).toEqual({ allowed: false, waitMs: 500 });
    expect(await admit(store.db, write, at(2_000))).toEqual({ allowed: true });
  });

  it('never lets reserved calls go faster than rate·t + burst in any span t', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }),
        async (perSecond, burst, gaps) => {
          const key = `reserve:${perSecond}:${burst}:${Math.random()}`;
          let clock = T0.getTime();
          const goes: number[] = [];
          for (const gap of gaps) {
            clock += gap;
            // A gap of 0 joins the calls of the same instant into one booking, as the pacer does.
            const together = gap === 0 ? 2 : 1;
            for (const wait of (
              await reserve(store.db, { key, perSecond, burst }, new Date(clock), together)
            ).waitsMs)
              goes.push(clock + wait);
          }
          goes.sort((a, b) => a - b);
          for (let i = 0; i < goes.length; i++) {
            for (let j = i; j < goes.length; j++) {
              // Slots are kept to the microsecond and waits rounded up to whole milliseconds, so a
              // call goes up to 2 ms after its exact slot, never before it.
              expect(j - i + 1).toBeLessThanOrEqual(
                Math.floor(((goes[j]! - goes[i]! + 2) * perSecond) / 1000) + burst,
              );
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('tracks the daily write quota and refuses past it until the next UTC day', async () => {
    const quota = { account: 'aws:acct:write', perDay: 3 };
    for (let i = 1; i <= 3; i++)
      expect(await spendDaily(store.db, quota, at(i))).toEqual({
        allowed: true,
        used: i,
        remaining: 3 - i,
      });
    expect(await spendDaily(store.db, quota, at(10))).toEqual({
      allowed: false,
      used: 3,
      resetsAt: new Date('2026-11-27T00:00:00.000Z'),
    });
    expect(await dailyUsage(store.db, quota.account, at(11))).toBe(3);
    expect((await spendDaily(store.db, quota, new Date('2026-11-27T00:00:01.000Z'))).allowed).toBe(
      true,
    );
  });

  it('spends a group of calls from the daily quota all together or not at all', async () => {
    const quota = { account: 'aws:acct:write', perDay: 5 };
    expect(await spendDaily(store.db, quota, at(1), 3)).toEqual({
      allowed: true,
      used: 3,
      remaining: 2,
    });
    expect(await spendDaily(store.db, quota, at(2), 3)).toEqual({
      allowed: false,
      used: 3,
      resetsAt: new Date('2026-11-27T00:00:00.000Z'),
    });
    expect(await spendDaily(store.db, quota, at(3), 2)).toEqual({
      allowed: true,
      used: 5,
      remaining: 0,
    });
    expect(
      (await spendDaily(store.db, { account: 'aws:other:write', perDay: 2 }, at(4), 3)).allowed,
    ).toBe(false);
    expect(await dailyUsage(store.db, 'aws:other:write', at(5))).toBe(0);
  });

  it('rejects a non-positive rate', async () => {
    await expect(admit(store.db, { key: 'x', perSecond: 0 }, T0)).rejects.toThrow(
      /perSecond must be positive/,
    );
    await expect(reserve(store.db, { key: 'x', perSecond: -1 }, T0)).rejects.toThrow(
      /perSecond must be positive/,
    );
    await expect(reserve(store.db, { key: 'x', perSecond: 1 }, T0, 0)).rejects.toThrow(
      /count must be a positive whole number/,
    );
  });
});
