// Shared set-up of the attribution report tests: the report options (USD with EUR and GBP rates, at
// a fixed now) and the row of a report for one scope and period.
import type {
  AttributionReportOptions,
  buildAttributionReport,
} from '../../../middleware/src/core/attribution/index.js';

export const now = new Date('2026-11-26T12:00:00Z');
export const options: AttributionReportOptions = {
  reportingCurrency: 'USD',
  rates: { EUR: 1.08, GBP: 1.27 },
  now,
};
export function row(
  report: ReturnType<typeof buildAttributionReport>,
  scope: string,
  period: string,
) {
  const found = [...report.rows, ...report.totals].find(
    (candidate) => candidate.scope === scope && candidate.period === period,
  );
  if (!found) throw new Error(`no ${scope} row for ${period}`);
  return found;
}
