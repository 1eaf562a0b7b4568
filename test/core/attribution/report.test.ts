import { describe, expect, it } from '@jest/globals';
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  attributionReportRows,
  buildAttributionReport,
  createAttributionReport,
  type AttributionReportOptions,
} from '../../../middleware/src/core/attribution/index.js';
import type { CoSellOpportunity } from '../../../middleware/src/core/model.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from './fixtures.js';

const now = new Date('2026-11-26T12:00:00Z');
const options: AttributionReportOptions = {
  reportingCurrency: 'USD',
  rates: { EUR: 1.08, GBP: 1.27 },
  now,
};

function row(report: ReturnType<typeof buildAttributionReport>, scope: string, period: string) {
  const found = [...report.rows, ...report.totals].find(
    (candidate) => candidate.scope === scope && candidate.period === period,
  );
  if (!found) throw new Error(`no ${scope} row for ${period}`);
  return found;
}

/** n closed deals closing 2026-05-15: `won` of them won at `amount`, each created `cycleDays` before close. */
function closedDeals(
  make: (o: Parameters<typeof directDeal>[0]) => CoSellOpportunity,
  n: number,
  won: number,
  amount: number,
  cycleDays: number,
) {
  const created = new Date(
    Date.parse('2026-05-15T00:00:00Z') - cycleDays * 86_400_000,
  ).toISOString();
  return Array.from({ length: n }, (_, index) =>
    make({
      amount,
      isClosed: true,
      isWon: index < won,
      stageName: index < won ? 'Closed Won' : 'Closed Lost',
      closeDate: '2026-05-15',
      createdDate: created,
    }),
  );
}

describe('attribution report: currencies', () => {
  it('converts every amount into the reporting currency with the supplied rate', () => {
    const report = buildAttributionReport(
      [maccDrawdownDeal({ amount: 240_000 }), awsPdmReferral({ amount: 100_000 })],
      options,
    );
    const total = row(report, 'All clouds', 'FY2026Q4');
    expect(total.opportunities).toEqual({ count: 2, value: 359_200 });
    expect(row(report, 'Microsoft', 'FY2027Q2').influenced).toEqual({ count: 1, value: 259_200 });
  });

  it('fails on a currency without a rate, naming it and the opportunity, and leaves the report as it was', () => {
    const report = createAttributionReport(options);
    report.add(awsPdmReferral({ amount: 100_000 }));
    const before = report.result();
    const yenDeal = awsPdmReferral({ currencyIsoCode: 'JPY', amount: 30_000_000 });
    let error: unknown;
    try {
      report.add(yenDeal);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingExchangeRateError);
    expect(error).toMatchObject({ currency: 'JPY', opportunityId: yenDeal.id });
    expect((error as Error).message).toContain('JPY');
    expect((error as Error).message).toContain(yenDeal.id);
    expect(report.result()).toEqual(before);
  });

  it('needs no rate for an opportunity without an amount, and counts it as missing an amount', () => {
    const report = buildAttributionReport(
      [directDeal({ currencyIsoCode: 'CHF', amount: null })],
      options,
    );
    const total = row(report, 'All clouds', 'FY2026Q4');
    expect(total.opportunities).toEqual({ count: 1, value: 0 });
    expect(total.amountMissing).toBe(1);
  });

  it('rejects a non-positive rate naming the key', () => {
    expect(() => createAttributionReport({ ...options, rates: { EUR: 0 } })).toThrow(
      ExchangeRateSettingError,
    );
    expect(() => createAttributionReport({ ...options, rates: { EUR: 0 } })).toThrow(/rates\.EUR/);
  });

  it('rejects a reporting-currency rate other than 1', () => {
    expect(() => createAttributionReport({ ...options, rates: { USD: 1.1 } })).toThrow(
      /rates\.USD must be 1/,
    );
  });

  it('rejects a bad minimum sample size naming the option', () => {
    expect(() => createAttributionReport({ ...options, minSampleSize: 0 })).toThrow(
      AttributionReportOptionError,
    );
    expect(() => createAttributionReport({ ...options, minSampleSize: 0 })).toThrow(
      /^minSampleSize/,
    );
  });
});

