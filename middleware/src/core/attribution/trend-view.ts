// The JSON shape of the attribution trend (trend.ts), for the API's OpenAPI document and the CLI's
// --json schema: one description both edges import, so neither reaches into the other.
import { z } from 'zod';
import { Cloud } from '../model.js';

const SampledFigureView = z.object({
  value: z.number().nullable(),
  sample: z.number().int(),
  smallSample: z.boolean(),
});
const CountAndValueView = z.object({ count: z.number().int(), value: z.number() });
const Direction = z.enum(['up', 'down', 'flat']).nullable();
/** The trend as JSON: what the API serves and `cosell attribution report --trend --json` returns. */
export const AttributionTrendView = z.object({
  generatedAt: z.string(),
  reportingCurrency: z.string(),
  cloud: Cloud.nullable(),
  scope: z.union([Cloud, z.literal('All clouds')]),
  calendar: z.union([Cloud, z.literal('Calendar year')]),
  minSampleSize: z.number().int(),
  points: z.array(
    z.object({
      period: z.string(),
      fiscalYear: z.number().int(),
      quarter: z.number().int(),
      periodStart: z.string(),
      periodEnd: z.string(),
      sourced: CountAndValueView,
      influenced: CountAndValueView,
      acceptanceRate: SampledFigureView,
      medianHoursToAccept: SampledFigureView,
      marketplaceTransactions: CountAndValueView,
      direction: z.object({
        sourcedValue: Direction,
        influencedValue: Direction,
        acceptanceRate: Direction,
        medianHoursToAccept: Direction,
        marketplaceTransactions: Direction,
      }),
    }),
  ),
});
