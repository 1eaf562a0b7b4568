// Turns CoSell_Metric__c rows (one figure per cloud, fiscal period, metric and segment, written by
// the co-sell service) into the three tables RevOps reads. Uplift mirrors the service's attribution
// rule (middleware/src/core/attribution/period-tally.ts): win rate in points, deal size as a ratio,
// cycle in days saved. Below the minimum sample on either side the figure is still shown and marked
// low confidence; it is missing only when a side has no deal at all.

/** Cloud rows in a fixed order; `All` carries the cross-cloud figures. */
const CLOUD_ORDER = ['AWS', 'Microsoft', 'Google', 'All'];

/** Reads one GraphQL node into a plain metric record. */
export function toMetricRecord(node) {
  const value = (field) => (node[field] ? node[field].value : null);
  return {
    id: node.Id,
    cloud: value('Cloud__c'),
    fiscalPeriod: value('Fiscal_Period__c'),
    periodStart: value('Period_Start__c'),
    periodEnd: value('Period_End__c'),
    metric: value('Metric__c'),
    segment: value('Segment__c'),
    value: value('Value__c'),
    sampleSize: value('Sample_Size__c'),
    computedAt: value('Computed_At__c'),
  };
}

/** Fiscal periods present, newest first (labels like FY2027Q1 sort as text). */
export function fiscalPeriodsOf(records) {
  return [...new Set(records.map((r) => r.fiscalPeriod).filter((p) => p))].sort().reverse();
}

function cloudsOf(records) {
  const present = new Set(records.map((r) => r.cloud));
  return CLOUD_ORDER.filter((cloud) => present.has(cloud));
}

function indexByKey(records) {
  const index = new Map();
  records.forEach((r) => index.set(`${r.cloud}|${r.metric}|${r.segment}`, r));
  return (cloud, metric, segment) => index.get(`${cloud}|${metric}|${segment}`) || null;
}

function figure(record) {
  return record && record.value !== null && record.value !== undefined ? record.value : null;
}

/** Sourced vs influenced pipeline (count and value) per cloud. */
export function pipelineRows(records) {
  const find = indexByKey(records);
  return cloudsOf(records).map((cloud) => ({
    cloud,
    sourcedCount: figure(find(cloud, 'Pipeline Count', 'Sourced')),
    sourcedValue: figure(find(cloud, 'Pipeline Value', 'Sourced')),
    influencedCount: figure(find(cloud, 'Pipeline Count', 'Influenced')),
    influencedValue: figure(find(cloud, 'Pipeline Value', 'Influenced')),
  }));
}

function uplift(find, cloud, metric, minimumSampleSize, measure) {
  const coSold = find(cloud, metric, 'Co-sold');
  const direct = find(cloud, metric, 'Direct only');
  const coSoldSample = coSold && coSold.sampleSize !== null ? coSold.sampleSize : 0;
  const directSample = direct && direct.sampleSize !== null ? direct.sampleSize : 0;
  const measurable =
    coSoldSample > 0 && directSample > 0 && figure(coSold) !== null && figure(direct) !== null;
  const value = measurable ? measure(coSold.value, direct.value) : null;
  const lowConfidence = coSoldSample < minimumSampleSize || directSample < minimumSampleSize;
  return { value, insufficient: value === null, lowConfidence, coSoldSample, directSample };
}

/** Conversion uplift of co-sold over direct-only deals, per cloud, with the samples behind it. */
export function upliftRows(records, minimumSampleSize) {
  const find = indexByKey(records);
  return cloudsOf(records).map((cloud) => ({
    cloud,
    winRatePoints: uplift(find, cloud, 'Win Rate', minimumSampleSize, (c, d) => (c - d) * 100),
    dealSize: uplift(find, cloud, 'Average Deal Size', minimumSampleSize, (c, d) =>
      d === 0 ? null : c / d - 1,
    ),
    cycleDaysSaved: uplift(find, cloud, 'Median Cycle Days', minimumSampleSize, (c, d) => d - c),
  }));
}

/** Portal health per cloud: acceptance, time to accept, marketplace transactions, attach rate. */
export function healthRows(records) {
  const find = indexByKey(records);
  const pick = (cloud, metric) => {
    const record = find(cloud, metric, 'All');
    return { value: figure(record), sampleSize: record ? record.sampleSize : null };
  };
  return cloudsOf(records).map((cloud) => ({
    cloud,
    acceptanceRate: pick(cloud, 'Acceptance Rate'),
    medianHoursToAccept: pick(cloud, 'Median Hours To Accept'),
    marketplaceTransactions: pick(cloud, 'Marketplace Transactions'),
    partnerAttachRate: pick(cloud, 'Partner Attach Rate'),
  }));
}

/** The latest Computed_At__c among the records, so the reader knows how fresh the figures are. */
export function latestComputedAt(records) {
  return records.reduce(
    (latest, r) => (r.computedAt && (!latest || r.computedAt > latest) ? r.computedAt : latest),
    null,
  );
}
