// The report API over the service's mirror: the attribution report and its quarter-over-quarter
// trend (json or csv), and the co-sell readiness checklist per cloud.
import { z } from 'zod';
import { DEFAULT_TREND_QUARTERS, MAX_TREND_QUARTERS } from '../core/attribution/index.js';
import { AttributionTrendView } from '../core/attribution/trend-view.js';
import { FiscalPeriodError, parsePeriodLabel } from '../core/fiscal.js';
import { Cloud } from '../core/model.js';
import { READINESS_ITEMS } from '../core/readiness/index.js';
import { API_PREFIX, defineContract } from './route-contract.js';
import { CloudFilterQuery } from './schemas.js';

/** Both attribution reports come as JSON or as a CSV download. */
const ReportFormat = z.enum(['json', 'csv']).default('json');
/** An attribution report cannot convert an amount in a currency the configured rates miss. */
const RATE_MISSING_RESPONSE = {
  422: { description: 'An opportunity is in a currency the configured rates do not cover' },
};

const AttributionQuery = CloudFilterQuery.extend({
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
  format: ReportFormat,
});

export const attributionReport = defineContract({
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
    ...RATE_MISSING_RESPONSE,
  },
});

const TrendQuery = CloudFilterQuery.extend({
  quarters: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_TREND_QUARTERS, `must be at most ${MAX_TREND_QUARTERS}`)
    .default(DEFAULT_TREND_QUARTERS),
  format: ReportFormat,
});

export const attributionTrend = defineContract({
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
    ...RATE_MISSING_RESPONSE,
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

export const readiness = defineContract({
  operationId: 'readiness',
  method: 'get',
  path: `${API_PREFIX}/readiness`,
  summary: 'The ten-item co-sell readiness checklist, for one cloud or all three',
  tags: ['reports'],
  scopes: ['alliance-ops', 'revops', 'admin'],
  query: CloudFilterQuery,
  responses: {
    200: {
      description: 'One checklist per cloud',
      schema: z.object({ checklists: z.array(ChecklistView) }),
    },
  },
});
