// Realistic co-sell opportunities for the attribution tests: the same demo accounts as the docs.
import {
  CoSellOpportunity,
  type CoSellOpportunityInput,
} from '../../../middleware/src/core/model.js';

let sequence = 0;

/** A Salesforce-shaped 18-character Opportunity Id, unique per call. */
export function opportunityId(n = ++sequence): string {
  return `006Ak00000${String(n).padStart(8, '0')}`;
}

type Overrides = Partial<Omit<CoSellOpportunityInput, 'coSell'>> & {
  coSell?: CoSellOpportunityInput['coSell'];
};

/** A mid-size data-platform deal at Northwind Logistics; override what the test is about. */
export function opportunity(overrides: Overrides = {}): CoSellOpportunity {
  return CoSellOpportunity.parse({
    id: opportunityId(),
    name: 'Northwind Logistics - lakehouse migration off on-prem Hadoop',
    amount: 180_000,
    currencyIsoCode: 'USD',
    stageName: 'Negotiation',
    isClosed: false,
    isWon: false,
    closeDate: '2026-11-20',
    createdDate: '2026-06-02T09:15:00Z',
    lastModifiedDate: '2026-10-01T16:40:00Z',
    account: { name: 'Northwind Logistics', industry: 'Transportation', billingCountry: 'US' },
    ...overrides,
    coSell: { useCase: 'Data platform modernisation', ...(overrides.coSell ?? {}) },
  });
}

/** A PDM referral from AWS for a data-platform deal, drawing down the customer's EDP through a private offer. */
export function awsPdmReferral(overrides: Overrides = {}): CoSellOpportunity {
  return opportunity({
    name: 'Contoso Retail - real-time inventory analytics on AWS',
    account: { name: 'Contoso Retail', industry: 'Retail', billingCountry: 'GB' },
    ...overrides,
    coSell: {
      clouds: ['AWS'],
      origin: 'Hyperscaler-led',
      originatingCloud: 'AWS',
      helpNeeded: ['Architecture validation'],
      marketplaceRoute: 'Private offer',
      commitDrawdown: 'AWS EDP',
      tenancyArchetype: 'ISV-hosted SaaS',
      ...(overrides.coSell ?? {}),
    },
  });
}

/** A partner-led deal shared with Microsoft, bought through Azure Marketplace against the customer's MACC. */
export function maccDrawdownDeal(overrides: Overrides = {}): CoSellOpportunity {
  return opportunity({
    name: 'Fabrikam Health - clinical data warehouse on Azure',
    account: { name: 'Fabrikam Health', industry: 'Healthcare', billingCountry: 'DE' },
    currencyIsoCode: 'EUR',
    amount: 240_000,
    ...overrides,
    coSell: {
      clouds: ['Microsoft'],
      origin: 'Partner-led',
      helpNeeded: ['Customer introduction', 'Marketplace offer support'],
      helpDetails:
        'Introduce us to the Fabrikam ATS and the data specialist; MACC drawdown via private offer.',
      marketplaceRoute: 'Private offer',
      commitDrawdown: 'Microsoft MACC',
      tenancyArchetype: 'Customer-deployed',
      ...(overrides.coSell ?? {}),
    },
  });
}

/** A deal sold direct, no hyperscaler involved. */
export function directDeal(overrides: Overrides = {}): CoSellOpportunity {
  return opportunity({
    name: 'Litware Bank - fraud feature store, direct',
    account: { name: 'Litware Bank', industry: 'Financial Services', billingCountry: 'US' },
    ...overrides,
  });
}

/**
 * Deals closing over two years (2025 to Nov 2026) for AWS and Microsoft, with engagements accepted
 * and declined: the trend tests' fixture, also behind the trend component's LWC fixtures
 * (scripts/generate-trend-fixture.ts).
 */
export function twoYearsOfDeals(): CoSellOpportunity[] {
  const deals: CoSellOpportunity[] = [];
  const closes = [
    '2025-02-10',
    '2025-05-20',
    '2025-08-14',
    '2025-11-03',
    '2026-01-22',
    '2026-04-30',
    '2026-09-09',
    '2026-11-20',
  ];
  closes.forEach((closeDate, index) => {
    for (let n = 0; n <= index % 3; n += 1) {
      deals.push(
        awsPdmReferral({
          closeDate,
          amount: 100_000 + index * 10_000 + n,
          isClosed: n === 0,
          isWon: n === 0,
          engagements: [
            {
              cloud: 'AWS',
              status: 'Accepted',
              submittedAt: `${closeDate}T09:00:00Z`,
              acceptedAt: `${closeDate}T${String(10 + n).padStart(2, '0')}:00:00Z`,
            },
          ],
        }),
      );
    }
    deals.push(
      maccDrawdownDeal({
        closeDate,
        isClosed: true,
        isWon: index % 2 === 0,
        engagements: [
          {
            cloud: 'Microsoft',
            status: index % 2 === 0 ? 'Accepted' : 'Rejected',
            submittedAt: `${closeDate}T08:00:00Z`,
            ...(index % 2 === 0 ? { acceptedAt: `${closeDate}T20:00:00Z` } : {}),
          },
        ],
      }),
    );
    deals.push(directDeal({ closeDate }));
  });
  return deals;
}
