// Shared set-up of the Partner Center client tests: an emulator on the fixed test clock that accepts
// asks after ten minutes, and the Microsoft PortalClient over real HTTP pointed at it (`setup`; the
// emulator stays readable through the live `emulator` binding until `stopEmulatorAfterEach` stops it).
import { afterEach } from '@jest/globals';
import {
  createMicrosoftClient,
  type MicrosoftClient,
} from '../../../middleware/src/portals/microsoft/client.js';
import {
  startMicrosoftEmulator,
  type MicrosoftEmulator,
  type MicrosoftEmulatorOptions,
} from '../../../middleware/src/sandbox/microsoft/emulator.js';
import { NOW } from '../mapping/opportunity-fixture.js';

export const SUBMIT_KEY = 'Microsoft:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
export const SOLUTION = 'SOL-48213-LKH';
export let emulator: MicrosoftEmulator;

export async function setup(
  options: MicrosoftEmulatorOptions = {},
  timeoutMs = 2_000,
): Promise<MicrosoftClient> {
  await startEmulator({
    now: () => NOW,
    quotas: { reads: 1000, writes: 1000 },
    review: { receivedAfterMs: 60_000, decisionAfterMs: 600_000, outcome: 'Accepted' },
    ...options,
  });
  return createMicrosoftClient({
    baseUrl: emulator.url,
    token: async () => 'delegated-referrals-admin',
    requestTimeoutMs: timeoutMs,
    solutionIds: [SOLUTION],
  });
}

/** Starts an emulator with exactly these options, to be stopped after the test. */
export async function startEmulator(options: MicrosoftEmulatorOptions): Promise<void> {
  emulator = await startMicrosoftEmulator(options);
}

/** Stops the emulator after each test of the calling file. */
export function stopEmulatorAfterEach(): void {
  afterEach(async () => {
    await emulator?.stop();
  });
}
