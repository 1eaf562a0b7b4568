// Freshness: time from a change entering the engine (recordOpportunity returns) to the ACE calls
// that carry it, at a steady stream of changes, with the worker nudged as the service nudges it and
// every ACE call paced against the account budget as the service paces it.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/engine-freshness.ts [changes=300] [perSecond=10]
// DATABASE_URL runs it on a fresh database on that PostgreSQL server; otherwise embedded PGlite (in memory).
import { createCallPacer } from '../../middleware/src/engine/call-pacer.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import type { PortalClient } from '../../middleware/src/engine/portal-client.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { benchStore } from './bench-store.js';
import {
  pipelineOpportunity,
  pipelineOpportunityId,
  RecordingSalesforce,
} from '../../test/support/proof-pipeline.js';
import { PROOF_CREDENTIALS, startProofAce } from '../../test/support/proof-portals.js';

const changes = Number(process.argv[2] ?? 300);
const rate = Number(process.argv[3] ?? 10);

const store = await benchStore();
const emulator = await startProofAce({
  quotas: { writesPerSecond: 200, readsPerSecond: 2_000, writesPerDay: 10_000_000 },
});
const entered = new Map<string, number>();
/** Change recorded → the engine hands it to the portal client (which paces, then calls ACE). */
const handed: number[] = [];
/** Change recorded → ACE holds the opportunity and its review has started (every call made). */
const landed: number[] = [];
const pace = createCallPacer(store.db, 'AWS', {
  write: { key: 'aws:bench:write', perSecond: 200, burst: 50 },
  read: { key: 'aws:bench:read', perSecond: 2_000, burst: 200 },
});
const ace = createAceClient({
  catalog: 'Sandbox',
  endpoint: emulator.url,
  credentials: PROOF_CREDENTIALS,
  requestTimeoutMs: 10_000,
  pace,
});
const timed: PortalClient = {
  ...ace,
  submit: async (request) => {
    const since = entered.get(request.opportunity.id);
    if (since !== undefined) handed.push(performance.now() - since);
    const state = await ace.submit(request);
    if (since !== undefined) {
      landed.push(performance.now() - since);
      entered.delete(request.opportunity.id);
    }
    return state;
  },
};
const worker = new SyncWorker({
  db: store.db,
  clients: { AWS: timed },
  salesforce: new RecordingSalesforce(),
});
worker.start(250);
const epoch = new Date();
const started = performance.now();
for (let index = 0; index < changes; index++) {
  const due = started + (index * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());
  entered.set(pipelineOpportunityId(index), performance.now());
  worker.nudge();
}
while (landed.length < changes) await new Promise((resolve) => setTimeout(resolve, 50));
await worker.stop();

const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`;
};
console.log(`store: ${store.kind}; ${changes} changes at ${rate}/s`);
console.log(`change recorded → handed to the ACE client: ${percentiles(handed)}`);
console.log(
  `change recorded → in ACE with its review started (3 writes, 3 reads done): ${percentiles(landed)} (goal p95 < 2000 ms)`,
);
await emulator.stop();
await store.close();
