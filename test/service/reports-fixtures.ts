// Shared set-up of the report and operations tests: the service on an in-memory store at a fixed
// clock, with Microsoft's readiness configured, emptied before each test. Read `store` and `service`
// through their live bindings after `useReportsService` has registered the hooks.
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { pgliteOptions, truncateAll } from '../support/stores.js';
import { startService, TestClock, type Harness } from './support.js';

export const NOW = new Date('2026-11-26T09:00:00.000Z');

export let store: Store;
export let service: Harness;

/** Starts the service for the calling file and empties its store before each test. */
export function useReportsService(): void {
  beforeAll(async () => {
    store = await openStore(pgliteOptions());
    service = await startService(store, {
      clock: new TestClock(NOW),
      readiness: {
        Microsoft: {
          cloud: 'Microsoft',
          listing: { live: true, transactable: true, deliveryModels: ['AMI/VM'] },
          coSellEligible: true,
          opportunitySharing: { configured: true, submissionCriteriaDefined: false },
        },
      },
    });
  }, 60_000);
  beforeEach(async () => {
    await truncateAll(store.db);
    service.engine.nudges = 0;
  }, 30_000);
  afterAll(async () => {
    await service?.close();
    await store?.close();
  });
}
