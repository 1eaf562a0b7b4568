import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CoSellOpportunity,
  CoSellTags,
  Engagement,
  type CoSellOpportunityInput,
} from '../../middleware/src/core/model.js';
import {
  changesPortalContent,
  ENGAGEMENT_FIELD_OWNERS,
  OPPORTUNITY_FIELD_OWNERS,
  portalBoundContent,
} from '../../middleware/src/core/sync-policy.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';

const deal = dataPlatformDeal({
  engagements: [{ cloud: 'Microsoft', portalId: 'REF-2026-000417', status: 'Submitted' }],
});

/** The same deal as Salesforce holds it after one more edit (SystemModstamp moves on). */
function edited(overrides: Partial<CoSellOpportunityInput>): CoSellOpportunity {
  return CoSellOpportunity.parse({
    ...deal,
    lastModifiedDate: '2026-11-04T09:12:00.000Z',
    ...overrides,
  });
}

describe('sync policy', () => {
  it('gives every field of the canonical opportunity, its co-sell tags and its engagements an owner', () => {
    const opportunityFields = Object.keys(CoSellOpportunity.shape).filter(
      (key) => key !== 'coSell' && key !== 'engagements',
    );
    const tagFields = Object.keys(CoSellTags.shape).map((key) => `coSell.${key}`);
    expect(Object.keys(OPPORTUNITY_FIELD_OWNERS).sort()).toEqual(
      [...opportunityFields, ...tagFields].sort(),
    );
    expect(Object.keys(ENGAGEMENT_FIELD_OWNERS).sort()).toEqual(
      Object.keys(Engagement.shape).sort(),
    );
  });

  it('ignores the echo of the engine writing attribution back to the Opportunity', () => {
    expect(
      changesPortalContent(deal, edited({ coSell: { ...deal.coSell, attribution: 'Influenced' } })),
    ).toBe(false);
  });

  it('ignores engagement status, findings and sync bookkeeping written back from the portal', () => {
    const after = edited({
      engagements: [
        {
          ...deal.engagements[0]!,
          status: 'Accepted',
          acceptedAt: '2026-11-04T09:00:00.000Z',
          findings: [{ code: 'MICROSOFT_NOTE', severity: 'info', message: 'Seller assigned' }],
          lastSyncedAt: '2026-11-04T09:01:00.000Z',
        },
      ],
    });
    expect(changesPortalContent(deal, after)).toBe(false);
  });

  it.each([
    ['the next step', { nextStep: 'Joint architecture review with the Azure data specialist' }],
    ['the amount', { amount: 260_000 }],
    ['the close date', { closeDate: '2027-04-30' }],
    [
      'the account website',
      { account: { ...deal.account, website: 'https://northwindhealth.example' } },
    ],
    ['the help asked for', { coSell: { ...deal.coSell, helpNeeded: ['Architecture validation'] } }],
    [
      'a contact',
      {
        contacts: [
          { lastName: 'Okafor', firstName: 'Ada', email: 'ada.okafor@northwindhealth.example' },
        ],
      },
    ],
  ])('sends an edit of %s', (_what, overrides) => {
    expect(changesPortalContent(deal, edited(overrides as Partial<CoSellOpportunityInput>))).toBe(
      true,
    );
  });

  it('carries exactly the Salesforce-owned fields to the portal', () => {
    const content = portalBoundContent(deal);
    const salesforceOwned = Object.entries(OPPORTUNITY_FIELD_OWNERS)
      .filter(([, owner]) => owner === 'salesforce')
      .map(([path]) => path);
    expect(Object.keys(content).sort()).toEqual(salesforceOwned.sort());
    expect(content['coSell.commitDrawdown']).toBe('Microsoft MACC');
    expect(content).not.toHaveProperty('coSell.attribution');
    expect(content).not.toHaveProperty('lastModifiedDate');
  });

  it('finds a change exactly when some Salesforce-owned field differs', () => {
    const stages = fc.constantFrom('Qualification', 'Solution Proposed', 'Negotiation');
    fc.assert(
      fc.property(
        stages,
        fc.option(fc.integer({ min: 0, max: 2_000_000 })),
        fc.constantFrom('Sourced', 'Influenced', 'None', null),
        (stageName, amount, attribution) => {
          const after = edited({ stageName, amount, coSell: { ...deal.coSell, attribution } });
          const expected = stageName !== deal.stageName || amount !== deal.amount;
          expect(changesPortalContent(deal, after)).toBe(expected);
        },
      ),
    );
  });
});
