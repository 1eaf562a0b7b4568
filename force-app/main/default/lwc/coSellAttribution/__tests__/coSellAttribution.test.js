// What RevOps sees in the attribution dashboard, driven by emitted GraphQL metric rows.
import { createElement } from 'lwc';
import CoSellAttribution from 'c/coSellAttribution';
import { graphql } from 'lightning/graphql';

const mockMetrics = require('./data/graphql.json');

const flushPromises = () => Promise.resolve();

async function createDashboard(metrics = mockMetrics, props = {}) {
  const element = createElement('c-co-sell-attribution', { is: CoSellAttribution });
  Object.assign(element, props);
  document.body.appendChild(element);
  graphql.emit(metrics);
  await flushPromises();
  return element;
}

function cellText(element, table, cloud, cell) {
  const node = element.shadowRoot.querySelector(
    `table.${table} tr[data-cloud="${cloud}"] .${cell}`,
  );
  return node.textContent.replace(/\s+/g, ' ').trim();
}

function cloudsIn(element, table) {
  return [...element.shadowRoot.querySelectorAll(`table.${table} tbody tr`)].map((tr) =>
    tr.querySelector('th').textContent.trim(),
  );
}

function csvOf(element) {
  const href = element.shadowRoot.querySelector('a.download').getAttribute('href');
  expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
  return decodeURIComponent(href.substring('data:text/csv;charset=utf-8,'.length));
}

