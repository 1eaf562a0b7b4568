// What the engine proofs and benchmarks share: the co-sell pipeline they sync (one opportunity per
// customer, revised over time, engaging AWS, Microsoft and Google), the three sandbox emulators and
// clients wired for them, the Salesforce stand-in, the engine loop with the service's own portal
// event handler, and read-backs through each portal's API that count what the portal really holds.
import {
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import type { Kysely } from 'kysely';
import type {
  Cloud,
  CoSellOpportunityInput,
  CommitDrawdown,
  InboundReferral,
} from '../../middleware/src/core/model.js';
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
  type TriageDecision,
} from '../../middleware/src/core/triage/index.js';
import type { PortalClient } from '../../middleware/src/engine/portal-client.js';
import {
  createPortalEventHandler,
  type PortalEventOutcome,
} from '../../middleware/src/engine/portal-events.js';
import { catchUpInbound, schedulePortalPolls } from '../../middleware/src/engine/scheduler.js';
import type {
  EngagementOutcome,
  SalesforceSink,
  SyncWorker,
} from '../../middleware/src/engine/worker.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import {
  startAceEmulator,
  type AceEmulator,
  type AceEmulatorOptions,
} from '../../middleware/src/sandbox/aws/emulator.js';
import type { GetOpportunityOutput } from '../../middleware/src/portals/aws/generated/ace-schemas.js';
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
import type { Database } from '../../middleware/src/store/schema.js';

export const PROOF_CREDENTIALS = {
  accessKeyId: 'AKIAEMULATORPARTNER1',
  secretAccessKey: 'emulator-secret',
};
/** The ISV's co-sell-ready Partner Center solution, as the sandbox desk wires it. */
export const PROOF_MICROSOFT_SOLUTION = 'SOL-SANDBOX-0001';
export const PROOF_GOOGLE_PARTNER = 'sandbox-partner';
const PROOF_GOOGLE_PRODUCTS = ['GOOGLE_CLOUD_PLATFORM'];
const PROOF_TOKEN = 'sandbox-token';

const CUSTOMERS = [
  'Northwind Health Systems',
  'Contoso Retail Group',
  'Fabrikam Logistics',
  'Woodgrove Bank',
  'Tailspin Airlines',
  'Alpine Ski House',
  'Coho Winery',
  'Wide World Importers',
  'Lamna Healthcare',
  'Humongous Insurance',
];
/** Workloads by the first cloud a deal engages, so a deal names the platform it is about. */
const WORKLOADS: Record<Cloud, string[]> = {
  AWS: [
    'lakehouse on Amazon S3 and Redshift',
    'SIEM consolidation on AWS',
    'SAP migration to AWS',
    'GenAI claims assistant on Amazon Bedrock',
  ],
  Microsoft: [
    'lakehouse on Azure Databricks drawing down the MACC',
    'clinical data platform on Microsoft Fabric',
    'GenAI agent on Azure OpenAI',
  ],
  Google: [
    'retail analytics on BigQuery',
    'fleet telemetry on Google Cloud Pub/Sub and BigQuery',
    'document AI claims intake on Vertex AI',
  ],
};
const DRAWDOWN: Record<Cloud, CommitDrawdown> = {
  AWS: 'AWS EDP',
  Microsoft: 'Microsoft MACC',
  Google: 'Google commit',
};
/** Which clouds deal `index` engages: each single cloud, each pair and all three, in turn. */
const CLOUD_SETS: ReadonlyArray<readonly Cloud[]> = [
  ['AWS'],
  ['Microsoft'],
  ['Google'],
  ['AWS', 'Microsoft'],
  ['AWS', 'Google'],
  ['Microsoft', 'Google'],
  ['AWS', 'Microsoft', 'Google'],
];
const DAY_MS = 86_400_000;

/** Salesforce-shaped 18-character Opportunity Id, one per pipeline index. */
export function pipelineOpportunityId(index: number): string {
  return `006Hs${index.toString(36).toUpperCase().padStart(10, '0')}AAA`;
}

