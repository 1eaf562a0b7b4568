// The attribution report's currencies (conversion, missing and bad rates), and its clouds, fiscal
// calendars, periods and totals.
import { describe, expect, it } from '@jest/globals';
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  buildAttributionReport,
  createAttributionReport,
} from '../../../middleware/src/core/attribution/index.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from './fixtures.js';
import { options, row } from './report-helpers.js';

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
