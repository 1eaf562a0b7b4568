// Proof 1: the engine loses and doubles nothing when its process dies. A service process syncing
// 210 opportunities (revised while it runs) to ACE, Partner Center and Cloud Channel, each deal
// engaging one, two or all three clouds, is SIGKILLed at random points and started again, on a
// PostgreSQL server and on an embedded PGlite data folder. Referrals arrive on all three portals
// throughout, by event when the process is up and by catch-up poll for the ones it missed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Cloud, SourceLayer } from '../../../middleware/src/core/model.js';
import type { InvitationInput } from '../../../middleware/src/sandbox/aws/emulator.js';
import {
  forwardPortalEvents,
  proofPortalUrls,
  startProofPortals,
  type ProofPortals,
} from '../../support/proof-portals.js';
import { convergence, engagedCount, pipelineDivergence } from '../../support/proof-readbacks.js';
import { freshPostgresDatabase } from '../../support/stores.js';
import { SyncProcess, type ChildMessage, type SyncReport } from '../../support/sync-process.js';

const OPPORTUNITIES = 210;
const KILLS = 10;
const CLOUDS: Cloud[] = ['AWS', 'Microsoft', 'Google'];

/** mulberry32: the kill schedule is the same on every run (only the machine's timing varies). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AWS_REFERRALS: InvitationInput[] = [
  {
    layer: 'Partner Program',
    customer: { companyName: 'Contoso Clinics', websiteUrl: 'https://contoso-clinics.example' },
    project: { title: 'Clinical data lakehouse', monthlySpendUsd: 38_000 },
  },
  {
    layer: 'Account Team',
    customer: { companyName: 'Fabrikam Freight', websiteUrl: 'https://fabrikam-freight.example' },
    project: { title: 'Fleet telemetry platform', monthlySpendUsd: 52_000 },
  },
  {
    layer: 'Specialist',
    customer: { companyName: 'Woodgrove Wealth', websiteUrl: 'https://woodgrove-wealth.example' },
    project: { title: 'GenAI advisor assistant', monthlySpendUsd: 21_000 },
  },
];
const LAYERS: SourceLayer[] = ['Partner Program', 'Account Team', 'Specialist', 'Regional/Segment'];

/** One new referral on one portal (in turn): an AWS invitation, a Microsoft incoming referral, a Google-sourced opportunity. */
function referOn(portals: ProofPortals, n: number): string {
  const cloud = CLOUDS[n % CLOUDS.length]!;
  if (cloud === 'AWS')
    return `AWS:${portals.aws.control.createInvitation(AWS_REFERRALS[n % AWS_REFERRALS.length]).id}`;
  if (cloud === 'Microsoft') {
    return `Microsoft:${portals.microsoft.control.createIncomingReferral({ layer: LAYERS[n % LAYERS.length], customer: { name: `Tailspin Toys Manufacturing ${n}` }, name: `Tailspin Toys ${n} – MES data on Azure drawing down the MACC` }).id}`;
  }
  return `Google:${portals.google.control.createGoogleOpportunity({ displayName: `Coho Vineyard ${n} – harvest forecasting on BigQuery`, customer: { organizationName: `Coho Vineyard ${n}`, domain: `coho-vineyard-${n}.example`, regionCode: 'US' } }).name}`;
}

interface CrashStore {
  name: string;
  timeoutMs: number;
  env: () => Promise<{ env: Record<string, string>; cleanup: () => void }>;
}

