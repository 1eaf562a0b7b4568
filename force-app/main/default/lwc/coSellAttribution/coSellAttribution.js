// RevOps' co-sell dashboard: sourced vs influenced pipeline, conversion uplift with its samples, and
// portal health per cloud and hyperscaler fiscal period, from the CoSell_Metric__c summary the
// co-sell service writes; with a CSV of the figures on screen, and the maturity stage with the evidence
// behind each marker.
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatLabel, describeError } from 'c/coSellUtils';
import {
  toMetricRecord,
  fiscalPeriodsOf,
  pipelineRows,
  upliftRows,
  healthRows,
  latestComputedAt,
} from './metricTables';
import { metricsCsv, csvDataUri } from './metricsCsv';
import { isMaturityNode, toMaturityMarker, maturityView } from './maturityStages';

import titleLabel from '@salesforce/label/c.CoSell_Attribution_Title';
import periodLabel from '@salesforce/label/c.CoSell_Attribution_Period';
import calendarNoteLabel from '@salesforce/label/c.CoSell_Attribution_Calendar_Note';
import pipelineHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Pipeline_Heading';
import upliftHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Uplift_Heading';
import healthHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Health_Heading';
import cloudLabel from '@salesforce/label/c.CoSell_Attribution_Cloud';
import allCloudsLabel from '@salesforce/label/c.CoSell_Attribution_All_Clouds';
import sourcedCountLabel from '@salesforce/label/c.CoSell_Attribution_Sourced_Count';
import sourcedValueLabel from '@salesforce/label/c.CoSell_Attribution_Sourced_Value';
import influencedCountLabel from '@salesforce/label/c.CoSell_Attribution_Influenced_Count';
import influencedValueLabel from '@salesforce/label/c.CoSell_Attribution_Influenced_Value';
import winRateLabel from '@salesforce/label/c.CoSell_Attribution_Win_Rate_Uplift';
import dealSizeLabel from '@salesforce/label/c.CoSell_Attribution_Deal_Size_Uplift';
import cycleLabel from '@salesforce/label/c.CoSell_Attribution_Cycle_Saved';
import pointsLabel from '@salesforce/label/c.CoSell_Attribution_Points';
import daysSavedLabel from '@salesforce/label/c.CoSell_Attribution_Days_Saved';
import sampleLabel from '@salesforce/label/c.CoSell_Attribution_Sample';
import lowConfidenceLabel from '@salesforce/label/c.CoSell_Attribution_Low_Confidence';
import acceptanceLabel from '@salesforce/label/c.CoSell_Attribution_Acceptance';
import hoursToAcceptLabel from '@salesforce/label/c.CoSell_Attribution_Hours_To_Accept';
import marketplaceLabel from '@salesforce/label/c.CoSell_Attribution_Marketplace';
import attachLabel from '@salesforce/label/c.CoSell_Attribution_Attach';
import noDataLabel from '@salesforce/label/c.CoSell_Attribution_No_Data';
import downloadLabel from '@salesforce/label/c.CoSell_Attribution_Download';
import emptyLabel from '@salesforce/label/c.CoSell_Attribution_Empty';
import computedAtLabel from '@salesforce/label/c.CoSell_Attribution_Computed_At';
import maturityHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Heading';
import maturityReachedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Reached';
import maturityNotStartedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Not_Started';
import maturityAssessedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Assessed';
import maturityStageLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Stage';
import maturityMarkerLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Marker';
import maturityStatusLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Status';
import maturityFigureHeadingLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Figure_Heading';
import maturitySourceLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Source';
import maturityFigureLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Figure';
import maturityMetLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Met';
import maturityNotMetLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Not_Met';
import maturityStageReachedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Stage_Reached';
import maturityStageNotReachedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Stage_Not_Reached';
import maturityYesLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Yes';
import maturityNoLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_No';
import maturityNotRecordedLabel from '@salesforce/label/c.CoSell_Attribution_Maturity_Not_Recorded';
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
    pipelineHeadingLabel,
    upliftHeadingLabel,
    healthHeadingLabel,
    cloudLabel,
    sourcedCountLabel,
    sourcedValueLabel,
    influencedCountLabel,
    influencedValueLabel,
    winRateLabel,
    dealSizeLabel,
    cycleLabel,
    acceptanceLabel,
    hoursToAcceptLabel,
    marketplaceLabel,
    attachLabel,
    downloadLabel,
    emptyLabel,
    loadingLabel,
    errorTitleLabel,
    maturityHeadingLabel,
    maturityStageLabel,
    maturityMarkerLabel,
    maturityStatusLabel,
    maturityFigureHeadingLabel,
    maturitySourceLabel,
  };

  records;
  maturityMarkers = [];
  loadError;
  selectedPeriod;

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
    const view = maturityView(this.maturityMarkers);
    if (!view) {
      return null;
    }
    return {
      reachedText: view.reached
        ? formatLabel(maturityReachedLabel, view.reached.stage)
        : maturityNotStartedLabel,
      assessedText: view.computedAt
        ? formatLabel(maturityAssessedLabel, this.formatWhen(view.computedAt))
        : null,
      stages: view.stages.map((stage) => ({
        key: `stage-${stage.level}`,
        level: stage.level,
        name: stage.stage,
        statusText: stage.reached ? maturityStageReachedLabel : maturityStageNotReachedLabel,
        className: stage.reached ? 'stage reached' : 'stage not-reached',
        markers: stage.markers.map((m) => ({
          key: m.key || m.id,
          marker: m.marker,
          statusText: m.met ? maturityMetLabel : maturityNotMetLabel,
          statusClass: m.met
            ? 'status met slds-text-color_success'
            : 'status not-met slds-text-color_error',
          figure: formatLabel(
            maturityFigureLabel,
            markerFigure(m.value, m.unit),
            markerFigure(m.target, m.unit),
          ),
          source: m.note ? `${m.source}; ${m.note}` : m.source,
        })),
      })),
    };
  }

  formatWhen(instant) {
    return new Intl.DateTimeFormat(LOCALE, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    }).format(new Date(instant));
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
    if (!latest) {
      return null;
    }
    const when = new Intl.DateTimeFormat(LOCALE, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    }).format(new Date(latest));
    return formatLabel(computedAtLabel, when);
  }

  get pipeline() {
    return pipelineRows(this.periodRecords).map((row) => ({
      key: row.cloud,
      cloud: cloudName(row.cloud),
      sourcedCount: formatCount(row.sourcedCount),
      sourcedValue: formatMoney(row.sourcedValue),
      influencedCount: formatCount(row.influencedCount),
      influencedValue: formatMoney(row.influencedValue),
    }));
  }

  get uplift() {
    return upliftRows(this.periodRecords, this.minimum).map((row) => ({
      key: row.cloud,
      cloud: cloudName(row.cloud),
      winRate: this.upliftCell(row.winRatePoints, (v) => formatLabel(pointsLabel, signed(v, 1))),
      dealSize: this.upliftCell(row.dealSize, (v) => signedPercent(v)),
      cycle: this.upliftCell(row.cycleDaysSaved, (v) => formatLabel(daysSavedLabel, signed(v, 0))),
    }));
  }

  // A small sample still shows its figure, marked low confidence; only a side with no deal has none.
  upliftCell(measure, format) {
    let detail = formatLabel(sampleLabel, measure.coSoldSample, measure.directSample);
    if (!measure.insufficient && measure.lowConfidence) {
      detail = formatLabel(
        lowConfidenceLabel,
        this.minimum,
        measure.coSoldSample,
        measure.directSample,
      );
    }
    let className = 'uplift';
    if (measure.insufficient) {
      className = 'uplift insufficient slds-text-color_weak';
    } else if (measure.lowConfidence) {
      className = 'uplift low-confidence';
    }
    return {
      insufficient: measure.insufficient,
      lowConfidence: measure.lowConfidence,
      text: measure.insufficient ? noDataLabel : format(measure.value),
      detail,
      className,
    };
  }

  get health() {
    return healthRows(this.periodRecords).map((row) => ({
      key: row.cloud,
      cloud: cloudName(row.cloud),
      acceptanceRate: formatPercent(row.acceptanceRate.value),
      medianHoursToAccept: formatNumber(row.medianHoursToAccept.value, 1),
      marketplaceTransactions: formatCount(row.marketplaceTransactions.value),
      partnerAttachRate: formatPercent(row.partnerAttachRate.value),
    }));
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
}

