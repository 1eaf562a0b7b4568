// Proof 1: the engine loses and doubles nothing when its process dies. A service process syncing
// 200 opportunities (revised while it runs) to the ACE emulator is SIGKILLed at random points and
// started again, on a PostgreSQL server and on an embedded PGlite data folder. AWS referrals arrive
// throughout, by event when the process is up and by catch-up poll for the ones it missed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { AceEmulator, EmulatorEvent, InvitationInput } from '../../../middleware/src/portals/aws/emulator.js';
import { aceDivergence, convergence, startProofAce } from '../../support/engine-harness.js';
import { freshPostgresDatabase } from '../../support/stores.js';
import { SyncProcess, type ChildMessage, type SyncReport } from '../../support/sync-process.js';

const OPPORTUNITIES = 200;
const KILLS = 10;

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

const REFERRALS: InvitationInput[] = [
  { layer: 'Partner Program', customer: { companyName: 'Contoso Clinics', websiteUrl: 'https://contoso-clinics.example' }, project: { title: 'Clinical data lakehouse', monthlySpendUsd: 38_000 } },
  { layer: 'Account Team', customer: { companyName: 'Fabrikam Freight', websiteUrl: 'https://fabrikam-freight.example' }, project: { title: 'Fleet telemetry platform', monthlySpendUsd: 52_000 } },
  { layer: 'Specialist', customer: { companyName: 'Woodgrove Wealth', websiteUrl: 'https://woodgrove-wealth.example' }, project: { title: 'GenAI advisor assistant', monthlySpendUsd: 21_000 } },
  { layer: 'Regional/Segment', customer: { companyName: 'Tailspin Travel', websiteUrl: 'https://tailspin-travel.example' }, project: { title: 'Booking analytics on Redshift', monthlySpendUsd: 17_500 } },
];

interface CrashStore {
  name: string;
  /** Opening an embedded PGlite takes seconds per restart on a busy machine. */
  timeoutMs: number;
  env: () => Promise<{ env: Record<string, string>; cleanup: () => void }>;
}

const STORES: CrashStore[] = [
  {
    name: 'PostgreSQL',
    timeoutMs: 240_000,
    env: async () => ({ env: { STORE_URL: await freshPostgresDatabase() }, cleanup: () => undefined }),
  },
  {
    // PGlite reopens a data folder cleanly after SIGKILL (committed transactions survive), so the
    // embedded store gets the same proof.
    name: 'PGlite data folder',
    timeoutMs: 420_000,
    env: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cosell-crash-'));
      return { env: { PGLITE_DIR: join(dir, 'store') }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

describe.each(STORES)('crash proof on $name', (variant) => {
  let emulator: AceEmulator | undefined;
  let current: SyncProcess | undefined;
  const cleanups: Array<() => void> = [];

  afterAll(async () => {
    await current?.kill();
    await emulator?.stop();
    for (const cleanup of cleanups) cleanup();
  });

  it(`SIGKILLed ${KILLS} times while syncing ${OPPORTUNITIES} opportunities: each exists once in ACE with its latest revision, every referral arrives once`, async () => {
    const random = seeded(variant.name.length * 7919);
    const { env, cleanup } = await variant.env();
    cleanups.push(cleanup);
    emulator = await startProofAce({ seed: 4242 });
    const work = mkdtempSync(join(tmpdir(), 'cosell-feed-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const feedFile = join(work, 'feed.json');
    const epoch = new Date();
    const revisions = new Map<number, number>(Array.from({ length: OPPORTUNITIES }, (_, index) => [index, 0]));
    const writeFeed = () => writeFileSync(feedFile, JSON.stringify({ epoch: epoch.toISOString(), revisions: [...revisions] }));

    const invitations: string[] = [];
    const dead: string[] = [];
    const childErrors: string[] = [];
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'dead') dead.push(`${message.kind}: ${message.error}`);
      if (message.type === 'error') childErrors.push(`${message.where}: ${message.message}`);
    };
    // EventBridge delivers to whichever process is running; events sent while none is are lost.
    emulator.control.subscribe((event: EmulatorEvent) => current?.deliver(event));
    const referralTimer = setInterval(() => {
      invitations.push(emulator!.control.createInvitation(REFERRALS[invitations.length % REFERRALS.length]).id);
    }, 900);

    const start = () => {
      writeFeed();
      current = new SyncProcess({ ...env, ACE_URL: emulator!.url, FEED: feedFile }, onMessage);
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
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * (early ? 1_500 : 2_500))));
        expect(await child.kill()).toBe('SIGKILL');
        kills++;
        // Salesforce moves on while the engine is down: a fifth of the pipeline gets a new revision.
        for (const index of revisions.keys()) if (index % 5 === round % 5) revisions.set(index, revisions.get(index)! + 1);
      }
      const last = start();
      expect(await last.next('recorded')).not.toBeNull();
      clearInterval(referralTimer);
      invitations.push(emulator.control.createInvitation(REFERRALS[0]).id);

      let report: SyncReport | null = null;
      const problems = await convergence(async () => {
        const portal = await aceDivergence(emulator!, revisions);
        report = await last.report();
        const missing = invitations.filter((id) => !report?.referralPortalIds.includes(id));
        return [
          ...portal.slice(0, 5),
          ...(missing.length > 0 ? [`${missing.length} referral(s) not recorded yet`] : []),
          ...(report && report.referralsInSalesforce < invitations.length ? ['referrals not all written to Salesforce yet'] : []),
          ...(report && report.pendingNonPoll > 0 ? [`${report.pendingNonPoll} job(s) still queued`] : []),
        ];
      }, 150_000, 1_000);
      expect({ problems, errors: problems.length > 0 ? last.errors : '' }).toEqual({ problems: [], errors: '' });

      expect(kills).toBeGreaterThanOrEqual(KILLS);
      expect(emulator.counters.created).toBe(OPPORTUNITIES);
      expect(Object.values(emulator.counters.createdByPartnerOpportunityId).every((count) => count === 1)).toBe(true);
      const final = report as SyncReport | null;
      expect(final).not.toBeNull();
      expect([...final!.referralPortalIds].sort()).toEqual([...invitations].sort());
      expect(final!.inboundEvents).toBe(invitations.length);
      expect(final!.dead).toEqual([]);
      expect(dead).toEqual([]);
    } finally {
      clearInterval(referralTimer);
    }
  }, variant.timeoutMs);
});
