// Silence after a referral is how hyperscaler relationships die: this finds referrals with no
// feedback sent N days after receipt (or after the decision) and summarises them per referrer.
import type { Cloud, InboundReferral, SourceLayer } from '../model.js';

export interface OpenLoopOptions {
  /** The moment the report is for (passed in: the core never reads the clock). */
  now: Date | string;
  /** A loop is open when no feedback was sent this many days after receipt or decision. */
  days: number;
}

export interface ReferrerLoopSummary {
  referrer: { name: string | null; email: string | null; title: string | null };
  cloud: Cloud;
  /** The referrer's most recently known source layer, null when never classified. */
  layer: SourceLayer | null;
  referralCount: number;
  /** Referrals whose feedback has been sent. */
  closedCount: number;
  openCount: number;
  /** Whole days since the oldest open loop's clock started (receipt, or decision when decided). */
  oldestOpenDays: number;
  oldestOpenSince: string;
  /** Open referrals, oldest first: the Salesforce Id when known, else the portal id. */
  referralIds: string[];
}

export class FeedbackLoopError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackLoopError';
  }
}

const DAY_MS = 86_400_000;

/** One referrer per cloud: by email, else by name (either in any case). */
export function referrerKey(referral: InboundReferral): string {
  const who =
    referral.referrer.email?.trim().toLowerCase() ||
    referral.referrer.name?.trim().toLowerCase() ||
    '(unknown referrer)';
  return `${referral.cloud}|${who}`;
}

/** The loop's clock starts at the decision when there is one, otherwise at receipt. */
function loopStart(referral: InboundReferral): number {
  return Date.parse(referral.decidedAt ?? referral.receivedAt);
}

/**
 * Per referrer and cloud, the referrals still waiting for feedback after `days` days. Only referrers
 * with at least one open loop are returned, most open loops first, then the longest waiting.
 */
export function openFeedbackLoops(
  referrals: readonly InboundReferral[],
  options: OpenLoopOptions,
): ReferrerLoopSummary[] {
  const now = typeof options.now === 'string' ? Date.parse(options.now) : options.now.getTime();
  if (Number.isNaN(now))
    throw new FeedbackLoopError(`now: "${String(options.now)}" is not a valid instant`);
  if (!Number.isFinite(options.days) || options.days <= 0) {
    throw new FeedbackLoopError(`days: must be a positive number of days, got ${options.days}`);
  }
  const threshold = options.days * DAY_MS;

  const groups = new Map<string, InboundReferral[]>();
  for (const referral of referrals) {
    const key = referrerKey(referral);
    groups.set(key, [...(groups.get(key) ?? []), referral]);
  }

  const summaries: ReferrerLoopSummary[] = [];
  for (const group of groups.values()) {
    const open = group
      .filter(
        (referral) => referral.feedbackSentAt === null && now - loopStart(referral) >= threshold,
      )
      .sort((a, b) => loopStart(a) - loopStart(b));
    const oldest = open[0];
    if (!oldest) continue;
    const latestFirst = [...group].sort(
      (a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt),
    );
    const named =
      latestFirst.find((referral) => referral.referrer.email || referral.referrer.name) ?? oldest;
    summaries.push({
      referrer: { ...named.referrer },
      cloud: oldest.cloud,
      layer: latestFirst.find((referral) => referral.sourceLayer !== null)?.sourceLayer ?? null,
      referralCount: group.length,
      closedCount: group.filter((referral) => referral.feedbackSentAt !== null).length,
      openCount: open.length,
      oldestOpenDays: Math.floor((now - loopStart(oldest)) / DAY_MS),
      oldestOpenSince: new Date(loopStart(oldest)).toISOString(),
      referralIds: open.map((referral) => referral.id ?? referral.portalId),
    });
  }
  return summaries.sort(
    (a, b) =>
      b.openCount - a.openCount ||
      b.oldestOpenDays - a.oldestOpenDays ||
      `${a.cloud}${a.referrer.email ?? a.referrer.name ?? ''}`.localeCompare(
        `${b.cloud}${b.referrer.email ?? b.referrer.name ?? ''}`,
      ),
  );
}
