// Where the co-sell motion stands against the typical maturity markers (month 1, 3, 6, 12, 18, 24+),
// and what the next stage still needs. The markers describe shape, not a schedule anyone is owed.
import { z } from 'zod';
import { TenancyArchetype } from '../model.js';
import { FieldError, parseOrRefuse } from '../field-error.js';

export const MaturityMetrics = z.object({
  /** A PDM is named on at least one cloud (month 1: the first PDM relationship); null when unknown. */
  namedPdm: z.boolean().nullable().default(null),
  /** A marketplace listing is live on at least one cloud (month 3); null when not recorded. */
  listingLive: z.boolean().nullable().default(null),
  /** The PDM meets on an agreed weekly, fortnightly or monthly rhythm (month 3); null when not recorded. */
  pdmRhythm: z.boolean().nullable().default(null),
  /** Deals submitted to a portal so far (month 3: the first submissions). */
  portalSubmissions: z.number().int().nonnegative().default(0),
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
  /** The product's tenancy archetype: sets the month-12 marketplace cadence marker. */
  tenancyArchetype: TenancyArchetype.nullable().default(null),
});
export type MaturityMetrics = z.infer<typeof MaturityMetrics>;
export type MaturityMetricsInput = z.input<typeof MaturityMetrics>;

export interface MaturitySettings {
  /**
   * Hyperscaler-led is at parity when sourced deals reach this many per partner-led deal. The guide
   * asks for parity or higher, so the default is exactly 1.
   */
  parityRatio: number;
  /**
   * Month-12 marketplace transactions per quarter, per tenancy archetype. The guide gives five to ten
   * for a mid-sized SaaS ISV and "materially lower" for infrastructure and enterprise ISVs with large
   * deals. Interpretation: ISV-hosted SaaS keeps the low end (5); a customer-deployed product, the
   * infrastructure case, is held to 2; an unknown archetype is judged as SaaS and says so.
   */
  month12MarketplacePerQuarter: Record<TenancyArchetype, number>;
}

export const DEFAULT_MATURITY_SETTINGS: MaturitySettings = {
  parityRatio: 1,
  month12MarketplacePerQuarter: { 'ISV-hosted SaaS': 5, 'Customer-deployed': 2 },
};

export interface MaturityMarker {
  marker: string;
  met: boolean;
  /** Number for measured markers, boolean for recorded facts, null when nothing is known. */
  actual: number | boolean | null;
  target: number | boolean;
  /** Where the figure comes from, so a reader can check it. */
  source: string;
  /** How the target was chosen when the guide leaves room (e.g. the archetype's marketplace cadence). */
  note?: string;
}

export interface MaturityStageDefinition {
  level: MaturityLevel;
  name: string;
  typicalMonth: string;
}

export type MaturityLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface MaturityAssessment {
  /** Level 0 means not even the first stage's markers are all met. */
  level: 0 | MaturityLevel;
  stage: string;
  /** Every marker of every stage, so the evidence for the reached stage and beyond is visible. */
  evidence: Array<MaturityStageDefinition & { reached: boolean; markers: MaturityMarker[] }>;
  next: (MaturityStageDefinition & { gaps: MaturityMarker[] }) | null;
}

export class MaturityMetricsError extends FieldError {
  readonly code = 'INVALID_MATURITY_METRICS';
}

const SOURCES = {
  counterparts: 'named counterparts (Partner Program layer)',
  evidence: 'readiness evidence recorded by the alliance team',
  engagements: 'engagements submitted to the portals',
  report: 'attribution report (closed-won deals)',
  portal: 'attribution report (portal decisions)',
  pipeline: 'attribution report (co-sold pipeline per cloud)',
  origin: 'attribution report (sourced vs influenced deals)',
} as const;

function atLeast(
  marker: string,
  actual: number | null,
  target: number,
  source: string,
  note?: string,
): MaturityMarker {
  return {
    marker,
    actual,
    target,
    met: actual !== null && actual >= target,
    source,
    ...(note ? { note } : {}),
  };
}

function isTrue(marker: string, actual: boolean | null, source: string): MaturityMarker {
  return { marker, actual, target: true, met: actual === true, source };
}

/** "an ISV-hosted", "a Customer-deployed": the article as the archetype's name is spoken. */
const ARTICLE: Record<TenancyArchetype, string> = {
  'ISV-hosted SaaS': 'an',
  'Customer-deployed': 'a',
};

