// Relationship coverage per cloud, the leading indicator RevOps reports on relationships: which of
// the five field layers have a named counterpart, how many top accounts carry a joint account plan,
// and whether QBRs with the hyperscaler keep a quarterly rhythm.
import { z } from 'zod';
import { counterpartCoverage } from '../attribution/counterpart-coverage.js';
import { attributionFor } from '../attribution/attribution.js';
import { relationshipFindings } from '../lint/relationship-rules.js';
import type { LintFinding } from '../lint/finding.js';
import { normaliseCompanyName } from '../account-mapping/normalise.js';
import {
  CLOUDS,
  Cloud,
  IsoDate,
  type CoSellOpportunity,
  type Counterpart,
  type InboundReferral,
  type SourceLayer,
  type TenancyArchetype,
} from '../model.js';
import { FieldError, parseOrRefuse } from '../field-error.js';

/** What the alliance team records that the org cannot infer: joint account plans and QBRs held. */
export const RelationshipRecords = z.object({
  jointAccountPlans: z
    .array(
      z.object({
        cloud: Cloud,
        account: z.string().trim().min(1),
        updatedOn: IsoDate.nullable().default(null),
      }),
    )
    .default([]),
  qbrs: z
    .array(
      z.object({
        cloud: Cloud,
        heldOn: IsoDate,
        with: z.string().trim().min(1).nullable().default(null),
      }),
    )
    .default([]),
});
export type RelationshipRecords = z.infer<typeof RelationshipRecords>;
export type RelationshipRecordsInput = z.input<typeof RelationshipRecords>;

export interface RelationshipCoverageOptions {
  now: Date;
  /** How many accounts count as "top" per cloud, ranked by the cloud's co-sell pipeline value. */
  topAccounts?: number;
  /** Days without a QBR before the rhythm counts as lapsed. */
  qbrMaxGapDays?: number;
  tenancyArchetype?: TenancyArchetype | null;
  referrals?: readonly InboundReferral[];
}

/**
 * Interpretation: the guide speaks of joint plans on the top 50 to 100 named accounts; 50 is the
 * default. A QBR rhythm is quarterly: more than 100 days (a quarter and slack for scheduling) since
 * the last one means it lapsed.
 */
export const DEFAULT_TOP_ACCOUNTS = 50;
export const DEFAULT_QBR_MAX_GAP_DAYS = 100;

export interface CloudRelationshipCoverage {
  cloud: Cloud;
  layers: Record<SourceLayer, string[]>;
  covered: SourceLayer[];
  missing: SourceLayer[];
  coverage: number;
  topAccounts: {
    considered: number;
    withPlan: number;
    share: number | null;
    withoutPlan: string[];
  };
  qbr: {
    lastHeldOn: string | null;
    daysSince: number | null;
    heldLast12Months: number;
    onRhythm: boolean;
  };
  findings: LintFinding[];
}

export class RelationshipRecordsError extends FieldError {
  readonly code = 'INVALID_RELATIONSHIP_RECORDS';
}

export function parseRelationshipRecords(input: unknown): RelationshipRecords {
  return parseOrRefuse(
    RelationshipRecords,
    input ?? {},
    'records',
    (field, message) => new RelationshipRecordsError(field, message),
  );
}

const DAY_MS = 86_400_000;

/** Accounts ranked by open and won co-sell pipeline value with the cloud, largest first. */
function topAccountsFor(
  opportunities: readonly CoSellOpportunity[],
  cloud: Cloud,
  limit: number,
): string[] {
  const value = new Map<string, { name: string; amount: number }>();
  for (const opp of opportunities) {
    if (opp.isClosed && !opp.isWon) continue;
    if (attributionFor(opp, cloud) === 'None') continue;
    const key = normaliseCompanyName(opp.account.name) ?? opp.account.name;
    const entry = value.get(key) ?? { name: opp.account.name, amount: 0 };
    entry.amount += opp.amount ?? 0;
    value.set(key, entry);
  }
  return [...value.values()]
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

export function relationshipCoverage(
  counterparts: readonly Counterpart[],
  opportunities: readonly CoSellOpportunity[],
  recordsInput: unknown,
  options: RelationshipCoverageOptions,
): CloudRelationshipCoverage[] {
  const records = parseRelationshipRecords(recordsInput);
  const limit = options.topAccounts ?? DEFAULT_TOP_ACCOUNTS;
  const maxGap = options.qbrMaxGapDays ?? DEFAULT_QBR_MAX_GAP_DAYS;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RelationshipRecordsError(
      'topAccounts',
      `must be a whole number of at least 1, got ${limit}`,
    );
  if (!Number.isInteger(maxGap) || maxGap < 1)
    throw new RelationshipRecordsError(
      'qbrMaxGapDays',
      `must be a whole number of at least 1, got ${maxGap}`,
    );
  const now = options.now.getTime();
  const findings = relationshipFindings({
    tenancyArchetype: options.tenancyArchetype ?? null,
    counterparts,
    referrals: options.referrals ?? [],
    clouds: CLOUDS,
  });
  return counterpartCoverage(counterparts).map((layers) => {
    const cloud = layers.cloud;
    const top = topAccountsFor(opportunities, cloud, limit);
    const planned = new Set(
      records.jointAccountPlans
        .filter((plan) => plan.cloud === cloud)
        .map((plan) => normaliseCompanyName(plan.account)),
    );
    const withoutPlan = top.filter((name) => !planned.has(normaliseCompanyName(name)));
    const held = records.qbrs
      .filter((qbr) => qbr.cloud === cloud && Date.parse(qbr.heldOn) <= now)
      .map((qbr) => qbr.heldOn)
      .sort();
    const last = held.at(-1) ?? null;
    const daysSince = last ? Math.floor((now - Date.parse(last)) / DAY_MS) : null;
    return {
      cloud,
      layers: layers.layers,
      covered: layers.covered,
      missing: layers.missing,
      coverage: layers.coverage,
      topAccounts: {
        considered: top.length,
        withPlan: top.length - withoutPlan.length,
        share:
          top.length === 0
            ? null
            : Math.round(((top.length - withoutPlan.length) / top.length) * 1000) / 1000,
        withoutPlan,
      },
      qbr: {
        lastHeldOn: last,
        daysSince,
        heldLast12Months: held.filter((day) => now - Date.parse(day) <= 365 * DAY_MS).length,
        onRhythm: daysSince !== null && daysSince <= maxGap,
      },
      findings: findings.filter((finding) => finding.cloud === cloud),
    };
  });
}
