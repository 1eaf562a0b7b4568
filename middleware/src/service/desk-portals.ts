// The desk's three portals: a local sandbox emulator (its records kept in the store, so they outlive
// a restart) and its client per sandboxed portal, the live API's client otherwise. ACE calls are
// paced to AWS's published quotas whichever it is.
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import { createCallPacer } from '../engine/call-pacer.js';
import type { PortalClient } from '../engine/portal-client.js';
import { createAceClient } from '../portals/aws/client.js';
import { createGoogleClient, type GoogleClient } from '../portals/google/client.js';
import type { CompiledMapping } from '../portals/mapping/compile.js';
import { createMicrosoftClient, type MicrosoftClient } from '../portals/microsoft/client.js';
import type { PortalName } from '../portals/portal.js';
import { startAceEmulator, type AceEmulator } from '../sandbox/aws/emulator.js';
import type { AceAccountState } from '../sandbox/aws/emulator-state.js';
import {
  startGoogleEmulator,
  type GoogleEmulator,
  type GoogleEmulatorState,
} from '../sandbox/google/emulator.js';
import {
  startMicrosoftEmulator,
  type MicrosoftEmulator,
  type MicrosoftEmulatorState,
} from '../sandbox/microsoft/emulator.js';
import { createStateSaver, type StateSaver } from '../sandbox/state-saver.js';
import type { Database } from '../store/schema.js';
import { loadSandboxState } from '../store/sandbox-state.js';
import type { ServiceConfig } from './config.js';

/** Names of the sandbox portals' documents in the store's sandbox state. */
export const ACE_STATE = 'aws-ace';
export const MICROSOFT_STATE = 'microsoft-partner-center';
export const GOOGLE_STATE = 'google-cloud-channel';

export interface DeskEmulators {
  aws?: AceEmulator;
  microsoft?: MicrosoftEmulator;
  google?: GoogleEmulator;
}

/** The ISV's co-sell solution in the sandbox Partner Center: what MS_SOLUTION_IDS names live. */
export const SANDBOX_MICROSOFT_SOLUTION = 'SOL-SANDBOX-0001';

export interface DeskPortalOptions {
  config: ServiceConfig;
  db: Kysely<Database>;
  clock: () => Date;
  /** Sandbox review timings (how long a submission sits in review before its decision). */
  review: { inReviewAfterMs: number; decisionAfterMs: number };
  /** The ISV's Microsoft co-sell solutions (the sandbox's one, or MS_SOLUTION_IDS for the live API). */
  microsoftSolutions: string[];
  /** The mapping a portal's submissions use when the org's value maps override the shipped ones. */
  mappingFor: (portal: PortalName) => { mapping?: CompiledMapping };
}

export interface DeskPortals {
  emulators: DeskEmulators;
  clients: Partial<Record<Cloud, PortalClient>>;
  /** The Microsoft and Google clients as such: portal events call them for the full record. */
  microsoft: MicrosoftClient;
  google: GoogleClient;
  /** The sandbox portals' state savers (flushed on stop, touched after seeding). */
  savers: StateSaver[];
}

