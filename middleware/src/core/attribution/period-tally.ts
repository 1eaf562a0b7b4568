// Running totals for one report row. Everything is a counter or a whole-day histogram except the
// per-engagement hours to accept that the median and p90 need, so memory stays flat as rows stream.
import type { Attribution, Engagement } from '../model.js';
import { DECLINED_STATUSES, JOINT_WORK_STATUSES } from './attribution.js';
import { ownString } from '../own-string.js';
import { WholeNumberSample, median, quantile } from './percentiles.js';
import {
  NO_DATA,
  type AttributionPeriodRow,
  type ConversionSide,
  type CountAndValue,
  type UpliftMeasure,
} from './report-types.js';

/** What one opportunity contributes to one row, decided before any tally changes. */
export interface OpportunityContribution {
  value: number;
  hasAmount: boolean;
  stageName: string;
  isClosed: boolean;
  isWon: boolean;
  /** Attribution within the row's scope. */
  attribution: Attribution;
  /** No hyperscaler attribution on any cloud. */
  directOnly: boolean;
  cycleDays: number;
  isNewBusiness: boolean;
  isMarketplaceTransaction: boolean;
}

const HOUR_MS = 3_600_000;

class CountValue {
  count = 0;
  value = 0;
  add(value: number): void {
    this.count += 1;
    this.value += value;
  }
  snapshot(): CountAndValue {
    return { count: this.count, value: roundMoney(this.value) };
  }
}

class ConversionTally {
  closed = 0;
  won = 0;
  wonWithAmount = 0;
  wonValue = 0;
  readonly wonCycleDays = new WholeNumberSample();

  add(deal: OpportunityContribution): void {
    if (!deal.isClosed) return;
    this.closed += 1;
    if (!deal.isWon) return;
    this.won += 1;
    this.wonCycleDays.add(deal.cycleDays);
    if (deal.hasAmount) {
      this.wonWithAmount += 1;
      this.wonValue += deal.value;
    }
  }

  snapshot(): ConversionSide {
    const cycle = this.wonCycleDays.median();
    return {
      closed: this.closed,
      won: this.won,
      winRate: this.closed === 0 ? null : roundRatio(this.won / this.closed),
      wonWithAmount: this.wonWithAmount,
      averageDealSize:
        this.wonWithAmount === 0 ? null : roundMoney(this.wonValue / this.wonWithAmount),
      medianCycleDays: cycle === null ? null : roundRatio(cycle),
    };
  }

  /** Unrounded figures, so uplift is computed from exact values and rounded once. */
  exact(): {
    winRate: number | null;
    averageDealSize: number | null;
    medianCycleDays: number | null;
  } {
    return {
      winRate: this.closed === 0 ? null : this.won / this.closed,
      averageDealSize: this.wonWithAmount === 0 ? null : this.wonValue / this.wonWithAmount,
      medianCycleDays: this.wonCycleDays.median(),
    };
  }
}

/** Who and when a row is about, fixed before anything is counted. */
export type PeriodIdentity = Pick<
  AttributionPeriodRow,
  'scope' | 'calendar' | 'fiscalYear' | 'quarter' | 'period' | 'periodStart' | 'periodEnd'
>;

export class PeriodTally {
  private readonly opportunities = new CountValue();
  private readonly byAttribution: Record<Attribution, CountValue> = {
    Sourced: new CountValue(),
    Influenced: new CountValue(),
    None: new CountValue(),
  };
  private readonly coSellOpen = new CountValue();
  private readonly stages = new Map<string, CountValue>();
  private readonly coSold = new ConversionTally();
  private readonly directOnly = new ConversionTally();
  private readonly marketplace = new CountValue();
  private readonly newBusinessWon = new CountValue();
  private readonly attributedWon = new CountValue();
  private amountMissing = 0;
  private submitted = 0;
  private accepted = 0;
  private declined = 0;
  private readonly hoursToAccept: number[] = [];

  constructor(private readonly identity: PeriodIdentity) {}

  addOpportunity(deal: OpportunityContribution): void {
    this.opportunities.add(deal.value);
    if (!deal.hasAmount) this.amountMissing += 1;
    this.byAttribution[deal.attribution].add(deal.value);
    const coSold = deal.attribution !== 'None';
    if (coSold) {
      if (!deal.isClosed) this.coSellOpen.add(deal.value);
      let stage = this.stages.get(deal.stageName);
      if (!stage) {
        stage = new CountValue();
        this.stages.set(ownString(deal.stageName), stage);
      }
      stage.add(deal.value);
      this.coSold.add(deal);
    }
    if (deal.directOnly) this.directOnly.add(deal);
    if (deal.isMarketplaceTransaction) this.marketplace.add(deal.value);
    if (deal.isWon && deal.isNewBusiness) {
      this.newBusinessWon.add(deal.value);
      if (coSold) this.attributedWon.add(deal.value);
    }
  }