/** The clouds pipeline deal `index` engages in the multi-cloud proofs: one, two or all three, by index. */
export function pipelineClouds(index: number): readonly Cloud[] {
  return CLOUD_SETS[index % CLOUD_SETS.length]!;
}

/** The clouds of the benchmarks (and of the ACE-only checks): AWS alone. */
export const awsOnly = (): readonly Cloud[] => ['AWS'];

/** The next step an AE wrote at a revision: what ACE and Google (isvSolutionConnectInfo.nextStep) must show. */
export function nextStepAt(index: number, revision: number): string {
  return revision === 0
    ? `Architecture workshop with the cloud partner's solution architect (deal ${index})`
    : `Revision ${revision}: joint business plan review with the partner development manager (deal ${index})`;
}

function customerOf(index: number): string {
  return `${CUSTOMERS[index % CUSTOMERS.length]} ${Math.floor(index / CUSTOMERS.length) + 1}`;
}

/**
 * The deal's amount at a revision (the customer widens the scope with each one): what Partner
 * Center shows as the referral's details.dealValue, the mapped field that carries the revision to
 * Microsoft. (The description would not do: ACE freezes CustomerBusinessProblem once it approved.)
 */
export function amountAt(index: number, revision: number): number {
  return 120_000 + index * 1_000 + revision * 5_000;
}

/**
 * Opportunity `index` of the pipeline as Salesforce holds it after `revision` edits, engaging
 * `clouds` (default AWS alone, as the benchmarks use it): revision 0 asks each cloud for the
 * submission, later revisions change the next step, the amount and the monthly spend and ask for
 * an update. Each customer name is distinct, as ACE's reconcile narrows by company name.
 */
export function pipelineOpportunity(
  index: number,
  revision: number,
  epoch: Date,
  clouds: readonly Cloud[] = ['AWS'],
): CoSellOpportunityInput {
  const customer = customerOf(index);
  const lead = clouds[0]!;
  const workload = WORKLOADS[lead][index % WORKLOADS[lead].length]!;
  const slug = customer.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id: pipelineOpportunityId(index),
    name: `${customer} – ${workload}`,
    amount: amountAt(index, revision),
    currencyIsoCode: 'USD',
    stageName: 'Value Proposition',
    probability: 50,
    closeDate: new Date(epoch.getTime() + 150 * DAY_MS).toISOString().slice(0, 10),
    createdDate: new Date(epoch.getTime() - 30 * DAY_MS).toISOString(),
    // Salesforce's SystemModstamp moves forward with every revision.
    lastModifiedDate: new Date(epoch.getTime() - DAY_MS + revision * 60_000).toISOString(),
    description: `${customer} wants a ${workload}; their on-premises estate blocks the analytics the board asked for before the next budget cycle.`,
    nextStep: nextStepAt(index, revision),
    type: 'New Customer',
    ownerName: 'Priya Raman',
    ownerEmail: 'priya.raman@streamlake.example',
    account: {
      name: customer,
      website: `https://www.${slug}.example`,
      industry: 'Healthcare',
      billingStreet: '1200 Harbor Way',
      billingCity: 'Seattle',
      billingState: 'WA',
      billingPostalCode: '98101',
      billingCountry: 'United States',
    },
    contacts: [
      {
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: `dana.whitfield@${slug}.example`,
        phone: '+1 (206) 555-0142',
        title: 'VP Data & Analytics',
        role: 'Decision Maker',
      },
    ],
    coSell: {
      clouds: [...clouds],
      origin: 'Partner-led',
      helpNeeded: ['Architecture validation'],
      helpDetails: `Need a ${lead} solution architect to validate the lakehouse design and the HIPAA controls`,
      marketplaceRoute: 'Private offer',
      commitDrawdown: DRAWDOWN[lead],
      tenancyArchetype: 'ISV-hosted SaaS',
      expectedMonthlySpend: 9_000 + revision * 500,
      useCase: 'Data platform modernisation',
    },
    engagements: clouds.map((cloud) => ({
      cloud,
      requestedAction: revision === 0 ? 'Submit' : 'Update',
    })),
  };
}

