// The desk's portals with Partner Center live: the client the desk builds from its configuration
// (MS_MODE=live, MS_BASE_URL, MS_ACCESS_TOKEN, MS_SOLUTION_IDS) sends the ISV's co-sell solutions
// with a submission, as Partner Center requires to share with Microsoft. The "live" Partner Center
// here is the emulator, reached over HTTP at the configured base URL as the real API would be.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDeskPortals, type DeskPortals } from '../../middleware/src/service/desk-portals.js';
import {
  startMicrosoftEmulator,
  type MicrosoftEmulator,
} from '../../middleware/src/sandbox/microsoft/emulator.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { NOW, northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';
import { pgliteOptions } from '../support/stores.js';

describe('desk portals with Partner Center live', () => {
  let partnerCenter: MicrosoftEmulator;
  let store: Store;
  let portals: DeskPortals;

  beforeAll(async () => {
    partnerCenter = await startMicrosoftEmulator({
      now: () => NOW,
      quotas: { reads: 1000, writes: 1000 },
    });
    store = await openStore(pgliteOptions());
    const config = loadConfig({
      MS_MODE: 'live',
      MS_BASE_URL: partnerCenter.url,
      MS_ACCESS_TOKEN: 'delegated-referrals-admin',
      MS_SOLUTION_IDS: 'SOL-15974-MQF, SOL-20411-KQP',
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
    await store?.close();
  });

  it('shares a co-sell ask with Microsoft with the configured solutions', async () => {
    expect(portals.emulators.microsoft).toBeUndefined();
    const state = await portals.clients.Microsoft!.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: 'Microsoft:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z',
      now: NOW,
    });
    expect(state).toMatchObject({ status: 'Submitted', findings: [] });
    expect(partnerCenter.control.referral(state.portalId)).toMatchObject({
      details: { requirements: { solutions: [{ id: 'SOL-15974-MQF' }, { id: 'SOL-20411-KQP' }] } },
    });
  });
});
