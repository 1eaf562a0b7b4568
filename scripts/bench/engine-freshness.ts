// Freshness: time from a change entering the engine (recordOpportunity returns) to the ACE call
// that carries it, at a steady stream of changes, with the worker nudged as the service nudges it.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/engine-freshness.ts [changes=300] [perSecond=10]
// DATABASE_URL runs it on a PostgreSQL server; otherwise embedded PGlite (in memory).
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import type { PortalClient } from '../../middleware/src/engine/portal-client.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { openStore } from '../../middleware/src/store/database.js';
import { pipelineOpportunity, pipelineOpportunityId, proofAceClient, RecordingSalesforce, startProofAce } from '../../test/support/engine-harness.js';

const changes = Number(process.argv[2] ?? 300);
const rate = Number(process.argv[3] ?? 10);

const store = await openStore({ url: process.env.DATABASE_URL });
const emulator = await startProofAce({ quotas: { writesPerSecond: 200, readsPerSecond: 2_000, writesPerDay: 10_000_000 } });
const entered = new Map<string, number>();
const latencies: number[] = [];
const ace = proofAceClient(emulator.url, 10_000);
/** Notes when the submission of each opportunity reaches the portal client. */
const timed: PortalClient = {
  ...ace,
  submit: (request) => {
    const since = entered.get(request.opportunity.id);
    if (since !== undefined) {
      latencies.push(performance.now() - since);
      entered.delete(request.opportunity.id);
    }
    return ace.submit(request);
  },
};
const worker = new SyncWorker({
  db: store.db,
  clients: { AWS: timed },
  salesforce: new RecordingSalesforce(),
  budgets: { aws: { write: { key: 'aws:bench:write', perSecond: 200 / 3, burst: 10 } } },
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
while (latencies.length < changes) await new Promise((resolve) => setTimeout(resolve, 50));
await worker.stop();

const sorted = [...latencies].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
console.log(`store: ${store.kind}; ${changes} changes at ${rate}/s; change recorded → ACE call`);
console.log(`p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (goal < 2000 ms), max ${sorted[sorted.length - 1]!.toFixed(0)} ms`);
await emulator.stop();
await store.close();
