// The trend's data shaping: metric rows written by the co-sell service, read back into the points,
// charts, tables and tooltips RevOps sees, checked against the series the service's API serves for
// the same deals (both fixtures come from scripts/generate-trend-fixture.ts).
import { toMetricRecord } from '../../coSellAttribution/metricTables';
import {
  chartJsConfig,
  figureFormatter,
  resolveColours,
  trendCharts,
  trendClouds,
  trendPoints,
  SERIES_COLOURS,
} from 'c/coSellTrendSeries';

const graphqlTrend = require('../../coSellAttributionTrend/__tests__/data/graphqlTrend.json');
const apiTrend = require('../../coSellAttributionTrend/__tests__/data/apiTrend.json');

const records = graphqlTrend.uiapi.query.CoSell_Metric__c.edges.map((edge) =>
  toMetricRecord(edge.node),
);
const formatter = figureFormatter('en-US', 'USD', 'No data');
const plain = (text) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');
const TEXT = {
  pipeline: 'Pipeline',
  health: 'Health',
  marketplace: 'Marketplace chart',
  quarter: 'Quarter',
  dates: 'Dates',
  sample: 'sample of {0}',
  smallSample: 'small sample',
  sourcedCount: 'Sourced deals',
  sourcedValue: 'Sourced value',
  influencedCount: 'Influenced deals',
  influencedValue: 'Influenced value',
  acceptance: 'Acceptance rate',
  hoursToAccept: 'Median hours to accept',
  marketplaceSeries: 'Marketplace transactions',
};

