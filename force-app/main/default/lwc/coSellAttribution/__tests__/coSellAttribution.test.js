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

function table(element, name) {
  return element.shadowRoot.querySelector(`c-co-sell-metric-table.${name}`);
}

function rowOf(element, name, cloud) {
  return table(element, name).data.find((row) => row.key === cloud);
}

function cloudsIn(element, name) {
  return table(element, name).data.map((row) => row.cloud);
}

function columnOf(element, name, fieldName) {
  return table(element, name).columns.find((column) => column.fieldName === fieldName);
}

/** An uplift cell as the reader sees it: the figure, then its samples. */
function upliftText(element, cloud, fieldName) {
  const row = rowOf(element, 'uplift-table', cloud);
  return `${row[`${fieldName}Text`]} ${row[`${fieldName}Detail`]}`;
}

/** Sorts a table as a click on its column header does. */
async function sortBy(element, name, fieldName, sortDirection) {
  table(element, name).dispatchEvent(
    new CustomEvent('sort', { detail: { fieldName, sortDirection } }),
  );
  await flushPromises();
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
    expect(element.shadowRoot.querySelector('c-co-sell-metric-table')).toBeNull();
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
    expect(rowOf(element, 'pipeline', 'AWS').sourcedCount).toBe(14);
    expect(rowOf(element, 'pipeline', 'AWS').sourcedValue).toBe(2340000);
    expect(rowOf(element, 'pipeline', 'Microsoft').influencedCount).toBe(22);
    expect(rowOf(element, 'pipeline', 'Microsoft').influencedValue).toBe(3960000);
    expect(rowOf(element, 'pipeline', 'All').sourcedValue).toBe(4130000);
    expect(rowOf(element, 'pipeline', 'All').sourcedValueMissing).toBe(false);
  });

  it('labels each table with its heading and formats figures by column type: counts, whole dollars in the user currency, percentages', async () => {
    const element = await createDashboard();
    expect(
      [...element.shadowRoot.querySelectorAll('c-co-sell-metric-table')].map((t) => [
        t.ariaLabel,
        t.keyField,
      ]),
    ).toEqual([
      ['Sourced vs influenced pipeline', 'key'],
      ['Conversion uplift: co-sold vs direct-only deals', 'key'],
      ['Portal health', 'key'],
    ]);
    expect(table(element, 'pipeline').columns.map((c) => c.label)).toEqual([
      'Cloud',
      'Sourced deals',
      'Sourced value',
      'Influenced deals',
      'Influenced value',
    ]);
    expect(columnOf(element, 'pipeline', 'sourcedCount').typeAttributes).toMatchObject({
      formatStyle: 'decimal',
      maximumFractionDigits: 0,
    });
    expect(columnOf(element, 'pipeline', 'sourcedValue').typeAttributes).toMatchObject({
      formatStyle: 'currency',
      currencyCode: 'USD',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    expect(columnOf(element, 'health', 'acceptanceRate').typeAttributes).toMatchObject({
      formatStyle: 'percent',
      maximumFractionDigits: 1,
    });
    expect(columnOf(element, 'health', 'medianHoursToAccept').typeAttributes).toMatchObject({
      formatStyle: 'decimal',
      maximumFractionDigits: 1,
    });
    // Every column sorts; the figure columns say where a missing figure's "No data" comes from.
    ['pipeline', 'uplift-table', 'health'].forEach((name) =>
      table(element, name).columns.forEach((column) => expect(column.sortable).toBe(true)),
    );
    expect(columnOf(element, 'health', 'acceptanceRate').typeAttributes).toMatchObject({
      missing: { fieldName: 'acceptanceRateMissing' },
      missingText: 'No data',
    });
  });

  it('sorts a table by the column the reader picks, figures as numbers, the all-clouds row last', async () => {
    const element = await createDashboard();
    await sortBy(element, 'pipeline', 'sourcedValue', 'desc');
    const pipeline = table(element, 'pipeline');
    expect(pipeline.sortedBy).toBe('sourcedValue');
    expect(pipeline.sortedDirection).toBe('desc');
    const values = pipeline.data.slice(0, -1).map((row) => row.sourcedValue);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(pipeline.data[pipeline.data.length - 1].key).toBe('All');
    await sortBy(element, 'pipeline', 'cloud', 'asc');
    expect(cloudsIn(element, 'pipeline')).toEqual(['AWS', 'Google', 'Microsoft', 'All clouds']);
    // Sorting one table leaves the others in cloud order.
    expect(cloudsIn(element, 'health')).toEqual(['AWS', 'Microsoft', 'Google', 'All clouds']);
    // An uplift sorts by its figure; a cloud with no figure goes last in either direction.
    await sortBy(element, 'uplift-table', 'cycle', 'asc');
    expect(
      table(element, 'uplift-table')
        .data.map((row) => row.key)
        .pop(),
    ).toBe('All');
    const cycle = table(element, 'uplift-table').data.map((row) => row.key);
    expect(cycle.indexOf('Google')).toBe(cycle.length - 2);
    await sortBy(element, 'uplift-table', 'cycle', 'desc');
    const cycleDesc = table(element, 'uplift-table').data.map((row) => row.key);
    expect(cycleDesc.indexOf('Google')).toBe(cycleDesc.length - 2);
  });

  it('shows the uplift with its samples where both sides reach the minimum', async () => {
    const element = await createDashboard();
    expect(upliftText(element, 'AWS', 'winRate')).toBe(
      '+15 pts (24 co-sold vs 61 direct-only deals)',
    );
    expect(upliftText(element, 'AWS', 'dealSize')).toBe(
      '+31% (10 co-sold vs 16 direct-only deals)',
    );
    expect(upliftText(element, 'AWS', 'cycle')).toBe(
      '+22 days saved (10 co-sold vs 16 direct-only deals)',
    );
  });

  it('shows the uplift with its samples and a low-confidence marker when one side is below the minimum', async () => {
    const element = await createDashboard();
    expect(upliftText(element, 'Microsoft', 'winRate')).toBe(
      '+20 pts (8 co-sold vs 40 direct-only deals; low confidence, under 10 per side)',
    );
    expect(upliftText(element, 'Microsoft', 'dealSize')).toMatch(
      /^[+-]\d+% \(4 co-sold vs 12 direct-only deals; low confidence, under 10 per side\)$/,
    );
    expect(rowOf(element, 'uplift-table', 'Microsoft').winRateClass).toContain('low-confidence');
    expect(rowOf(element, 'uplift-table', 'AWS').winRateClass).toBe('uplift');
    // No closed deals measured at all for Google yet: nothing to show but the empty samples.
    expect(upliftText(element, 'Google', 'cycle')).toBe(
      'No data (0 co-sold vs 0 direct-only deals)',
    );
  });

  it('uses the minimum sample size an admin configured', async () => {
    const lenient = await createDashboard(mockMetrics, { minimumSampleSize: 8 });
    expect(upliftText(lenient, 'Microsoft', 'winRate')).toBe(
      '+20 pts (8 co-sold vs 40 direct-only deals)',
    );
    document.body.removeChild(lenient);

    const strict = await createDashboard(mockMetrics, { minimumSampleSize: 20 });
    expect(upliftText(strict, 'AWS', 'dealSize')).toBe(
      '+31% (10 co-sold vs 16 direct-only deals; low confidence, under 20 per side)',
    );
    expect(upliftText(strict, 'AWS', 'winRate')).toBe(
      '+15 pts (24 co-sold vs 61 direct-only deals)',
    );
  });

  it('shows portal health per cloud and "No data" where the service has no figure', async () => {
    const element = await createDashboard();
    expect(rowOf(element, 'health', 'AWS').acceptanceRate).toBe(0.58);
    expect(rowOf(element, 'health', 'AWS').medianHoursToAccept).toBe(30.5);
    expect(rowOf(element, 'health', 'Microsoft').marketplaceTransactions).toBe(3);
    expect(rowOf(element, 'health', 'Google')).toMatchObject({
      acceptanceRate: null,
      acceptanceRateMissing: true,
    });
    expect(rowOf(element, 'health', 'Google').marketplaceTransactions).toBe(1);
    expect(rowOf(element, 'health', 'All').partnerAttachRate).toBe(0.16);
  });

  it('switches every table and the CSV to the chosen fiscal period', async () => {
    const element = await createDashboard();
    element.shadowRoot
      .querySelector('lightning-combobox.period')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'FY2026Q4' } }));
    await flushPromises();
    expect(cloudsIn(element, 'pipeline')).toEqual(['AWS']);
    expect(rowOf(element, 'pipeline', 'AWS').sourcedValue).toBe(1820000);
    expect(upliftText(element, 'AWS', 'winRate')).toBe(
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
    expect(element.shadowRoot.querySelector('c-co-sell-metric-table')).toBeNull();
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
