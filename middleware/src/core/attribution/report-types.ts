// The shape of the attribution report: one row per scope (a cloud, or all clouds once) and fiscal
// quarter, the same shape the CLI prints, the service returns and the dashboard summary stores.
import type { Cloud } from '../model.js';
import type { Quarter } from '../fiscal.js';

/** A row is about one cloud, or about every cloud with each opportunity counted once. */
export type ReportScope = Cloud | 'All clouds';

export interface CountAndValue {
  count: number;
  /** Sum of amounts in the reporting currency (opportunities without an amount add 0). */
  value: number;
}

/** The uplift cannot be computed at all: a side has no deal to measure (or a zero direct-only average). */
export const NO_DATA = 'no data' as const;

/**
 * An uplift figure with the samples behind it. Below the minimum sample on either side the figure is
 * still shown, marked low confidence: the guide asks for the uplift itself and a small ISV's first
 * quarters never reach ten deals a side (the minimum is our number, not the guide's).
 */
export type UpliftMeasure =
  | {
      status: 'measured';
      value: number;
      lowConfidence: boolean;
      coSoldSample: number;
      directOnlySample: number;
      minSampleSize: number;
    }
  | {
      status: typeof NO_DATA;
      coSoldSample: number;
      directOnlySample: number;
      minSampleSize: number;
    };

export interface ConversionSide {
  /** Closed (won or lost) deals: the win-rate sample. */
  closed: number;
  won: number;
  winRate: number | null;
  /** Won deals with an amount: the deal-size sample. */
  wonWithAmount: number;
  averageDealSize: number | null;
  /** CreatedDate to CloseDate of won deals, in days. */
  medianCycleDays: number | null;
}

export interface Conversion {
  /** Deals attributed (sourced or influenced) to the row's scope. */
  coSold: ConversionSide;
  /** Deals with no hyperscaler attribution on any cloud. */
  directOnly: ConversionSide;
  uplift: {
    /** Co-sold win rate minus direct-only win rate, in percentage points. */
    winRatePoints: UpliftMeasure;
    /** Co-sold average won deal size over direct-only, minus 1 (0.25 = a quarter larger). */
    dealSize: UpliftMeasure;
    /** Direct-only median cycle days minus co-sold median cycle days (positive = co-sell closes faster). */
    cycleDaysSaved: UpliftMeasure;
  };
}

export interface PortalHealth {
  /** Engagements submitted in the period (by submission date). */
  submitted: number;
  accepted: number;
  /** Rejected or expired without acceptance. */
  declined: number;
  /** Still in review, action required, or closed without a decision. */
  undecided: number;
  /** accepted / (accepted + declined): undecided engagements do not drag the rate down. */
  acceptanceRate: number | null;
  timeToAccept: {
    sample: number;
    medianHours: number | null;
    p90Hours: number | null;
    medianDays: number | null;
    p90Days: number | null;
  };
}

export interface PartnerAttach {
  /** Closed-won deals that are not renewals. */
  newBusinessWon: CountAndValue;
  /** Of those, the ones with hyperscaler attribution in the row's scope. */
  attributed: CountAndValue;
  rateByCount: number | null;
  rateByValue: number | null;
}

export interface AttributionPeriodRow {
  scope: ReportScope;
  /** The fiscal calendar the period follows: the cloud's own, or the calendar year for all clouds. */
  calendar: Cloud | 'Calendar year';
  fiscalYear: number;
  quarter: Quarter;
  /** `FY2027Q1`. */
  period: string;
  periodStart: string;
  periodEnd: string;
  /** Every opportunity whose CloseDate falls in the period. */
  opportunities: CountAndValue;
  sourced: CountAndValue;
  influenced: CountAndValue;
  none: CountAndValue;
  /** Sourced plus influenced, with where those deals stand. */
  coSellPipeline: CountAndValue & { open: CountAndValue; stages: Record<string, CountAndValue> };
  conversion: Conversion;
  portalHealth: PortalHealth;
  /** Closed-won deals routed through the cloud's marketplace. */
  marketplaceTransactions: CountAndValue;
  partnerAttach: PartnerAttach;
  /** Opportunities in the period with no Amount (counted, valued at 0). */
  amountMissing: number;
}

export interface AttributionReport {
  generatedAt: string;
  reportingCurrency: string;
  cloud: Cloud | null;
  /** `FY2027Q1`, `FY2027` for a whole year, or null for every period in the data. */
  period: string | null;
  /** Deals each side needs before an uplift is not marked low confidence. */
  minSampleSize: number;
  /** One row per cloud and fiscal quarter (the cloud's calendar). */
  rows: AttributionPeriodRow[];
  /** One row per calendar-year quarter over all clouds, each opportunity once; empty when a cloud is chosen. */
  totals: AttributionPeriodRow[];
}
