// Proof 2: with a fifth of ACE calls failing in one injected way (throttling, 5xx, timeouts,
// conflicts, slow answers), the engine still converges: every opportunity once in ACE with its
// latest revision, every AWS referral recorded once, nothing parked, no unhandled rejection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import type { AceEmulator, FaultRule } from '../../../middleware/src/portals/aws/emulator.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import {
  aceDivergence,
  aceEventIntake,
  convergence,
  pipelineOpportunity,
  proofAceClient,
  RecordingSalesforce,
  runEngine,
} from '../../support/engine-harness.js';
import { startProofAce } from '../../support/engine-harness.js';
import { storeVariants, truncateAll } from '../../support/stores.js';

const OPPORTUNITIES = 20;
const REFERRALS = 4;

const FAULTS: FaultRule[] = [
  { kind: 'throttle', rate: 0.2 },
  { kind: '5xx', rate: 0.2 },
  // The call hangs past the client's 400 ms deadline, then the connection drops.
  { kind: 'timeout', rate: 0.2, delayMs: 700 },
  { kind: 'conflict', rate: 0.2 },
  { kind: 'slow', rate: 0.2, delayMs: 250 },
];

/** What still separates the store from done: queued work, records still under review, missing referrals. */
async function storeBacklog(store: Store, referrals: number): Promise<string[]> {
  const queued = await store.db.selectFrom('outbox').select(['kind', 'status']).where('status', 'in', ['pending', 'running']).where('kind', '!=', JOB_KINDS.poll).execute();
  const waiting = await store.db
    .selectFrom('engagements')
    .select('opportunity_id')
    .where((eb) => eb.or([eb('portal_id', 'is', null), eb('pending_changes', 'is not', null), eb('status', 'in', ['Submitted', 'In review'])]))
    .execute();
  const recorded = await store.db.selectFrom('referrals').select('portal_id').execute();
  return [
    ...(queued.length > 0 ? [`${queued.length} job(s) queued`] : []),
    ...(waiting.length > 0 ? [`${waiting.length} engagement(s) not settled`] : []),
    ...(recorded.length < referrals ? [`${referrals - recorded.length} referral(s) missing`] : []),
  ];
}

describe.each(storeVariants())('fault proof on $name', ({ options }) => {
  let store: Store;
  let emulator: AceEmulator | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    store = await openStore(await options());
    process.on('unhandledRejection', onUnhandled);
  });
  beforeEach(async () => truncateAll(store.db));
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await emulator?.stop();
    await store?.close();
  });

  it.each(FAULTS)('converges with 20% of calls failing by $kind: no duplicate, nothing parked', async (fault) => {
    emulator = await startProofAce({ seed: 1000 + FAULTS.indexOf(fault) });
    emulator.control.inject(fault);
    const client = proofAceClient(emulator.url, 400);
    const intake = aceEventIntake(emulator.url, store.db);
    const loopErrors: unknown[] = [];
    emulator.control.subscribe((event) => void intake(event, new Date()).catch((error: unknown) => loopErrors.push(error)));
    const worker = new SyncWorker({
      db: store.db,
      clients: { AWS: client },
      salesforce: new RecordingSalesforce(),
      leaseMs: 5_000,
      batchSize: 12,
      callTimeoutMs: 5_000,
      backoff: { baseMs: 50, capMs: 400, random: () => 0.5 },
      breaker: { consecutiveFailures: 8, halfOpenAfterMs: 200 },
    });
    const engine = runEngine({ db: store.db, worker, client, pollIntervalMs: 1_500, catchUpEveryMs: 700, onError: () => undefined });
    try {
      const epoch = new Date();
      const latest = new Map<number, number>();
      for (let index = 0; index < OPPORTUNITIES; index++) {
        await recordOpportunity(store.db, pipelineOpportunity(index, 0, epoch), new Date());
        latest.set(index, 0);
      }
      worker.nudge();
      const invitations = Array.from({ length: REFERRALS }, (_, n) => emulator!.control.createInvitation({ layer: n % 2 ? 'Partner Program' : 'Account Team' }).id);
      // A third of the deals are revised while their first submission is in flight or in review.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let index = 0; index < OPPORTUNITIES; index += 3) {
        await recordOpportunity(store.db, pipelineOpportunity(index, 1, epoch), new Date());
        latest.set(index, 1);
      }
      worker.nudge();

      const backlog = await convergence(() => storeBacklog(store, REFERRALS), 90_000, 250);
      await engine.stop();
      emulator.control.clearFaults();
      expect(backlog).toEqual([]);
      expect(await aceDivergence(emulator, latest)).toEqual([]);
      expect(emulator.counters.created).toBe(OPPORTUNITIES);
      expect(emulator.counters.faultsInjected[fault.kind]).toBeGreaterThan(0);
      const referrals = await store.db.selectFrom('referrals').select('portal_id').execute();
      expect(referrals.map((r) => r.portal_id).sort()).toEqual([...invitations].sort());
      expect(await store.db.selectFrom('outbox').select(['kind', 'last_error']).where('status', '=', 'dead').execute()).toEqual([]);
      expect(unhandled).toEqual([]);
    } finally {
      await engine.stop();
      await emulator.stop();
      emulator = undefined;
    }
  }, 120_000);
});
