// The three sandbox portals tuned for the engine proofs (quick reviews, quotas that only injected
// faults exhaust), their clients wired the way the sandbox desk wires them, and portal events
// forwarded in the shape the service receives them.
import type { PortalClient } from '../../middleware/src/engine/portal-client.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import {
  startAceEmulator,
  type AceEmulator,
  type AceEmulatorOptions,
} from '../../middleware/src/sandbox/aws/emulator.js';
import {
  createGoogleClient,
  type GoogleClient,
} from '../../middleware/src/portals/google/client.js';
import {
  startGoogleEmulator,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
} from '../../middleware/src/sandbox/google/emulator.js';
import {
  createMicrosoftClient,
  type MicrosoftClient,
} from '../../middleware/src/portals/microsoft/client.js';
import {
  startMicrosoftEmulator,
  type MicrosoftEmulator,
  type MicrosoftEmulatorOptions,
} from '../../middleware/src/sandbox/microsoft/emulator.js';
import type { PortalName } from '../../middleware/src/portals/portal.js';

export const PROOF_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATORPARTNER1',
  secretAccessKey: 'emulator-secret',
};
/** The ISV's co-sell-ready Partner Center solution, as the sandbox desk wires it. */
export const PROOF_MICROSOFT_SOLUTION = 'SOL-SANDBOX-0001';
export const PROOF_GOOGLE_PARTNER = 'sandbox-partner';
const PROOF_GOOGLE_PRODUCTS = ['GOOGLE_CLOUD_PLATFORM'];
export const PROOF_TOKEN = 'sandbox-token';

/** Reviews decided within a fraction of a second, so a proof sees whole lifecycles (and their locks). */
const QUICK_REVIEW = { inReviewAfterMs: 150, decisionAfterMs: 300 };

/** An ACE emulator for the proofs: quotas high enough that only injected faults fail calls, quick reviews. */
export function startProofAce(options: AceEmulatorOptions = {}): Promise<AceEmulator> {
  return startAceEmulator({
    quotas: { writesPerSecond: 2_000, readsPerSecond: 5_000, writesPerDay: 1_000_000 },
    review: { ...QUICK_REVIEW, outcome: 'Approved' },
    ...options,
  });
}

/** A Partner Center emulator for the proofs: the partner's solution, high budgets, quick decisions. */
export function startProofMicrosoft(
  options: MicrosoftEmulatorOptions = {},
): Promise<MicrosoftEmulator> {
  return startMicrosoftEmulator({
    solutionId: PROOF_MICROSOFT_SOLUTION,
    quotas: { reads: 5_000, writes: 2_000 },
    review: {
      receivedAfterMs: QUICK_REVIEW.inReviewAfterMs,
      decisionAfterMs: QUICK_REVIEW.decisionAfterMs,
      outcome: 'Accepted',
    },
    ...options,
  });
}

/** A Cloud Channel emulator for the proofs: high per-minute quotas, quick decisions. */
export function startProofGoogle(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  return startGoogleEmulator({
    partnerId: PROOF_GOOGLE_PARTNER,
    quotas: { readsPerMinute: 300_000, writesPerMinute: 120_000 },
    review: {
      decisionAfterMs: QUICK_REVIEW.inReviewAfterMs + QUICK_REVIEW.decisionAfterMs,
      outcome: 'ACCEPTED',
    },
    ...options,
  });
}

export function proofAceClient(url: string, requestTimeoutMs = 2_000): PortalClient {
  return createAceClient({
    catalog: 'Sandbox',
    endpoint: url,
    credentials: PROOF_CREDENTIALS,
    requestTimeoutMs,
  });
}

export function proofMicrosoftClient(url: string, requestTimeoutMs = 2_000): MicrosoftClient {
  return createMicrosoftClient({
    baseUrl: url,
    token: async () => PROOF_TOKEN,
    solutionIds: [PROOF_MICROSOFT_SOLUTION],
    requestTimeoutMs,
  });
}

export function proofGoogleClient(url: string, requestTimeoutMs = 2_000): GoogleClient {
  return createGoogleClient({
    baseUrl: url,
    partnerId: PROOF_GOOGLE_PARTNER,
    auth: { getAccessToken: async () => PROOF_TOKEN },
    productFamily: PROOF_GOOGLE_PRODUCTS,
    requestTimeoutMs,
  });
}

export interface ProofPortals {
  aws: AceEmulator;
  microsoft: MicrosoftEmulator;
  google: GoogleEmulator;
  stop(): Promise<void>;
}

export type ProofPortalUrls = Record<PortalName, string>;

/** The three emulators for one proof, with their fault seeds derived from one number. */
export async function startProofPortals(seed = 4242): Promise<ProofPortals> {
  const [aws, microsoft, google] = await Promise.all([
    startProofAce({ seed }),
    startProofMicrosoft({ seed: seed + 1 }),
    startProofGoogle({ seed: seed + 2 }),
  ]);
  return {
    aws,
    microsoft,
    google,
    stop: async () => void (await Promise.all([aws.stop(), microsoft.stop(), google.stop()])),
  };
}

export function proofPortalUrls(portals: ProofPortals): ProofPortalUrls {
  return { aws: portals.aws.url, microsoft: portals.microsoft.url, google: portals.google.url };
}

export interface ProofClients {
  AWS: PortalClient;
  Microsoft: MicrosoftClient;
  Google: GoogleClient;
}

export function proofClients(urls: ProofPortalUrls, requestTimeoutMs = 2_000): ProofClients {
  return {
    AWS: proofAceClient(urls.aws, requestTimeoutMs),
    Microsoft: proofMicrosoftClient(urls.microsoft, requestTimeoutMs),
    Google: proofGoogleClient(urls.google, requestTimeoutMs),
  };
}

/**
 * Hands every portal event to `deliver` in the shape the service receives it: the ACE EventBridge
 * event, the Partner Center webhook notification, the Pub/Sub push body. Returns the unsubscribe.
 */
export function forwardPortalEvents(
  portals: ProofPortals,
  deliver: (portal: PortalName, payload: unknown) => void,
): () => void {
  const off = [
    portals.aws.control.subscribe((event) => deliver('aws', event)),
    portals.microsoft.control.subscribe((delivery) => deliver('microsoft', delivery.event)),
    portals.google.control.subscribe((delivery) => deliver('google', delivery.body)),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}
