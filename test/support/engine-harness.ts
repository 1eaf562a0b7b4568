// What the engine proofs and benchmarks share: the co-sell pipeline they sync (one opportunity per
// customer, revised over time), the ACE emulator and client wired for them, the Salesforce stand-in,
// the EventBridge → intake glue, and read-backs that count what the portal really holds.
import {
  GetEngagementInvitationCommand,
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import type { Kysely } from 'kysely';
import type { CoSellOpportunityInput, InboundReferral } from '../../middleware/src/core/model.js';
import { DEFAULT_BUSINESS_CALENDAR, DEFAULT_TRIAGE_RULES, triageReferral, type TriageDecision } from '../../middleware/src/core/triage/index.js';
import { engagementKey, recordInboundReferral, type ReferralIntakeResult } from '../../middleware/src/engine/intake.js';
import { JOB_KINDS, portalTarget } from '../../middleware/src/engine/jobs.js';
import { enqueueJob } from '../../middleware/src/engine/outbox.js';
import type { PortalClient } from '../../middleware/src/engine/portal-client.js';
import { catchUpInbound, schedulePortalPolls } from '../../middleware/src/engine/scheduler.js';
import type { EngagementOutcome, SalesforceSink, SyncWorker } from '../../middleware/src/engine/worker.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { startAceEmulator, type AceEmulator, type AceEmulatorOptions, type EmulatorEvent } from '../../middleware/src/portals/aws/emulator.js';
import type { GetEngagementInvitationOutput, GetOpportunityOutput } from '../../middleware/src/portals/aws/generated/ace-schemas.js';
import { referralFromInvitation } from '../../middleware/src/portals/aws/inbound.js';
import type { Database } from '../../middleware/src/store/schema.js';

export const PROOF_CREDENTIALS = { accessKeyId: 'AKIAEMULATORPARTNER1', secretAccessKey: 'emulator-secret' };

const CUSTOMERS = [
  'Northwind Health Systems', 'Contoso Retail Group', 'Fabrikam Logistics', 'Woodgrove Bank', 'Tailspin Airlines',
  'Alpine Ski House', 'Coho Winery', 'Wide World Importers', 'Lamna Healthcare', 'Humongous Insurance',
];
const WORKLOADS = ['lakehouse on Amazon S3 and Redshift', 'SIEM consolidation on AWS', 'SAP migration to AWS', 'GenAI claims assistant on Amazon Bedrock'];
const DAY_MS = 86_400_000;

/** Salesforce-shaped 18-character Opportunity Id, one per pipeline index. */
export function pipelineOpportunityId(index: number): string {
  return `006Hs${index.toString(36).toUpperCase().padStart(10, '0')}AAA`;
}

/** The next step an AE wrote at a revision: what the portal must show once the engine caught up. */
export function nextStepAt(index: number, revision: number): string {
  return revision === 0
    ? `Architecture workshop with the AWS SA (deal ${index})`
    : `Revision ${revision}: joint business plan review with the AWS PDM (deal ${index})`;
}

/**
 * Opportunity `index` of the pipeline as Salesforce holds it after `revision` edits: revision 0
 * asks for the ACE submission, later revisions change the next step and the monthly spend and ask
 * for an update. Each customer name is distinct, as ACE's reconcile narrows by company name.
 */
export function pipelineOpportunity(index: number, revision: number, epoch: Date): CoSellOpportunityInput {
  const customer = `${CUSTOMERS[index % CUSTOMERS.length]} ${Math.floor(index / CUSTOMERS.length) + 1}`;
  const workload = WORKLOADS[index % WORKLOADS.length]!;
  const slug = customer.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id: pipelineOpportunityId(index),
    name: `${customer} – ${workload}`,
    amount: 120_000 + index * 1_000,
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
    contacts: [{ firstName: 'Dana', lastName: 'Whitfield', email: `dana.whitfield@${slug}.example`, phone: '+1 (206) 555-0142', title: 'VP Data & Analytics', role: 'Decision Maker' }],
    coSell: {
      clouds: ['AWS'],
      origin: 'Partner-led',
      helpNeeded: ['Architecture validation'],
      helpDetails: 'Need an AWS SA to validate the lakehouse design and the HIPAA controls',
      marketplaceRoute: 'Private offer',
      commitDrawdown: 'AWS EDP',
      tenancyArchetype: 'ISV-hosted SaaS',
      expectedMonthlySpend: 9_000 + revision * 500,
      useCase: 'Data platform modernisation',
    },
    engagements: [{ cloud: 'AWS', requestedAction: revision === 0 ? 'Submit' : 'Update' }],
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

  async writeReferral(referral: InboundReferral & { referralId: string }): Promise<{ salesforceId: string }> {
    this.referralWrites.set(referral.portalId, (this.referralWrites.get(referral.portalId) ?? 0) + 1);
    return { salesforceId: `a03Hs${referral.referralId.padStart(10, '0')}AAA` };
  }
}

/** An ACE emulator for the proofs: quotas high enough that only injected faults fail calls, quick reviews. */
export function startProofAce(options: AceEmulatorOptions = {}): Promise<AceEmulator> {
  return startAceEmulator({
    quotas: { writesPerSecond: 2_000, readsPerSecond: 5_000, writesPerDay: 1_000_000 },
    review: { inReviewAfterMs: 150, decisionAfterMs: 300, outcome: 'Approved' },
    ...options,
  });
}

export function proofAceClient(url: string, requestTimeoutMs = 2_000): PortalClient {
  return createAceClient({ catalog: 'Sandbox', endpoint: url, credentials: PROOF_CREDENTIALS, requestTimeoutMs });
}

function sdkFor(url: string): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({ region: 'us-east-1', endpoint: url, credentials: PROOF_CREDENTIALS, maxAttempts: 3 });
}

