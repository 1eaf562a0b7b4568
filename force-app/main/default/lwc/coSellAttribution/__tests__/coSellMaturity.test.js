// The maturity section of the attribution dashboard: the stage reached and, per stage, every marker's
// status, figure against target and source, from the marker rows the service writes to CoSell_Metric__c.
import { createElement } from 'lwc';
import CoSellAttribution from 'c/coSellAttribution';
import { graphql } from 'lightning/graphql';

const mockMaturity = require('./data/graphqlMaturity.json');
const mockMetrics = require('./data/graphql.json');

const flushPromises = () => Promise.resolve();

async function createDashboard(metrics = mockMaturity) {
  const element = createElement('c-co-sell-attribution', { is: CoSellAttribution });
  document.body.appendChild(element);
  graphql.emit(metrics);
  await flushPromises();
  return element;
}

function text(node) {
  return node.textContent.replace(/\s+/g, ' ').trim();
}

function markerRow(element, key) {
  const row = element.shadowRoot.querySelector(`table.maturity-table tr.marker[data-key="${key}"]`);
  return {
    marker: text(row.querySelector('.marker-name')),
    status: text(row.querySelector('.status')),
    met: row.querySelector('.status').classList.contains('met'),
    figure: text(row.querySelector('.figure')),
    source: text(row.querySelector('.source')),
  };
}

describe('c-co-sell-attribution maturity', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('names the highest stage reached from the latest assessment, not an older quarter', async () => {
    const element = await createDashboard();
    expect(text(element.shadowRoot.querySelector('.maturity-reached'))).toBe(
      'Stage reached: Listed and sharing (month 3)',
    );
    expect(text(element.shadowRoot.querySelector('.maturity-assessed'))).toBe(
      'Markers assessed Nov 24, 2026, 6:00 PM',
    );
    const stages = [...element.shadowRoot.querySelectorAll('table.maturity-table tbody')].map(
      (tbody) => [
        tbody.dataset.stage,
        text(tbody.querySelector('.stage-name')),
        text(tbody.querySelector('.stage-status')),
      ],
    );
    expect(stages).toEqual([
      ['1', 'Foundation (month 1)', 'Reached'],
      ['2', 'Listed and sharing (month 3)', 'Reached'],
      ['3', 'First transactions (month 6)', 'Not reached'],
      ['4', 'Repeatable co-sell (month 12)', 'Not reached'],
    ]);
  });

  it('lists each stage’s markers in order with status, figure vs target and source', async () => {
    const element = await createDashboard();
    const stageTwo = [
      ...element.shadowRoot.querySelectorAll('tbody[data-stage="2"] tr.marker'),
    ].map((tr) => text(tr.querySelector('.marker-name')));
    expect(stageTwo).toEqual([
      'marketplace listing live',
      'first deals submitted to a portal',
      'PDM rhythm established',
    ]);
    expect(markerRow(element, 'All|FY2026Q4|Maturity Marker|All|1.1')).toEqual({
      marker: 'first PDM relationship named',
      status: 'Met',
      met: true,
      figure: 'Yes (target Yes)',
      source: 'named counterparts (Partner Program layer)',
    });
    expect(markerRow(element, 'All|FY2026Q4|Maturity Marker|All|2.2').figure).toBe('7 (target 1)');
    expect(markerRow(element, 'All|FY2026Q4|Maturity Marker|All|3.2')).toMatchObject({
      status: 'Not met',
      met: false,
      figure: '3.2% (target 5%)',
    });
  });

  it('says when a figure is missing and gives the note behind a target', async () => {
    const element = await createDashboard();
    expect(markerRow(element, 'All|FY2026Q4|Maturity Marker|All|4.1').figure).toBe(
      'No data (target 50%)',
    );
    expect(markerRow(element, 'All|FY2026Q4|Maturity Marker|All|4.2')).toMatchObject({
      figure: '1 (target 2)',
      source:
        'attribution report (closed-won deals); 2 a quarter is the marker for a Customer-deployed product',
    });
  });

  it('shows "none yet" before the month-1 markers are met and an unrecorded fact as such', async () => {
    const older = {
      uiapi: {
        query: {
          CoSell_Metric__c: {
            edges: mockMaturity.uiapi.query.CoSell_Metric__c.edges.filter(
              (edge) => edge.node.Fiscal_Period__c.value === 'FY2026Q3',
            ),
          },
        },
      },
    };
    const element = await createDashboard(older);
    expect(text(element.shadowRoot.querySelector('.maturity-reached'))).toBe(
      'Stage reached: none yet. Every month-1 marker must be met first.',
    );
    expect(markerRow(element, 'All|FY2026Q3|Maturity Marker|All|1.1').figure).toBe(
      'Not recorded (target Yes)',
    );
    // Only markers: no figure tables, and not the empty state.
    expect(element.shadowRoot.querySelector('c-co-sell-metric-table')).toBeNull();
    expect(element.shadowRoot.querySelector('.empty')).toBeNull();
  });

  it('keeps the markers out of the figure tables and the CSV', async () => {
    const element = await createDashboard();
    const period = element.shadowRoot.querySelector('lightning-combobox.period');
    expect(period.options.map((o) => o.value)).toEqual(['FY2027Q1']);
    const pipeline = element.shadowRoot.querySelector('c-co-sell-metric-table.pipeline');
    expect(pipeline.data.map((row) => row.cloud)).toEqual(['AWS']);
    const href = element.shadowRoot.querySelector('a.download').getAttribute('href');
    expect(decodeURIComponent(href)).not.toContain('Maturity Marker');
  });

  it('has no maturity section when the service has written no markers', async () => {
    const element = await createDashboard(mockMetrics);
    expect(element.shadowRoot.querySelector('section.maturity')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await createDashboard();
    await expect(element).toBeAccessible();
  });
});
