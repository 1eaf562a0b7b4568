import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_MATURITY_SETTINGS,
  MaturityMetricsError,
  maturityMetricsFromReport,
  maturityStage,
  type MaturityMetricsInput,
} from '../../../middleware/src/core/readiness/index.js';
import { buildAttributionReport } from '../../../middleware/src/core/attribution/index.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from '../attribution/fixtures.js';

/** Month 3 reached: a named PDM on a weekly rhythm, a live listing, first deals shared. */
const listedAndSharing: MaturityMetricsInput = {
  namedPdm: true,
  listingLive: true,
  pdmRhythm: true,
  portalSubmissions: 3,
  marketplaceTransactions: 0,
  marketplaceTransactionsPerQuarter: 0,
  partnerAttachRate: null,
  acceptanceRate: null,
  cloudsWithMotion: 1,
  sourcedDeals: 0,
  influencedDeals: 4,
};
const month12 = {
  ...listedAndSharing,
  marketplaceTransactions: 14,
  marketplaceTransactionsPerQuarter: 5,
  partnerAttachRate: 0.18,
  acceptanceRate: 0.55,
};

describe('maturityStage', () => {
  it('starts at the month-1 foundation: nothing reached until a PDM is named, and says so', () => {
    const assessment = maturityStage({
      ...listedAndSharing,
      namedPdm: null,
      listingLive: null,
      pdmRhythm: null,
      portalSubmissions: 0,
    });
    expect(assessment.level).toBe(0);
    expect(assessment.stage).toBe('Not started');
    expect(assessment.next).toMatchObject({
      level: 1,
      name: 'Foundation',
      typicalMonth: 'month 1',
    });
    expect(assessment.next?.gaps).toEqual([
      {
        marker: 'first PDM relationship named',
        actual: null,
        target: true,
        met: false,
        source: 'named counterparts (Partner Program layer)',
      },
    ]);
  });

  it('reaches month 1 with a named PDM, then month 3 with a live listing, first submissions and a PDM rhythm', () => {
    const foundation = maturityStage({
      ...listedAndSharing,
      listingLive: false,
      portalSubmissions: 0,
    });
    expect(foundation.stage).toBe('Foundation (month 1)');
    expect(foundation.next?.gaps.map((gap) => gap.marker)).toEqual([
      'marketplace listing live',
      'first deals submitted to a portal',
    ]);
    const listed = maturityStage(listedAndSharing);
    expect(listed.level).toBe(2);
    expect(listed.stage).toBe('Listed and sharing (month 3)');
    expect(listed.evidence.map((stage) => [stage.typicalMonth, stage.reached])).toEqual([
      ['month 1', true],
      ['month 3', true],
      ['month 6', false],
      ['month 12', false],
      ['month 18', false],
      ['month 24+', false],
    ]);
  });

  it('reaches month 6 at the low end of the 5-10% range, and only after month 3', () => {
    const assessment = maturityStage({
      ...listedAndSharing,
      marketplaceTransactions: 1,
      partnerAttachRate: 0.05,
    });
    expect(assessment.level).toBe(3);
    expect(assessment.stage).toBe('First transactions (month 6)');
    expect(assessment.next?.gaps.map((gap) => [gap.marker, gap.actual, gap.target])).toEqual([
      ['portal acceptance rate', null, 0.5],
      ['marketplace transactions per quarter', 0, 5],
      ['share of new business with hyperscaler attribution', 0.05, 0.15],
    ]);
    expect(
      maturityStage({
        ...listedAndSharing,
        pdmRhythm: false,
        marketplaceTransactions: 1,
        partnerAttachRate: 0.05,
      }).level,
    ).toBe(1);
  });

  it('holds a customer-deployed product to a lower month-12 marketplace cadence than a SaaS one, and says which it used', () => {
    const fewLargeDeals = { ...month12, marketplaceTransactionsPerQuarter: 2 };
    const saas = maturityStage({ ...fewLargeDeals, tenancyArchetype: 'ISV-hosted SaaS' });
    expect(saas.level).toBe(3);
    expect(saas.next?.gaps).toEqual([
      expect.objectContaining({
        marker: 'marketplace transactions per quarter',
        actual: 2,
        target: 5,
        note: '5 a quarter is the marker for an ISV-hosted SaaS product',
      }),
    ]);
    const deployed = maturityStage({ ...fewLargeDeals, tenancyArchetype: 'Customer-deployed' });
    expect(deployed.level).toBe(4);
    const cadence = deployed.evidence[3]?.markers.find(
      (marker) => marker.marker === 'marketplace transactions per quarter',
    );
    expect(cadence).toMatchObject({
      target: 2,
      met: true,
      note: '2 a quarter is the marker for a Customer-deployed product',
    });
    const unknown = maturityStage(fewLargeDeals);
    expect(unknown.next?.gaps[0]?.note).toMatch(
      /^tenancy archetype unknown: judged as ISV-hosted SaaS \(5 a quarter\)/,
    );
  });

  it('does not skip a stage: a second cloud without month-12 acceptance stays at month 6', () => {
    const assessment = maturityStage({
      ...month12,
      partnerAttachRate: 0.3,
      cloudsWithMotion: 2,
      acceptanceRate: 0.42,
      marketplaceTransactionsPerQuarter: 6,
    });
    expect(assessment.level).toBe(3);
    expect(assessment.next?.gaps.map((gap) => gap.marker)).toEqual(['portal acceptance rate']);
  });

  it('calls month 24+ only when hyperscaler-led deals are at parity or above with partner-led ones', () => {
    const mature = {
      ...month12,
      marketplaceTransactionsPerQuarter: 9,
      partnerAttachRate: 0.45,
      acceptanceRate: 0.62,
      cloudsWithMotion: 2,
      sourcedDeals: 40,
      influencedDeals: 40,
    };
    expect(maturityStage(mature)).toMatchObject({
      level: 6,
      stage: 'Hyperscaler-led at parity (month 24+)',
      next: null,
    });
    // 38 per 40 is close, but not parity.
    const almost = maturityStage({ ...mature, sourcedDeals: 38 });
    expect(almost.level).toBe(5);
    expect(almost.next?.gaps).toEqual([
      expect.objectContaining({
        marker: 'hyperscaler-led deals per partner-led deal',
        actual: 0.95,
        target: 1,
      }),
    ]);
    expect(maturityStage({ ...mature, sourcedDeals: 0, influencedDeals: 0 }).level).toBe(5);
    expect(maturityStage({ ...mature, sourcedDeals: 3, influencedDeals: 0 }).level).toBe(6);
  });

  it('names the bad metric or setting', () => {
    expect(() => maturityStage({ ...listedAndSharing, partnerAttachRate: 1.5 })).toThrow(
      MaturityMetricsError,
    );
    expect(() => maturityStage({ ...listedAndSharing, partnerAttachRate: 1.5 })).toThrow(
      /^partnerAttachRate/,
    );
    expect(() =>
      maturityStage({ ...listedAndSharing, tenancyArchetype: 'On-prem' as never }),
    ).toThrow(/^tenancyArchetype/);
    expect(() =>
      maturityStage(listedAndSharing, { ...DEFAULT_MATURITY_SETTINGS, parityRatio: 0 }),
    ).toThrow(/^settings.parityRatio/);
  });
});

