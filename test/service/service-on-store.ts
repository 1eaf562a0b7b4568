// The service under test on its own in-memory store, for one test file or describe block: started
// before its tests, its tables emptied before each test (unless the block keeps its state), closed
// after. Tests read `store` and `service` through these live bindings; each test file has its own
// instance of this module, so the bindings are the calling file's.
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { pgliteOptions, truncateAll } from '../support/stores.js';
import { startService, type Harness, type ServiceOptions } from './support.js';

export let store: Store;
export let service: Harness;

/** Registers the hooks; with `keepState` the tests share one store's rows instead of a fresh one each. */
export function useServiceOnStore(options: ServiceOptions, { keepState = false } = {}): void {
  beforeAll(async () => {
    store = await openStore(pgliteOptions());
    service = await startService(store, options);
  }, 60_000);
  if (!keepState) {
    beforeEach(async () => {
      await truncateAll(store.db);
      service.engine.nudges = 0;
    }, 30_000);
  }
  afterAll(async () => {
    await service?.close();
    await store?.close();
  });
}
