// Peak resident memory while the engine syncs 100k opportunities, against a no-op portal (the ACE
// emulator keeps every record it holds and walks them all on each call, so 100k records measure the
// emulator, not the engine). The store is an embedded PGlite data folder, as in a default install,
// which runs in a process of its own: the figures give the engine's process, the store's process
// (read from /proc) and the two together.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/engine-rss.ts [opportunities=100000]
// DATABASE_URL runs it on a fresh database on that PostgreSQL server instead.
import { readFileSync } from 'node:fs';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { queueStats } from '../../middleware/src/engine/outbox.js';
import type {
  InboundPage,
  PortalClient,
  PortalRecordState,
} from '../../middleware/src/engine/portal-client.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { pipelineOpportunity, RecordingSalesforce } from '../../test/support/proof-pipeline.js';
import { benchStore } from './bench-store.js';

const count = Number(process.argv[2] ?? 100_000);
const BATCH = 500;

/** Accepts every call at once and keeps nothing, so only the engine's memory is measured. */
const noopPortal: PortalClient = {
  cloud: 'AWS',
  submit: async ({ opportunity }): Promise<PortalRecordState> => ({
    portalId: `O${opportunity.id}`,
    status: 'Submitted',
    version: '1',
    findings: [],
    locked: true,
  }),
  update: async ({ portalId }) => ({
    portalId,
    status: 'Accepted',
    version: '2',
    findings: [],
    locked: false,
  }),
  fetch: async (portalId) => ({
    portalId,
    status: 'Accepted',
    version: '2',
    findings: [],
    locked: false,
  }),
  listInbound: async (): Promise<InboundPage> => ({ referrals: [], cursor: null }),
  decide: async () => undefined,
};

const beforeStore = process.memoryUsage().rss;
const store = await benchStore({ pgliteFolder: true });
const worker = new SyncWorker({
  db: store.db,
  clients: { AWS: noopPortal },
  salesforce: new RecordingSalesforce(),
  batchSize: 50,
});
/** The store process's resident and peak resident memory in bytes (Linux), when it has its own. */
function storeMemory(): { rss: number; peak: number } {
  if (!store.process) return { rss: 0, peak: 0 };
  const status = readFileSync(`/proc/${store.process.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}
let peak = 0;
let peakTogether = 0;
const sample = () => {
  const own = process.memoryUsage().rss;
  peak = Math.max(peak, own);
  peakTogether = Math.max(peakTogether, own + storeMemory().rss);
};
// The store often answers without yielding to timers, so the sync loop samples as well.
const sampler = setInterval(sample, 50);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const startRss = process.memoryUsage().rss;
console.log(
  `process with the engine loaded: rss ${mb(beforeStore)}; store open: rss ${mb(startRss)}; store process (${store.process?.pid ?? 'none: in this process or a server'}): rss ${mb(storeMemory().rss)}`,
);
const checkpoints: string[] = [];
const started = performance.now();
const epoch = new Date();
for (let from = 0; from < count; from += BATCH) {
  for (let index = from; index < Math.min(count, from + BATCH); index++)
    await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());
  while ((await worker.runOnce()) > 0) sample();
  sample();
  const done = Math.min(count, from + BATCH);
  if (done % Math.max(BATCH, Math.floor(count / 10)) === 0 || done === count) {
    const usage = process.memoryUsage();
    const storeNow = storeMemory();
    const inside = await store.process?.memoryUsage();
    checkpoints.push(
      `${done}: engine rss ${mb(usage.rss)}, peak ${mb(peak)} (js heap ${mb(usage.heapTotal)}, external ${mb(usage.external)}); store process rss ${mb(storeNow.rss)}, peak ${mb(storeNow.peak)}${inside ? ` (js heap ${mb(inside.heapTotal)}, external ${mb(inside.external)})` : ''}; together peak ${mb(peakTogether)}`,
    );
    console.log(checkpoints[checkpoints.length - 1]);
  }
}
clearInterval(sampler);
const stats = await queueStats(store.db, new Date());
console.log(
  `store: ${store.kind}; ${count} opportunities synced (no-op portal) in ${((performance.now() - started) / 1000).toFixed(0)} s; outbox done ${stats.done}, pending ${stats.pending}, dead ${stats.dead}`,
);
const storeEnd = storeMemory();
console.log(
  `engine process: rss at start ${mb(startRss)}, peak ${mb(peak)} (kernel's figure ${mb(process.resourceUsage().maxRSS * 1024)}); store process: peak ${mb(storeEnd.peak)}; both together: peak ${mb(peakTogether)} (goal: flat, under 300 MB)`,
);
await store.close();
