// Realistic, reproducible co-sell pipelines for tests, the benchmark and the demo: named customers,
// workloads per cloud, MACC/EDP drawdowns, hyperscaler-led referrals, and a known share of the
// submission mistakes the lint exists to catch. Same seed, same pipeline.
import {
  CoSellOpportunity,
  type Cloud,
  type CoSellOpportunityInput,
  type HelpNeed,
} from '../core/model.js';
import { seededRandom } from '../core/seeded-random.js';

export interface GeneratorOptions {
  count: number;
  seed?: number;
  /** The export's "today": dates are spread around it. */
  now: Date;
  /** Share of deals carrying a deliberate submission mistake (template name, no ask, $100k placeholder...). */
  flawRate?: number;
}

const CUSTOMERS = [
  'Northwind Health',
  'Contoso Retail',
  'Fabrikam Inc',
  'Litware',
  'Adventure Works',
  'Tailspin Toys',
  'Woodgrove Bank',
  'Alpine Ski House',
  'Coho Winery',
  'Wide World Importers',
  'Proseware',
  'Relecloud',
  'Trey Research',
  'Lamna Healthcare',
  'Margie Travel',
  'Humongous Insurance',
  'Blue Yonder Airlines',
  'Fourth Coffee',
  'Graphic Design Institute',
  'VanArsdel',
];
const WORKLOADS: Record<Cloud, string[]> = {
  AWS: [
    'lakehouse on Amazon S3 and Redshift',
    'SIEM consolidation on AWS',
    'SAP migration to AWS',
    'GenAI assistant on Amazon Bedrock',
  ],
  Microsoft: [
    'data platform on Microsoft Fabric',
    'Azure OpenAI contact-centre copilot',
    'Azure landing zone for regulated workloads',
    'lakehouse migration to Azure Databricks',
  ],
  Google: [
    'demand forecasting on Vertex AI',
    'BigQuery marketing analytics',
    'FinOps dashboards across Google Cloud projects',
    'GKE platform modernisation',
  ],
};
const USE_CASES = [
  'Data platform modernisation',
  'AI/ML',
  'Security analytics',
  'Cloud cost management',
  'Application modernisation',
];
const DRAWDOWN = { AWS: 'AWS EDP', Microsoft: 'Microsoft MACC', Google: 'Google commit' } as const;
const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Solution Proposed',
  'Negotiation',
];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP'];
const TEMPLATE_NAMES = [
  'Co-sell with Microsoft opp',
  'New opportunity',
  'Test',
  'AWS co-sell deal',
];
const DAY_MS = 86_400_000;

/** Salesforce-shaped 18-character Id, unique per index. */
export function generatedOpportunityId(index: number): string {
  return `006Gn${index.toString(36).toUpperCase().padStart(10, '0')}AAA`;
}

export function* generateOpportunities(options: GeneratorOptions): Generator<CoSellOpportunity> {
  const next = seededRandom(options.seed ?? 2027);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const flawRate = options.flawRate ?? 0.2;
  const now = options.now.getTime();
  const day = (offsetDays: number) => new Date(now + offsetDays * DAY_MS);
  for (let index = 0; index < options.count; index += 1) {
    const customer = `${pick(CUSTOMERS)}${index >= CUSTOMERS.length ? ` ${Math.floor(index / CUSTOMERS.length)}` : ''}`;
    const roll = next();
    const clouds: Cloud[] =
      roll < 0.35
        ? []
        : roll < 0.6
          ? ['Microsoft']
          : roll < 0.8
            ? ['AWS']
            : roll < 0.93
              ? ['Google']
              : ['AWS', 'Microsoft'];
    const lead = clouds[0] ?? pick(['AWS', 'Microsoft', 'Google'] as const);
    const hyperscalerLed = clouds.length > 0 && next() < 0.3;
    const created = day(-Math.floor(next() * 540));
    const closedRoll = next();
    const isClosed = closedRoll < 0.45;
    const isWon = isClosed && next() < 0.4;
    const closeDate = isClosed
      ? new Date(created.getTime() + Math.floor(next() * 200) * DAY_MS)
      : day(Math.floor(next() * 270) - 10);
    const modified = new Date(Math.min(now, created.getTime() + Math.floor(next() * 120) * DAY_MS));
    // 0 template name, 1 no ask, 2 and 4 the $100k placeholder (it only shows once common enough), 3 thin context.
    const flaw = clouds.length > 0 && next() < flawRate ? Math.floor(next() * 5) : -1;
    const help: HelpNeed[] =
      hyperscalerLed || flaw === 1
        ? []
        : [
            pick([
              'Architecture validation',
              'Customer introduction',
              'Pricing assistance',
              'Technical consultation',
            ] as const),
          ];
    const workload = pick(WORKLOADS[lead]);
    const input: CoSellOpportunityInput = {
      id: generatedOpportunityId(index),
      name: flaw === 0 ? pick(TEMPLATE_NAMES) : `${customer} – ${workload}`,
      amount:
        flaw === 2 || flaw === 4
          ? 100_000
          : Math.round(5 + next() * 600) * 1_000 + Math.round(next() * 999),
      currencyIsoCode: pick(CURRENCIES),
      stageName: isClosed ? (isWon ? 'Closed Won' : 'Closed Lost') : pick(OPEN_STAGES),
      isClosed,
      isWon,
      closeDate: closeDate.toISOString().slice(0, 10),
      createdDate: created.toISOString(),
      lastModifiedDate: modified.toISOString(),
      description:
        flaw === 3
          ? 'Customer interested.'
          : `${customer} wants a ${workload}; today it runs on ageing on-premises systems and the board asked for results before the next budget cycle.`,
      type: next() < 0.2 ? 'Renewal' : 'New Business',
      account: { name: customer },
      coSell: {
        clouds,
        origin: clouds.length === 0 ? null : hyperscalerLed ? 'Hyperscaler-led' : 'Partner-led',
        originatingCloud: hyperscalerLed ? lead : null,
        helpNeeded: clouds.length === 0 ? [] : help,
        marketplaceRoute: clouds.length > 0 && next() < 0.5 ? 'Private offer' : 'None',
        commitDrawdown: clouds.length > 0 && next() < 0.4 ? DRAWDOWN[lead] : 'None',
        tenancyArchetype: next() < 0.5 ? 'ISV-hosted SaaS' : 'Customer-deployed',
        useCase: clouds.length > 0 && flaw !== 3 ? pick(USE_CASES) : null,
      },
    };
    yield CoSellOpportunity.parse(input);
  }
}