// Yes/No facts are stored as 1 or 0 and unknown as empty; shares are ratios; the rest plain numbers.
function markerFigure(value, unit) {
  if (unit === 'Yes/No') {
    if (value === null || value === undefined) {
      return maturityNotRecordedLabel;
    }
    return value >= 1 ? maturityYesLabel : maturityNoLabel;
  }
  if (unit === 'Share') {
    return formatPercent(value);
  }
  return formatNumber(value, 2);
}

function cloudName(cloud) {
  return cloud === 'All' ? allCloudsLabel : cloud;
}

function formatNumber(value, fractionDigits) {
  if (value === null || value === undefined) {
    return noDataLabel;
  }
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: fractionDigits }).format(value);
}

function formatCount(value) {
  return formatNumber(value, 0);
}

function formatMoney(value) {
  if (value === null || value === undefined) {
    return noDataLabel;
  }
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency: CURRENCY,
    maximumFractionDigits: 0,
  }).format(value);
}

// Rates arrive as ratios (0.42 = 42 %), as the service's attribution rule computes them.
function formatPercent(ratio) {
  if (ratio === null || ratio === undefined) {
    return noDataLabel;
  }
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio,
  );
}

function signed(value, fractionDigits) {
  return new Intl.NumberFormat(LOCALE, {
    maximumFractionDigits: fractionDigits,
    signDisplay: 'exceptZero',
  }).format(value);
}

function signedPercent(ratio) {
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(ratio);
}
