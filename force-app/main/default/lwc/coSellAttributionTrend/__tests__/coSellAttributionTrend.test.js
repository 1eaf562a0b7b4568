// The attribution page's trend section: a cloud picker and three charts built from the metric rows.
import { createElement } from 'lwc';
import CoSellAttributionTrend from 'c/coSellAttributionTrend';
import { toMetricRecord } from '../../coSellAttribution/metricTables';

const graphqlTrend = require('./data/graphqlTrend.json');
const apiTrend = require('./data/apiTrend.json');

const records = graphqlTrend.uiapi.query.CoSell_Metric__c.edges.map((edge) =>
  toMetricRecord(edge.node),
);
// Loading the script, drawing and re-rendering each take a turn of the microtask queue.
const flushPromises = () =>
  [1, 2, 3, 4, 5].reduce((turn) => turn.then(() => Promise.resolve()), Promise.resolve());

async function createTrend(props = {}) {
  const element = createElement('c-co-sell-attribution-trend', { is: CoSellAttributionTrend });
  Object.assign(element, { records, ...props });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const charts = (element) =>
  [...element.shadowRoot.querySelectorAll('c-co-sell-trend-chart')].map((node) => node.chart);

describe('c-co-sell-attribution-trend', () => {
  beforeEach(() => {
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({});
    window.Chart = jest.fn().mockImplementation(() => ({ destroy: jest.fn() }));
  });
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    delete window.Chart;
    jest.restoreAllMocks();
  });

  it('opens on all clouds, with the three charts over the last eight calendar quarters', async () => {
    const element = await createTrend();
    const picker = element.shadowRoot.querySelector('lightning-combobox.trend-cloud');
    expect(picker.value).toBe('All');
    expect(picker.options.map((o) => o.label)).toEqual([
      'All clouds',
      'AWS',
      'Microsoft',
      'Google',
    ]);
    const [pipeline, health, marketplace] = charts(element);
    expect([pipeline.title, health.title, marketplace.title]).toEqual([
      'Sourced vs influenced pipeline by quarter',
      'Acceptance rate and median hours to accept by quarter',
      'Marketplace transactions by quarter',
    ]);
    expect(pipeline.labels).toEqual(apiTrend.All.points.map((p) => p.period));
    expect(pipeline.datasets[0].values).toEqual(apiTrend.All.points.map((p) => p.sourced.value));
    expect(marketplace.datasets[0].values).toEqual(
      apiTrend.All.points.map((p) => p.marketplaceTransactions.count),
    );
  });

  it("switches every chart to the chosen cloud, in that cloud's fiscal quarters", async () => {
    const element = await createTrend();
    element.shadowRoot
      .querySelector('lightning-combobox.trend-cloud')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'Microsoft' } }));
    await flushPromises();
    const [pipeline, health] = charts(element);
    expect(pipeline.labels).toEqual(apiTrend.Microsoft.points.map((p) => p.period));
    expect(pipeline.datasets[1].values).toEqual(
      apiTrend.Microsoft.points.map((p) => p.influenced.value),
    );
    expect(health.datasets[0].values).toEqual(
      apiTrend.Microsoft.points.map((p) => p.acceptanceRate.value),
    );
    expect(health.datasets[0].smallSamples).toEqual(
      apiTrend.Microsoft.points.map((p) => p.acceptanceRate.smallSample),
    );
  });

  it('flags samples against the minimum an admin configured', async () => {
    const element = await createTrend({ minimumSampleSize: 1 });
    const health = charts(element)[1];
    expect(health.datasets[0].smallSamples.some((flag) => flag)).toBe(false);
  });

  it('says so when the service has written no quarter-by-quarter figures yet', async () => {
    const element = await createTrend({
      records: records.map((r) => ({ ...r, periodStart: null, periodEnd: null })),
    });
    expect(element.shadowRoot.querySelector('.trend-empty').textContent).toContain(
      'No quarter-by-quarter figures yet',
    );
    expect(charts(element)).toEqual([]);
  });

  it('is accessible', async () => {
    const element = await createTrend();
    await expect(element).toBeAccessible();
  });
});
