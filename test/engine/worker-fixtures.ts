// Shared set-up of the sync worker tests: a store per store variant (emptied before each test), a
// fake Microsoft portal, a Salesforce sink that records what the worker writes back, the fixed test
// clock, and the deals and referral the tests feed in. Read `store`, `portal` and `salesforce` through
// their live bindings after `useWorkerStore` has registered the hooks.
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
} from '../../middleware/src/core/triage/index.js';
import type { InboundReferral, InboundReferralInput } from '../../middleware/src/core/model.js';
import {
  SyncWorker,
  type EngagementOutcome,
  type SalesforceSink,
} from '../../middleware/src/engine/worker.js';
import { openStore, type Store, type StoreOptions } from '../../middleware/src/store/database.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';
import { FakePortal } from '../support/fake-portal.js';
import { truncateAll } from '../support/stores.js';

export const T0 = new Date('2026-11-26T09:00:00.000Z');

export class RecordingSalesforce implements SalesforceSink {
  engagements: EngagementOutcome[] = [];
  referrals: Array<InboundReferral & { referralId: string }> = [];
  async writeEngagement(outcome: EngagementOutcome) {
    this.engagements.push(outcome);
  }
  async writeReferral(referral: InboundReferral & { referralId: string }) {
    this.referrals.push(referral);
    return { salesforceId: `a03Hs00000${referral.referralId.padStart(5, '0')}AAA` };
  }
}

export const triage = (referral: InboundReferral) =>
  triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);

export function submitRequested(lastModifiedDate = '2026-11-26T08:00:00.000Z') {
  const deal = dataPlatformDeal({ lastModifiedDate });
  return {
    ...deal,
    engagements: [{ cloud: 'Microsoft' as const, requestedAction: 'Submit' as const }],
  };
}

export const pdmReferral: InboundReferralInput = {
  cloud: 'AWS',
  portalId:
    'arn:aws:partnercentral:us-east-1::catalog/AWS/engagement-invitation/engi-7a1b2c3d4e5f6',
  receivedAt: '2026-11-26T08:30:00.000Z',
  customerName: 'Contoso Logistics',
  customerDomain: 'contoso-logistics.com',
  title: 'Fleet telemetry data platform on AWS',
  description: 'Customer wants to consolidate telemetry from 40k trucks into a governed lakehouse.',
  sourceLayer: 'Partner Program',
  referrer: {
    name: 'Dana Whitfield',
    email: 'danaw@amazon.com',
    title: 'Partner Development Manager',
  },
  tenancyArchetype: 'ISV-hosted SaaS',
};

export async function drain(worker: SyncWorker, rounds = 10) {
  for (let i = 0; i < rounds; i++) if ((await worker.runOnce()) === 0) return;
}

export let store: Store;
export let portal: FakePortal;
export let salesforce: RecordingSalesforce;
export let clock: Date;

/** A worker on the current store, portal, sink and clock; `extra` overrides any option. */
export const worker = (extra: Partial<ConstructorParameters<typeof SyncWorker>[0]> = {}) =>
  new SyncWorker({
    db: store.db,
    clients: { Microsoft: portal, AWS: portal },
    salesforce,
    clock: () => clock,
    workerId: 'w1',
    backoff: { baseMs: 1, capMs: 1, random: () => 0 },
    ...extra,
  });

/** Opens the variant's store for the calling describe block and resets the rest before each test. */
export function useWorkerStore(options: () => Promise<StoreOptions>): void {
  beforeAll(async () => {
    store = await openStore(await options());
  });
  beforeEach(async () => {
    await truncateAll(store.db);
    portal = new FakePortal('Microsoft');
    salesforce = new RecordingSalesforce();
    clock = T0;
  });
  afterAll(async () => store?.close());
}