  /** An engagement submitted in this row's period; only engagements with a submission date arrive here. */
  addEngagement(engagement: Engagement): void {
    this.submitted += 1;
    const accepted = engagement.acceptedAt !== null || JOINT_WORK_STATUSES.has(engagement.status);
    if (accepted) {
      this.accepted += 1;
      if (engagement.acceptedAt !== null && engagement.submittedAt !== null) {
        const elapsed = Date.parse(engagement.acceptedAt) - Date.parse(engagement.submittedAt);
        // An acceptance stamped before its submission is a clock or import artefact: count it as instant.
        this.hoursToAccept.push(Math.max(0, elapsed) / HOUR_MS);
      }
    } else if (DECLINED_STATUSES.has(engagement.status)) {
      this.declined += 1;
    }
  }

  result(minSampleSize: number): AttributionPeriodRow {
    const coSold = this.coSold.exact();
    const direct = this.directOnly.exact();
    const medianHours = median(this.hoursToAccept);
    const p90Hours = quantile(this.hoursToAccept, 0.9);
    const decided = this.accepted + this.declined;
    const stages = [...this.stages.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, tally]) => [name, tally.snapshot()] as const);
    return {
      ...this.identity,
      opportunities: this.opportunities.snapshot(),
      sourced: this.byAttribution.Sourced.snapshot(),
      influenced: this.byAttribution.Influenced.snapshot(),
      none: this.byAttribution.None.snapshot(),
      coSellPipeline: {
        count: this.byAttribution.Sourced.count + this.byAttribution.Influenced.count,
        value: roundMoney(this.byAttribution.Sourced.value + this.byAttribution.Influenced.value),
        open: this.coSellOpen.snapshot(),
        stages: Object.fromEntries(stages),
      },
      conversion: {
        coSold: this.coSold.snapshot(),
        directOnly: this.directOnly.snapshot(),
        uplift: {
          winRatePoints: uplift(this.coSold.closed, this.directOnly.closed, minSampleSize, () =>
            difference(coSold.winRate, direct.winRate, 100),
          ),
          dealSize: uplift(
            this.coSold.wonWithAmount,
            this.directOnly.wonWithAmount,
            minSampleSize,
            () =>
              coSold.averageDealSize === null ||
              direct.averageDealSize === null ||
              direct.averageDealSize === 0
                ? null
                : coSold.averageDealSize / direct.averageDealSize - 1,
          ),
          cycleDaysSaved: uplift(this.coSold.won, this.directOnly.won, minSampleSize, () =>
            difference(direct.medianCycleDays, coSold.medianCycleDays, 1),
          ),
        },
      },
      portalHealth: {
        submitted: this.submitted,
        accepted: this.accepted,
        declined: this.declined,
        undecided: this.submitted - decided,
        acceptanceRate: decided === 0 ? null : roundRatio(this.accepted / decided),
        timeToAccept: {
          sample: this.hoursToAccept.length,
          medianHours: roundOrNull(medianHours),
          p90Hours: roundOrNull(p90Hours),
          medianDays: roundOrNull(medianHours === null ? null : medianHours / 24),
          p90Days: roundOrNull(p90Hours === null ? null : p90Hours / 24),
        },
      },
      marketplaceTransactions: this.marketplace.snapshot(),
      partnerAttach: {
        newBusinessWon: this.newBusinessWon.snapshot(),
        attributed: this.attributedWon.snapshot(),
        rateByCount:
          this.newBusinessWon.count === 0
            ? null
            : roundRatio(this.attributedWon.count / this.newBusinessWon.count),
        rateByValue:
          this.newBusinessWon.value === 0
            ? null
            : roundRatio(this.attributedWon.value / this.newBusinessWon.value),
      },
      amountMissing: this.amountMissing,
    };
  }
}

function uplift(
  coSoldSample: number,
  directOnlySample: number,
  minSampleSize: number,
  measure: () => number | null,
): UpliftMeasure {
  const value = coSoldSample > 0 && directOnlySample > 0 ? measure() : null;
  if (value === null) return { status: NO_DATA, coSoldSample, directOnlySample, minSampleSize };
  const lowConfidence = coSoldSample < minSampleSize || directOnlySample < minSampleSize;
  return {
    status: 'measured',
    value: roundRatio(value),
    lowConfidence,
    coSoldSample,
    directOnlySample,
    minSampleSize,
  };
}

function difference(a: number | null, b: number | null, scale: number): number | null {
  return a === null || b === null ? null : (a - b) * scale;
}

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundRatio(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
