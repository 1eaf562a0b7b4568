// The attribution page's trend section: for the chosen cloud (or all clouds), the last eight fiscal
// quarters of the CoSell_Metric__c summary as three charts, each with its text alternative.
import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { figureFormatter, trendCharts, trendClouds, trendPoints } from 'c/coSellTrendSeries';

import headingLabel from '@salesforce/label/c.CoSell_Trend_Heading';
import cloudLabel from '@salesforce/label/c.CoSell_Trend_Cloud';
import emptyLabel from '@salesforce/label/c.CoSell_Trend_Empty';
import allCloudsLabel from '@salesforce/label/c.CoSell_Attribution_All_Clouds';
import noDataLabel from '@salesforce/label/c.CoSell_Attribution_No_Data';
import pipelineLabel from '@salesforce/label/c.CoSell_Trend_Pipeline';
import healthLabel from '@salesforce/label/c.CoSell_Trend_Health';
import marketplaceLabel from '@salesforce/label/c.CoSell_Trend_Marketplace';
import quarterLabel from '@salesforce/label/c.CoSell_Trend_Quarter';
import datesLabel from '@salesforce/label/c.CoSell_Trend_Dates';
import sampleLabel from '@salesforce/label/c.CoSell_Trend_Sample';
import smallSampleLabel from '@salesforce/label/c.CoSell_Trend_Small_Sample';
import sourcedCountLabel from '@salesforce/label/c.CoSell_Attribution_Sourced_Count';
import sourcedValueLabel from '@salesforce/label/c.CoSell_Attribution_Sourced_Value';
import influencedCountLabel from '@salesforce/label/c.CoSell_Attribution_Influenced_Count';
import influencedValueLabel from '@salesforce/label/c.CoSell_Attribution_Influenced_Value';
import acceptanceLabel from '@salesforce/label/c.CoSell_Attribution_Acceptance';
import hoursToAcceptLabel from '@salesforce/label/c.CoSell_Attribution_Hours_To_Accept';
import marketplaceSeriesLabel from '@salesforce/label/c.CoSell_Attribution_Marketplace';

// The same minimum the service's attribution rule uses by default (DEFAULT_MIN_SAMPLE_SIZE).
const DEFAULT_MINIMUM_SAMPLE_SIZE = 10;

const TEXT = {
  pipeline: pipelineLabel,
  health: healthLabel,
  marketplace: marketplaceLabel,
  quarter: quarterLabel,
  dates: datesLabel,
  sample: sampleLabel,
  smallSample: smallSampleLabel,
  sourcedCount: sourcedCountLabel,
  sourcedValue: sourcedValueLabel,
  influencedCount: influencedCountLabel,
  influencedValue: influencedValueLabel,
  acceptance: acceptanceLabel,
  hoursToAccept: hoursToAcceptLabel,
  marketplaceSeries: marketplaceSeriesLabel,
};

export default class CoSellAttributionTrend extends LightningElement {
  /** Metric records as the attribution page reads them (toMetricRecord), every period. */
  @api records = [];
  /** Fewer figures than this behind a rate or median marks it as a small sample (it is still drawn). */
  @api minimumSampleSize = DEFAULT_MINIMUM_SAMPLE_SIZE;

  label = { headingLabel, cloudLabel, emptyLabel };
  chosenCloud;

  get clouds() {
    return trendClouds(this.records || []);
  }

  get selectedCloud() {
    return this.clouds.includes(this.chosenCloud) ? this.chosenCloud : this.clouds[0];
  }

  get cloudOptions() {
    return this.clouds.map((cloud) => ({
      label: cloud === 'All' ? allCloudsLabel : cloud,
      value: cloud,
    }));
  }

  get hasTrend() {
    return this.clouds.length > 0;
  }

  get charts() {
    const points = trendPoints(this.records || [], this.selectedCloud);
    const minimum = parseInt(this.minimumSampleSize, 10);
    return trendCharts(points, {
      formatter: figureFormatter(LOCALE, CURRENCY, noDataLabel),
      text: TEXT,
      minimumSampleSize:
        Number.isNaN(minimum) || minimum < 1 ? DEFAULT_MINIMUM_SAMPLE_SIZE : minimum,
    });
  }

  handleCloudChange(event) {
    this.chosenCloud = event.detail.value;
  }
}
