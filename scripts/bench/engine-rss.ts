// Peak resident memory while the engine syncs 100k opportunities, against a no-op portal (the ACE
// emulator keeps every record it holds and walks them all on each call, so 100k records measure the
// emulator, not the engine). The store is an embedded PGlite data folder, as in a default install.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/engine-rss.ts [opportunities=100000]
// DATABASE_URL runs it on a fresh database on that PostgreSQL server instead.
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { queueStats } from '../../middleware/src/engine/outbox.js';
import type {
  InboundPage,
  PortalClient,
  PortalRecordState,
} from '../../middleware/src/engine/portal-client.js';
import { SyncWorker } from '../../middleware/src/engine/worker.js';
import { pipelineOpportunity, RecordingSalesforce } from '../../test/support/engine-harness.js';
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
let peak = 0;
// The store often answers without yielding to timers, so the sync loop samples as well.
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const startRss = process.memoryUsage().rss;
console.log(
  `process with the engine loaded: rss ${mb(beforeStore)}; store open: rss ${mb(startRss)}`,
);
const checkpoints: string[] = [];
const started = performance.now();
const epoch = new Date();
for (let from = 0; from < count; from += BATCH) {
  for (let index = from; index < Math.min(count, from + BATCH); index++)
    await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());
  while ((await worker.runOnce()) > 0) peak = Math.max(peak, process.memoryUsage().rss);
  peak = Math.max(peak, process.memoryUsage().rss);
  const done = Math.min(count, from + BATCH);
  if (done % Math.max(BATCH, Math.floor(count / 10)) === 0 || done === count) {
    const usage = process.memoryUsage();
    checkpoints.push(
      `${done}: rss ${mb(usage.rss)}, peak ${mb(peak)} (js heap ${mb(usage.heapTotal)}, external ${mb(usage.external)})`,
    );
    console.log(checkpoints[checkpoints.length - 1]);
  }
}
clearInterval(sampler);
const stats = await queueStats(store.db, new Date());
console.log(
  `store: ${store.kind}; ${count} opportunities synced (no-op portal) in ${((performance.now() - started) / 1000).toFixed(0)} s; outbox done ${stats.done}, pending ${stats.pending}, dead ${stats.dead}`,
);
console.log(`rss at start ${mb(startRss)}, peak ${mb(peak)} (goal: flat, under 300 MB)`);
await store.close();