/** SDK output → wire JSON (timestamps as RFC 3339), as the ACE inbound readers expect. */
function wireJson<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value, (key, child: unknown) => (key === '$metadata' ? undefined : child))) as T;
}

/**
 * The engine side of an ACE EventBridge delivery: an "Engagement Invitation Created" event names
 * the invitation; it is read from ACE, turned into a referral by the ACE inbound module and
 * recorded (deduplicated by invitation id + status). An opportunity event (its review moved on)
 * queues a status poll of that engagement, so an edit queued while it was locked goes out promptly;
 * the periodic polls remain the fallback for events a stopped engine never received.
 */
export function aceEventIntake(url: string, db: Kysely<Database>) {
  const sdk = sdkFor(url);
  return async (event: EmulatorEvent, now: Date): Promise<ReferralIntakeResult | { outcome: 'ignored' | 'poll-queued' }> => {
    if (event['detail-type'].startsWith('Opportunity ')) return { outcome: (await pollOnReviewChange(db, event, now)) ? 'poll-queued' : 'ignored' };
    if (event['detail-type'] !== 'Engagement Invitation Created') return { outcome: 'ignored' };
    const invitation = (event.detail as { catalog?: string; engagementInvitation?: { id?: string } });
    const id = invitation.engagementInvitation?.id;
    if (!id) return { outcome: 'ignored' };
    const detail = wireJson<GetEngagementInvitationOutput>(await sdk.send(new GetEngagementInvitationCommand({ Catalog: invitation.catalog ?? 'Sandbox', Identifier: id })));
    const reading = referralFromInvitation(detail, { receivedAt: now.toISOString() });
    if (!reading.referral) return { outcome: 'ignored' };
    return recordInboundReferral(db, { referral: reading.referral, version: `${detail.Id}:${detail.Status ?? 'PENDING'}` }, defaultTriage, now);
  };
}

/** Every partner-created opportunity in the emulator's Sandbox catalog, read back through the SDK. */
export async function aceOpportunities(url: string): Promise<Map<string, GetOpportunityOutput[]>> {
  const sdk = sdkFor(url);
  const byPartnerId = new Map<string, GetOpportunityOutput[]>();
  let token: string | undefined;
  do {
    const page = await sdk.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox', MaxResults: 100, ...(token ? { NextToken: token } : {}) }));
    for (const summary of page.OpportunitySummaries ?? []) {
      if (!summary.Id || !summary.PartnerOpportunityIdentifier) continue;
      const record = wireJson<GetOpportunityOutput>(await sdk.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: summary.Id })));
      const list = byPartnerId.get(summary.PartnerOpportunityIdentifier) ?? [];
      list.push(record);
      byPartnerId.set(summary.PartnerOpportunityIdentifier, list);
    }
    token = page.NextToken;
  } while (token);
  return byPartnerId;
}

