// Streams opportunities into the RevOps attribution report (sourced vs influenced, conversion uplift,
// portal health, marketplace and attach rate) per cloud and hyperscaler fiscal quarter.
import { z } from 'zod';
import { CLOUDS, Cloud, type CoSellOpportunity, type CommitDrawdown } from '../model.js';
import { fiscalPeriodOf, periodBounds, periodLabel, type Quarter } from '../fiscal.js';
import { tallyAll } from './deal-tally.js';
import { attributionFor, opportunityAttribution } from './attribution.js';
import { currencyConverter } from './exchange-rates.js';
import { PeriodTally, type OpportunityContribution, type PeriodIdentity } from './period-tally.js';
import type { AttributionPeriodRow, AttributionReport, ReportScope } from './report-types.js';
import { FieldError, parseOrRefuse } from '../field-error.js';

export interface AttributionReportOptions {
  /** Restrict the report to one cloud (no all-cloud totals then). */
  cloud?: Cloud;
  /**
   * A fiscal quarter, or a whole fiscal year when quarter is null, by each row's calendar. Every
   * opportunity, open or closed, is placed by its CloseDate: for open pipeline that is when it is
   * expected to land, which is how hyperscaler field teams forecast it too.
   */
  period?: { fiscalYear: number; quarter: Quarter | null };
  /** e.g. 'USD'. */
  reportingCurrency: string;
  /** Units of reportingCurrency per one unit of the keyed currency; reportingCurrency itself is 1. */
  rates: Record<string, number>;
  /** Closed (or won) deals each side needs before an uplift stops being marked low confidence. Default 10. */
  minSampleSize?: number;
  now: Date;
}

/** Below ten closed deals a side, one deal moves a win rate by ten points: too noisy to act on. */
export const DEFAULT_MIN_SAMPLE_SIZE = 10;

export class AttributionReportOptionError extends FieldError {
  readonly code = 'INVALID_REPORT_OPTION';

  /** The report option at fault. */
  get option(): string {
    return this.field;
  }
}

const ReportOptionsSchema = z.object({
  cloud: Cloud.optional(),
  period: z
    .object({
      fiscalYear: z.number().int().min(1900).max(9999),
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]),
    })
    .optional(),
  minSampleSize: z.number().int().min(1).optional(),
  now: z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date'),
});

const DAY_MS = 86_400_000;

/** The calendar-year quarters all-cloud totals use: AWS's fiscal calendar is the calendar year. */
const CALENDAR_YEAR_CLOUD: Cloud = 'AWS';

const DRAWDOWN_CLOUD: Record<CommitDrawdown, Cloud | null> = {
  None: null,
  'AWS EDP': 'AWS',
  'Microsoft MACC': 'Microsoft',
  'Google commit': 'Google',
};

/**
 * Whole days from CreatedDate's UTC day to CloseDate. A close date before creation (records migrated from another
 * CRM) counts as a zero-day cycle rather than a negative one that would skew medians.
 */
function cycleDays(opp: CoSellOpportunity): number {
  return Math.max(0, (Date.parse(opp.closeDate) - utcDay(opp.createdDate)) / DAY_MS);
}

/** The UTC day an instant falls on; a UTC instant's is its date part (most rows: no Date built). */
function utcDay(instant: string): number {
  if (instant.length === 24 && instant.endsWith('Z')) return Date.parse(instant.slice(0, 10));
  const at = new Date(instant);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}

/** Renewals keep existing revenue: they are not the new business attach rate measures. */
function isNewBusiness(opp: CoSellOpportunity): boolean {
  return opp.type === null || !/renewal/i.test(opp.type);
}

/** The fiscal calendar a scope's rows follow: the cloud's own, or the calendar year for all clouds. */
export function scopeCalendarCloud(scope: ReportScope): Cloud {
  return scope === 'All clouds' ? CALENDAR_YEAR_CLOUD : scope;
}

/** Who and when a row is about: its scope, calendar, fiscal quarter, label and first and last day. */
export function periodIdentity(
  scope: ReportScope,
  fiscalYear: number,
  quarter: Quarter,
): PeriodIdentity {
  const bounds = periodBounds(scopeCalendarCloud(scope), fiscalYear, quarter);
  return {
    scope,
    calendar: scope === 'All clouds' ? 'Calendar year' : scope,
    fiscalYear,
    quarter,
    period: periodLabel({ fiscalYear, quarter }),
    periodStart: bounds.start,
    periodEnd: bounds.end,
  };
}

interface PlannedRow {
  key: string;
  identity: PeriodIdentity;
}

