// Report routes over the store's mirror: the attribution report and its quarter-over-quarter trend
// (json or csv), and the co-sell readiness checklist per cloud.
import { stringify } from 'csv-stringify/sync';
import { csvSafeCast } from '../../core/csv-safe.js';
import { z } from 'zod';
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  DEFAULT_TREND_QUARTERS,
  MAX_TREND_QUARTERS,
  attributionReportRows,
  attributionTrend,
  attributionTrendRows,
  createAttributionReport,
  type AttributionReport,
  type AttributionReportOptions,
  traceabilityTally,
  type TraceabilityTally,
} from '../../core/attribution/index.js';
import { AttributionTrendView } from '../../core/attribution/trend-view.js';
import { FiscalPeriodError, parsePeriodLabel } from '../../core/fiscal.js';
import { CLOUDS, Cloud, CloudName } from '../../core/model.js';
import { READINESS_ITEMS, readinessChecklist } from '../../core/readiness/index.js';
import { latestAccountMappingRun } from '../../store/account-mapping-runs.js';
import { storedCounterparts } from '../../store/counterparts.js';
import { mirroredOpportunities } from '../../store/opportunities.js';
import { invalidEvidenceProblem, withAccountMappingRun } from './practices.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route-table.js';

const AttributionQuery = z.strictObject({
  cloud: CloudName.optional(),
  period: z
    .string()
    .max(16)
    .transform((label, ctx) => {
      try {
        return { label, ...parsePeriodLabel(label) };
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: error instanceof FiscalPeriodError ? error.message : 'not a fiscal period',
        });
        return z.NEVER;
      }
    })
    .optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const attributionReport = defineRoute({
  operationId: 'attributionReport',
  method: 'get',
  path: `${API_PREFIX}/attribution`,
  summary:
    'Sourced vs influenced pipeline and RevOps metrics per cloud and hyperscaler fiscal period (json or csv)',
  tags: ['reports'],
  scopes: ['revops', 'alliance-ops', 'admin'],
  query: AttributionQuery,
  responses: {
    200: {
      description: 'The report: JSON, or CSV with one row per cloud and period when format=csv',
      schema: z.record(z.string(), z.unknown()),
    },
    422: { description: 'An opportunity is in a currency the configured rates do not cover' },
  },
  async handler({ query, deps, now }) {
    const report = await reportFromMirror(deps, now, {
      ...(query.cloud ? { cloud: query.cloud } : {}),
      ...(query.period
        ? { period: { fiscalYear: query.period.fiscalYear, quarter: query.period.quarter } }
        : {}),
    });
    if (query.format === 'csv') {
      const rows = attributionReportRows(report);
      const csv =
        rows.length === 0
          ? ''
          : stringify(rows, { header: true, columns: Object.keys(rows[0]!), cast: csvSafeCast });
      const name = `attribution-${query.cloud ?? 'all-clouds'}-${query.period?.label ?? 'all-periods'}.csv`;
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        body: csv,
        headers: { 'Content-Disposition': `attachment; filename="${name}"` },
      };
    }
    return { status: 200, body: report };
  },
});

type RouteDeps = Parameters<(typeof attributionReport)['handler']>[0]['deps'];

/** The attribution report over the whole mirror, with option and currency problems turned into HTTP problems. */
async function reportFromMirror(
  deps: RouteDeps,
  now: Date,
  options: Pick<AttributionReportOptions, 'cloud' | 'period'>,
): Promise<AttributionReport> {
  let builder: ReturnType<typeof createAttributionReport>;
  try {
    builder = createAttributionReport({
      ...options,
      reportingCurrency: deps.reporting.currency,
      rates: deps.reporting.rates,
      now,
    });
  } catch (error) {
    if (error instanceof AttributionReportOptionError) {
      throw new HttpProblem(400, PROBLEM_TYPES.badRequest, error.message, {
        errors: [{ field: `query.${error.option}`, message: error.message, code: error.code }],
      });
    }
    if (error instanceof ExchangeRateSettingError)
      throw new HttpProblem(
        500,
        PROBLEM_TYPES.internal,
        `reporting configuration: ${error.message}`,
      );
    throw error;
  }
  try {
    for await (const opportunity of mirroredOpportunities(deps.db)) builder.add(opportunity);
  } catch (error) {
    if (error instanceof MissingExchangeRateError)
      throw new HttpProblem(422, PROBLEM_TYPES.unprocessable, error.message);
    throw error;
  }
  return builder.result();
}