describe('attribution report: clouds, calendars and totals', () => {
  const twoCloudDeal = awsPdmReferral({
    closeDate: '2026-08-15',
    amount: 500_000,
    coSell: { clouds: ['AWS', 'Microsoft'] },
  });

  it('places one deal in each cloud by that cloud’s fiscal calendar and counts it once in the totals', () => {
    const report = buildAttributionReport([twoCloudDeal], options);
    expect(row(report, 'AWS', 'FY2026Q3').sourced).toEqual({ count: 1, value: 500_000 });
    expect(row(report, 'Microsoft', 'FY2027Q1').influenced).toEqual({ count: 1, value: 500_000 });
    expect(row(report, 'Google', 'FY2026Q3').none).toEqual({ count: 1, value: 500_000 });
    expect(report.totals).toHaveLength(1);
    expect(row(report, 'All clouds', 'FY2026Q3')).toMatchObject({
      calendar: 'Calendar year',
      opportunities: { count: 1, value: 500_000 },
      sourced: { count: 1, value: 500_000 },
      influenced: { count: 0, value: 0 },
    });
  });

  it('filters by one cloud and one fiscal quarter, showing the quarter even when nothing landed in it', () => {
    const report = buildAttributionReport(
      [twoCloudDeal, maccDrawdownDeal({ closeDate: '2026-12-01' })],
      {
        ...options,
        cloud: 'Microsoft',
        period: { fiscalYear: 2027, quarter: 1 },
      },
    );
    expect(report.totals).toEqual([]);
    expect(report.period).toBe('FY2027Q1');
    expect(
      report.rows.map((r) => [
        r.scope,
        r.period,
        r.periodStart,
        r.periodEnd,
        r.opportunities.count,
      ]),
    ).toEqual([['Microsoft', 'FY2027Q1', '2026-07-01', '2026-09-30', 1]]);

    const empty = buildAttributionReport([], {
      ...options,
      cloud: 'Google',
      period: { fiscalYear: 2027, quarter: 2 },
    });
    expect(empty.rows).toHaveLength(1);
    expect(empty.rows[0]?.opportunities).toEqual({ count: 0, value: 0 });
  });

  it('reports a whole fiscal year as its four quarters', () => {
    const report = buildAttributionReport([twoCloudDeal], {
      ...options,
      cloud: 'AWS',
      period: { fiscalYear: 2026, quarter: null },
    });
    expect(report.period).toBe('FY2026');
    expect(report.rows.map((r) => r.period)).toEqual([
      'FY2026Q1',
      'FY2026Q2',
      'FY2026Q3',
      'FY2026Q4',
    ]);
    expect(report.rows.map((r) => r.opportunities.count)).toEqual([0, 0, 1, 0]);
  });

  it('shows the stage distribution of co-sell pipeline only, with open pipeline apart', () => {
    const report = buildAttributionReport(
      [
        awsPdmReferral({ stageName: 'Qualification', amount: 90_000 }),
        awsPdmReferral({ stageName: 'Qualification', amount: 60_000 }),
        awsPdmReferral({ stageName: 'Closed Won', isClosed: true, isWon: true, amount: 200_000 }),
        directDeal({ stageName: 'Prospecting' }),
      ],
      { ...options, cloud: 'AWS' },
    );
    const aws = row(report, 'AWS', 'FY2026Q4');
    expect(aws.coSellPipeline).toEqual({
      count: 3,
      value: 350_000,
      open: { count: 2, value: 150_000 },
      stages: {
        'Closed Won': { count: 1, value: 200_000 },
        Qualification: { count: 2, value: 150_000 },
      },
    });
    expect(aws.none.count).toBe(1);
  });
});

describe('attribution report: conversion uplift', () => {
  it('shows the uplift with its sample sizes, marked low confidence, when either side has fewer closed deals than the minimum', () => {
    const report = buildAttributionReport(
      [
        ...closedDeals(awsPdmReferral, 9, 6, 120_000, 60),
        ...closedDeals(directDeal, 10, 4, 100_000, 90),
      ],
      {
        ...options,
        cloud: 'AWS',
      },
    );
    const { uplift, coSold, directOnly } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(uplift.winRatePoints).toEqual({
      status: 'measured',
      value: 26.6667,
      lowConfidence: true,
      coSoldSample: 9,
      directOnlySample: 10,
      minSampleSize: 10,
    });
    expect(uplift.dealSize).toMatchObject({
      status: 'measured',
      lowConfidence: true,
      coSoldSample: 6,
      directOnlySample: 4,
    });
    expect(coSold.winRate).toBeCloseTo(6 / 9, 4);
    expect(directOnly.winRate).toBe(0.4);
  });

  it('measures win-rate points, deal-size uplift and cycle days saved once both sides reach the minimum', () => {
    const report = buildAttributionReport(
      [
        ...closedDeals(awsPdmReferral, 10, 7, 120_000, 60),
        ...closedDeals(directDeal, 10, 4, 100_000, 90),
      ],
      { ...options, cloud: 'AWS', minSampleSize: 4 },
    );
    const { uplift, coSold, directOnly } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(uplift.winRatePoints).toEqual({
      status: 'measured',
      value: 30,
      lowConfidence: false,
      coSoldSample: 10,
      directOnlySample: 10,
      minSampleSize: 4,
    });
    expect(uplift.dealSize).toEqual({
      status: 'measured',
      value: 0.2,
      lowConfidence: false,
      coSoldSample: 7,
      directOnlySample: 4,
      minSampleSize: 4,
    });
    expect(uplift.cycleDaysSaved).toEqual({
      status: 'measured',
      value: 30,
      lowConfidence: false,
      coSoldSample: 7,
      directOnlySample: 4,
      minSampleSize: 4,
    });
    expect(coSold.medianCycleDays).toBe(60);
    expect(directOnly.averageDealSize).toBe(100_000);
  });

  it('says no data only when a side has no deal at all', () => {
    const report = buildAttributionReport(closedDeals(awsPdmReferral, 3, 2, 50_000, 30), {
      ...options,
      cloud: 'AWS',
    });
    const { uplift } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(uplift.winRatePoints).toEqual({
      status: 'no data',
      coSoldSample: 3,
      directOnlySample: 0,
      minSampleSize: 10,
    });
    const flat = attributionReportRows(
      buildAttributionReport(
        [
          ...closedDeals(awsPdmReferral, 3, 2, 50_000, 30),
          ...closedDeals(directDeal, 2, 1, 40_000, 60),
        ],
        { ...options, cloud: 'AWS' },
      ),
    );
    expect(flat[0]).toMatchObject({
      winRateUpliftConfidence: 'low',
      coSoldClosed: 3,
      directOnlyClosed: 2,
    });
    expect(typeof flat[0]?.winRateUpliftPoints).toBe('number');
  });

  it('keeps deals co-sold only on another cloud out of both sides of a cloud’s comparison', () => {
    const report = buildAttributionReport(closedDeals(maccDrawdownDeal, 3, 2, 50_000, 30), {
      ...options,
      cloud: 'AWS',
    });
    const { coSold, directOnly } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(coSold.closed).toBe(0);
    expect(directOnly.closed).toBe(0);
  });
});

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