describe('maturityMetricsFromReport', () => {
  it('reads each deal once from the totals and takes the latest ended quarter for the per-quarter figure', () => {
    const won = { isClosed: true, isWon: true, stageName: 'Closed Won' };
    const report = buildAttributionReport(
      [
        awsPdmReferral({
          ...won,
          closeDate: '2026-08-20',
          coSell: { clouds: ['AWS', 'Microsoft'] },
        }),
        maccDrawdownDeal({
          ...won,
          closeDate: '2026-09-02',
          engagements: [
            {
              cloud: 'Microsoft',
              status: 'Accepted',
              submittedAt: '2026-07-01T09:00:00Z',
              acceptedAt: '2026-07-03T09:00:00Z',
            },
          ],
        }),
        maccDrawdownDeal({
          closeDate: '2026-12-15',
          engagements: [
            { cloud: 'Microsoft', status: 'Rejected', submittedAt: '2026-07-10T09:00:00Z' },
          ],
        }),
        directDeal({ ...won, closeDate: '2026-09-10' }),
        awsPdmReferral({ ...won, closeDate: '2026-11-02' }),
      ],
      { reportingCurrency: 'USD', rates: { EUR: 1.08 }, now: new Date('2026-11-26T00:00:00Z') },
    );
    expect(maturityMetricsFromReport(report, new Date('2026-11-26T00:00:00Z'))).toEqual({
      namedPdm: null,
      listingLive: null,
      pdmRhythm: null,
      portalSubmissions: 2,
      tenancyArchetype: null,
      marketplaceTransactions: 3,
      marketplaceTransactionsPerQuarter: 2,
      partnerAttachRate: 0.75,
      acceptanceRate: 0.5,
      cloudsWithMotion: 2,
      sourcedDeals: 2,
      influencedDeals: 1,
    });
  });

  it('reads the first stages from the named counterparts and the readiness evidence', () => {
    const report = buildAttributionReport([], {
      reportingCurrency: 'USD',
      rates: {},
      now: new Date('2026-11-26T00:00:00Z'),
    });
    const pdm = {
      cloud: 'AWS' as const,
      layer: 'Partner Program' as const,
      name: 'Priya Raman',
      email: null,
      title: 'PDM',
      region: null,
      lastContactAt: null,
    };
    const metrics = maturityMetricsFromReport(report, new Date('2026-11-26T00:00:00Z'), {
      counterparts: [pdm],
      evidence: [
        {
          listing: { live: false, transactable: null, deliveryModels: [] },
          pdmCadence: null,
          tenancyArchetype: 'Customer-deployed',
        },
        {
          listing: { live: true, transactable: true, deliveryModels: ['AMI/VM'] },
          pdmCadence: 'fortnightly',
          tenancyArchetype: 'Customer-deployed',
        },
      ],
    });
    expect(metrics).toMatchObject({
      namedPdm: true,
      listingLive: true,
      pdmRhythm: true,
      portalSubmissions: 0,
      tenancyArchetype: 'Customer-deployed',
    });
    expect(
      maturityMetricsFromReport(report, new Date('2026-11-26T00:00:00Z'), {
        counterparts: [],
        evidence: [
          {
            listing: { live: false, transactable: null, deliveryModels: [] },
            pdmCadence: 'none',
            tenancyArchetype: null,
          },
        ],
      }),
    ).toMatchObject({
      namedPdm: false,
      listingLive: false,
      pdmRhythm: false,
    });
  });
});
