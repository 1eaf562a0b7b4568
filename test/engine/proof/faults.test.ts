// Proof 2: with a fifth of the calls to every portal failing in one injected way (throttling, 5xx,
// timeouts, conflicts, slow answers) on ACE, Partner Center and Cloud Channel at once, the engine
// still converges: every opportunity once per engaged portal with its latest revision, every
// referral of every portal recorded once, nothing parked, no unhandled rejection.
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Cloud } from '../../../middleware/src/core/model.js';
import { recordOpportunity } from '../../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../../middleware/src/engine/jobs.js';
import { SyncWorker } from '../../../middleware/src/engine/worker.js';
import type { FaultRule } from '../../../middleware/src/sandbox/aws/emulator.js';
import type { RestFaultRule } from '../../../middleware/src/sandbox/rest-emulator-kit.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import { runEngine } from '../../support/engine-harness.js';
import {
  pipelineClouds,
  pipelineOpportunity,
  RecordingSalesforce,
} from '../../support/proof-pipeline.js';
import {
  forwardPortalEvents,
  proofClients,
  proofPortalUrls,
  startProofPortals,
} from '../../support/proof-portals.js';
import { convergence, engagedCount, pipelineDivergence } from '../../support/proof-readbacks.js';
import { storeVariants } from '../../support/stores.js';

/** 21 deals: each single cloud, pair and the triple three times over (36 engagements, 12 per portal). */
const OPPORTUNITIES = 21;
const CLOUDS: Cloud[] = ['AWS', 'Microsoft', 'Google'];

/**
 * One fault kind at 20% on all three portals. ACE and the REST emulators name the same five kinds
 * (ThrottlingException / 429 / RESOURCE_EXHAUSTED; 5xx; dropped connection; ConflictException /
 * 412 / ABORTED; held answer), so each rule is armed on all three as is.
 */
const FAULTS: Array<FaultRule & RestFaultRule> = [
  { kind: 'throttle', rate: 0.2 },
  { kind: '5xx', rate: 0.2 },
  // The call hangs past the client's 400 ms deadline, then the connection drops.
  { kind: 'timeout', rate: 0.2, delayMs: 700 },
  { kind: 'conflict', rate: 0.2 },
  { kind: 'slow', rate: 0.2, delayMs: 250 },
];

/** What still separates the store from done: queued work, records still under review, missing referrals. */
async function storeBacklog(store: Store, referrals: number): Promise<string[]> {
  const queued = await store.db
    .selectFrom('outbox')
    .select(['kind', 'status', 'attempts', 'run_after', 'last_error'])
    .where('status', 'in', ['pending', 'running'])
    .where('kind', '!=', JOB_KINDS.poll)
    .execute();
  const waiting = await store.db
    .selectFrom('engagements')
    .select('opportunity_id')
    .where((eb) =>
      eb.or([
        eb('portal_id', 'is', null),
        eb('pending_changes', 'is not', null),
        eb('status', 'in', ['Submitted', 'In review']),
      ]),
    )
    .execute();
  const recorded = await store.db
    .selectFrom('referrals')
    .select('portal_id')
    .where('salesforce_id', 'is not', null)
    .execute();
  return [
    // Each queued job with what it waits for, so a proof that runs out of time says why.
    ...queued.map((job) => {
      const dueInMs = new Date(job.run_after).getTime() - Date.now();
      const error = job.last_error ? `: ${job.last_error.slice(0, 100)}` : '';
      return `${job.kind} ${job.status} after ${job.attempts} attempt(s), due ${dueInMs > 0 ? `in ${dueInMs} ms` : `${-dueInMs} ms ago`}${error}`;
    }),
    ...(waiting.length > 0 ? [`${waiting.length} engagement(s) not settled`] : []),
    ...(recorded.length < referrals
      ? [`${referrals - recorded.length} referral(s) not in Salesforce yet`]
      : []),
  ];
}

// Rejections nobody handled, anywhere in the process, while the proofs run.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => void process.off('unhandledRejection', onUnhandled));

