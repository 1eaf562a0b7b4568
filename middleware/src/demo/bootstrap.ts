// The demo bootstrap: what `npm start` adds to the desk's application wiring (service/desk.ts)
// when it runs on the local org. Demo deals are created in the org as an AE would, through its
// API, with the counterparts and readiness evidence an admin would enter; and when every portal is a sandbox,
// one referral per field layer per cloud arrives through them, as a busy week's inbox.
import { Connection } from 'jsforce';
import { SOURCE_LAYERS } from '../core/model.js';
import { SALESFORCE_API_VERSION } from '../salesforce/gateway/index.js';
import { startDesk, type Desk, type DeskOptions, type DeskSeedContext } from '../service/desk.js';
import { seedDemoReferenceRecords } from './reference-records.js';
import { DEMO_REFERRERS, demoReferrerEmail, seedDemoOrg } from './seed.js';

/** Seeds the local org and (all portals sandboxed) the sandbox portals once. */
export async function seedDemoDesk(context: DeskSeedContext): Promise<void> {
  const { localOrg, clock, logger } = context;
  const admin = new Connection({
    instanceUrl: localOrg.instanceUrl,
    accessToken: localOrg.admin.accessToken,
    version: SALESFORCE_API_VERSION,
  });
  const seeded = await seedDemoOrg(admin, clock(), localOrg.admin.userId, context.wouldRefuse);
  await seedDemoReferenceRecords(admin, clock());
  // Read back at once: the demo referrals below are triaged against the org's counterparts.
  await context.reloadOrgReference();
  if (seeded && context.sandboxPortals) {
    seedDemoReferrals(context.sandboxPortals);
    context.touchSandbox();
  }
  if (seeded) logger.info(seeded, 'demo data created in the local org');
}

/** The desk as `npm start` runs it: the application wiring with the demo bootstrap. */
export function startDemoDesk(options: Omit<DeskOptions, 'seed'>): Promise<Desk> {
  return startDesk({ ...options, seed: seedDemoDesk });
}

/** One referral per field layer per cloud in the sandbox portals, as a busy week's inbox. */
function seedDemoReferrals(emulators: Desk['emulators']): void {
  for (const layer of SOURCE_LAYERS) {
    emulators.aws?.control.createInvitation({
      layer,
      senderTitle: DEMO_REFERRERS.AWS[layer].title,
    });
    emulators.microsoft?.control.createIncomingReferral({ layer });
    const sender = DEMO_REFERRERS.Google[layer];
    emulators.google?.control.createGoogleOpportunity({
      owner: { name: sender.name, email: demoReferrerEmail('Google', sender.name) },
    });
  }
  // A referral nobody can classify: triage must flag it, never file it as standard.
  emulators.aws?.control.createInvitation({
    senderTitle: 'Business Operations',
    message: 'Customer asked about your product at an AWS Summit booth.',
  });
}
