// Where the co-sell motion stands against the typical maturity markers (month 6, 12, 18, 24+), and
// what the next stage still needs. The markers describe shape, not a schedule anyone is owed.
import { z } from 'zod';

export const MaturityMetrics = z.object({
  /** Closed-won marketplace transactions to date. */
  marketplaceTransactions: z.number().int().nonnegative(),
  /** Marketplace transactions in the latest complete fiscal quarter. */
  marketplaceTransactionsPerQuarter: z.number().int().nonnegative(),
  /** Share (0..1) of new closed-won business with hyperscaler attribution; null without data. */
  partnerAttachRate: z.number().min(0).max(1).nullable(),
  /** Portal acceptance rate (0..1); null without decided submissions. */
  acceptanceRate: z.number().min(0).max(1).nullable(),
  /** Clouds with an active co-sell motion (co-sold pipeline on the cloud). */
  cloudsWithMotion: z.number().int().min(0).max(3),
  /** Hyperscaler-led (sourced) and partner-led (influenced) deals over the same window. */
  sourcedDeals: z.number().int().nonnegative(),
  influencedDeals: z.number().int().nonnegative(),
});
export type MaturityMetrics = z.infer<typeof MaturityMetrics>;

export interface MaturitySettings {
  /**
   * Hyperscaler-led counts as at parity with partner-led when sourced deals reach this share of
   * influenced deals; 0.9 allows for a quarter's noise without calling a 1:3 split parity.
   */
  parityRatio: number;
}

export const DEFAULT_MATURITY_SETTINGS: MaturitySettings = { parityRatio: 0.9 };

export interface MaturityMarker {
  marker: string;
  met: boolean;
  actual: number | null;
  target: number;
}

export interface MaturityStageDefinition {
  level: 1 | 2 | 3 | 4;
  name: string;
  typicalMonth: string;
}

export interface MaturityAssessment {
  /** Level 0 means not even the first stage's markers are all met. */
  level: 0 | 1 | 2 | 3 | 4;
  stage: string;
  /** Every marker of every stage, so the evidence for the reached stage and beyond is visible. */
  evidence: Array<MaturityStageDefinition & { markers: MaturityMarker[] }>;
  next: (MaturityStageDefinition & { gaps: MaturityMarker[] }) | null;
}

export class MaturityMetricsError extends Error {
  readonly code = 'INVALID_MATURITY_METRICS';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'MaturityMetricsError';
  }
}

function atLeast(marker: string, actual: number | null, target: number): MaturityMarker {
  return { marker, actual, target, met: actual !== null && actual >= target };
}

/** The stage reached is the highest whose markers, and those of every earlier stage, are all met. */
export function maturityStage(input: MaturityMetrics, settings: MaturitySettings = DEFAULT_MATURITY_SETTINGS): MaturityAssessment {
  const parsed = MaturityMetrics.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MaturityMetricsError(issue?.path.map(String).join('.') || 'metrics', issue?.message ?? 'invalid');
  }
  const metrics = parsed.data;
  // With no partner-led deals at all, any hyperscaler-led deal is parity or better (and JSON-safe, unlike Infinity).
  const parity = metrics.sourcedDeals / Math.max(metrics.influencedDeals, 1);
  // Stage thresholds take the low end of each DOMAIN.md range: reaching the range is reaching the stage.
  const stages: Array<MaturityStageDefinition & { markers: MaturityMarker[] }> = [
    {
      level: 1,
      name: 'First transactions',
      typicalMonth: 'month 6',
      markers: [
        atLeast('first marketplace transaction', metrics.marketplaceTransactions, 1),
        atLeast('share of new business with hyperscaler attribution', metrics.partnerAttachRate, 0.05),
      ],
    },
    {
      level: 2,
      name: 'Repeatable co-sell',
      typicalMonth: 'month 12',
      markers: [
        atLeast('portal acceptance rate', metrics.acceptanceRate, 0.5),
        atLeast('marketplace transactions per quarter', metrics.marketplaceTransactionsPerQuarter, 5),
        atLeast('share of new business with hyperscaler attribution', metrics.partnerAttachRate, 0.15),
      ],
    },
    {
      level: 3,
      name: 'Second cloud',
      typicalMonth: 'month 18',
      markers: [
        atLeast('clouds with an active co-sell motion', metrics.cloudsWithMotion, 2),
        atLeast('share of new business with hyperscaler attribution', metrics.partnerAttachRate, 0.25),
      ],
    },
    {
      level: 4,
      name: 'Hyperscaler-led at parity',
      typicalMonth: 'month 24+',
      markers: [
        atLeast('hyperscaler-led deals per partner-led deal', parity, settings.parityRatio),
        atLeast('share of new business with hyperscaler attribution', metrics.partnerAttachRate, 0.4),
      ],
    },
  ];
  let level: MaturityAssessment['level'] = 0;
  for (const stage of stages) {
    if (!stage.markers.every((marker) => marker.met)) break;
    level = stage.level;
  }
  const reached = stages[level - 1];
  const upcoming = stages[level];
  return {
    level,
    stage: reached ? `${reached.name} (${reached.typicalMonth})` : 'Not started',
    evidence: stages,
    next: upcoming
      ? {
          level: upcoming.level,
          name: upcoming.name,
          typicalMonth: upcoming.typicalMonth,
          gaps: upcoming.markers.filter((marker) => !marker.met),
        }
      : null,
  };
}