describe('c-co-sell-attribution', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner until the metrics arrive', () => {
    const element = createElement('c-co-sell-attribution', { is: CoSellAttribution });
    document.body.appendChild(element);
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot.querySelector('table')).toBeNull();
  });

  it('opens on the latest fiscal period and offers every period present', async () => {
    const element = await createDashboard();
    const period = element.shadowRoot.querySelector('lightning-combobox.period');
    expect(period.value).toBe('FY2027Q1');
    expect(period.options.map((o) => o.value)).toEqual(['FY2027Q1', 'FY2026Q4']);
    expect(element.shadowRoot.querySelector('.computed-at').textContent).toBe(
      'Figures computed Nov 24, 2026, 6:00 PM',
    );
  });

  it('shows sourced vs influenced pipeline per cloud, then across clouds', async () => {
    const element = await createDashboard();
    expect(cloudsIn(element, 'pipeline')).toEqual(['AWS', 'Microsoft', 'Google', 'All clouds']);
    expect(cellText(element, 'pipeline', 'AWS', 'sourced-count')).toBe('14');
    expect(cellText(element, 'pipeline', 'AWS', 'sourced-value')).toBe('$2,340,000');
    expect(cellText(element, 'pipeline', 'Microsoft', 'influenced-count')).toBe('22');
    expect(cellText(element, 'pipeline', 'Microsoft', 'influenced-value')).toBe('$3,960,000');
    expect(cellText(element, 'pipeline', 'All', 'sourced-value')).toBe('$4,130,000');
  });

  it('shows the uplift with its samples where both sides reach the minimum', async () => {
    const element = await createDashboard();
    expect(cellText(element, 'uplift-table', 'AWS', 'win-rate')).toBe(
      '+15 pts (24 co-sold vs 61 direct-only deals)',
    );
    expect(cellText(element, 'uplift-table', 'AWS', 'deal-size')).toBe(
      '+31% (10 co-sold vs 16 direct-only deals)',
    );
    expect(cellText(element, 'uplift-table', 'AWS', 'cycle')).toBe(
      '+22 days saved (10 co-sold vs 16 direct-only deals)',
    );
  });

  it('shows the uplift with its samples and a low-confidence marker when one side is below the minimum', async () => {
    const element = await createDashboard();
    expect(cellText(element, 'uplift-table', 'Microsoft', 'win-rate')).toBe(
      '+20 pts (8 co-sold vs 40 direct-only deals; low confidence, under 10 per side)',
    );
    expect(cellText(element, 'uplift-table', 'Microsoft', 'deal-size')).toMatch(
      /^[+-]\d+% \(4 co-sold vs 12 direct-only deals; low confidence, under 10 per side\)$/,
    );
    const marked = element.shadowRoot.querySelector(
      '.uplift-table tr[data-cloud="Microsoft"] td.win-rate .uplift',
    );
    expect(marked.className).toContain('low-confidence');
    // No closed deals measured at all for Google yet: nothing to show but the empty samples.
    expect(cellText(element, 'uplift-table', 'Google', 'cycle')).toBe(
      'No data (0 co-sold vs 0 direct-only deals)',
    );
  });

  it('uses the minimum sample size an admin configured', async () => {
    const lenient = await createDashboard(mockMetrics, { minimumSampleSize: 8 });
    expect(cellText(lenient, 'uplift-table', 'Microsoft', 'win-rate')).toBe(
      '+20 pts (8 co-sold vs 40 direct-only deals)',
    );
    document.body.removeChild(lenient);

    const strict = await createDashboard(mockMetrics, { minimumSampleSize: 20 });
    expect(cellText(strict, 'uplift-table', 'AWS', 'deal-size')).toBe(
      '+31% (10 co-sold vs 16 direct-only deals; low confidence, under 20 per side)',
    );
    expect(cellText(strict, 'uplift-table', 'AWS', 'win-rate')).toBe(
      '+15 pts (24 co-sold vs 61 direct-only deals)',
    );
  });

  it('shows portal health per cloud and "No data" where the service has no figure', async () => {
    const element = await createDashboard();
    expect(cellText(element, 'health', 'AWS', 'acceptance')).toBe('58%');
    expect(cellText(element, 'health', 'AWS', 'hours-to-accept')).toBe('30.5');
    expect(cellText(element, 'health', 'Microsoft', 'marketplace')).toBe('3');
    expect(cellText(element, 'health', 'Google', 'acceptance')).toBe('No data');
    expect(cellText(element, 'health', 'Google', 'marketplace')).toBe('1');
    expect(cellText(element, 'health', 'All', 'attach')).toBe('16%');
  });

  it('switches every table and the CSV to the chosen fiscal period', async () => {
    const element = await createDashboard();
    element.shadowRoot
      .querySelector('lightning-combobox.period')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'FY2026Q4' } }));
    await flushPromises();
    expect(cloudsIn(element, 'pipeline')).toEqual(['AWS']);
    expect(cellText(element, 'pipeline', 'AWS', 'sourced-value')).toBe('$1,820,000');
    expect(cellText(element, 'uplift-table', 'AWS', 'win-rate')).toBe(
      'No data (0 co-sold vs 0 direct-only deals)',
    );
    expect(element.shadowRoot.querySelector('a.download').getAttribute('download')).toBe(
      'cosell-metrics-FY2026Q4.csv',
    );
    expect(csvOf(element).trim().split('\r\n')).toHaveLength(5);
  });

  it('downloads the figures on screen as CSV', async () => {
    const element = await createDashboard();
    const link = element.shadowRoot.querySelector('a.download');
    expect(link.getAttribute('download')).toBe('cosell-metrics-FY2027Q1.csv');
    const lines = csvOf(element).trim().split('\r\n');
    expect(lines[0]).toBe('Cloud,Fiscal period,Metric,Segment,Value,Sample size,Computed at');
    expect(lines).toHaveLength(1 + 36);
    expect(lines).toContain('AWS,FY2027Q1,Win Rate,Co-sold,0.42,24,2026-11-25T02:00:00.000Z');
    expect(lines).toContain(
      'All,FY2027Q1,Partner Attach Rate,All,0.16,112,2026-11-25T02:00:00.000Z',
    );
  });

  it('shows the empty state when the service has written no metrics yet', async () => {
    const element = await createDashboard({
      uiapi: { query: { CoSell_Metric__c: { edges: [] } } },
    });
    expect(element.shadowRoot.querySelector('.empty').textContent).toBe(
      'No co-sell metrics yet. The co-sell service writes them after its first attribution run.',
    );
    expect(element.shadowRoot.querySelector('table')).toBeNull();
    expect(element.shadowRoot.querySelector('a.download')).toBeNull();
  });

  it('shows the GraphQL errors, e.g. when the user may not read the metrics', async () => {
    const element = createElement('c-co-sell-attribution', { is: CoSellAttribution });
    document.body.appendChild(element);
    graphql.emitErrors([
      { message: 'Object CoSell_Metric__c is not supported in UI API or is not accessible' },
    ]);
    await flushPromises();
    expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
    expect(element.shadowRoot.querySelector('.load-error').textContent).toContain(
      'Object CoSell_Metric__c is not supported in UI API or is not accessible',
    );
  });

  it('is accessible', async () => {
    const element = await createDashboard();
    await expect(element).toBeAccessible();
  });
});