/** The engine's default triage, as the service wires it. */
export function defaultTriage(referral: InboundReferral): TriageDecision {
  return triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);
}

/** Salesforce as the engine writes to it: every write counted, referral Ids stable per referral. */
export class RecordingSalesforce implements SalesforceSink {
  engagementWrites = 0;
  readonly referralWrites = new Map<string, number>();

  async writeEngagement(_outcome: EngagementOutcome): Promise<void> {
    this.engagementWrites += 1;
  }

  async writeReferral(
    referral: InboundReferral & { referralId: string },
  ): Promise<{ salesforceId: string }> {
    this.referralWrites.set(
      referral.portalId,
      (this.referralWrites.get(referral.portalId) ?? 0) + 1,
    );
    return { salesforceId: `a03Hs${referral.referralId.padStart(10, '0')}AAA` };
  }
}

// ---- the three sandbox portals, tuned for the proofs ------------------------------------------------

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

// ---- read-backs: what each portal really holds ------------------------------------------------------

/** index → the latest revision Salesforce holds of that pipeline deal. */
export type PipelineRevisions = ReadonlyMap<number, number>;

function sdkFor(url: string): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: PROOF_CREDENTIALS,
    maxAttempts: 3,
  });
}

/** SDK output → wire JSON (timestamps as RFC 3339), as the ACE readers expect. */
function wireJson<T>(value: unknown): T {
  return JSON.parse(
    JSON.stringify(value, (key, child: unknown) => (key === '$metadata' ? undefined : child)),
  ) as T;
}

/** Every partner-created opportunity in the emulator's Sandbox catalog, read back through the SDK. */
export async function aceOpportunities(url: string): Promise<Map<string, GetOpportunityOutput[]>> {
  const sdk = sdkFor(url);
  const byPartnerId = new Map<string, GetOpportunityOutput[]>();
  let token: string | undefined;
  do {
    const page = await sdk.send(
      new ListOpportunitiesCommand({
        Catalog: 'Sandbox',
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    for (const summary of page.OpportunitySummaries ?? []) {
      if (!summary.Id || !summary.PartnerOpportunityIdentifier) continue;
      const record = wireJson<GetOpportunityOutput>(
        await sdk.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: summary.Id })),
      );
      const list = byPartnerId.get(summary.PartnerOpportunityIdentifier) ?? [];
      list.push(record);
      byPartnerId.set(summary.PartnerOpportunityIdentifier, list);
    }
    token = page.NextToken;
  } while (token);
  return byPartnerId;
}

