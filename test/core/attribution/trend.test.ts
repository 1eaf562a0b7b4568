import { describe, expect, it } from '@jest/globals';
import {
  AttributionReportOptionError,
  attributionReportRows,
  attributionTrend,
  attributionTrendRows,
  buildAttributionReport,
  trendQuarters,
  withTrendQuarters,
  type AttributionReportOptions,
} from '../../../middleware/src/core/attribution/index.js';
import { awsPdmReferral, twoYearsOfDeals } from './fixtures.js';

// Microsoft's FY2027 Q2 runs October to December 2026.
const now = new Date('2026-11-26T12:00:00Z');
const options: AttributionReportOptions = { reportingCurrency: 'USD', rates: { EUR: 1.08 }, now };

describe('trendQuarters', () => {
  it("counts back in each cloud's own fiscal calendar, oldest first, ending with the current quarter", () => {
    expect(trendQuarters('Microsoft', now, 3)).toEqual([
      { fiscalYear: 2026, quarter: 4 },
      { fiscalYear: 2027, quarter: 1 },
      { fiscalYear: 2027, quarter: 2 },
    ]);
    expect(trendQuarters('All clouds', now, 2)).toEqual([
      { fiscalYear: 2026, quarter: 3 },
      { fiscalYear: 2026, quarter: 4 },
    ]);
    expect(trendQuarters('AWS', now)).toHaveLength(8);
  });

  it('refuses a quarter count that is not a whole number from 1 to 40, naming the option', () => {
    for (const bad of [0, -1, 2.5, 41, Number.NaN]) {
      expect(() => trendQuarters('AWS', now, bad)).toThrow(AttributionReportOptionError);
      expect(() => trendQuarters('AWS', now, bad)).toThrow(/^quarters: /);
    }
  });
});

describe('attributionTrend', () => {
  it('agrees with the report table for every quarter, and fills quarters without deals with zeros', () => {
    for (const cloud of ['AWS', 'Microsoft', undefined] as const) {
      const report = buildAttributionReport(twoYearsOfDeals(), {
        ...options,
        ...(cloud ? { cloud } : {}),
      });
      const table = attributionReportRows(report).filter(
        (row) => row.scope === (cloud ?? 'All clouds'),
      );
      const trend = attributionTrend(report);
      expect(trend.points).toHaveLength(8);
      expect(trend.scope).toBe(cloud ?? 'All clouds');
      for (const point of trend.points) {
        const tableRow = table.find((row) => row.period === point.period);
        const expected = tableRow ?? {
          sourcedCount: 0,
          sourcedValue: 0,
          influencedCount: 0,
          influencedValue: 0,
          acceptanceRate: null,
          medianHoursToAccept: null,
          marketplaceTransactions: 0,
          periodStart: point.periodStart,
          periodEnd: point.periodEnd,
        };
        expect({
          sourcedCount: point.sourced.count,
          sourcedValue: point.sourced.value,
          influencedCount: point.influenced.count,
          influencedValue: point.influenced.value,
          acceptanceRate: point.acceptanceRate.value,
          medianHoursToAccept: point.medianHoursToAccept.value,
          marketplaceTransactions: point.marketplaceTransactions.count,
          periodStart: point.periodStart,
          periodEnd: point.periodEnd,
        }).toEqual({
          sourcedCount: expected.sourcedCount,
          sourcedValue: expected.sourcedValue,
          influencedCount: expected.influencedCount,
          influencedValue: expected.influencedValue,
          acceptanceRate: expected.acceptanceRate,
          medianHoursToAccept: expected.medianHoursToAccept,
          marketplaceTransactions: expected.marketplaceTransactions,
          periodStart: expected.periodStart,
          periodEnd: expected.periodEnd,
        });
      }
      // Every table row inside the window is in the series.
      const periods = new Set(trend.points.map((point) => point.period));
      expect(table.filter((row) => periods.has(String(row.period))).length).toBeGreaterThan(0);
    }
  });

  it("labels each point with its fiscal period and dates in the cloud's calendar", () => {
    const trend = attributionTrend(
      buildAttributionReport(twoYearsOfDeals(), { ...options, cloud: 'Microsoft' }),
    );
    expect(trend.points.at(-1)).toMatchObject({
      period: 'FY2027Q2',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
    });
    expect(trend.points[0]).toMatchObject({
      period: 'FY2025Q3',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
    });
    expect(trend.calendar).toBe('Microsoft');
  });

  it('keeps small samples with their size and a flag, and marks the direction of each move', () => {
    const trend = attributionTrend(
      buildAttributionReport(twoYearsOfDeals(), { ...options, cloud: 'AWS' }),
    );
    const q3 = trend.points.find((point) => point.period === 'FY2026Q3')!;
    // One AWS deal closed in 2026 Q3, accepted after an hour: shown, with a sample of one, flagged.
    expect(q3.acceptanceRate).toEqual({ value: 1, sample: 1, smallSample: true });
    expect(q3.medianHoursToAccept).toEqual({ value: 1, sample: 1, smallSample: true });
    const q2 = trend.points.find((point) => point.period === 'FY2026Q2')!;
    expect(q2.sourced.count).toBe(3);
    expect(q3.direction.sourcedValue).toBe('down');
    expect(q2.direction.medianHoursToAccept).toBe('up');
    expect(trend.points[0]!.direction).toEqual({
      sourcedValue: null,
      influencedValue: null,
      acceptanceRate: null,
      medianHoursToAccept: null,
      marketplaceTransactions: null,
    });
  });

  it('flattens to one record per quarter with the same figures', () => {
    const trend = attributionTrend(
      buildAttributionReport(twoYearsOfDeals(), { ...options, cloud: 'AWS' }),
    );
    const rows = attributionTrendRows(trend);
    expect(rows.map((row) => row.period)).toEqual(trend.points.map((point) => point.period));
    expect(rows.at(-1)).toMatchObject({
      scope: 'AWS',
      currency: 'USD',
      sourcedValue: trend.points.at(-1)!.sourced.value,
    });
  });
});

describe('withTrendQuarters', () => {
  it("adds a zero row for each scope's quarter without deals and keeps every row the report had", () => {
    const report = buildAttributionReport([awsPdmReferral({ closeDate: '2026-10-05' })], options);
    const filled = withTrendQuarters(report);
    for (const scope of ['AWS', 'Microsoft', 'Google'] as const) {
      expect(filled.rows.filter((row) => row.scope === scope)).toHaveLength(8);
    }
    expect(filled.totals).toHaveLength(8);
    const aws = filled.rows.find((row) => row.scope === 'AWS' && row.period === 'FY2026Q4')!;
    expect(aws.sourced).toEqual({ count: 1, value: 180_000 });
    const google = filled.rows.find((row) => row.scope === 'Google' && row.period === 'FY2026Q4')!;
    expect(google.sourced).toEqual({ count: 0, value: 0 });
    expect(google.portalHealth.acceptanceRate).toBeNull();
  });
});
