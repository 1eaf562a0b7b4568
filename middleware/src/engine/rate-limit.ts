// Call budgets per portal account, shared by every engine instance through the store: a smooth
// per-second limit (generic cell rate algorithm, so calls are spaced and never burst past what
// the portal's token bucket allows) and a daily quota (ACE: 10,000 writes a day).
//
// Why not a library: the maintained limiters either keep state in one process (p-throttle,
// limiter) or use fixed windows in PostgreSQL (rate-limiter-flexible), which let twice the limit
// through around a window edge and do not run on PGlite. One atomic UPDATE does it here
// (store/rate-budgets.ts).
import type { Kysely } from 'kysely';
import { advanceArrivalTime, arrivalTime, daySpend, spendDay } from '../store/rate-budgets.js';
import type { Database } from '../store/schema.js';

export interface RateLimit {
  /** Budget key, e.g. `aws:123456789012:write`. */
  key: string;
  /** Calls per second. */
  perSecond: number;
  /** Calls allowed back to back after idling (the portal's bucket size); 1 = strictly spaced. */
  burst?: number;
  /**
   * Extra spacing between calls, in ms. The portal's bucket measures when a call arrives, not when
   * it left: one call delayed more on its way than the next (signing, a busy event loop, the
   * network) arrives less than an interval after it and is throttled, so a strict budget needs a margin.
   */
  marginMs?: number;
}

function intervalOf(limit: RateLimit): number {
  return 1000 / limit.perSecond + Math.max(0, limit.marginMs ?? 0);
}

export type Admission = { allowed: true } | { allowed: false; waitMs: number };

/** Takes one call from a rate budget, or says how long to wait before the next one may go. */
export async function admit(db: Kysely<Database>, limit: RateLimit, now: Date): Promise<Admission> {
  if (!(limit.perSecond > 0))
    throw new RangeError(`rate limit ${limit.key}: perSecond must be positive`);
  const intervalMs = intervalOf(limit);
  const toleranceMs = intervalMs * Math.max(0, (limit.burst ?? 1) - 1);
  const admitted = await advanceArrivalTime(
    db,
    limit.key,
    now,
    intervalMs,
    new Date(now.getTime() + toleranceMs),
  );
  if (admitted) return { allowed: true };
  const tat = (await arrivalTime(db, limit.key)).getTime();
  return { allowed: false, waitMs: Math.max(1, Math.ceil(tat - toleranceMs - now.getTime())) };
}

/**
 * Books the next `count` free slots of a rate budget and says how long each caller waits for its
 * own. Unlike `admit`, nobody has to ask again: calls waiting on one budget get slots spaced by
 * the rate, booked together in one statement instead of all waking and retrying at once.
 */
export async function reserve(
  db: Kysely<Database>,
  limit: RateLimit,
  now: Date,
  count = 1,
): Promise<{ waitsMs: number[] }> {
  if (!(limit.perSecond > 0))
    throw new RangeError(`rate limit ${limit.key}: perSecond must be positive`);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`rate limit ${limit.key}: count must be a positive whole number`);
  const intervalMs = intervalOf(limit);
  const toleranceMs = intervalMs * Math.max(0, (limit.burst ?? 1) - 1);
  const tat = (await advanceArrivalTime(db, limit.key, now, count * intervalMs))!;
  // Slot i begins i intervals after the first, which begins `count` intervals before the new
  // theoretical arrival time; the burst allowance lets each start that much earlier. The store
  // keeps microseconds and a Date only milliseconds, so a wait is rounded up a millisecond rather
  // than risk starting early.
  const first = tat.getTime() - count * intervalMs - toleranceMs;
  const waitsMs = Array.from({ length: count }, (_, i) => {
    const slot = first + i * intervalMs;
    return slot <= now.getTime() ? 0 : Math.ceil(slot - now.getTime()) + 1;
  });
  return { waitsMs };
}

export interface DailyQuota {
  /** Account the quota belongs to, e.g. `aws:123456789012:write`. */
  account: string;
  perDay: number;
}

export type QuotaResult =
  | { allowed: true; used: number; remaining: number }
  | { allowed: false; used: number; resetsAt: Date };

function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Spends `count` calls of a daily quota (UTC days) all together, or none and reports when it resets. */
export async function spendDaily(
  db: Kysely<Database>,
  quota: DailyQuota,
  now: Date,
  count = 1,
): Promise<QuotaResult> {
  const day = utcDayStart(now);
  const used = await spendDay(db, quota.account, day, count, quota.perDay);
  if (used !== null) return { allowed: true, used, remaining: quota.perDay - used };
  return {
    allowed: false,
    used: await dailyUsage(db, quota.account, now),
    resetsAt: new Date(day.getTime() + 86_400_000),
  };
}

/** Calls spent today against a daily quota (for status and metrics). */
export async function dailyUsage(
  db: Kysely<Database>,
  account: string,
  now: Date,
): Promise<number> {
  return daySpend(db, account, utcDayStart(now));
}
