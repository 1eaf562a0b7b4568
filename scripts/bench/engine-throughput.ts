// Outbound throughput: how close the engine gets to ACE's write quota without being throttled.
// The emulator's write quota is raised (default 200/s) and the engine's write budget set to match.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/engine-throughput.ts [opportunities=1200] [writesPerSecond=200]
// DATABASE_URL runs it on a PostgreSQL server; otherwise embedded PGlite (in memory).
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { ACE_WRITE_OPERATIONS } from '../../middleware/src/portals/aws/emulator-limits.js';
import { openStore } from '../../middleware/src/store/database.js';
import { pipelineOpportunity, proofAceClient, RecordingSalesforce, startProofAce } from '../../test/support/engine-harness.js';

const count = Number(process.argv[2] ?? 1_200);
const quota = Number(process.argv[3] ?? 200);
/** An ACE submission is three writes (create, associate solution, start engagement). */
const WRITES_PER_SUBMISSION = 3;

const store = await openStore({ url: process.env.DATABASE_URL });
const emulator = await startProofAce({ quotas: { writesPerSecond: quota, readsPerSecond: quota * 20, writesPerDay: 10_000_000 }, review: { inReviewAfterMs: 3_600_000, decisionAfterMs: 3_600_000, outcome: 'Approved' } });
const epoch = new Date();
for (let index = 0; index < count; index++) await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());

const writeTimes: number[] = [];
const worker = new SyncWorker({
  db: store.db,
  clients: { AWS: proofAceClient(emulator.url, 10_000) },
  salesforce: new RecordingSalesforce(),
  batchSize: 64,
  // The engine's budget is spent once per job; a submission job makes three write calls, so the
  // job budget that matches a call quota is the quota divided by three.
  budgets: { aws: { write: { key: 'aws:bench:write', perSecond: quota / WRITES_PER_SUBMISSION, burst: Math.max(1, Math.floor(quota / WRITES_PER_SUBMISSION / 4)) } } },
});
const writes = () => Object.entries(emulator.counters.callsByOperation).filter(([op]) => ACE_WRITE_OPERATIONS.has(op)).reduce((sum, [, n]) => sum + n, 0);
const sampler = setInterval(() => writeTimes.push(writes()), 1_000);
const started = performance.now();
worker.start(5);
while (emulator.counters.created < count || (emulator.counters.callsByOperation.StartEngagementFromOpportunityTask ?? 0) < count) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await worker.stop();

const total = writes();
const achieved = total / seconds;
// The steadiest full seconds: the middle of the run, without start-up and the tail.
const perSecond = writeTimes.slice(1).map((value, i) => value - writeTimes[i]!).slice(1, -1);
const steady = perSecond.length > 0 ? perSecond.reduce((a, b) => a + b, 0) / perSecond.length : achieved;
console.log(`store: ${store.kind}; ${count} submissions, ${total} ACE write calls in ${seconds.toFixed(1)} s`);
console.log(`quota ${quota} writes/s; achieved ${achieved.toFixed(1)} writes/s overall = ${(achieved / quota).toFixed(3)} of quota; steady ${steady.toFixed(1)} writes/s = ${(steady / quota).toFixed(3)} (goal >= 0.95)`);
console.log(`throttling errors seen: ${emulator.counters.throttled} (goal 0); duplicates: ${emulator.counters.created - count}`);
await emulator.stop();
await store.close();
