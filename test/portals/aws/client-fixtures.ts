// Shared set-up of the ACE client tests: an emulator on the fixed test clock that approves reviews
// after ten minutes, and the ACE PortalClient over the real SDK pointed at it (`setup`; the emulator
// stays readable through the live `emulator` binding until `stopEmulatorAfterEach` stops it).
import { afterEach } from '@jest/globals';
import type { PortalClient } from '../../../middleware/src/engine/portal-client.js';
import {
  createAceClient,
  type AceClientConfig,
} from '../../../middleware/src/portals/aws/client.js';
import {
  startAceEmulator,
  type AceEmulator,
  type AceEmulatorOptions,
} from '../../../middleware/src/sandbox/aws/emulator.js';
import { NOW } from '../mapping/opportunity-fixture.js';

export const SUBMIT_KEY = 'AWS:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
export const credentials = {
  accessKeyId: 'AKIAEMULATORPARTNER1',
  secretAccessKey: 'emulator-secret',
};

export let emulator: AceEmulator;

export async function setup(
  options: AceEmulatorOptions = {},
  config: Partial<AceClientConfig> = {},
): Promise<PortalClient> {
  await startEmulator({
    now: () => NOW,
    quotas: { writesPerSecond: 1000, readsPerSecond: 1000 },
    review: { inReviewAfterMs: 60_000, decisionAfterMs: 600_000, outcome: 'Approved' },
    ...options,
  });
  return createAceClient({
    catalog: 'Sandbox',
    endpoint: emulator.url,
    credentials,
    requestTimeoutMs: 2_000,
    ...config,
  });
}

/** Starts an emulator with exactly these options, to be stopped after the test. */
export async function startEmulator(options: AceEmulatorOptions): Promise<void> {
  emulator = await startAceEmulator(options);
}

/** Stops the emulator after each test of the calling file. */
export function stopEmulatorAfterEach(): void {
  afterEach(async () => {
    await emulator?.stop();
  });
}
