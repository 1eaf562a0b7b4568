// The quarter-over-quarter view RevOps asks for first: sourced vs influenced pipeline and portal health
// for the last N hyperscaler fiscal quarters of one cloud (or all clouds), read from the same report rows
// the table prints, so the chart, the CLI, the API and the org's summary can never disagree.
import { fiscalPeriodOf, type Quarter } from '../fiscal.js';
import { CLOUDS, type Cloud } from '../model.js';
import { PeriodTally } from './period-tally.js';
import { AttributionReportOptionError, periodIdentity, scopeCalendarCloud } from './report.js';
import type {
  AttributionPeriodRow,
  AttributionReport,
  CountAndValue,
  ReportScope,
} from './report-types.js';

/** Two years of quarters: enough to see a seasonal year-end push against the year before. */
export const DEFAULT_TREND_QUARTERS = 8;
/** Ten years of quarters; more is not a trend anyone reads on one chart. */
export const MAX_TREND_QUARTERS = 40;

/** Which way a figure moved since the quarter before; null for the first quarter or when either side has no figure. */
export type TrendDirection = 'up' | 'down' | 'flat' | null;

/** A rate or median with the sample behind it; a small sample is kept and flagged, never hidden. */
export interface SampledFigure {
  value: number | null;
  sample: number;
  /** Fewer than the report's minimum sample (but the figure is still given). */
  smallSample: boolean;
}

export interface TrendPoint {
  /** `FY2027Q1` in the scope's fiscal calendar. */
  period: string;
  fiscalYear: number;
  quarter: Quarter;
  periodStart: string;
  periodEnd: string;
  sourced: CountAndValue;
  influenced: CountAndValue;
  /** Accepted over accepted plus declined engagements submitted in the quarter. */
  acceptanceRate: SampledFigure;
  medianHoursToAccept: SampledFigure;
  marketplaceTransactions: CountAndValue;
  direction: {
    sourcedValue: TrendDirection;
    influencedValue: TrendDirection;
    acceptanceRate: TrendDirection;
    medianHoursToAccept: TrendDirection;
    marketplaceTransactions: TrendDirection;
  };
}

export interface AttributionTrend {
  generatedAt: string;
  reportingCurrency: string;
  /** The cloud, or null for every cloud with each opportunity counted once. */
  cloud: Cloud | null;
  scope: ReportScope;
  calendar: AttributionPeriodRow['calendar'];
  minSampleSize: number;
  /** Oldest first, ending with the quarter the report's `now` falls in; a quarter with no deals is all zeros. */
  points: TrendPoint[];
}

/** The last `count` fiscal quarters of a scope's calendar up to the one `now` falls in, oldest first. */
export function trendQuarters(
  scope: ReportScope,
  now: Date,
  count: number = DEFAULT_TREND_QUARTERS,
): Array<{ fiscalYear: number; quarter: Quarter }> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TREND_QUARTERS) {
    throw new AttributionReportOptionError(
      'quarters',
      `must be a whole number from 1 to ${MAX_TREND_QUARTERS}, got ${count}`,
    );
  }
  const current = fiscalPeriodOf(now, scopeCalendarCloud(scope));
  const index = current.fiscalYear * 4 + current.quarter - 1;
  return Array.from({ length: count }, (_, i) => {
    const at = index - (count - 1 - i);
    return { fiscalYear: Math.floor(at / 4), quarter: ((at % 4) + 1) as Quarter };
  });
}

/** The report's row for each of the scope's last quarters, with an all-zero row where nothing landed. */
export function trendRows(
  report: AttributionReport,
  scope: ReportScope,
  count: number = DEFAULT_TREND_QUARTERS,
): AttributionPeriodRow[] {
  const rows = scope === 'All clouds' ? report.totals : report.rows;
  const byPeriod = new Map(
    rows.filter((row) => row.scope === scope).map((row) => [row.period, row]),
  );
  return trendQuarters(scope, new Date(report.generatedAt), count).map(
    ({ fiscalYear, quarter }) => {
      const identity = periodIdentity(scope, fiscalYear, quarter);
      return (
        byPeriod.get(identity.period) ?? new PeriodTally(identity).result(report.minSampleSize)
      );
    },
  );
}

function direction(before: number | null | undefined, after: number | null): TrendDirection {
  if (before === undefined || before === null || after === null) return null;
  if (after > before) return 'up';
  return after < before ? 'down' : 'flat';
}

function sampled(value: number | null, sample: number, minSampleSize: number): SampledFigure {
  return { value, sample, smallSample: sample < minSampleSize };
}