export async function startDeskPortals({
  config,
  db,
  clock,
  review,
  microsoftSolutions,
  mappingFor,
}: DeskPortalOptions): Promise<DeskPortals> {
  const emulators: DeskEmulators = {};
  const clients: Partial<Record<Cloud, PortalClient>> = {};
  // ACE's published quotas, spent call by call and shared by every instance on the store. Writes
  // keep a margin over ACE's 1 per second: without it a submission's create, associate and start
  // arrived closer than a second apart often enough to be throttled and retried after a backoff.
  const acePace = createCallPacer(
    db,
    'AWS',
    {
      write: { key: 'aws:write', perSecond: 1, marginMs: 150 },
      read: { key: 'aws:read', perSecond: 10, burst: 10 },
      daily: { account: 'aws:write', perDay: 10_000 },
    },
    clock,
  );
  // Each sandbox portal keeps its records in the store, so they outlive a restart as the store's do.
  const savers: StateSaver[] = [];
  /** Starts an emulator from the state stored under `name`, saving it there after each write. */
  const persisted = async <S, E extends { control: { snapshot(): S } }>(
    name: string,
    start: (kept: { onWrite: () => Promise<void>; restored?: S }) => Promise<E>,
  ): Promise<E> => {
    const restored = await loadSandboxState<S>(db, name);
    // The saver reads the emulator only once it has started (saves follow its writes).
    const started: { emulator?: E } = {};
    const saver = createStateSaver(db, name, () => started.emulator!.control.snapshot(), clock);
    savers.push(saver);
    started.emulator = await start({
      onWrite: () => saver.saveNow(),
      ...(restored ? { restored } : {}),
    });
    return started.emulator;
  };
  let microsoft: MicrosoftClient | undefined;
  let google: GoogleClient | undefined;
  if (config.AWS_MODE === 'sandbox') {
    emulators.aws = await persisted<AceAccountState, AceEmulator>(ACE_STATE, (kept) =>
      startAceEmulator({ review: { ...review, outcome: 'Approved' }, ...kept }),
    );
    clients.AWS = createAceClient({
      catalog: 'Sandbox',
      endpoint: emulators.aws.url,
      credentials: { accessKeyId: 'AKIASANDBOXDEMO00001', secretAccessKey: 'sandbox-secret' },
      pace: acePace,
      ...mappingFor('aws'),
    });
  } else {
    clients.AWS = createAceClient({
      catalog: config.AWS_CATALOG,
      region: config.AWS_REGION,
      pace: acePace,
      ...mappingFor('aws'),
      ...(config.AWS_ENDPOINT_URL ? { endpoint: config.AWS_ENDPOINT_URL } : {}),
      ...(config.AWS_SOLUTION_ID ? { solutions: [config.AWS_SOLUTION_ID] } : {}),
    });
  }
  if (config.MS_MODE === 'sandbox') {
    emulators.microsoft = await persisted<MicrosoftEmulatorState, MicrosoftEmulator>(
      MICROSOFT_STATE,
      (kept) => startMicrosoftEmulator({ review, solutionId: SANDBOX_MICROSOFT_SOLUTION, ...kept }),
    );
    microsoft = createMicrosoftClient({
      baseUrl: emulators.microsoft.url,
      token: async () => 'sandbox-token',
      solutionIds: microsoftSolutions,
      ...mappingFor('microsoft'),
    });
  } else {
    const token = config.MS_ACCESS_TOKEN!;
    microsoft = createMicrosoftClient({
      baseUrl: config.MS_BASE_URL,
      token: async () => token,
      solutionIds: microsoftSolutions,
      ...mappingFor('microsoft'),
    });
  }
  clients.Microsoft = microsoft;
  if (config.GOOGLE_MODE === 'sandbox') {
    emulators.google = await persisted<GoogleEmulatorState, GoogleEmulator>(GOOGLE_STATE, (kept) =>
      startGoogleEmulator({ review, partnerId: 'sandbox-partner', ...kept }),
    );
    google = createGoogleClient({
      baseUrl: emulators.google.url,
      partnerId: 'sandbox-partner',
      auth: { getAccessToken: async () => 'sandbox-token' },
      productFamily: config.GOOGLE_PRODUCT_FAMILIES,
      ...mappingFor('google'),
    });
  } else {
    google = createGoogleClient({
      baseUrl: config.GOOGLE_BASE_URL,
      partnerId: config.GOOGLE_PARTNER_ID!,
      auth: { keyFile: config.GOOGLE_APPLICATION_CREDENTIALS! },
      productFamily: config.GOOGLE_PRODUCT_FAMILIES,
      ...mappingFor('google'),
    });
  }
  clients.Google = google;
  return { emulators, clients, microsoft, google, savers };
}

/**
 * Hands each sandbox portal's events to `handle` as they happen (the emulators deliver in process
 * and do not sign webhooks); returns the unsubscribers.
 */
export function subscribeToSandboxEvents(
  emulators: DeskEmulators,
  handle: (portal: PortalName, event: unknown) => Promise<unknown>,
): Array<() => void> {
  const deliver = (portal: PortalName, event: unknown) =>
    void handle(portal, event).catch(() => undefined);
  const unsubscribe: Array<() => void> = [];
  if (emulators.aws)
    unsubscribe.push(emulators.aws.control.subscribe((event) => deliver('aws', event)));
  if (emulators.microsoft)
    unsubscribe.push(
      emulators.microsoft.control.subscribe((delivery) => deliver('microsoft', delivery.event)),
    );
  if (emulators.google)
    unsubscribe.push(
      emulators.google.control.subscribe((delivery) => deliver('google', delivery.body)),
    );
  return unsubscribe;
}
