// Shared set-up of the replay and shared-store proofs: per store variant, the store and a second
// engine instance's pool to it, the three proof emulators, the service's portal event handler on
// that store, and helpers that count portal calls, drain workers and deliver an event five times.
// Read `store`, `second`, `emulator`, `microsoft`, `google` and `catchUps` through their live bindings.
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import type { Cloud } from '../../../middleware/src/core/model.js';
import type { PortalClient, SubmitRequest } from '../../../middleware/src/engine/portal-client.js';
import {
  createPortalEventHandler,
  type PortalEventOutcome,
} from '../../../middleware/src/engine/portal-events.js';
import { catchUpInbound } from '../../../middleware/src/engine/scheduler.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import type { AceEmulator } from '../../../middleware/src/sandbox/aws/emulator.js';
import type { GoogleEmulator } from '../../../middleware/src/sandbox/google/emulator.js';
import type { MicrosoftEmulator } from '../../../middleware/src/sandbox/microsoft/emulator.js';
import {
  openStore,
  type Store,
  type StoreOptions,
} from '../../../middleware/src/store/database.js';
import { defaultTriage } from '../../support/proof-pipeline.js';
import {
  proofAceClient,
  proofGoogleClient,
  proofMicrosoftClient,
  startProofAce,
  startProofGoogle,
  startProofMicrosoft,
} from '../../support/proof-portals.js';
import { truncateAll } from '../../support/stores.js';

/** Counts each portal call by the logical call it makes (submission key, or portal id + version). */
export function countingClient(inner: PortalClient, calls: Map<string, number>): PortalClient {
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
  return {
    cloud: inner.cloud,
    submit: (request: SubmitRequest) => (
      count(`submit ${request.idempotencyKey}`),
      inner.submit(request)
    ),
    update: (request) => (
      count(`update ${request.opportunity.id} ${request.opportunity.lastModifiedDate}`),
      inner.update(request)
    ),
    fetch: (portalId) => inner.fetch(portalId),
    listInbound: (cursor, now) => inner.listInbound(cursor, now),
    decide: (decision) => (count(`decide ${decision.portalId}`), inner.decide(decision)),
  };
}

export async function drain(workers: SyncWorker[], rounds = 200): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const handled = await Promise.all(workers.map((worker) => worker.runOnce()));
    if (handled.every((count) => count === 0)) return;
  }
  throw new Error(`the outbox did not drain in ${rounds} rounds`);
}

/** Delivers the same event five times, two of them at once, as an at-least-once sender may. */
export async function fiveTimes(deliver: () => Promise<PortalEventOutcome>): Promise<string[]> {
  const outcomes = await Promise.all([deliver(), deliver()]);
  for (let n = 0; n < 3; n++) outcomes.push(await deliver());
  return outcomes.map((o) => o.outcome).sort();
}

export let store: Store;
export let second: Store;
export let emulator: AceEmulator;
export let microsoft: MicrosoftEmulator;
export let google: GoogleEmulator;
/** Catch-ups the handler asked for, so a test can wait for them as the service's timer would run them. */
export let catchUps: Array<Promise<unknown>>;

/** The service's portal event handler on this store, its ACE catch-up running at once when asked. */
export const eventHandler = () =>
  createPortalEventHandler({
    db: store.db,
    clock: () => new Date(),
    triage: defaultTriage,
    microsoft: proofMicrosoftClient(microsoft.url),
    google: proofGoogleClient(google.url),
    catchUpSoon: (cloud: Cloud) => {
      const clients: Record<Cloud, PortalClient> = {
        AWS: proofAceClient(emulator.url),
        Microsoft: proofMicrosoftClient(microsoft.url),
        Google: proofGoogleClient(google.url),
      };
      catchUps.push(catchUpInbound(store.db, clients[cloud], defaultTriage, new Date()));
    },
    nudge: () => undefined,
  });

/** The one referral of `cloud` the store holds, and the Salesforce write-backs queued for it. */
export const recorded = async (cloud: Cloud) => ({
  referrals: await store.db
    .selectFrom('referrals')
    .select(['portal_id', 'triage_status', 'source_layer'])
    .where('cloud', '=', cloud)
    .execute(),
  writebacks: (
    await store.db
      .selectFrom('outbox')
      .select('id')
      .where('kind', '=', JOB_KINDS.salesforceReferral)
      .execute()
  ).length,
});

/** Opens the variant's store and starts the emulators for the calling describe block. */
export function useProofStoreAndPortals(options: () => Promise<StoreOptions>): void {
  beforeAll(async () => {
    const opened = await options();
    store = await openStore(opened);
    // A second engine instance: its own connection pool to the same server (PGlite: the same instance).
    second = opened.url ? await openStore({ url: opened.url, poolSize: 4 }) : store;
    [emulator, microsoft, google] = await Promise.all([
      startProofAce(),
      startProofMicrosoft(),
      startProofGoogle(),
    ]);
  });
  beforeEach(async () => {
    catchUps = [];
    await truncateAll(store.db);
  });
  afterAll(async () => {
    await Promise.all([emulator?.stop(), microsoft?.stop(), google?.stop()]);
    if (second && second !== store) await second.close();
    await store?.close();
  });
}
