// Derives the maturity inputs from an attribution report, the named counterparts and the readiness
// evidence, so the stage estimate, the RevOps report and the checklist always agree on the numbers.
import type { AttributionPeriodRow, AttributionReport } from '../attribution/report-types.js';
import type { Counterpart, TenancyArchetype } from '../model.js';
import type { ReadinessEvidence } from './evidence.js';
import type { MaturityMetrics } from './maturity.js';

export interface MaturityContext {
  /** Named hyperscaler counterparts; without them "first PDM named" is unknown, not false. */
  counterparts?: readonly Counterpart[];
  /** Readiness evidence per cloud (listing, PDM cadence, tenancy archetype). */
  evidence?: readonly Pick<ReadinessEvidence, 'listing' | 'pdmCadence' | 'tenancyArchetype'>[];
}

/** True when any cloud says yes, false when every cloud recorded no, null when nothing was recorded. */
function anyRecorded(values: ReadonlyArray<boolean | null>): boolean | null {
  if (values.some((value) => value === true)) return true;
  if (values.length > 0 && values.every((value) => value === false)) return false;
  return null;
}

/**
 * Uses the all-cloud totals (each deal once) when present, else the single cloud's rows. Rates are
 * pooled over every row of the report, so the caller picks the window with the report's period;
 * the per-quarter marketplace figure is the latest quarter that has ended by `now`.
 */
export function maturityMetricsFromReport(
  report: AttributionReport,
  now: Date,
  context: MaturityContext = {},
): MaturityMetrics {
  const rows: AttributionPeriodRow[] = report.totals.length > 0 ? report.totals : report.rows;
  const today = now.toISOString().slice(0, 10);
  const sum = (pick: (row: AttributionPeriodRow) => number) =>
    rows.reduce((total, row) => total + pick(row), 0);
  const ended = rows
    .filter((row) => row.periodEnd < today)
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const newBusiness = sum((row) => row.partnerAttach.newBusinessWon.count);
  const accepted = sum((row) => row.portalHealth.accepted);
  const decided = accepted + sum((row) => row.portalHealth.declined);
  const clouds = new Set(
    report.rows.filter((row) => row.coSellPipeline.count > 0).map((row) => row.scope),
  );
  const evidence = context.evidence ?? [];
  const archetypes = new Set(
    evidence
      .map((entry) => entry.tenancyArchetype)
      .filter((value): value is TenancyArchetype => value !== null),
  );
  return {
    namedPdm: context.counterparts
      ? context.counterparts.some((counterpart) => counterpart.layer === 'Partner Program')
      : null,
    listingLive: anyRecorded(evidence.map((entry) => entry.listing.live)),
    pdmRhythm: anyRecorded(
      evidence.map((entry) => (entry.pdmCadence === null ? null : entry.pdmCadence !== 'none')),
    ),
    portalSubmissions: sum((row) => row.portalHealth.submitted),
    marketplaceTransactions: sum((row) => row.marketplaceTransactions.count),
    marketplaceTransactionsPerQuarter: ended.at(-1)?.marketplaceTransactions.count ?? 0,
    partnerAttachRate:
      newBusiness === 0 ? null : sum((row) => row.partnerAttach.attributed.count) / newBusiness,
    acceptanceRate: decided === 0 ? null : accepted / decided,
    cloudsWithMotion: clouds.size,
    sourcedDeals: sum((row) => row.sourced.count),
    influencedDeals: sum((row) => row.influenced.count),
    // One archetype across the recorded clouds sets the marker; a mix stays unknown (judged as SaaS).
    tenancyArchetype: archetypes.size === 1 ? [...archetypes][0]! : null,
  };
}
