import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createCallPacer } from '../../middleware/src/engine/call-pacer.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { startAceEmulator, type AceEmulator } from '../../middleware/src/sandbox/aws/emulator.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { northwindDataPlatform, NOW } from '../portals/mapping/opportunity-fixture.js';
import { pgliteOptions, truncateAll } from '../support/stores.js';

const credentials = { accessKeyId: 'AKIAEMULATORPARTNER1', secretAccessKey: 'emulator-secret' };

describe('call pacing against the portal account budget', () => {
  let store: Store;
  let emulator: AceEmulator;
  beforeAll(async () => {
    store = await openStore(pgliteOptions());
  });
  beforeEach(async () => {
    await truncateAll(store.db);
    // ACE's per-second quotas scaled up tenfold, on the wall clock (the buckets refill in real time).
    emulator = await startAceEmulator({ quotas: { writesPerSecond: 10, readsPerSecond: 20 } });
  });
  afterEach(async () => emulator.stop());
  afterAll(async () => store?.close());

  const submitSix = async (pace?: ReturnType<typeof createCallPacer>) => {
    const client = createAceClient({
      catalog: 'Sandbox',
      endpoint: emulator.url,
      credentials,
      ...(pace ? { pace } : {}),
    });
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) =>
        client.submit({
          opportunity: northwindDataPlatform((input) => {
            input.id = `006Hs00001NwDp${n}AAA`;
            input.account = { ...input.account, name: `Northwind ${n}` };
          }),
          idempotencyKey: `AWS:submit:${n}`,
          now: NOW,
        }),
      ),
    );
    return outcomes;
  };

  it('keeps a multi-call submission inside the write and read quotas', async () => {
    const pace = createCallPacer(store.db, 'AWS', {
      write: { key: 'aws:acct:write', perSecond: 10 },
      read: { key: 'aws:acct:read', perSecond: 20 },
    });
    const outcomes = await submitSix(pace);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual(
      Array(6).fill('fulfilled'),
    );
    expect(emulator.counters.throttled).toBe(0);
    expect(emulator.counters.created).toBe(6);
  });

  it('is what prevents throttling: the same burst unpaced is throttled', async () => {
    const outcomes = await submitSix();
    expect(emulator.counters.throttled).toBeGreaterThan(0);
    expect(
      outcomes.some(
        (o) => o.status === 'rejected' && (o.reason as PortalError).kind === 'throttled',
      ),
    ).toBe(true);
  });

  it('books calls made together in one go, each with its own slot', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const pace = createCallPacer(
      store.db,
      'AWS',
      { write: { key: 'aws:acct:write', perSecond: 50 } },
      () => new Date('2026-11-26T10:00:00.000Z'),
      sleep,
    );
    await Promise.all([1, 2, 3, 4, 5].map(() => pace('write')));
    // 20 ms apart: the first goes at once, the others sleep until their slot (rounded up 1 ms).
    expect(waits).toEqual([21, 41, 61, 81]);
  });

  it('lets exactly the rest of the daily quota through when more calls than that arrive together', async () => {
    const pace = createCallPacer(
      store.db,
      'AWS',
      { daily: { account: 'aws:acct:write', perDay: 4 } },
      () => new Date('2026-11-26T10:00:00.000Z'),
    );
    await pace('write');
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map(() => pace('write')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const o of refused) expect(o.reason).toMatchObject({ kind: 'quota-exhausted' });
  });

  it('stops writes when the daily quota is spent, saying when they resume', async () => {
    const pace = createCallPacer(
      store.db,
      'AWS',
      { daily: { account: 'aws:acct:write', perDay: 1 } },
      () => new Date('2026-11-26T10:00:00.000Z'),
    );
    await pace('write');
    await pace('read');
    const error = await pace('write').then(
      () => null,
      (e: unknown) => e as PortalError,
    );
    expect(error).toBeInstanceOf(PortalError);
    expect(error).toMatchObject({ kind: 'quota-exhausted', retryAfterMs: 14 * 3_600_000 });
  });
});
