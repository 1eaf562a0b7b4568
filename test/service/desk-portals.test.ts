// The desk's portals with Partner Center and Cloud Channel live: the clients the desk builds from its
// configuration send what each portal requires besides the deal, the ISV's co-sell solutions to
// Microsoft (MS_SOLUTION_IDS) and its product families to Google (GOOGLE_PRODUCT_FAMILIES). The
// "live" portals here are the emulators, reached over HTTP at the configured base URLs as the real
// APIs would be, Google's through a service-account key file and the token endpoint it names.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDeskPortals, type DeskPortals } from '../../middleware/src/service/desk-portals.js';
import {
  startMicrosoftEmulator,
  type MicrosoftEmulator,
} from '../../middleware/src/sandbox/microsoft/emulator.js';
import {
  startGoogleEmulator,
  type GoogleEmulator,
} from '../../middleware/src/sandbox/google/emulator.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { NOW, northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';
import { serviceAccountKey } from '../support/google-key-file.js';
import { pgliteOptions } from '../support/stores.js';

const GOOGLE_PARTNER = 'C01streamlake';
const GOOGLE_ACCOUNT = 'cosell-integrator@streamlake-cosell.iam.gserviceaccount.com';

/** A service-account key file for `emulator`'s token endpoint, and the emulator knowing its key. */
async function googleWithKey(): Promise<{ emulator: GoogleEmulator; keyFile: string }> {
  const key = serviceAccountKey(GOOGLE_ACCOUNT);
  const emulator = await startGoogleEmulator({
    now: () => NOW,
    partnerId: GOOGLE_PARTNER,
    requireIssuedTokens: true,
    serviceAccounts: { [GOOGLE_ACCOUNT]: key.publicPem },
  });
  return { emulator, keyFile: key.keyFile(emulator.tokenUri) };
}

describe('desk portals with Partner Center and Cloud Channel live', () => {
  let partnerCenter: MicrosoftEmulator;
  let cloudChannel: GoogleEmulator;
  let store: Store;
  let portals: DeskPortals;

  beforeAll(async () => {
    partnerCenter = await startMicrosoftEmulator({
      now: () => NOW,
      quotas: { reads: 1000, writes: 1000 },
    });
    const google = await googleWithKey();
    cloudChannel = google.emulator;
    store = await openStore(pgliteOptions());
    const config = loadConfig({
      MS_MODE: 'live',
      MS_BASE_URL: partnerCenter.url,
      MS_ACCESS_TOKEN: 'delegated-referrals-admin',
      MS_SOLUTION_IDS: 'SOL-15974-MQF, SOL-20411-KQP',
      GOOGLE_MODE: 'live',
      GOOGLE_BASE_URL: cloudChannel.url,
      GOOGLE_PARTNER_ID: GOOGLE_PARTNER,
      GOOGLE_APPLICATION_CREDENTIALS: google.keyFile,
    });
    portals = await startDeskPortals({
      config,
      db: store.db,
      clock: () => NOW,
      review: { inReviewAfterMs: 60_000, decisionAfterMs: 600_000 },
      microsoftSolutions: config.MS_SOLUTION_IDS,
      mappingFor: () => ({}),
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(Object.values(portals?.emulators ?? {}).map((emulator) => emulator.stop()));
    await partnerCenter?.stop();
    await cloudChannel?.stop();
    await store?.close();
  });

  /** The demo deal submitted through the desk's client for `cloud`: Submitted, with no findings. */
  async function submitted(cloud: 'Microsoft' | 'Google') {
    const state = await portals.clients[cloud]!.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: `${cloud}:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z`,
      now: NOW,
    });
    expect(state).toMatchObject({ status: 'Submitted', findings: [] });
    return state;
  }

  it('shares a co-sell ask with Microsoft with the configured solutions', async () => {
    expect(portals.emulators.microsoft).toBeUndefined();
    const state = await submitted('Microsoft');
    expect(partnerCenter.control.referral(state.portalId)).toMatchObject({
      details: { requirements: { solutions: [{ id: 'SOL-15974-MQF' }, { id: 'SOL-20411-KQP' }] } },
    });
  });

  it('submits to Google with the product families, Google Cloud by default', async () => {
    expect(portals.emulators.google).toBeUndefined();
    const state = await submitted('Google');
    expect(cloudChannel.control.opportunity(state.portalId)).toMatchObject({
      opportunityInfo: { productFamily: ['GOOGLE_CLOUD_PLATFORM'] },
    });
    expect(cloudChannel.counters.tokensIssued).toBe(1);
  });
});
