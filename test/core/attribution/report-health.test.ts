// The attribution report's portal health (acceptance and time to accept), marketplace deals and
// partner attach rate, and the flattened rows.
import { describe, expect, it } from '@jest/globals';
import {
  attributionReportRows,
  buildAttributionReport,
} from '../../../middleware/src/core/attribution/index.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from './fixtures.js';
import { options, row } from './report-helpers.js';

describe('attribution report: portal health, marketplace and attach rate', () => {
  const submitted = '2026-10-05T08:00:00Z';
  const hoursLater = (hours: number) =>
    new Date(Date.parse(submitted) + hours * 3_600_000).toISOString();

  it('computes acceptance over decided engagements and the median and p90 time to accept', () => {
    const accepted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((hours) =>
      maccDrawdownDeal({
        engagements: [
          {
            cloud: 'Microsoft',
            status: 'Accepted',
            submittedAt: submitted,
            acceptedAt: hoursLater(hours),
          },
        ],
      }),
    );
    const others = [
      maccDrawdownDeal({
        engagements: [{ cloud: 'Microsoft', status: 'Rejected', submittedAt: submitted }],
      }),
      maccDrawdownDeal({
        engagements: [{ cloud: 'Microsoft', status: 'Expired', submittedAt: submitted }],
      }),
      maccDrawdownDeal({
        engagements: [{ cloud: 'Microsoft', status: 'In review', submittedAt: submitted }],
      }),
      maccDrawdownDeal({ engagements: [{ cloud: 'Microsoft', status: 'Draft' }] }),
    ];
    const report = buildAttributionReport([...accepted, ...others], {
      ...options,
      cloud: 'Microsoft',
    });
    const health = row(report, 'Microsoft', 'FY2027Q2').portalHealth;
    expect(health).toEqual({
      submitted: 13,
      accepted: 10,
      declined: 2,
      undecided: 1,
      acceptanceRate: 0.8333,
      timeToAccept: { sample: 10, medianHours: 55, p90Hours: 91, medianDays: 2.29, p90Days: 3.79 },
    });
  });

  it('places engagements by submission date, not close date', () => {
    const deal = maccDrawdownDeal({
      closeDate: '2027-03-31',
      engagements: [
        { cloud: 'Microsoft', status: 'Submitted', submittedAt: '2026-08-01T10:00:00Z' },
      ],
    });
    const report = buildAttributionReport([deal], { ...options, cloud: 'Microsoft' });
    expect(row(report, 'Microsoft', 'FY2027Q1').portalHealth.submitted).toBe(1);
    expect(row(report, 'Microsoft', 'FY2027Q3').portalHealth.submitted).toBe(0);
  });

  it('counts closed-won marketplace deals on the cloud that worked them or whose commit they draw down', () => {
    const won = { isClosed: true, isWon: true, stageName: 'Closed Won' };
    const report = buildAttributionReport(
      [
        awsPdmReferral({ ...won, amount: 150_000 }),
        awsPdmReferral({ amount: 400_000 }),
        directDeal({
          ...won,
          amount: 80_000,
          coSell: { marketplaceRoute: 'Public listing', commitDrawdown: 'Google commit' },
        }),
        directDeal({ ...won, amount: 70_000 }),
      ],
      options,
    );
    expect(row(report, 'AWS', 'FY2026Q4').marketplaceTransactions).toEqual({
      count: 1,
      value: 150_000,
    });
    expect(row(report, 'Google', 'FY2026Q4').marketplaceTransactions).toEqual({
      count: 1,
      value: 80_000,
    });
    expect(row(report, 'Microsoft', 'FY2027Q2').marketplaceTransactions).toEqual({
      count: 0,
      value: 0,
    });
    expect(row(report, 'All clouds', 'FY2026Q4').marketplaceTransactions).toEqual({
      count: 2,
      value: 230_000,
    });
  });

  it('measures partner attach on new closed-won business, leaving renewals out', () => {
    const won = { isClosed: true, isWon: true, stageName: 'Closed Won' };
    const report = buildAttributionReport(
      [
        awsPdmReferral({ ...won, amount: 300_000 }),
        directDeal({ ...won, amount: 100_000 }),
        directDeal({ ...won, amount: 200_000, type: 'Renewal' }),
        awsPdmReferral({ amount: 900_000 }),
      ],
      options,
    );
    expect(row(report, 'All clouds', 'FY2026Q4').partnerAttach).toEqual({
      newBusinessWon: { count: 2, value: 400_000 },
      attributed: { count: 1, value: 300_000 },
      rateByCount: 0.5,
      rateByValue: 0.75,
    });
  });
});

describe('attributionReportRows', () => {
  it('flattens every row with the same columns, uplift markers as text, totals last', () => {
    const report = buildAttributionReport([awsPdmReferral(), maccDrawdownDeal()], options);
    const rows = attributionReportRows(report);
    expect(rows).toHaveLength(report.rows.length + report.totals.length);
    expect(rows.at(-1)?.scope).toBe('All clouds');
    const keys = Object.keys(rows[0] ?? {});
    for (const flat of rows) expect(Object.keys(flat)).toEqual(keys);
    expect(rows[0]).toMatchObject({
      winRateUpliftPoints: 'no data',
      winRateUpliftConfidence: null,
    });
    expect(rows.find((flat) => flat.scope === 'Microsoft')).toMatchObject({
      influencedCount: 1,
      influencedValue: 259_200,
      currency: 'USD',
      stageDistribution: 'Negotiation=1/259200',
    });
  });
});
