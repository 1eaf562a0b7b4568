// The attribution report over the store's whole mirror, read page by page, with what the report
// refuses turned into HTTP problems: a bad option is the caller's (400), a bad configured rate is
// ours (500), and an opportunity in a currency no rate covers is a 422. The attribution routes and
// the maturity route read the report through it alike.
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  createAttributionReport,
  type AttributionReport,
  type AttributionReportOptions,
} from '../../core/attribution/index.js';
import { mirroredOpportunities } from '../../store/opportunities.js';
import type { ServiceDeps } from '../deps.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';

export async function reportFromMirror(
  deps: Pick<ServiceDeps, 'db' | 'reporting'>,
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