describe('c/coSellTrendSeries', () => {
  it('offers all clouds first, then each cloud with figures', () => {
    expect(trendClouds(records)).toEqual(['All', 'AWS', 'Microsoft', 'Google']);
    expect(trendClouds([])).toEqual([]);
  });

  it.each(['All', 'AWS', 'Microsoft'])(
    'reads the same eight quarters for %s as the API serves',
    (cloud) => {
      const points = trendPoints(records, cloud);
      const api = apiTrend[cloud].points;
      expect(points.map((p) => [p.period, p.periodStart, p.periodEnd])).toEqual(
        api.map((p) => [p.period, p.periodStart, p.periodEnd]),
      );
      points.forEach((point, i) => {
        expect(point).toMatchObject({
          sourcedCount: api[i].sourced.count,
          sourcedValue: api[i].sourced.value,
          influencedCount: api[i].influenced.count,
          influencedValue: api[i].influenced.value,
          acceptanceRate: {
            value: api[i].acceptanceRate.value,
            sample: api[i].acceptanceRate.sample,
          },
          hoursToAccept: {
            value: api[i].medianHoursToAccept.value,
            sample: api[i].medianHoursToAccept.sample,
          },
          marketplaceTransactions: api[i].marketplaceTransactions.count,
        });
      });
    },
  );

  it('leaves out quarters that had not begun when the figures were computed, and keeps the last eight', () => {
    const future = {
      ...records.find((r) => r.cloud === 'AWS'),
      fiscalPeriod: 'FY2027Q1',
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
    };
    const points = trendPoints([...records, future], 'AWS');
    expect(points.map((p) => p.period)).not.toContain('FY2027Q1');
    expect(points).toHaveLength(8);
    expect(trendPoints(records, 'AWS', 3).map((p) => p.period)).toEqual([
      'FY2026Q2',
      'FY2026Q3',
      'FY2026Q4',
    ]);
  });

  it("builds three charts whose tables and tooltips state each quarter's dates, figure and sample", () => {
    const charts = trendCharts(trendPoints(records, 'Microsoft'), {
      formatter,
      text: TEXT,
      minimumSampleSize: 10,
    });
    expect(charts.map((c) => c.key)).toEqual(['pipeline', 'health', 'marketplace']);
    const [pipeline, health, marketplace] = charts;
    expect(pipeline.datasets.map((d) => [d.label, d.kind, d.axis])).toEqual([
      ['Sourced value', 'bar', 'y'],
      ['Influenced value', 'bar', 'y'],
      ['Sourced deals', 'line', 'y1'],
      ['Influenced deals', 'line', 'y1'],
    ]);
    expect(plain(pipeline.dates[7])).toBe('Oct 1 – Dec 31, 2026');
    expect(plain(pipeline.rows[0].dates)).toBe('Jan 1 – Mar 31, 2025');
    expect(pipeline.rows[0]).toMatchObject({
      period: 'FY2025Q3',
      influenced: '$259,200 (sample of 1, small sample)',
      sourced: '$0 (sample of 0, small sample)',
    });
    expect(pipeline.columns.map((c) => c.label)).toEqual([
      'Quarter',
      'Dates',
      'Sourced value',
      'Influenced value',
      'Sourced deals',
      'Influenced deals',
    ]);
    // A small sample is drawn (the figure is in the data) and flagged, never dropped.
    expect(health.datasets[0].values[0]).toBe(1);
    expect(health.datasets[0].smallSamples[0]).toBe(true);
    expect(health.tooltips[0][0]).toBe('100% (sample of 1, small sample)');
    expect(health.tooltips[1][1]).toBe('No data (sample of 0, small sample)');
    expect(marketplace.rows[0].marketplace).toBe('1');
    expect(marketplace.description).toBe(
      'Marketplace chart, FY2025Q3–FY2027Q2. Marketplace transactions: 1 in FY2025Q3, 0 in FY2027Q2; highest 1 in FY2025Q3.',
    );
  });

  it('does not flag a sample that reaches the minimum', () => {
    const charts = trendCharts(trendPoints(records, 'Microsoft'), {
      formatter,
      text: TEXT,
      minimumSampleSize: 1,
    });
    expect(charts[1].tooltips[0][0]).toBe('100% (sample of 1)');
    expect(charts[1].datasets[0].smallSamples[0]).toBe(false);
  });

  it('takes series colours from the SLDS styling hooks, or the token values when the page has none', () => {
    const colours = resolveColours((token) =>
      token === '--slds-g-color-palette-blue-50' ? ' #014486 ' : '',
    );
    expect(colours.sourced).toBe('#014486');
    expect(colours.influenced).toBe(SERIES_COLOURS.influenced[1]);
    expect(Object.keys(colours)).toEqual(Object.keys(SERIES_COLOURS));
  });

  it('configures Chart.js with formatted axes and tooltips naming the quarter, its dates and the sample', () => {
    const [pipeline, health] = trendCharts(trendPoints(records, 'Microsoft'), {
      formatter,
      text: TEXT,
      minimumSampleSize: 10,
    });
    const colours = resolveColours(() => '');
    const config = chartJsConfig(pipeline, colours, formatter);
    expect(config.data.labels).toHaveLength(8);
    expect(config.data.datasets.map((d) => [d.type, d.yAxisID, d.backgroundColor])).toEqual([
      ['bar', 'y', '#0176d3'],
      ['bar', 'y', '#0b827c'],
      ['line', 'y1', '#0176d3'],
      ['line', 'y1', '#0b827c'],
    ]);
    expect(config.options.scales.y.ticks.callback(1500000)).toBe('$1,500,000');
    expect(config.options.scales.y1.ticks.callback(3)).toBe('3');
    expect(config.options.scales.y1.ticks.precision).toBe(0);
    expect(config.options.scales.y.ticks.precision).toBeUndefined();
    const { title, label } = config.options.plugins.tooltip.callbacks;
    expect(plain(title([{ dataIndex: 7 }]))).toBe('FY2027Q2 (Oct 1 – Dec 31, 2026)');
    expect(label({ datasetIndex: 1, dataIndex: 0 })).toBe(
      'Influenced value: $259,200 (sample of 1, small sample)',
    );
    const healthConfig = chartJsConfig(health, colours, formatter);
    expect(healthConfig.options.scales.y.ticks.callback(0.5)).toBe('50%');
    // No chart asks for a time axis: the static resource carries no date adapter for one.
    for (const chart of trendCharts(trendPoints(records, 'Microsoft'), {
      formatter,
      text: TEXT,
      minimumSampleSize: 10,
    })) {
      const { scales } = chartJsConfig(chart, colours, formatter).options;
      expect(Object.values(scales).map((axis) => axis.type)).toEqual(
        expect.arrayContaining(['category', 'linear']),
      );
      expect(
        Object.values(scales).every((axis) => ['category', 'linear'].includes(axis.type)),
      ).toBe(true);
    }
    // Small-sample points are hollow, the rest filled with the series colour.
    expect(healthConfig.data.datasets[0].pointBackgroundColor[0]).toBe('#ffffff');
  });
});
