// Derives the maturity inputs from an attribution report, so the stage estimate and the RevOps
// report always agree on the numbers.
import type { AttributionPeriodRow, AttributionReport } from '../attribution/report-types.js';
import type { MaturityMetrics } from './maturity.js';

/**
 * Uses the all-cloud totals (each deal once) when present, else the single cloud's rows. Rates are
 * pooled over every row of the report, so the caller picks the window with the report's period;
 * the per-quarter marketplace figure is the latest quarter that has ended by `now`.
 */
export function maturityMetricsFromReport(report: AttributionReport, now: Date): MaturityMetrics {
  const rows: AttributionPeriodRow[] = report.totals.length > 0 ? report.totals : report.rows;
  const today = now.toISOString().slice(0, 10);
  const sum = (pick: (row: AttributionPeriodRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const ended = rows.filter((row) => row.periodEnd < today).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const newBusiness = sum((row) => row.partnerAttach.newBusinessWon.count);
  const accepted = sum((row) => row.portalHealth.accepted);
  const decided = accepted + sum((row) => row.portalHealth.declined);
  const clouds = new Set(report.rows.filter((row) => row.coSellPipeline.count > 0).map((row) => row.scope));
  return {
    marketplaceTransactions: sum((row) => row.marketplaceTransactions.count),
    marketplaceTransactionsPerQuarter: ended.at(-1)?.marketplaceTransactions.count ?? 0,
    partnerAttachRate: newBusiness === 0 ? null : sum((row) => row.partnerAttach.attributed.count) / newBusiness,
    acceptanceRate: decided === 0 ? null : accepted / decided,
    cloudsWithMotion: clouds.size,
    sourcedDeals: sum((row) => row.sourced.count),
    influencedDeals: sum((row) => row.influenced.count),
  };
}