const TrendQuery = z.strictObject({
  cloud: CloudName.optional(),
  quarters: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_TREND_QUARTERS, `must be at most ${MAX_TREND_QUARTERS}`)
    .default(DEFAULT_TREND_QUARTERS),
  format: z.enum(['json', 'csv']).default('json'),
});

export const attributionTrendRoute = defineRoute({
  operationId: 'attributionTrend',
  method: 'get',
  path: `${API_PREFIX}/attribution/trend`,
  summary:
    'Sourced vs influenced pipeline and portal health over the last N hyperscaler fiscal quarters of one cloud or all clouds (json or csv)',
  tags: ['reports'],
  scopes: ['revops', 'alliance-ops', 'admin'],
  query: TrendQuery,
  responses: {
    200: {
      description:
        'One point per quarter, oldest first: JSON, or CSV with one row per quarter when format=csv',
      schema: AttributionTrendView,
    },
    422: { description: 'An opportunity is in a currency the configured rates do not cover' },
  },
  async handler({ query, deps, now }) {
    const trend = attributionTrend(
      await reportFromMirror(deps, now, query.cloud ? { cloud: query.cloud } : {}),
      query.quarters,
    );
    if (query.format === 'csv') {
      const rows = attributionTrendRows(trend);
      const csv = stringify(rows, {
        header: true,
        columns: Object.keys(rows[0]!),
        cast: csvSafeCast,
      });
      const name = `attribution-trend-${query.cloud ?? 'all-clouds'}-${query.quarters}q.csv`;
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        body: csv,
        headers: { 'Content-Disposition': `attachment; filename="${name}"` },
      };
    }
    return { status: 200, body: trend };
  },
});

const ReadinessItemView = z.object({
  number: z.number().int(),
  key: z.enum(READINESS_ITEMS),
  title: z.string(),
  status: z.enum(['met', 'not met', 'unknown']),
  evidence: z.array(z.string()),
});
const ChecklistView = z.object({
  cloud: Cloud,
  items: z.array(ReadinessItemView),
  summary: z.object({ met: z.number().int(), notMet: z.number().int(), unknown: z.number().int() }),
  ready: z.boolean(),
  /** False when the alliance team has recorded no evidence for this cloud yet. */
  evidenceRecorded: z.boolean(),
});

export const readiness = defineRoute({
  operationId: 'readiness',
  method: 'get',
  path: `${API_PREFIX}/readiness`,
  summary: 'The ten-item co-sell readiness checklist, for one cloud or all three',
  tags: ['reports'],
  scopes: ['alliance-ops', 'revops', 'admin'],
  query: z.strictObject({ cloud: CloudName.optional() }),
  responses: {
    200: {
      description: 'One checklist per cloud',
      schema: z.object({ checklists: z.array(ChecklistView) }),
    },
  },
  async handler({ query, deps, now }) {
    const clouds = query.cloud ? [query.cloud] : [...CLOUDS];
    const counterparts = await storedCounterparts(deps.db, clouds);
    // One pass over the mirror, page by page, keeping only counters: the mirror is never held whole.
    const tallies = new Map(clouds.map((cloud) => [cloud, traceabilityTally(cloud)]));
    for await (const opportunity of mirroredOpportunities(deps.db))
      for (const tally of tallies.values()) tally.add(opportunity);
    const checklists = [];
    for (const cloud of clouds) {
      const recorded = await deps.readinessEvidence(cloud);
      try {
        const checklist = readinessChecklist(
          withAccountMappingRun(
            (recorded ?? { cloud }) as Record<string, unknown>,
            await latestAccountMappingRun(deps.db, cloud),
          ),
          { now, counterparts, traceability: (tallies.get(cloud) as TraceabilityTally).result() },
        );
        checklists.push({ ...checklist, evidenceRecorded: recorded !== null });
      } catch (error) {
        throw invalidEvidenceProblem(cloud, error);
      }
    }
    return { status: 200, body: { checklists } };
  },
});

export const REPORT_ROUTES: ApiRoute[] = [attributionReport, attributionTrendRoute, readiness];
