// Flattens the attribution report into one record per row with fixed columns, for tables and CSV.
import type { AttributionPeriodRow, AttributionReport, UpliftMeasure } from './report-types.js';

export type ReportCell = string | number | null;

function measured(measure: UpliftMeasure): ReportCell {
  return measure.status === 'measured' ? measure.value : measure.status;
}

/** `low` below the minimum sample on either side, `sufficient` otherwise, null with no figure. */
function confidence(measure: UpliftMeasure): ReportCell {
  if (measure.status !== 'measured') return null;
  return measure.lowConfidence ? 'low' : 'sufficient';
}

/** `Negotiation=3/450000; Closed Won=2/210000`: stage names vary per org, so they share one column. */
function stageDistribution(row: AttributionPeriodRow): string {
  return Object.entries(row.coSellPipeline.stages)
    .map(([stage, tally]) => `${stage}=${tally.count}/${tally.value}`)
    .join('; ');
}

function flatten(row: AttributionPeriodRow, currency: string): Record<string, ReportCell> {
  const { coSold, directOnly, uplift } = row.conversion;
  const health = row.portalHealth;
  return {
    scope: row.scope,
    calendar: row.calendar,
    period: row.period,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    currency,
    opportunities: row.opportunities.count,
    opportunitiesValue: row.opportunities.value,
    sourcedCount: row.sourced.count,
    sourcedValue: row.sourced.value,
    influencedCount: row.influenced.count,
    influencedValue: row.influenced.value,
    noneCount: row.none.count,
    noneValue: row.none.value,
    coSellPipelineCount: row.coSellPipeline.count,
    coSellPipelineValue: row.coSellPipeline.value,
    coSellOpenCount: row.coSellPipeline.open.count,
    coSellOpenValue: row.coSellPipeline.open.value,
    stageDistribution: stageDistribution(row),
    coSoldClosed: coSold.closed,
    coSoldWon: coSold.won,
    coSoldWinRate: coSold.winRate,
    directOnlyClosed: directOnly.closed,
    directOnlyWon: directOnly.won,
    directOnlyWinRate: directOnly.winRate,
    winRateUpliftPoints: measured(uplift.winRatePoints),
    winRateUpliftConfidence: confidence(uplift.winRatePoints),
    coSoldAverageDealSize: coSold.averageDealSize,
    directOnlyAverageDealSize: directOnly.averageDealSize,
    dealSizeUplift: measured(uplift.dealSize),
    dealSizeUpliftConfidence: confidence(uplift.dealSize),
    coSoldMedianCycleDays: coSold.medianCycleDays,
    directOnlyMedianCycleDays: directOnly.medianCycleDays,
    cycleDaysSaved: measured(uplift.cycleDaysSaved),
    cycleDaysSavedConfidence: confidence(uplift.cycleDaysSaved),
    submitted: health.submitted,
    accepted: health.accepted,
    declined: health.declined,
    undecided: health.undecided,
    acceptanceRate: health.acceptanceRate,
    timeToAcceptSample: health.timeToAccept.sample,
    medianHoursToAccept: health.timeToAccept.medianHours,
    p90HoursToAccept: health.timeToAccept.p90Hours,
    medianDaysToAccept: health.timeToAccept.medianDays,
    p90DaysToAccept: health.timeToAccept.p90Days,
    marketplaceTransactions: row.marketplaceTransactions.count,
    marketplaceValue: row.marketplaceTransactions.value,
    newBusinessWonCount: row.partnerAttach.newBusinessWon.count,
    newBusinessWonValue: row.partnerAttach.newBusinessWon.value,
    partnerAttachRateByCount: row.partnerAttach.rateByCount,
    partnerAttachRateByValue: row.partnerAttach.rateByValue,
    amountMissing: row.amountMissing,
  };
}

/** Per-cloud rows first (cloud order, then period), then the all-cloud totals; every record has the same keys. */
export function attributionReportRows(
  report: AttributionReport,
): Array<Record<string, ReportCell>> {
  return [...report.rows, ...report.totals].map((row) => flatten(row, report.reportingCurrency));
}