export function createAttributionReport(options: AttributionReportOptions): {
  add(opp: CoSellOpportunity): void;
  result(): AttributionReport;
} {
  parseOrRefuse(
    ReportOptionsSchema,
    options,
    'options',
    (option, message) => new AttributionReportOptionError(option, message),
  );
  const converter = currencyConverter(options.reportingCurrency, options.rates);
  const minSampleSize = options.minSampleSize ?? DEFAULT_MIN_SAMPLE_SIZE;
  const clouds: readonly Cloud[] = options.cloud ? [options.cloud] : CLOUDS;
  const withTotals = options.cloud === undefined;
  const period = options.period;
  const tallies = new Map<string, PeriodTally>();

  /** The row a date falls in for a scope, or null when the period filter excludes it. */
  const rowFor = (scope: ReportScope, date: string): PlannedRow | null => {
    const { fiscalYear, quarter } = fiscalPeriodOf(date, scopeCalendarCloud(scope));
    if (
      period &&
      (period.fiscalYear !== fiscalYear || (period.quarter !== null && period.quarter !== quarter))
    )
      return null;
    return planRow(scope, fiscalYear, quarter);
  };

  // Rows are few (scopes x quarters) and opportunities many: plan each row once.
  const planned = new Map<string, PlannedRow>();
  const planRow = (scope: ReportScope, fiscalYear: number, quarter: Quarter): PlannedRow => {
    const key = `${scope}|${fiscalYear}|${quarter}`;
    const known = planned.get(key);
    if (known) return known;
    const row: PlannedRow = { key, identity: periodIdentity(scope, fiscalYear, quarter) };
    planned.set(key, row);
    return row;
  };

  const tallyOf = (row: PlannedRow): PeriodTally => {
    let tally = tallies.get(row.key);
    if (!tally) {
      tally = new PeriodTally(row.identity);
      tallies.set(row.key, tally);
    }
    return tally;
  };

  const scopes: readonly ReportScope[] = withTotals ? [...clouds, 'All clouds'] : [...clouds];
  // With a period chosen, every scope shows that period even when nothing landed in it: a zero is news.
  if (period) {
    const quarters: Quarter[] = period.quarter === null ? [1, 2, 3, 4] : [period.quarter];
    for (const scope of scopes)
      for (const quarter of quarters) tallyOf(planRow(scope, period.fiscalYear, quarter));
  }

  // Close dates are days that repeat across a big export: each one's rows are found once (bounded
  // by the distinct days, a few thousand in years of deals).
  const rowsByCloseDate = new Map<string, ReadonlyArray<PlannedRow | null>>();
  const closeDateRows = (date: string): ReadonlyArray<PlannedRow | null> => {
    let rows = rowsByCloseDate.get(date);
    if (!rows) {
      rows = scopes.map((scope) => rowFor(scope, date));
      rowsByCloseDate.set(date, rows);
    }
    return rows;
  };

  return {
    add(opp) {
      // Work out every contribution first, so a missing rate or bad date leaves the report unchanged.
      const value =
        opp.amount === null ? 0 : converter.toReporting(opp.amount, opp.currencyIsoCode, opp.id);
      const overall = opportunityAttribution(opp);
      const isWonViaMarketplace = opp.isWon && opp.coSell.marketplaceRoute !== 'None';
      const base = {
        value,
        hasAmount: opp.amount !== null,
        stageName: opp.stageName,
        isClosed: opp.isClosed,
        isWon: opp.isWon,
        directOnly: overall === 'None',
        cycleDays: cycleDays(opp),
        isNewBusiness: isNewBusiness(opp),
      };
      const updates: Array<() => void> = [];
      scopes.forEach((scope, scopeIndex) => {
        const attribution = scope === 'All clouds' ? overall : attributionFor(opp, scope);
        // A marketplace deal counts on a cloud that worked it or whose committed spend it draws down.
        const isMarketplaceTransaction =
          isWonViaMarketplace &&
          (scope === 'All clouds' ||
            attribution !== 'None' ||
            DRAWDOWN_CLOUD[opp.coSell.commitDrawdown] === scope);
        const contribution: OpportunityContribution = {
          ...base,
          attribution,
          isMarketplaceTransaction,
        };
        const row = closeDateRows(opp.closeDate)[scopeIndex];
        if (row) updates.push(() => tallyOf(row).addOpportunity(contribution));
        for (const engagement of opp.engagements) {
          if (engagement.submittedAt === null) continue;
          if (scope !== 'All clouds' && engagement.cloud !== scope) continue;
          const submittedRow = rowFor(scope, engagement.submittedAt);
          if (submittedRow) updates.push(() => tallyOf(submittedRow).addEngagement(engagement));
        }
      });
      for (const update of updates) update();
    },

    result() {
      const scopeOrder = (scope: ReportScope) =>
        scope === 'All clouds' ? CLOUDS.length : CLOUDS.indexOf(scope);
      const rows = [...tallies.values()]
        .map((tally) => tally.result(minSampleSize))
        .sort(
          (a, b) =>
            scopeOrder(a.scope) - scopeOrder(b.scope) ||
            a.fiscalYear - b.fiscalYear ||
            a.quarter - b.quarter,
        );
      const periodName = period
        ? period.quarter === null
          ? `FY${period.fiscalYear}`
          : periodLabel({ fiscalYear: period.fiscalYear, quarter: period.quarter })
        : null;
      return {
        generatedAt: options.now.toISOString(),
        reportingCurrency: converter.reportingCurrency,
        cloud: options.cloud ?? null,
        period: periodName,
        minSampleSize,
        rows: rows.filter((row) => row.scope !== 'All clouds'),
        totals: rows.filter((row) => row.scope === 'All clouds'),
      };
    },
  };
}

/** The whole report in one call, for opportunities already in memory or any iterable source. */
export function buildAttributionReport(
  opps: Iterable<CoSellOpportunity>,
  options: AttributionReportOptions,
): AttributionReport {
  return tallyAll(createAttributionReport(options), opps);
}

export type { AttributionPeriodRow };
