// Shared set-up of the ACE emulator tests: an emulator on the fixed test clock with the unmodified AWS
// SDK pointed at it (`start`, then read the live `emulator` and `client` bindings), the Northwind
// CreateOpportunity input, and `caught` for the error a call is expected to throw.
import { afterEach } from '@jest/globals';
import {
  PartnerCentralSellingClient,
  type CreateOpportunityCommandInput,
} from '@aws-sdk/client-partnercentral-selling';
import {
  startAceEmulator,
  type AceEmulator,
  type AceEmulatorOptions,
} from '../../../middleware/src/sandbox/aws/emulator.js';
import { aceCreateRequest } from '../../../middleware/src/portals/aws/map.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';

const mapping = loadMapping('aws');
export const TOKEN = '0f5c2a1e-6b1d-8c3a-9f00-5e1b2c3d4e5f';

export function sdk(
  emulator: AceEmulator,
  accessKeyId = 'AKIAEMULATORPARTNER1',
): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey: 'emulator-secret' },
  });
}

/** The Northwind lakehouse deal as ACE CreateOpportunity input for the Sandbox catalog. */
export function northwindCreate(
  vary: (input: Record<string, unknown>) => void = () => {},
): CreateOpportunityCommandInput {
  const payload = aceCreateRequest(mapping, northwindDataPlatform(), {
    now: NOW,
    catalog: 'Sandbox',
  }).payload;
  payload.ClientToken = TOKEN;
  vary(payload);
  return payload as unknown as CreateOpportunityCommandInput;
}

export async function caught(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('the call was expected to fail');
}

export let emulator: AceEmulator;
export let client: PartnerCentralSellingClient;

/** Starts a fresh emulator (generous quotas unless `options` say otherwise) and an SDK client on it. */
export async function start(options: AceEmulatorOptions = {}): Promise<void> {
  emulator = await startAceEmulator({
    now: () => NOW,
    quotas: { writesPerSecond: 100, readsPerSecond: 100 },
    ...options,
  });
  client = sdk(emulator);
}

/** Stops the emulator and its client after each test of the calling file. */
export function stopEmulatorAfterEach(): void {
  afterEach(async () => {
    client?.destroy();
    await emulator?.stop();
  });
}