// Each fault kind gets its own store and its own three emulators, so the kinds run side by side:
// the proofs mostly wait out injected timeouts and Retry-After answers.
describe.each(storeVariants())('fault proof on $name', ({ options }) => {
  it.concurrent.each(FAULTS)(
    'converges with 20% of calls to each portal failing by $kind: no duplicate, nothing parked',
    async (fault) => {
      const store = await openStore(await options());
      const portals = await startProofPortals(1000 + 10 * FAULTS.indexOf(fault));
      portals.aws.control.inject(fault);
      portals.microsoft.control.inject(fault);
      portals.google.control.inject(fault);
      const clients = proofClients(proofPortalUrls(portals), 400);
      const worker = new SyncWorker({
        db: store.db,
        clients,
        salesforce: new RecordingSalesforce(),
        leaseMs: 5_000,
        batchSize: 12,
        callTimeoutMs: 5_000,
        backoff: { baseMs: 50, capMs: 400, random: () => 0.5 },
        breaker: { consecutiveFailures: 8, halfOpenAfterMs: 200 },
      });
      const engine = runEngine({
        db: store.db,
        worker,
        clients,
        microsoft: clients.Microsoft,
        google: clients.Google,
        pollIntervalMs: 2_000,
        catchUpEveryMs: 700,
        onError: () => undefined,
      });
      // A failed event read is the sender's to retry; the catch-up is what guarantees the referral.
      const unsubscribe = forwardPortalEvents(
        portals,
        (portal, payload) => void engine.handlePortalEvent(portal, payload).catch(() => undefined),
      );
      try {
        const epoch = new Date();
        const latest = new Map<number, number>();
        for (let index = 0; index < OPPORTUNITIES; index++) {
          await recordOpportunity(
            store.db,
            pipelineOpportunity(index, 0, epoch, pipelineClouds(index)),
            new Date(),
          );
          latest.set(index, 0);
        }
        worker.nudge();
        const referrals = [
          `AWS:${portals.aws.control.createInvitation({ layer: 'Account Team' }).id}`,
          `AWS:${portals.aws.control.createInvitation({ layer: 'Partner Program' }).id}`,
          `Microsoft:${portals.microsoft.control.createIncomingReferral({ layer: 'Specialist' }).id}`,
          `Microsoft:${portals.microsoft.control.createIncomingReferral({ layer: 'Account Team', customer: { name: 'Woodgrove Bank AG' } }).id}`,
          `Google:${portals.google.control.createGoogleOpportunity().name}`,
          `Google:${portals.google.control.createGoogleOpportunity({ customer: { organizationName: 'Alpine Ski House GmbH', domain: 'alpineskihouse.example', regionCode: 'AT' } }).name}`,
        ];
        // A third of the deals are revised while their first submission is in flight or in review.
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (let index = 0; index < OPPORTUNITIES; index += 3) {
          await recordOpportunity(
            store.db,
            pipelineOpportunity(index, 1, epoch, pipelineClouds(index)),
            new Date(),
          );
          latest.set(index, 1);
        }
        worker.nudge();

        const backlog = await convergence(() => storeBacklog(store, referrals.length), 60_000, 200);
        await engine.stop();
        for (const emulator of [portals.aws, portals.microsoft, portals.google])
          emulator.control.clearFaults();
        expect(backlog).toEqual([]);
        expect(await pipelineDivergence(portals, latest)).toEqual([]);
        expect({
          aws: portals.aws.counters.created,
          microsoft: portals.microsoft.counters.created,
          google: portals.google.counters.created,
        }).toEqual({
          aws: engagedCount('AWS', latest),
          microsoft: engagedCount('Microsoft', latest),
          google: engagedCount('Google', latest),
        });
        // Each portal really failed calls this way.
        expect(
          CLOUDS.map((cloud) => [
            cloud,
            (cloud === 'AWS'
              ? portals.aws
              : cloud === 'Microsoft'
                ? portals.microsoft
                : portals.google
            ).counters.faultsInjected[fault.kind]! > 0,
          ]),
        ).toEqual(CLOUDS.map((cloud) => [cloud, true]));
        const recorded = await store.db
          .selectFrom('referrals')
          .select(['cloud', 'portal_id'])
          .execute();
        expect(recorded.map((r) => `${r.cloud}:${r.portal_id}`).sort()).toEqual(
          [...referrals].sort(),
        );
        expect(
          await store.db
            .selectFrom('outbox')
            .select(['kind', 'last_error'])
            .where('status', '=', 'dead')
            .execute(),
        ).toEqual([]);
        expect(unhandled).toEqual([]);
      } finally {
        unsubscribe();
        await engine.stop();
        await portals.stop();
        await store.close();
      }
    },
    120_000,
  );
});
