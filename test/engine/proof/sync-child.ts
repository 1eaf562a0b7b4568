// The engine as one service process, for the crash proof: it records the Salesforce feed it is
// given, syncs it to the ACE emulator (which lives in the test process, so its state survives us),
// takes portal events over IPC and catches up on inbound referrals. The test SIGKILLs it at random.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs test/engine/proof/sync-child.ts
// Environment: ACE_URL, FEED (JSON file: { epoch, revisions: [[index, revision], ...] }), and
// STORE_URL (PostgreSQL) or PGLITE_DIR (embedded PGlite data folder).
import { readFileSync } from 'node:fs';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import type { EmulatorEvent } from '../../../middleware/src/portals/aws/emulator.js';
import { openStore } from '../../../middleware/src/store/database.js';
import { aceEventIntake, pipelineOpportunity, proofAceClient, RecordingSalesforce, runEngine } from '../../support/engine-harness.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`sync-child: set ${name}`);
  return value;
}

const send = (message: object) => process.send?.(message);
send({ type: 'alive' });

const aceUrl = required('ACE_URL');
const feed = JSON.parse(readFileSync(required('FEED'), 'utf8')) as { epoch: string; revisions: Array<[number, number]> };
const store = await openStore(process.env.STORE_URL ? { url: process.env.STORE_URL, poolSize: 4 } : { dataDir: required('PGLITE_DIR') });
const client = proofAceClient(aceUrl, 3_000);
const intake = aceEventIntake(aceUrl, store.db);

// Events arriving before the store is open are lost, as a real EventBridge target that is down
// loses them: the catch-up poll is what makes that safe.
process.on('message', (message: { type: string; event?: EmulatorEvent }) => {
  if (message.type === 'event' && message.event) {
    intake(message.event, new Date()).catch((error: unknown) => send({ type: 'error', where: 'event', message: String(error) }));
  } else if (message.type === 'report') {
    report().then(send, (error: unknown) => send({ type: 'error', where: 'report', message: String(error) }));
  }
});

/** What the store holds, for the test's verdict (the test cannot open an embedded store we hold). */
async function report() {
  const referrals = await store.db.selectFrom('referrals').select(['portal_id', 'salesforce_id']).where('cloud', '=', 'AWS').execute();
  const events = await store.db.selectFrom('inbound_events').select((eb) => eb.fn.countAll<string>().as('count')).where('portal', '=', 'AWS').executeTakeFirstOrThrow();
  const dead = await store.db.selectFrom('outbox').select(['kind', 'last_error']).where('status', '=', 'dead').execute();
  const pending = await store.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('status', 'in', ['pending', 'running'])
    .where('kind', '!=', JOB_KINDS.poll)
    .executeTakeFirstOrThrow();
  return {
    type: 'report',
    referralPortalIds: referrals.map((r) => r.portal_id),
    referralsInSalesforce: referrals.filter((r) => r.salesforce_id !== null).length,
    inboundEvents: Number(events.count),
    dead,
    pendingNonPoll: Number(pending.count),
  };
}

const epoch = new Date(feed.epoch);
for (const [index, revision] of feed.revisions) {
  await recordOpportunity(store.db, pipelineOpportunity(index, revision, epoch), new Date());
}
send({ type: 'recorded' });

const worker = new SyncWorker({
  db: store.db,
  clients: { AWS: client },
  salesforce: new RecordingSalesforce(),
  workerId: `child-${process.pid}`,
  leaseMs: 4_000,
  batchSize: 16,
  callTimeoutMs: 10_000,
  budgets: { aws: { write: { key: 'aws:proof:write', perSecond: 500, burst: 50 }, read: { key: 'aws:proof:read', perSecond: 2_000, burst: 100 } } },
  backoff: { baseMs: 100, capMs: 1_000, random: Math.random },
  breaker: { consecutiveFailures: 20, halfOpenAfterMs: 500 },
  onEvent: (event) => {
    if (event.type === 'job-dead') send({ type: 'dead', kind: event.job.kind, error: event.error });
  },
});
runEngine({
  db: store.db,
  worker,
  client,
  pollIntervalMs: 8_000,
  catchUpEveryMs: 1_500,
  onError: (error) => send({ type: 'error', where: 'loop', message: String(error) }),
});
