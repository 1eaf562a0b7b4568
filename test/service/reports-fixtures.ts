// Shared set-up of the report and operations tests: the service on an in-memory store at a fixed
// clock, with Microsoft's readiness configured, emptied before each test. Read `store` and `service`
// through their live bindings after `useReportsService` has registered the hooks.
import { TestClock } from './support.js';
import { useServiceOnStore } from './service-on-store.js';

export const NOW = new Date('2026-11-26T09:00:00.000Z');

export { service, store } from './service-on-store.js';

/** Starts the service for the calling file and empties its store before each test. */
export function useReportsService(): void {
  useServiceOnStore({
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
}
