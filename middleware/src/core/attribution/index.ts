// Public surface of the attribution rules and RevOps metrics.
export {
  DECLINED_STATUSES,
  JOINT_WORK_STATUSES,
  attributionFor,
  isCloudEngaged,
  opportunityAttribution,
  originatingCloudGap,
  originatingCloudOf,
  strongerAttribution,
  type OriginatingCloudGap,
} from './attribution.js';
export {
  ExchangeRateSettingError,
  MissingExchangeRateError,
  currencyConverter,
  type CurrencyConverter,
} from './exchange-rates.js';
export { WholeNumberSample, median, quantile } from './percentiles.js';
export {
  AttributionReportOptionError,
  DEFAULT_MIN_SAMPLE_SIZE,
  buildAttributionReport,
  createAttributionReport,
  periodIdentity,
  type AttributionReportOptions,
} from './report.js';
export {
  DEFAULT_TREND_QUARTERS,
  MAX_TREND_QUARTERS,
  attributionTrend,
  attributionTrendRows,
  trendQuarters,
  trendRows,
  withTrendQuarters,
  type AttributionTrend,
  type SampledFigure,
  type TrendDirection,
  type TrendPoint,
} from './trend.js';
export * from './report-types.js';
export { attributionReportRows, type ReportCell } from './report-rows.js';
export { counterpartCoverage, type CloudCounterpartCoverage } from './counterpart-coverage.js';
export {
  attributionTraceability,
  traceabilityTally,
  type AttributionTraceability,
  type TraceabilityTally,
} from './traceability.js';
