// RevOps' co-sell dashboard: sourced vs influenced pipeline, conversion uplift with its samples, and
// portal health per cloud and hyperscaler fiscal period, from the CoSell_Metric__c summary the
// co-sell service writes; with a CSV of the figures on screen, and the maturity stage with the evidence
// behind each marker. The tables are sortable datatables (c-co-sell-metric-table); the figures and the
// maturity view are shaped in this folder's modules.
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { formatLabel, describeError } from 'c/coSellUtils';
import { toMetricRecord, fiscalPeriodsOf, latestComputedAt } from './metricTables';
import {
  PIPELINE_COLUMNS,
  UPLIFT_COLUMNS,
  HEALTH_COLUMNS,
  pipelineTable,
  upliftTable,
  healthTable,
  sortRows,
} from './attributionTables';
import { metricsCsv, csvDataUri } from './metricsCsv';
import { isMaturityNode, toMaturityMarker } from './maturityStages';
import { maturityDisplay } from './maturityDisplay';
import { formatWhen } from './figures';

import titleLabel from '@salesforce/label/c.CoSell_Attribution_Title';
import periodLabel from '@salesforce/label/c.CoSell_Attribution_Period';
import calendarNoteLabel from '@salesforce/label/c.CoSell_Attribution_Calendar_Note';
import pipelineHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Pipeline_Heading';
import upliftHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Uplift_Heading';
import healthHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Health_Heading';
import downloadLabel from '@salesforce/label/c.CoSell_Attribution_Download';
import emptyLabel from '@salesforce/label/c.CoSell_Attribution_Empty';
import computedAtLabel from '@salesforce/label/c.CoSell_Attribution_Computed_At';
import maturityHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Heading';
import maturityMarkerLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Marker';
import maturityStatusLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Status';
import maturityFigureHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Figure_Heading';
import maturitySourceLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Source';
import loadingLabel from '@salesforce/label/c.CoSell_Common_Loading';
import errorTitleLabel from '@salesforce/label/c.CoSell_Common_Error_Title';

// The service keeps one row per cloud, period, metric and segment (about 200 a quarter), so 2,000
// rows cover the last two to three years of quarters.
const METRICS_QUERY = gql`
  query coSellMetrics {
    uiapi {
      query {
        CoSell_Metric__c(first: 2000, orderBy: { Fiscal_Period__c: { order: DESC } }) {
          edges {
            node {
              Id
              Cloud__c {
                value
              }
              Fiscal_Period__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Metric__c {
                value
              }
              Segment__c {
                value
              }
              Value__c {
                value
              }
              Sample_Size__c {
                value
              }
              Computed_At__c {
                value
              }
              Metric_Key__c {
                value
              }
              Stage_Level__c {
                value
              }
              Stage__c {
                value
              }
              Stage_Reached__c {
                value
              }
              Marker__c {
                value
              }
              Met__c {
                value
              }
              Target__c {
                value
              }
              Unit__c {
                value
              }
              Source__c {
                value
              }
              Note__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// The same minimum the service's attribution rule uses by default (DEFAULT_MIN_SAMPLE_SIZE).
const DEFAULT_MINIMUM_SAMPLE_SIZE = 10;

export default class CoSellAttribution extends LightningElement {
  /** Fewest closed deals on each side before an uplift is shown; an admin can raise it in App Builder. */
  @api minimumSampleSize = DEFAULT_MINIMUM_SAMPLE_SIZE;

  label = {
    titleLabel,
    periodLabel,
    calendarNoteLabel,
    downloadLabel,
    emptyLabel,
    loadingLabel,
    errorTitleLabel,
    maturityHeadingLabel,
    maturityMarkerLabel,
    maturityStatusLabel,
    maturityFigureHeadingLabel,
    maturitySourceLabel,
  };

  records;
  maturityMarkers = [];
  loadError;
  selectedPeriod;
  /** The column each table is sorted by, by table name: { by, direction }; unsorted at first. */
  sorting = {};

  @wire(graphql, { query: METRICS_QUERY })
  wiredMetrics({ data, errors }) {
    if (data) {
      const nodes = data.uiapi.query.CoSell_Metric__c.edges.map((edge) => edge.node);
      // Maturity markers have their own section; the figure tables and the CSV keep to the figures.
      this.records = nodes.filter((node) => !isMaturityNode(node)).map(toMetricRecord);
      this.maturityMarkers = nodes.filter(isMaturityNode).map(toMaturityMarker);
      this.loadError = undefined;
      if (!this.periods.includes(this.selectedPeriod)) {
        this.selectedPeriod = this.periods[0];
      }
    } else if (errors) {
      this.records = undefined;
      this.loadError = describeError(errors);
    }
  }

  get isLoading() {
    return !this.records && !this.loadError;
  }

  get periods() {
    return fiscalPeriodsOf(this.records || []);
  }

  get hasMetrics() {
    return this.periods.length > 0;
  }

  get isEmpty() {
    return Boolean(this.records) && !this.hasMetrics && !this.hasMaturity;
  }

  get hasMaturity() {
    return this.maturityMarkers.length > 0;
  }

  /** The latest maturity assessment: the stage reached, then every stage with each marker's evidence. */
  get maturity() {
    return maturityDisplay(this.maturityMarkers);
  }

  get periodOptions() {
    return this.periods.map((period) => ({ label: period, value: period }));
  }

  get periodRecords() {
    return (this.records || []).filter((r) => r.fiscalPeriod === this.selectedPeriod);
  }

  get minimum() {
    const parsed = parseInt(this.minimumSampleSize, 10);
    return Number.isNaN(parsed) || parsed < 1 ? DEFAULT_MINIMUM_SAMPLE_SIZE : parsed;
  }

  get computedAtText() {
    const latest = latestComputedAt(this.periodRecords);
    return latest ? formatLabel(computedAtLabel, formatWhen(latest)) : null;
  }

  /** The three figure tables, each with its heading (also its accessible name) and sort. */
  get tables() {
    const records = this.periodRecords;
    return [
      ['pipeline', pipelineHeadingLabel, PIPELINE_COLUMNS, pipelineTable(records)],
      ['uplift-table', upliftHeadingLabel, UPLIFT_COLUMNS, upliftTable(records, this.minimum)],
      ['health', healthHeadingLabel, HEALTH_COLUMNS, healthTable(records)],
    ].map(([name, heading, columns, rows]) => {
      const { by, direction } = this.sorting[name] || {};
      return {
        name,
        heading,
        columns,
        rows: sortRows(rows, by, direction),
        sortedBy: by,
        sortedDirection: direction,
      };
    });
  }

  get csvHref() {
    return csvDataUri(metricsCsv(this.periodRecords));
  }

  get csvFileName() {
    return `cosell-metrics-${this.selectedPeriod}.csv`;
  }

  handlePeriodChange(event) {
    this.selectedPeriod = event.detail.value;
  }

  handleSort(event) {
    const { fieldName, sortDirection } = event.detail;
    this.sorting = {
      ...this.sorting,
      [event.target.dataset.table]: { by: fieldName, direction: sortDirection },
    };
  }
}