function month12Cadence(metrics: MaturityMetrics, settings: MaturitySettings): MaturityMarker {
  const archetype = metrics.tenancyArchetype ?? 'ISV-hosted SaaS';
  const target = settings.month12MarketplacePerQuarter[archetype];
  const note = metrics.tenancyArchetype
    ? `${target} a quarter is the marker for ${ARTICLE[archetype]} ${archetype} product`
    : `tenancy archetype unknown: judged as ISV-hosted SaaS (${target} a quarter); a customer-deployed product needs ${settings.month12MarketplacePerQuarter['Customer-deployed']}`;
  return atLeast(
    'marketplace transactions per quarter',
    metrics.marketplaceTransactionsPerQuarter,
    target,
    SOURCES.report,
    note,
  );
}

function parseMetrics(input: MaturityMetricsInput): MaturityMetrics {
  return parseOrRefuse(
    MaturityMetrics,
    input,
    'metrics',
    (field, message) => new MaturityMetricsError(field, message),
  );
}

function checkSettings(settings: MaturitySettings): void {
  if (!(settings.parityRatio > 0))
    throw new MaturityMetricsError(
      'settings.parityRatio',
      `must be a positive ratio, got ${settings.parityRatio}`,
    );
  for (const [archetype, count] of Object.entries(settings.month12MarketplacePerQuarter)) {
    if (!Number.isInteger(count) || count < 1) {
      throw new MaturityMetricsError(
        `settings.month12MarketplacePerQuarter.${archetype}`,
        `must be a whole number of at least 1, got ${count}`,
      );
    }
  }
}

/** The stage reached is the highest whose markers, and those of every earlier stage, are all met. */
export function maturityStage(
  input: MaturityMetricsInput,
  settings: MaturitySettings = DEFAULT_MATURITY_SETTINGS,
): MaturityAssessment {
  const metrics = parseMetrics(input);
  checkSettings(settings);
  // Parity needs at least one hyperscaler-led deal; with none partner-led, any sourced deal is parity
  // or better (and JSON-safe, unlike Infinity).
  const parity =
    metrics.sourcedDeals === 0 ? 0 : metrics.sourcedDeals / Math.max(metrics.influencedDeals, 1);
  // Contribution thresholds take the low end of each range the guide gives: reaching the range is
  // reaching the stage.
  const stages: Array<MaturityStageDefinition & { markers: MaturityMarker[] }> = [
    {
      level: 1,
      name: 'Foundation',
      typicalMonth: 'month 1',
      markers: [isTrue('first PDM relationship named', metrics.namedPdm, SOURCES.counterparts)],
    },
    {
      level: 2,
      name: 'Listed and sharing',
      typicalMonth: 'month 3',
      markers: [
        isTrue('marketplace listing live', metrics.listingLive, SOURCES.evidence),
        atLeast(
          'first deals submitted to a portal',
          metrics.portalSubmissions,
          1,
          SOURCES.engagements,
        ),
        isTrue('PDM rhythm established', metrics.pdmRhythm, SOURCES.evidence),
      ],
    },
    {
      level: 3,
      name: 'First transactions',
      typicalMonth: 'month 6',
      markers: [
        atLeast(
          'first marketplace transaction',
          metrics.marketplaceTransactions,
          1,
          SOURCES.report,
        ),
        atLeast(
          'share of new business with hyperscaler attribution',
          metrics.partnerAttachRate,
          0.05,
          SOURCES.report,
        ),
      ],
    },
    {
      level: 4,
      name: 'Repeatable co-sell',
      typicalMonth: 'month 12',
      markers: [
        atLeast('portal acceptance rate', metrics.acceptanceRate, 0.5, SOURCES.portal),
        month12Cadence(metrics, settings),
        atLeast(
          'share of new business with hyperscaler attribution',
          metrics.partnerAttachRate,
          0.15,
          SOURCES.report,
        ),
      ],
    },
    {
      level: 5,
      name: 'Second cloud',
      typicalMonth: 'month 18',
      markers: [
        atLeast(
          'clouds with an active co-sell motion',
          metrics.cloudsWithMotion,
          2,
          SOURCES.pipeline,
        ),
        atLeast(
          'share of new business with hyperscaler attribution',
          metrics.partnerAttachRate,
          0.25,
          SOURCES.report,
        ),
      ],
    },
    {
      level: 6,
      name: 'Hyperscaler-led at parity',
      typicalMonth: 'month 24+',
      markers: [
        atLeast(
          'hyperscaler-led deals per partner-led deal',
          Math.round(parity * 1000) / 1000,
          settings.parityRatio,
          SOURCES.origin,
        ),
        atLeast(
          'share of new business with hyperscaler attribution',
          metrics.partnerAttachRate,
          0.4,
          SOURCES.report,
        ),
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
    evidence: stages.map((stage) => ({ ...stage, reached: stage.level <= level })),
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
