// The engine as one service process, for the crash proof: it records the Salesforce feed it is
// given, syncs it to the ACE, Partner Center and Cloud Channel emulators (which live in the test
// process, so their state survives us), takes portal events over IPC through the service's own
// event handler, and catches up on inbound referrals of all three clouds. The test SIGKILLs it.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs test/engine/proof/sync-child.ts
// Environment: ACE_URL, MS_URL, GOOGLE_URL, FEED (JSON file: { epoch, revisions: [[index, revision], ...] }),
// and STORE_URL (PostgreSQL) or PGLITE_DIR (embedded PGlite data folder; PGLITE_TEMPLATE, an
// initialised data folder tarball, seeds it on the first start).
import { readFileSync } from 'node:fs';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import type { PortalName } from '../../../middleware/src/portals/portal.js';
import { openStore, type StoreOptions } from '../../../middleware/src/store/database.js';
import { isInitialised } from '../../../middleware/src/store/pglite-setup.js';
import { runEngine } from '../../support/engine-harness.js';
import {
  pipelineClouds,
  pipelineOpportunity,
  RecordingSalesforce,
} from '../../support/proof-pipeline.js';
import { proofClients } from '../../support/proof-portals.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`sync-child: set ${name}`);
  return value;
}

const send = (message: object) => process.send?.(message);
send({ type: 'alive' });

const feed = JSON.parse(readFileSync(required('FEED'), 'utf8')) as {
  epoch: string;
  revisions: Array<[number, number]>;
};
const clients = proofClients(
  { aws: required('ACE_URL'), microsoft: required('MS_URL'), google: required('GOOGLE_URL') },
  3_000,
);

function storeOptions(): StoreOptions {
  if (process.env.STORE_URL) return { url: process.env.STORE_URL, poolSize: 4 };
  const dataDir = required('PGLITE_DIR');
  const template = process.env.PGLITE_TEMPLATE;
  // A folder PGlite never initialised starts from the run's template instead of running initdb.
  const fresh = !isInitialised(dataDir);
  return {
    dataDir,
    ...(fresh && template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {}),
  };
}
const store = await openStore(storeOptions());

// Events go through the service's handler from the moment the store is open; ones arriving before
// are lost, as a delivery to a stopped service is: the catch-up poll is what makes that safe. The
// engine runs while the feed is recorded, as the service syncs while Salesforce changes arrive.
const worker = new SyncWorker({
  db: store.db,
  clients,
  salesforce: new RecordingSalesforce(),
  workerId: `child-${process.pid}`,
  leaseMs: 4_000,
  batchSize: 16,
  callTimeoutMs: 10_000,
  budgets: {
    aws: {
      write: { key: 'aws:proof:write', perSecond: 500, burst: 50 },
      read: { key: 'aws:proof:read', perSecond: 2_000, burst: 100 },
    },
  },
  backoff: { baseMs: 100, capMs: 1_000, random: Math.random },
  breaker: { consecutiveFailures: 20, halfOpenAfterMs: 500 },
  onEvent: (event) => {
    if (event.type === 'job-dead') send({ type: 'dead', kind: event.job.kind, error: event.error });
  },
});

const engine = runEngine({
  db: store.db,
  worker,
  clients,
  microsoft: clients.Microsoft,
  google: clients.Google,
  // Events move the reviews along; the periodic poll is the fallback for the ones a killed process missed.
  pollIntervalMs: 15_000,
  catchUpEveryMs: 1_500,
  onError: (error) => send({ type: 'error', where: 'loop', message: String(error) }),
});
process.on('message', (message: { type: string; portal?: PortalName; payload?: unknown }) => {
  if (message.type === 'event' && message.portal) {
    engine
      .handlePortalEvent(message.portal, message.payload)
      .catch((error: unknown) =>
        send({ type: 'error', where: `event ${message.portal}`, message: String(error) }),
      );
  } else if (message.type === 'report') {
    report().then(send, (error: unknown) =>
      send({ type: 'error', where: 'report', message: String(error) }),
    );
  }
});

/** What the store holds, for the test's verdict (the test cannot open an embedded store we hold). */
async function report() {
  const referrals = await store.db
    .selectFrom('referrals')
    .select(['cloud', 'portal_id', 'salesforce_id'])
    .execute();
  const events = await store.db
    .selectFrom('inbound_events')
    .select(['portal'])
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .groupBy('portal')
    .execute();
  const dead = await store.db
    .selectFrom('outbox')
    .select(['kind', 'last_error'])
    .where('status', '=', 'dead')
    .execute();
  const unsettled = await store.db
    .selectFrom('engagements')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) =>
      eb.or([
        eb('portal_id', 'is', null),
        eb('pending_changes', 'is not', null),
        eb('status', 'in', ['Submitted', 'In review']),
      ]),
    )
    .executeTakeFirstOrThrow();
  const pending = await store.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', 'in', ['pending', 'running'])
    .where('kind', '!=', JOB_KINDS.poll)
    .executeTakeFirstOrThrow();
  return {
    type: 'report',
    referrals: referrals.map((r) => ({
      cloud: r.cloud,
      portalId: r.portal_id,
      inSalesforce: r.salesforce_id !== null,
    })),
    inboundEvents: Object.fromEntries(events.map((e) => [e.portal, Number(e.count)])),
    dead,
    pendingNonPoll: Number(pending.count),
    unsettledEngagements: Number(unsettled.count),
  };
}

// Salesforce changes arrive as the change-driven sync reads them: the versions the mirror does not
// hold yet (recordOpportunity writes the mirror, its engagements and its outbox jobs in one
// transaction, so a version in the mirror has its jobs too).
const epoch = new Date(feed.epoch);
const mirrored = new Map(
  (await store.db.selectFrom('opportunities').select(['id', 'sf_modstamp']).execute()).map(
    (row) => [row.id, row.sf_modstamp ? new Date(row.sf_modstamp).getTime() : null],
  ),
);
for (const [index, revision] of feed.revisions) {
  const opportunity = pipelineOpportunity(index, revision, epoch, pipelineClouds(index));
  if (mirrored.get(opportunity.id) === Date.parse(opportunity.lastModifiedDate)) continue;
  await recordOpportunity(store.db, opportunity, new Date());
  worker.nudge();
}
send({ type: 'recorded' });
