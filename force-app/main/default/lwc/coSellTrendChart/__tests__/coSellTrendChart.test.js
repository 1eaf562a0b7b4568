// One trend chart: Chart.js loaded from the static resource and drawn with the series' configuration,
// a description for screen readers, and a toggle to the same figures as a table.
import { createElement } from 'lwc';
import CoSellTrendChart from 'c/coSellTrendChart';
import { loadScript } from 'lightning/platformResourceLoader';
import { figureFormatter, trendCharts, trendPoints } from 'c/coSellTrendSeries';
import { toMetricRecord } from '../../coSellAttribution/metricTables';

const graphqlTrend = require('../../coSellAttributionTrend/__tests__/data/graphqlTrend.json');

// Loading the script, drawing and re-rendering each take a turn of the microtask queue.
const flushPromises = () =>
  [1, 2, 3, 4, 5].reduce((turn) => turn.then(() => Promise.resolve()), Promise.resolve());

const TEXT = {
  pipeline: 'Sourced vs influenced pipeline by quarter',
  health: 'Acceptance rate and median hours to accept by quarter',
  marketplace: 'Marketplace transactions by quarter',
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

function healthChart() {
  const records = graphqlTrend.uiapi.query.CoSell_Metric__c.edges.map((edge) =>
    toMetricRecord(edge.node),
  );
  return trendCharts(trendPoints(records, 'AWS'), {
    formatter: figureFormatter('en-US', 'USD', 'No data'),
    text: TEXT,
    minimumSampleSize: 10,
  })[1];
}

async function createChart(chart = healthChart()) {
  const element = createElement('c-co-sell-trend-chart', { is: CoSellTrendChart });
  element.chart = chart;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-co-sell-trend-chart', () => {
  let drawn;
  beforeEach(() => {
    drawn = [];
    window.Chart = jest.fn().mockImplementation((context, config) => {
      const instance = { config, destroy: jest.fn() };
      drawn.push(instance);
      return instance;
    });
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({});
  });
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    delete window.Chart;
    jest.restoreAllMocks();
    loadScript.mockReset();
    loadScript.mockResolvedValue();
  });

  it('loads Chart.js from the static resource and draws the series with its tooltips', async () => {
    const element = await createChart();
    expect(loadScript).toHaveBeenCalledTimes(1);
    expect(loadScript.mock.calls[0][1]).toContain('chartjs');
    expect(drawn).toHaveLength(1);
    const { config } = drawn[0];
    expect(config.data.datasets.map((d) => d.label)).toEqual([
      'Acceptance rate',
      'Median hours to accept',
    ]);
    expect(config.options.plugins.tooltip.callbacks.label({ datasetIndex: 0, dataIndex: 7 })).toBe(
      'Acceptance rate: 100% (sample of 2, small sample)',
    );
    expect(element.shadowRoot.querySelector('figcaption').textContent).toBe(TEXT.health);
  });

  it('describes the chart to screen readers', async () => {
    const element = await createChart();
    const canvas = element.shadowRoot.querySelector('canvas');
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe(TEXT.health);
    const description = element.shadowRoot.querySelector('.description');
    expect(canvas.getAttribute('aria-describedby')).toBe(description.id);
    expect(description.textContent).toContain('Acceptance rate: 100% in FY2025Q1');
  });

  it('toggles to a table of the same figures and back', async () => {
    const element = await createChart();
    expect(element.shadowRoot.querySelector('table.chart-table')).toBeNull();
    const toggle = element.shadowRoot.querySelector('lightning-button.toggle');
    expect(toggle.label).toBe('Show as table');
    toggle.click();
    await flushPromises();
    const table = element.shadowRoot.querySelector('table.chart-table');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Quarter',
      'Dates',
      'Acceptance rate',
      'Median hours to accept',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(8);
    const last = table.querySelector('tbody tr[data-period="FY2026Q4"]');
    expect(last.querySelector('th').textContent).toBe('FY2026Q4');
    expect(last.querySelector('td.acceptance').textContent).toBe(
      '100% (sample of 2, small sample)',
    );
    expect(last.querySelector('td.dates').textContent.replace(/[\u2009\u202f\u00a0]/g, ' ')).toBe(
      'Oct 1 – Dec 31, 2026',
    );
    expect(element.shadowRoot.querySelector('.chart-area').classList).toContain('slds-hide');
    expect(toggle.label).toBe('Show as chart');
    toggle.click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('table.chart-table')).toBeNull();
  });

  it('shows the table and says why when Chart.js cannot load', async () => {
    loadScript.mockRejectedValue(new Error('resource chartjs not found'));
    const element = await createChart();
    await flushPromises();
    expect(drawn).toHaveLength(0);
    expect(element.shadowRoot.querySelector('.chart-error').textContent).toBe(
      'The chart could not be drawn (resource chartjs not found); the table shows the same figures.',
    );
    expect(element.shadowRoot.querySelector('table.chart-table')).not.toBeNull();
  });

  it('releases the chart when removed', async () => {
    const element = await createChart();
    document.body.removeChild(element);
    expect(drawn[0].destroy).toHaveBeenCalled();
  });

  it('is accessible, as a chart and as a table', async () => {
    const element = await createChart();
    await expect(element).toBeAccessible();
    element.shadowRoot.querySelector('lightning-button.toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