/**
 * Where the portal disagrees with Salesforce's latest revision of each opportunity: missing,
 * created more than once, or showing an older next step. Empty when the engine has caught up.
 */
export async function aceDivergence(emulator: AceEmulator, latest: ReadonlyMap<number, number>): Promise<string[]> {
  const records = await aceOpportunities(emulator.url);
  const problems: string[] = [];
  for (const [index, revision] of latest) {
    const id = pipelineOpportunityId(index);
    const created = emulator.counters.createdByPartnerOpportunityId[id] ?? 0;
    const held = records.get(id) ?? [];
    if (created !== 1 || held.length !== 1) {
      problems.push(`${id}: created ${created} time(s), ${held.length} record(s) in ACE`);
      continue;
    }
    const shown = held[0]!.LifeCycle?.NextSteps;
    if (shown !== nextStepAt(index, revision)) problems.push(`${id}: ACE shows "${shown}", Salesforce revision ${revision} says "${nextStepAt(index, revision)}"`);
  }
  return problems;
}

/** Polls `check` until it returns nothing (converged) or the deadline passes; returns the last findings. */
export async function convergence(check: () => Promise<string[]>, deadlineMs: number, everyMs = 200): Promise<string[]> {
  const until = Date.now() + deadlineMs;
  let problems = await check();
  while (problems.length > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    problems = await check();
  }
  return problems;
}

export interface EngineLoopOptions {
  db: Kysely<Database>;
  worker: SyncWorker;
  client: PortalClient;
  clock?: () => Date;
  /** How often engagements awaiting the portal are polled for their review status. */
  pollIntervalMs: number;
  /** How often the inbound catch-up runs (events make it unnecessary, except when one is missed). */
  catchUpEveryMs: number;
  onError?: (error: unknown) => void;
}

/** The engine as the service runs it: the worker loop, status polls and the inbound catch-up. */
export function runEngine(options: EngineLoopOptions): { stop(): Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  let stopped = false;
  const report = options.onError ?? (() => undefined);
  options.worker.start(20);
  const periodic = async (everyMs: number, work: () => Promise<unknown>) => {
    while (!stopped) {
      try {
        if ((await work()) !== 0) options.worker.nudge();
      } catch (error) {
        report(error);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  const polls = periodic(Math.max(20, Math.floor(options.pollIntervalMs / 2)), () => schedulePortalPolls(options.db, clock(), options.pollIntervalMs));
  const catchUp = periodic(options.catchUpEveryMs, async () => (await catchUpInbound(options.db, options.client, defaultTriage, clock())).created);
  return {
    async stop() {
      stopped = true;
      await Promise.all([polls, catchUp]);
      await options.worker.stop();
    },
  };
}

/** Queues a status poll for the engagement an ACE opportunity event concerns (once per event). */
async function pollOnReviewChange(db: Kysely<Database>, event: EmulatorEvent, now: Date): Promise<boolean> {
  const portalId = (event.detail as { opportunity?: { identifier?: string } }).opportunity?.identifier;
  if (!portalId) return false;
  const engagement = await db.selectFrom('engagements').select(['opportunity_id']).where('cloud', '=', 'AWS').where('portal_id', '=', portalId).executeTakeFirst();
  if (!engagement) return false;
  const job = await enqueueJob(db, {
    kind: JOB_KINDS.poll,
    target: portalTarget('AWS'),
    orderingKey: engagementKey(engagement.opportunity_id, 'AWS'),
    idempotencyKey: `AWS:poll:${engagement.opportunity_id}:event:${event.id}`,
    payload: { opportunityId: engagement.opportunity_id, cloud: 'AWS' },
    maxAttempts: 3,
  }, now);
  return job.created;
}
