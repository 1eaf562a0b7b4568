// Outbound throughput: how close the engine gets to ACE's write quota without being throttled.
// The emulator's write quota is raised (default 200/s) and the engine paces every ACE call against
// a budget of the same size, as the service does (engine/call-pacer.ts, shared through the store).
// The emulator runs in a process of its own, as ACE is remote: the CPU measured is the engine's.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/engine-throughput.ts [opportunities=2000] [writesPerSecond=200]
// DATABASE_URL runs it on a fresh database on that PostgreSQL server; otherwise embedded PGlite, in
// memory in this process, or with --data-folder on a data folder in a process of its own, as the
// service runs it.
import { createCallPacer } from '../../middleware/src/engine/call-pacer.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import type { EmulatorCounters } from '../../middleware/src/sandbox/aws/emulator.js';
import { ACE_WRITE_OPERATIONS } from '../../middleware/src/sandbox/aws/emulator-limits.js';
import { pipelineOpportunity, RecordingSalesforce } from '../../test/support/proof-pipeline.js';
import { PROOF_CREDENTIALS } from '../../test/support/proof-portals.js';
import { benchStore } from './bench-store.js';
import { startRemoteAce } from './remote-ace.js';

const dataFolder = process.argv.includes('--data-folder');
const [countArg, quotaArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const count = Number(countArg ?? 2_000);
const quota = Number(quotaArg ?? 200);
const READS_PER_WRITE = 20;
const STALL_MS = 30_000;

const retries = new Map<string, number>();
const store = await benchStore({ pgliteFolder: dataFolder });
const ace = await startRemoteAce({
  quotas: {
    writesPerSecond: quota,
    readsPerSecond: quota * READS_PER_WRITE,
    writesPerDay: 10_000_000,
  },
  review: { inReviewAfterMs: 3_600_000, decisionAfterMs: 3_600_000, outcome: 'Approved' },
});
const epoch = new Date();
for (let index = 0; index < count; index++)
  await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());

// The budget the emulator enforces (a bucket holding one second of calls), with margin: a quarter
// second of burst, so a call that arrives late never finds the bucket empty.
const pace = createCallPacer(store.db, 'AWS', {
  write: { key: 'aws:bench:write', perSecond: quota, burst: Math.max(1, Math.floor(quota / 4)) },
  read: { key: 'aws:bench:read', perSecond: quota * READS_PER_WRITE, burst: quota },
  daily: { account: 'aws:bench:write', perDay: 10_000_000 },
});
const worker = new SyncWorker({
  db: store.db,
  clients: {
    AWS: createAceClient({
      catalog: 'Sandbox',
      endpoint: ace.url,
      credentials: PROOF_CREDENTIALS,
      requestTimeoutMs: 10_000,
      pace,
    }),
  },
  salesforce: new RecordingSalesforce(),
  batchSize: 64,
  onEvent: (event) => {
    if (event.type === 'job-retry' || event.type === 'job-dead' || event.type === 'job-deferred') {
      const reason = event.type === 'job-deferred' ? event.reason : event.error.slice(0, 80);
      retries.set(`${event.type}: ${reason}`, (retries.get(`${event.type}: ${reason}`) ?? 0) + 1);
    }
  },
});
const writes = (counters: EmulatorCounters) =>
  Object.entries(counters.callsByOperation)
    .filter(([op]) => ACE_WRITE_OPERATIONS.has(op))
    .reduce((sum, [, n]) => sum + n, 0);
const samples: number[] = [];
const started = performance.now();
const cpuBefore = process.cpuUsage();
worker.start(5);
let counters = await ace.counters();
let lastProgress = { at: started, writes: 0 };
// One sample a second: the engine's work is what runs in between.
while ((counters.callsByOperation.StartEngagementFromOpportunityTask ?? 0) < count) {
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, started + (samples.length + 1) * 1_000 - performance.now())),
  );
  counters = await ace.counters();
  samples.push(writes(counters));
  if (writes(counters) > lastProgress.writes)
    lastProgress = { at: performance.now(), writes: writes(counters) };
  else if (performance.now() - lastProgress.at > STALL_MS)
    throw new Error(
      `no ACE write for ${STALL_MS / 1000} s: ${JSON.stringify(counters.callsByOperation)}`,
    );
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await worker.stop();

const total = writes(counters);
const achieved = total / seconds;
// Whole seconds between the first and the last: the rate the engine holds once it is running.
const perSecond = samples.map((value, i) => value - (samples[i - 1] ?? 0));
const inner = perSecond.slice(1, -1);
const steady = inner.length > 0 ? inner.reduce((a, b) => a + b, 0) / inner.length : achieved;
console.log(
  `store: ${store.kind}${dataFolder ? ' (data folder, own process)' : ''}; ${count} submissions, ${total} ACE write calls in ${seconds.toFixed(1)} s`,
);
console.log(
  `quota ${quota} writes/s; achieved ${achieved.toFixed(1)} writes/s overall = ${(achieved / quota).toFixed(3)} of quota; steady ${steady.toFixed(1)} writes/s = ${(steady / quota).toFixed(3)} (goal >= 0.95)`,
);
console.log(
  `engine process CPU while syncing: ${(((cpu.user + cpu.system) / 1e6 / seconds) * 100).toFixed(0)}% of one core; slowest whole second: ${inner.length > 0 ? Math.min(...inner) : '-'} writes`,
);
console.log(`writes in each second: ${perSecond.join(' ')}`);
console.log(
  `retried or deferred jobs: ${retries.size === 0 ? 'none' : [...retries].map(([why, n]) => `${n} × ${why}`).join('; ')}`,
);
console.log(
  `throttling errors seen: ${counters.throttled} (goal 0); duplicates: ${counters.created - count}`,
);
await ace.stop();
await store.close();
