// The co-sell pipeline the engine proofs and benchmarks sync: one opportunity per customer, revised
// over time, engaging AWS, Microsoft and Google by index; the service's default triage; and a
// Salesforce stand-in that counts every write.
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
import type { EngagementOutcome, SalesforceSink } from '../../middleware/src/engine/worker.js';

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
