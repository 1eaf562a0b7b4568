// One trend chart with its text alternative: Chart.js (the static resource, loaded once per page with
// lightning/platformResourceLoader) draws the chart the series module configured; a toggle swaps it for
// a table of the same figures, and the canvas carries a description for screen readers.
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import CHART_JS from '@salesforce/resourceUrl/chartjs';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { chartJsConfig, figureFormatter, resolveColours } from 'c/coSellTrendSeries';
import { formatLabel } from 'c/coSellUtils';

import showTableLabel from '@salesforce/label/c.CoSell_Trend_Show_Table';
import showChartLabel from '@salesforce/label/c.CoSell_Trend_Show_Chart';
import chartErrorLabel from '@salesforce/label/c.CoSell_Trend_Chart_Error';
import noDataLabel from '@salesforce/label/c.CoSell_Attribution_No_Data';

export default class CoSellTrendChart extends LightningElement {
  /** One chart from trendCharts(): title, labels, datasets, description, table columns and rows. */
  @api
  get chart() {
    return this._chart;
  }
  set chart(value) {
    this._chart = value;
    this.drawn = false;
  }

  showTable = false;
  drawError;
  _chart;
  drawn = false;
  instance;

  get toggleLabel() {
    return this.showTable ? showChartLabel : showTableLabel;
  }

  get toggleTitle() {
    return `${this.toggleLabel}: ${this._chart ? this._chart.title : ''}`;
  }

  /** The chart's figures as table rows: the quarter heads each row, then one cell per column. */
  get tableRows() {
    const [first, ...rest] = this._chart.columns;
    return this._chart.rows.map((row) => ({
      key: row.period,
      first: { label: first.label, value: row[first.fieldName] },
      cells: rest.map((column) => ({
        key: column.fieldName,
        label: column.label,
        value: row[column.fieldName],
      })),
    }));
  }

  get errorText() {
    return this.drawError ? formatLabel(chartErrorLabel, this.drawError) : null;
  }

  get canvasClass() {
    return this.showTable ? 'chart-area slds-hide' : 'chart-area';
  }

  handleToggle() {
    this.showTable = !this.showTable;
  }

  renderedCallback() {
    if (this.drawn || !this._chart) {
      return;
    }
    this.drawn = true;
    loadScript(this, CHART_JS)
      .then(() => this.draw())
      .catch((error) => {
        this.drawError = (error && error.message) || String(error);
        this.showTable = true;
      });
  }

  disconnectedCallback() {
    if (this.instance) {
      this.instance.destroy();
      this.instance = undefined;
    }
    this.drawn = false;
  }

  draw() {
    const canvas = this.template.querySelector('canvas');
    // window.Chart: the UMD build registers itself globally when the static resource loads.
    if (!canvas || !window.Chart) {
      return;
    }
    const style = getComputedStyle(this.template.host);
    const colours = resolveColours((token) => style.getPropertyValue(token));
    if (this.instance) {
      this.instance.destroy();
    }
    // Chart.js instruments its data arrays (it defines a property on each), which the read-only
    // proxy LWC hands a child for an @api value refuses: draw from a plain copy.
    const chart = JSON.parse(JSON.stringify(this._chart));
    this.instance = new window.Chart(
      canvas.getContext('2d'),
      chartJsConfig(chart, colours, figureFormatter(LOCALE, CURRENCY, noDataLabel)),
    );
  }
}
