// The open-feedback-loop report: referrals whose referrer has heard nothing back (accepted without a
// debrief, declined without feedback, or left undecided past the response SLA), and the risk per
// referrer that silence makes them stop introducing deals: every introduction deserves an answer,
// and loop closure is tracked per referrer.
import type { Cloud, InboundReferral, Referrer, SourceLayer } from '../model.js';
import { FeedbackLoopError, referrerKey } from './open-loops.js';

export const OPEN_LOOP_KINDS = [
  'accepted without debrief',
  'declined without feedback',
  'undecided past SLA',
] as const;
export type OpenLoopKind = (typeof OPEN_LOOP_KINDS)[number];

/**
 * Risk after repeated silence. The guide says a referrer stops introducing after two or three
 * silences; interpretation: one silence is worth watching, two puts the referrer at risk, three or
 * more means they are probably already disengaging.
 */
export const REFERRER_RISKS = ['none', 'watch', 'at risk', 'disengaging'] as const;
export type ReferrerRisk = (typeof REFERRER_RISKS)[number];

export interface LoopReportOptions {
  /** The moment the report is for (passed in: the core never reads the clock). */
  now: Date | string;
  /** Days a decided referral may wait for its debrief before the loop counts as open. */
  debriefDays: number;
}

export interface OpenLoop {
  referralId: string;
  portalId: string;
  cloud: Cloud;
  customerName: string;
  referrer: Referrer;
  kind: OpenLoopKind;
  /** When the referrer's wait started counting against us: the decision, or the response due time. */
  since: string;
  ageDays: number;
}

export interface ReferrerLoopRisk {
  referrer: Referrer;
  cloud: Cloud;
  layer: SourceLayer | null;
  referrals: number;
  /** Referrals whose loop is open now (each one is a silence the referrer has noticed). */
  silences: number;
  risk: ReferrerRisk;
  openReferralIds: string[];
}

export interface FeedbackLoopReport {
  now: string;
  debriefDays: number;
  summary: Record<OpenLoopKind, number> & { referrersAtRisk: number };
  loops: OpenLoop[];
  referrers: ReferrerLoopRisk[];
}

const DAY_MS = 86_400_000;

function instant(value: Date | string, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms))
    throw new FeedbackLoopError(`${field}: "${String(value)}" is not a valid instant`);
  return ms;
}

/**
 * Why this referral's loop is open at `now`, or null when it is closed or not yet due. Feedback sent
 * closes every kind. Undecided referrals count from their response due time (their SLA); an expired
 * referral nobody answered is undecided past SLA too. The same rule is the Salesforce formula
 * `CoSell_Referral__c.Feedback_Loop_Open__c` (held together by a metadata test).
 */
export function openLoopKind(
  referral: InboundReferral,
  now: number,
  debriefDays: number,
): { kind: OpenLoopKind; since: number } | null {
  if (referral.feedbackSentAt !== null) return null;
  if (
    referral.decidedAt !== null &&
    (referral.triageStatus === 'Accepted' || referral.triageStatus === 'Declined')
  ) {
    const since = Date.parse(referral.decidedAt);
    if (now - since < debriefDays * DAY_MS) return null;
    return {
      kind:
        referral.triageStatus === 'Accepted'
          ? 'accepted without debrief'
          : 'declined without feedback',
      since,
    };
  }
  if (referral.triageStatus === 'Expired')
    return {
      kind: 'undecided past SLA',
      since: Date.parse(referral.responseDue ?? referral.receivedAt),
    };
  if (referral.responseDue !== null && Date.parse(referral.responseDue) < now)
    return { kind: 'undecided past SLA', since: Date.parse(referral.responseDue) };
  return null;
}

function riskFor(silences: number): ReferrerRisk {
  if (silences >= 3) return 'disengaging';
  return (['none', 'watch', 'at risk'] as const)[silences]!;
}

/** Every open loop, oldest first, and every referrer with a silence, most silences first. */
export function feedbackLoopReport(
  referrals: readonly InboundReferral[],
  options: LoopReportOptions,
): FeedbackLoopReport {
  const now = instant(options.now, 'now');
  if (!Number.isFinite(options.debriefDays) || options.debriefDays < 0) {
    throw new FeedbackLoopError(
      `debriefDays: must be zero or a positive number of days, got ${options.debriefDays}`,
    );
  }
  const loops: OpenLoop[] = [];
  const groups = new Map<string, { all: InboundReferral[]; open: string[] }>();
  for (const referral of referrals) {
    const key = referrerKey(referral);
    const group = groups.get(key) ?? { all: [], open: [] };
    groups.set(key, group);
    group.all.push(referral);
    const open = openLoopKind(referral, now, options.debriefDays);
    if (!open) continue;
    const referralId = referral.id ?? referral.portalId;
    group.open.push(referralId);
    loops.push({
      referralId,
      portalId: referral.portalId,
      cloud: referral.cloud,
      customerName: referral.customerName,
      referrer: { ...referral.referrer },
      kind: open.kind,
      since: new Date(open.since).toISOString(),
      ageDays: Math.max(0, Math.floor((now - open.since) / DAY_MS)),
    });
  }
  loops.sort((a, b) => a.since.localeCompare(b.since) || a.referralId.localeCompare(b.referralId));

  const referrers: ReferrerLoopRisk[] = [];
  for (const group of groups.values()) {
    if (group.open.length === 0) continue;
    const latestFirst = [...group.all].sort(
      (a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt),
    );
    const named =
      latestFirst.find((referral) => referral.referrer.email || referral.referrer.name) ??
      latestFirst[0]!;
    referrers.push({
      referrer: { ...named.referrer },
      cloud: named.cloud,
      layer: latestFirst.find((referral) => referral.sourceLayer !== null)?.sourceLayer ?? null,
      referrals: group.all.length,
      silences: group.open.length,
      risk: riskFor(group.open.length),
      openReferralIds: group.open,
    });
  }
  referrers.sort(
    (a, b) =>
      b.silences - a.silences ||
      `${a.cloud}${a.referrer.email ?? a.referrer.name ?? ''}`.localeCompare(
        `${b.cloud}${b.referrer.email ?? b.referrer.name ?? ''}`,
      ),
  );

  const summary = Object.fromEntries(
    OPEN_LOOP_KINDS.map((kind) => [kind, loops.filter((loop) => loop.kind === kind).length]),
  ) as Record<OpenLoopKind, number>;
  return {
    now: new Date(now).toISOString(),
    debriefDays: options.debriefDays,
    summary: {
      ...summary,
      referrersAtRisk: referrers.filter(
        (entry) => entry.risk === 'at risk' || entry.risk === 'disengaging',
      ).length,
    },
    loops,
    referrers,
  };
}