/** GETs a JSON page from a REST emulator with the sandbox bearer token. */
async function restPage(url: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${PROOF_TOKEN}`, accept: 'application/json' },
  });
  if (!response.ok)
    throw new Error(`read-back ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Every outgoing Partner Center referral, read back through the REST list (OData paging), by externalReferenceId. */
export async function microsoftReferrals(
  url: string,
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const byReference = new Map<string, Array<Record<string, unknown>>>();
  let next: string | undefined =
    `${url}/v1.0/engagements/referrals?${new URLSearchParams({ $filter: "direction eq 'Outgoing'", $top: '100' }).toString()}`;
  while (next) {
    const page = await restPage(next);
    for (const referral of (page.value ?? []) as Array<Record<string, unknown>>) {
      const reference = String(referral.externalReferenceId ?? '(none)');
      byReference.set(reference, [...(byReference.get(reference) ?? []), referral]);
    }
    next = page['@odata.nextLink'] as string | undefined;
  }
  return byReference;
}

/** Every partner-sourced Cloud Channel opportunity, read back through opportunities:query, by referenceOpportunityId. */
export async function googleOpportunities(
  url: string,
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const byReference = new Map<string, Array<Record<string, unknown>>>();
  let pageToken: string | undefined;
  do {
    const params = new URLSearchParams({
      filter: 'source = "PARTNER"',
      orderBy: 'createTime',
      pageSize: '100',
      ...(pageToken ? { pageToken } : {}),
    });
    const page = await restPage(`${url}/v1alpha1/opportunities:query?${params.toString()}`);
    for (const opportunity of (page.opportunities ?? []) as Array<Record<string, unknown>>) {
      const reference = String(opportunity.referenceOpportunityId ?? '(none)');
      byReference.set(reference, [...(byReference.get(reference) ?? []), opportunity]);
    }
    pageToken = page.nextPageToken as string | undefined;
  } while (pageToken);
  return byReference;
}

/**
 * Compares one portal with Salesforce's latest revisions: each deal that engages the cloud must be
 * created exactly once (counter) and held once (read-back) showing its latest revision; a deal that
 * does not engage it must not be there at all.
 */
function divergenceOf(
  cloud: Cloud,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[],
  createdBy: Record<string, number>,
  held: Map<string, unknown[]>,
  shown: (record: unknown) => unknown,
  expected: (index: number, revision: number) => string,
): string[] {
  const problems: string[] = [];
  for (const [index, revision] of latest) {
    const id = pipelineOpportunityId(index);
    const created = createdBy[id] ?? 0;
    const records = held.get(id) ?? [];
    if (!cloudsOf(index).includes(cloud)) {
      if (created !== 0 || records.length !== 0)
        problems.push(
          `${cloud} ${id}: not engaged, yet created ${created} time(s), ${records.length} record(s)`,
        );
      continue;
    }
    if (created !== 1 || records.length !== 1) {
      problems.push(
        `${cloud} ${id}: created ${created} time(s), ${records.length} record(s) in the portal`,
      );
      continue;
    }
    const want = expected(index, revision);
    const got = shown(records[0]);
    if (got !== want)
      problems.push(
        `${cloud} ${id}: portal shows "${String(got)}", Salesforce revision ${revision} says "${want}"`,
      );
  }
  return problems;
}

/**
 * Where ACE disagrees with Salesforce's latest revision of each opportunity: missing, created more
 * than once, or showing an older next step. Empty when the engine has caught up.
 */
export async function aceDivergence(
  emulator: AceEmulator,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = awsOnly,
): Promise<string[]> {
  return divergenceOf(
    'AWS',
    latest,
    cloudsOf,
    emulator.counters.createdByPartnerOpportunityId,
    await aceOpportunities(emulator.url),
    (record) => (record as GetOpportunityOutput).LifeCycle?.NextSteps,
    nextStepAt,
  );
}

/** The same for Partner Center: the referral's details.dealValue carries the revision's amount. */
export async function microsoftDivergence(
  emulator: MicrosoftEmulator,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = pipelineClouds,
): Promise<string[]> {
  return divergenceOf(
    'Microsoft',
    latest,
    cloudsOf,
    emulator.counters.createdByExternalReferenceId,
    await microsoftReferrals(emulator.url),
    (record) => String((record as { details?: { dealValue?: unknown } }).details?.dealValue),
    (index, revision) => String(amountAt(index, revision)),
  );
}

/** The same for Cloud Channel: isvSolutionConnectInfo.nextStep carries the revision's next step. */
export async function googleDivergence(
  emulator: GoogleEmulator,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = pipelineClouds,
): Promise<string[]> {
  return divergenceOf(
    'Google',
    latest,
    cloudsOf,
    emulator.counters.createdByReferenceOpportunityId,
    await googleOpportunities(emulator.url),
    (record) =>
      (record as { isvSolutionConnectInfo?: { nextStep?: unknown } }).isvSolutionConnectInfo
        ?.nextStep,
    nextStepAt,
  );
}

/** All three portals against the multi-cloud pipeline (deal `index` engages `pipelineClouds(index)`). */
export async function pipelineDivergence(
  portals: ProofPortals,
  latest: PipelineRevisions,
): Promise<string[]> {
  const [aws, microsoft, google] = await Promise.all([
    aceDivergence(portals.aws, latest, pipelineClouds),
    microsoftDivergence(portals.microsoft, latest, pipelineClouds),
    googleDivergence(portals.google, latest, pipelineClouds),
  ]);
  return [...aws, ...microsoft, ...google];
}

/** How many pipeline deals engage `cloud` (what its emulator's `created` counter must read). */
export function engagedCount(
  cloud: Cloud,
  latest: PipelineRevisions,
  cloudsOf: (index: number) => readonly Cloud[] = pipelineClouds,
): number {
  return [...latest.keys()].filter((index) => cloudsOf(index).includes(cloud)).length;
}

/** Polls `check` until it returns nothing (converged) or the deadline passes; returns the last findings. */
export async function convergence(
  check: () => Promise<string[]>,
  deadlineMs: number,
  everyMs = 200,
): Promise<string[]> {
  const until = Date.now() + deadlineMs;
  let problems = await check();
  while (problems.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    problems = await check();
  }
  return problems;
}

// ---- the engine as the service runs it --------------------------------------------------------------

export interface EngineLoopOptions {
  db: Kysely<Database>;
  worker: SyncWorker;
  clients: Partial<Record<Cloud, PortalClient>>;
  /** The clients that read Partner Center webhooks and Cloud Channel pushes (the service's). */
  microsoft?: MicrosoftClient;
  google?: GoogleClient;
  clock?: () => Date;
  /** How often engagements awaiting the portal are polled for their review status. */
  pollIntervalMs: number;
  /** How often the inbound catch-up runs per cloud (events make it run sooner; it is the fallback for missed ones). */
  catchUpEveryMs: number;
  onError?: (error: unknown) => void;
}

export interface RunningEngine {
  /** The service's portal event handler (engine/portal-events.ts), wired to this engine. */
  handlePortalEvent(portal: PortalName, payload: unknown): Promise<PortalEventOutcome>;
  /** Makes the cloud's inbound catch-up run now (once more, if one is running). */
  catchUpSoon(cloud: Cloud): void;
  stop(): Promise<void>;
}

/**
 * The engine as the service runs it: the worker loop, status polls, an inbound catch-up per cloud
 * (periodic, and at once when an event asks for it), and the service's own portal event handler.
 */
export function runEngine(options: EngineLoopOptions): RunningEngine {
  const clock = options.clock ?? (() => new Date());
  let stopped = false;
  const report = options.onError ?? (() => undefined);
  const sleepers = new Set<() => void>();
  const sleep = (ms: number, wake?: { now: () => void }) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
      if (wake) wake.now = done;
    });
  options.worker.start(20);
  const polls = (async () => {
    while (!stopped) {
      try {
        if ((await schedulePortalPolls(options.db, clock(), options.pollIntervalMs)) > 0)
          options.worker.nudge();
      } catch (error) {
        report(error);
      }
      await sleep(Math.max(20, Math.floor(options.pollIntervalMs / 2)));
    }
  })();
  const catchUps = new Map<Cloud, { again: boolean; wake: { now: () => void } }>();
  const loops = Object.entries(options.clients).map(async ([cloud, client]) => {
    const state = { again: false, wake: { now: () => undefined as void } };
    catchUps.set(cloud as Cloud, state);
    while (!stopped) {
      state.again = false;
      try {
        const result = await catchUpInbound(options.db, client, defaultTriage, clock());
        if (result.created + result.updated > 0) options.worker.nudge();
      } catch (error) {
        report(error);
      }
      if (!state.again && !stopped) await sleep(options.catchUpEveryMs, state.wake);
    }
  });
  const catchUpSoon = (cloud: Cloud) => {
    const state = catchUps.get(cloud);
    if (!state) return;
    state.again = true;
    state.wake.now();
  };
  const handlePortalEvent = createPortalEventHandler({
    db: options.db,
    clock,
    triage: defaultTriage,
    ...(options.microsoft ? { microsoft: options.microsoft } : {}),
    ...(options.google ? { google: options.google } : {}),
    catchUpSoon,
    nudge: () => options.worker.nudge(),
  });
  return {
    handlePortalEvent,
    catchUpSoon,
    async stop() {
      stopped = true;
      for (const wake of [...sleepers]) wake();
      await Promise.all([polls, ...loops]);
      await options.worker.stop();
    },
  };
}
