// Writes the LWC test fixtures for the attribution trend from the middleware itself: the GraphQL
// answer the attribution page would get after the service's metric summary (metricSummaryRecords)
// over the deals in test/core/attribution/trend.test.ts, and the API's trend series for the same
// deals, so the component's tests check its charts against the series the API serves.
// Run: node --import ./scripts/bench/ts-resolve.mjs --experimental-transform-types scripts/generate-trend-fixture.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  attributionTrend,
  buildAttributionReport,
} from '../middleware/src/core/attribution/index.js';
import { metricSummaryRecords } from '../middleware/src/core/attribution/metric-summary.js';
import { twoYearsOfDeals } from '../test/core/attribution/fixtures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'force-app/main/default/lwc/coSellAttributionTrend/__tests__/data');
const now = new Date('2026-11-26T12:00:00Z');
const options = { reportingCurrency: 'USD', rates: { EUR: 1.08 }, now };

const deals = twoYearsOfDeals();
// The figures the trend draws; the rest of the summary (uplift, attach rate) is not the trend's to test.
const TREND_METRICS = new Set([
  'Pipeline Count',
  'Pipeline Value',
  'Acceptance Rate',
  'Median Hours To Accept',
  'Marketplace Transactions',
]);
const records = metricSummaryRecords(buildAttributionReport(deals, options), null, now).filter(
  (record) => TREND_METRICS.has(String(record.Metric__c)),
);
const edges = records.map((record, index) => ({
  node: {
    Id: `a03Hs0000${String(index).padStart(6, '0')}AAA`,
    ...Object.fromEntries(Object.entries(record).map(([field, value]) => [field, { value }])),
  },
}));
const trends = {
  All: attributionTrend(buildAttributionReport(deals, options)),
  AWS: attributionTrend(buildAttributionReport(deals, { ...options, cloud: 'AWS' })),
  Microsoft: attributionTrend(buildAttributionReport(deals, { ...options, cloud: 'Microsoft' })),
};
mkdirSync(OUT, { recursive: true });
writeFileSync(
  join(OUT, 'graphqlTrend.json'),
  `${JSON.stringify({ uiapi: { query: { CoSell_Metric__c: { edges } } } })}\n`,
);
writeFileSync(join(OUT, 'apiTrend.json'), `${JSON.stringify(trends, null, 1)}\n`);
console.log(`wrote ${edges.length} metric rows and ${Object.keys(trends).length} trends to ${OUT}`);
