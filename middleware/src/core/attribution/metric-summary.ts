// The CoSell_Metric__c summary the attribution page reads: one row per cloud, fiscal period, metric
// and segment from the attribution report, plus one row per maturity marker with its evidence, each
// carrying the Metric_Key__c the service upserts on.
import type { MaturityAssessment, MaturityMarker } from '../readiness/maturity.js';
import {
  METRIC_FIELDS,
  type MetricCloud,
  type MetricName,
  type MetricSegment,
  type MetricUnit,
} from '../salesforce-fields.js';
import { maturityMarkerKey, metricKey } from '../salesforce-keys.js';
import type { AttributionPeriodRow, AttributionReport } from './report-types.js';
import { withTrendQuarters } from './trend.js';

/** One CoSell_Metric__c record by Salesforce field name, ready for an upsert on Metric_Key__c. */
export type MetricSummaryRecord = Record<string, string | number | boolean | null>;

function figure(
  cloud: MetricCloud,
  period: string,
  metric: MetricName,
  segment: MetricSegment,
  value: number | null,
  sampleSize: number | null,
  computedAt: string,
): MetricSummaryRecord {
  return {
    [METRIC_FIELDS.key]: metricKey(cloud, period, metric, segment),
    [METRIC_FIELDS.cloud]: cloud,
    [METRIC_FIELDS.fiscalPeriod]: period,
    [METRIC_FIELDS.metric]: metric,
    [METRIC_FIELDS.segment]: segment,
    [METRIC_FIELDS.value]: value,
    [METRIC_FIELDS.sampleSize]: sampleSize,
    [METRIC_FIELDS.computedAt]: computedAt,
  };
}

function periodFigures(row: AttributionPeriodRow, computedAt: string): MetricSummaryRecord[] {
  const cloud: MetricCloud = row.scope === 'All clouds' ? 'All' : row.scope;
  // The period's days travel with each figure, so a chart in the org shows them without a fiscal calendar of its own.
  const at = (
    metric: MetricName,
    segment: MetricSegment,
    value: number | null,
    sample: number | null,
  ) => ({
    ...figure(cloud, row.period, metric, segment, value, sample, computedAt),
    [METRIC_FIELDS.periodStart]: row.periodStart,
    [METRIC_FIELDS.periodEnd]: row.periodEnd,
  });
  const { coSold, directOnly } = row.conversion;
  const health = row.portalHealth;
  return [
    at('Pipeline Count', 'Sourced', row.sourced.count, null),
    at('Pipeline Value', 'Sourced', row.sourced.value, row.sourced.count),
    at('Pipeline Count', 'Influenced', row.influenced.count, null),
    at('Pipeline Value', 'Influenced', row.influenced.value, row.influenced.count),
    at('Pipeline Count', 'Co-sold', row.coSellPipeline.count, null),
    at('Pipeline Value', 'Co-sold', row.coSellPipeline.value, row.coSellPipeline.count),
    // Uplift samples: win rate over closed deals, deal size over won deals with an amount, cycle over won deals.
    at('Win Rate', 'Co-sold', coSold.winRate, coSold.closed),
    at('Win Rate', 'Direct only', directOnly.winRate, directOnly.closed),
    at('Average Deal Size', 'Co-sold', coSold.averageDealSize, coSold.wonWithAmount),
    at('Average Deal Size', 'Direct only', directOnly.averageDealSize, directOnly.wonWithAmount),
    at('Median Cycle Days', 'Co-sold', coSold.medianCycleDays, coSold.won),
    at('Median Cycle Days', 'Direct only', directOnly.medianCycleDays, directOnly.won),
    at('Acceptance Rate', 'All', health.acceptanceRate, health.accepted + health.declined),
    at(
      'Median Hours To Accept',
      'All',
      health.timeToAccept.medianHours,
      health.timeToAccept.sample,
    ),
    at('Marketplace Transactions', 'All', row.marketplaceTransactions.count, null),
    at(
      'Partner Attach Rate',
      'All',
      row.partnerAttach.rateByCount,
      row.partnerAttach.newBusinessWon.count,
    ),
  ];
}

/** `FY2026Q4` for the calendar quarter of `date`: the calendar the all-cloud rows use. */
export function calendarQuarterLabel(date: Date): string {
  return `FY${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

// Recorded facts are stored as 1 (yes) or 0 (no); unknown stays empty, so "not recorded" is not "no".
function asNumber(value: number | boolean | null): number | null {
  if (value === null) return null;
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Recorded facts are yes/no; every rate the markers use has a target below 1; counts and deal ratios are 1 or more. */
export function markerUnit(marker: Pick<MaturityMarker, 'target'>): MetricUnit {
  if (typeof marker.target === 'boolean') return 'Yes/No';
  return marker.target > 0 && marker.target < 1 ? 'Share' : 'Number';
}

function markerRecord(
  period: string,
  stage: MaturityAssessment['evidence'][number],
  marker: MaturityMarker,
  position: number,
  computedAt: string,
): MetricSummaryRecord {
  return {
    ...figure('All', period, 'Maturity Marker', 'All', asNumber(marker.actual), null, computedAt),
    [METRIC_FIELDS.key]: maturityMarkerKey(period, stage.level, position),
    [METRIC_FIELDS.stageLevel]: stage.level,
    [METRIC_FIELDS.stage]: `${stage.name} (${stage.typicalMonth})`,
    [METRIC_FIELDS.stageReached]: stage.reached,
    [METRIC_FIELDS.marker]: marker.marker,
    [METRIC_FIELDS.met]: marker.met,
    [METRIC_FIELDS.target]: asNumber(marker.target),
    [METRIC_FIELDS.unit]: markerUnit(marker),
    [METRIC_FIELDS.source]: marker.source,
    [METRIC_FIELDS.note]: marker.note ?? null,
  };
}

/**
 * Every summary row for the report's periods and for each scope's last eight quarters, and the maturity markers as of `computedAt` (filed under
 * that date's calendar quarter, so each quarter keeps the stage it ended on).
 */
export function metricSummaryRecords(
  report: AttributionReport,
  maturity: MaturityAssessment | null,
  computedAt: Date,
): MetricSummaryRecord[] {
  const stamp = computedAt.toISOString();
  // Every scope's trend quarters are written, zeros included, so the org holds the whole series the charts draw.
  const series = withTrendQuarters(report);
  const records = [...series.rows, ...series.totals].flatMap((row) => periodFigures(row, stamp));
  if (maturity) {
    const period = calendarQuarterLabel(computedAt);
    for (const stage of maturity.evidence) {
      stage.markers.forEach((marker, index) =>
        records.push(markerRecord(period, stage, marker, index + 1, stamp)),
      );
    }
  }
  return records;
}
