// One gateway wired to the local server and an in-memory store, with sleeps recorded instead of
// waited, so retry and back-off tests run instantly and can assert the delays chosen.
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import { pgliteOptions } from '../stores.js';
import {
  openSalesforceSession,
  SalesforceGateway,
  type GatewayOptions,
  type WriteBackEvent,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { startSalesforceFixture, type SalesforceFixture } from './fixture.js';

export interface GatewayHarness {
  fixture: SalesforceFixture;
  store: Store;
  gateway: SalesforceGateway;
  sleeps: number[];
  /** What the write-back reported (field refusals, unknown queues). */
  events: WriteBackEvent[];
  now: { value: Date };
  stop(): Promise<void>;
}

export async function startGatewayHarness(
  options: { pageSize?: number; gateway?: Partial<GatewayOptions>; store?: Store } = {},
): Promise<GatewayHarness> {
  const now = { value: new Date('2026-11-23T14:00:00.000Z') };
  const clock = () => now.value;
  const fixture = await startSalesforceFixture({
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    clock: () => new Date(),
  });
  const store = options.store ?? (await openStore(pgliteOptions()));
  const sleeps: number[] = [];
  const events: WriteBackEvent[] = [];
  const session = await openSalesforceSession(fixture.config);
  const gateway = new SalesforceGateway(session, {
    db: store.db,
    clock,
    coalesceWindowMs: 5,
    onWriteBackEvent: (event) => events.push(event),
    ...options.gateway,
    api: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...options.gateway?.api,
    },
  });
  return {
    fixture,
    store,
    gateway,
    sleeps,
    events,
    now,
    stop: async () => {
      await fixture.stop();
      if (!options.store) await store.close();
    },
  };
}