/**
 * The trend for the report's cloud, or for all clouds when the report covers every cloud. Build the
 * report without a period filter (or with one that covers the quarters), or the older quarters read zero.
 */
export function attributionTrend(
  report: AttributionReport,
  count: number = DEFAULT_TREND_QUARTERS,
): AttributionTrend {
  const scope: ReportScope = report.cloud ?? 'All clouds';
  const points: TrendPoint[] = [];
  for (const row of trendRows(report, scope, count)) {
    const health = row.portalHealth;
    const before = points.at(-1);
    const point: Omit<TrendPoint, 'direction'> = {
      period: row.period,
      fiscalYear: row.fiscalYear,
      quarter: row.quarter,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      sourced: row.sourced,
      influenced: row.influenced,
      acceptanceRate: sampled(
        health.acceptanceRate,
        health.accepted + health.declined,
        report.minSampleSize,
      ),
      medianHoursToAccept: sampled(
        health.timeToAccept.medianHours,
        health.timeToAccept.sample,
        report.minSampleSize,
      ),
      marketplaceTransactions: row.marketplaceTransactions,
    };
    points.push({
      ...point,
      direction: {
        sourcedValue: direction(before?.sourced.value, point.sourced.value),
        influencedValue: direction(before?.influenced.value, point.influenced.value),
        acceptanceRate: direction(before?.acceptanceRate.value, point.acceptanceRate.value),
        medianHoursToAccept: direction(
          before?.medianHoursToAccept.value,
          point.medianHoursToAccept.value,
        ),
        marketplaceTransactions: direction(
          before?.marketplaceTransactions.count,
          point.marketplaceTransactions.count,
        ),
      },
    });
  }
  return {
    generatedAt: report.generatedAt,
    reportingCurrency: report.reportingCurrency,
    cloud: report.cloud,
    scope,
    calendar: scope === 'All clouds' ? 'Calendar year' : scope,
    minSampleSize: report.minSampleSize,
    points,
  };
}

/** One flat record per quarter with fixed columns, for CSV and the terminal table. */
export function attributionTrendRows(
  trend: AttributionTrend,
): Array<Record<string, string | number | boolean | null>> {
  return trend.points.map((point) => ({
    scope: trend.scope,
    calendar: trend.calendar,
    period: point.period,
    periodStart: point.periodStart,
    periodEnd: point.periodEnd,
    currency: trend.reportingCurrency,
    sourcedCount: point.sourced.count,
    sourcedValue: point.sourced.value,
    sourcedValueDirection: point.direction.sourcedValue,
    influencedCount: point.influenced.count,
    influencedValue: point.influenced.value,
    influencedValueDirection: point.direction.influencedValue,
    acceptanceRate: point.acceptanceRate.value,
    acceptanceSample: point.acceptanceRate.sample,
    acceptanceSmallSample: point.acceptanceRate.smallSample,
    acceptanceRateDirection: point.direction.acceptanceRate,
    medianHoursToAccept: point.medianHoursToAccept.value,
    timeToAcceptSample: point.medianHoursToAccept.sample,
    timeToAcceptSmallSample: point.medianHoursToAccept.smallSample,
    medianHoursToAcceptDirection: point.direction.medianHoursToAccept,
    marketplaceTransactions: point.marketplaceTransactions.count,
    marketplaceValue: point.marketplaceTransactions.value,
    marketplaceTransactionsDirection: point.direction.marketplaceTransactions,
  }));
}

/**
 * The report with an all-zero row for every scope's last `count` quarters that had no deals, so a
 * summary written from it holds the whole series (a quarter with nothing is a zero, not a gap).
 */
export function withTrendQuarters(
  report: AttributionReport,
  count: number = DEFAULT_TREND_QUARTERS,
): AttributionReport {
  const clouds: readonly Cloud[] = report.cloud ? [report.cloud] : CLOUDS;
  const byScopeOrder = (a: AttributionPeriodRow, b: AttributionPeriodRow) =>
    a.fiscalYear - b.fiscalYear || a.quarter - b.quarter;
  const fill = (rows: AttributionPeriodRow[], scope: ReportScope) => {
    const known = new Set(rows.filter((row) => row.scope === scope).map((row) => row.period));
    return trendRows(report, scope, count).filter((row) => !known.has(row.period));
  };
  const rows = clouds.flatMap((cloud) =>
    [...report.rows.filter((row) => row.scope === cloud), ...fill(report.rows, cloud)].sort(
      byScopeOrder,
    ),
  );
  const totals = report.cloud
    ? report.totals
    : [...report.totals, ...fill(report.totals, 'All clouds')].sort(byScopeOrder);
  return { ...report, rows, totals };
}