const STORES: CrashStore[] = [
  {
    name: 'PostgreSQL',
    timeoutMs: 150_000,
    env: async () => ({
      env: { STORE_URL: await freshPostgresDatabase() },
      cleanup: () => undefined,
    }),
  },
  {
    // PGlite reopens a data folder cleanly after SIGKILL (committed transactions survive), so the
    // embedded store gets the same proof. The run's template spares the first start its initdb.
    name: 'PGlite data folder',
    timeoutMs: 240_000,
    env: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cosell-crash-'));
      const template = process.env.COSELL_TEST_PGLITE_TEMPLATE;
      return {
        env: { PGLITE_DIR: join(dir, 'store'), ...(template ? { PGLITE_TEMPLATE: template } : {}) },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];

describe.each(STORES)('crash proof on $name', (variant) => {
  let portals: ProofPortals | undefined;
  let current: SyncProcess | undefined;
  const cleanups: Array<() => void> = [];

  afterAll(async () => {
    await current?.kill();
    await portals?.stop();
    for (const cleanup of cleanups) cleanup();
  });

  it(
    `SIGKILLed ${KILLS} times while syncing ${OPPORTUNITIES} opportunities to three portals: each exists once per engaged portal with its latest revision, every referral arrives once`,
    async () => {
      const random = seeded(variant.name.length * 7919);
      const { env, cleanup } = await variant.env();
      cleanups.push(cleanup);
      portals = await startProofPortals(4242);
      const urls = proofPortalUrls(portals);
      const work = mkdtempSync(join(tmpdir(), 'cosell-feed-'));
      cleanups.push(() => rmSync(work, { recursive: true, force: true }));
      const feedFile = join(work, 'feed.json');
      const epoch = new Date();
      const revisions = new Map<number, number>(
        Array.from({ length: OPPORTUNITIES }, (_, index) => [index, 0]),
      );
      const writeFeed = () =>
        writeFileSync(
          feedFile,
          JSON.stringify({ epoch: epoch.toISOString(), revisions: [...revisions] }),
        );

      const referrals: string[] = [];
      const dead: string[] = [];
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'dead') dead.push(`${message.kind}: ${message.error}`);
      };
      // Portals deliver to whichever process is running; events sent while none is are lost.
      const unsubscribe = forwardPortalEvents(portals, (portal, payload) =>
        current?.deliver(portal, payload),
      );
      const referralTimer = setInterval(
        () => referrals.push(referOn(portals!, referrals.length)),
        400,
      );

      const start = () => {
        writeFeed();
        current = new SyncProcess(
          {
            ...env,
            ACE_URL: urls.aws,
            MS_URL: urls.microsoft,
            GOOGLE_URL: urls.google,
            FEED: feedFile,
          },
          onMessage,
        );
        return current;
      };
      let kills = 0;
      try {
        for (let round = 0; round < KILLS; round++) {
          const child = start();
          // Half the kills land early (opening the store, migrating, recording the feed), half while syncing.
          const early = random() < 0.5;
          const reached = await child.next(early ? 'alive' : 'recorded');
          expect(reached).not.toBeNull();
          await new Promise((resolve) =>
            setTimeout(resolve, Math.floor(random() * (early ? 1_000 : 1_500))),
          );
          expect(await child.kill()).toBe('SIGKILL');
          kills++;
          // Salesforce moves on while the engine is down: a fifth of the pipeline gets a new revision.
          for (const index of revisions.keys())
            if (index % 5 === round % 5) revisions.set(index, revisions.get(index)! + 1);
        }
        const last = start();
        expect(await last.next('recorded')).not.toBeNull();
        clearInterval(referralTimer);
        for (let n = 0; n < CLOUDS.length; n++) referrals.push(referOn(portals, referrals.length));

        let report: SyncReport | null = null;
        const problems = await convergence(
          async () => {
            report = await last.report();
            const recorded = new Set(report?.referrals.map((r) => `${r.cloud}:${r.portalId}`));
            const missing = referrals.filter((id) => !recorded.has(id));
            const store = [
              ...(report === null ? ['the sync process is gone'] : []),
              ...(missing.length > 0
                ? [
                    `${missing.length} referral(s) not recorded yet: ${missing.slice(0, 3).join(', ')}`,
                  ]
                : []),
              ...(report && report.referrals.some((r) => !r.inSalesforce)
                ? ['referrals not all written to Salesforce yet']
                : []),
              ...(report && report.pendingNonPoll > 0
                ? [`${report.pendingNonPoll} job(s) still queued`]
                : []),
              ...(report && report.unsettledEngagements > 0
                ? [`${report.unsettledEngagements} engagement(s) not settled`]
                : []),
            ];
            // The portals are read back (through their APIs) once the store says it is done.
            if (store.length > 0) return store;
            const portal = await pipelineDivergence(portals!, revisions);
            return [
              ...portal.slice(0, 5),
              ...(portal.length > 5 ? [`… ${portal.length - 5} more`] : []),
            ];
          },
          90_000,
          500,
        );
        expect({ problems, errors: problems.length > 0 ? last.errors : '' }).toEqual({
          problems: [],
          errors: '',
        });

        expect(kills).toBeGreaterThanOrEqual(KILLS);
        // Exactly once per engaged portal, counted by each emulator (the read-back above checked the records).
        expect(portals.aws.counters.created).toBe(engagedCount('AWS', revisions));
        expect(portals.microsoft.counters.created).toBe(engagedCount('Microsoft', revisions));
        expect(portals.google.counters.created).toBe(engagedCount('Google', revisions));
        const final = report as SyncReport | null;
        expect(final).not.toBeNull();
        // Every referral of every portal recorded exactly once (and each of its events once).
        expect(final!.referrals.map((r) => `${r.cloud}:${r.portalId}`).sort()).toEqual(
          [...referrals].sort(),
        );
        for (const cloud of CLOUDS) {
          const sent = referrals.filter((id) => id.startsWith(`${cloud}:`)).length;
          expect({ cloud, sent: sent > 0, events: final!.inboundEvents[cloud] }).toEqual({
            cloud,
            sent: true,
            events: sent,
          });
        }
        expect(final!.dead).toEqual([]);
        expect(dead).toEqual([]);
      } finally {
        clearInterval(referralTimer);
        unsubscribe();
      }
    },
    variant.timeoutMs,
  );
});
