// Paces every call a portal client makes against the portal account's shared budgets, so one
// logical operation that takes several API calls (an ACE submission is a read, a create, an
// associate and a start) never trips the portal's throttling, whichever instance makes it.
// Calls that arrive together (a batch of jobs) book their slots and daily quota in one statement.
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import type { Database } from '../store/schema.js';
import { PortalError } from './portal-client.js';
import { reserve, spendDaily, type DailyQuota, type RateLimit } from './rate-limit.js';

export type CallKind = 'read' | 'write';
/** Resolves when the call may go out; throws PortalError 'quota-exhausted' when the day's writes are spent. */
export type CallPacer = (kind: CallKind) => Promise<void>;

export interface PacerBudgets {
  read?: RateLimit;
  write?: RateLimit;
  daily?: DailyQuota;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createCallPacer(
  db: Kysely<Database>,
  cloud: Cloud,
  budgets: PacerBudgets,
  clock: () => Date = () => new Date(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): CallPacer {
  const queued: Record<CallKind, Waiter[]> = { read: [], write: [] };
  const flushing: Record<CallKind, boolean> = { read: false, write: false };

  /** Spends the day's write quota for a group; a group that does not fit is spent call by call. */
  async function spendQuota(group: Waiter[]): Promise<Waiter[]> {
    const daily = budgets.daily!;
    const now = clock();
    const together = await spendDaily(db, daily, now, group.length);
    if (together.allowed) return group;
    const admitted: Waiter[] = [];
    for (const waiter of group) {
      const one = group.length === 1 ? together : await spendDaily(db, daily, now);
      if (one.allowed) {
        admitted.push(waiter);
        continue;
      }
      waiter.reject(
        new PortalError(
          cloud,
          'quota-exhausted',
          `${cloud} daily write quota of ${daily.perDay} is spent; writes resume at ${one.resetsAt.toISOString()}`,
          {
            retryAfterMs: one.resetsAt.getTime() - now.getTime(),
          },
        ),
      );
    }
    return admitted;
  }

  async function flush(kind: CallKind): Promise<void> {
    flushing[kind] = true;
    // Let every call started in this turn of the event loop join the group.
    await new Promise((resolve) => setImmediate(resolve));
    const group = queued[kind].splice(0);
    try {
      const limit = kind === 'write' ? budgets.write : budgets.read;
      const waits = limit
        ? (await reserve(db, limit, clock(), group.length)).waitsMs
        : group.map(() => 0);
      const admitted =
        kind === 'write' && budgets.daily ? new Set(await spendQuota(group)) : new Set(group);
      group.forEach((waiter, i) => {
        if (!admitted.has(waiter)) return;
        const wait = waits[i]!;
        if (wait > 0) sleep(wait).then(waiter.resolve, waiter.reject);
        else waiter.resolve();
      });
    } catch (error) {
      for (const waiter of group) waiter.reject(error);
    } finally {
      flushing[kind] = false;
      if (queued[kind].length > 0) void flush(kind);
    }
  }

  return (kind) =>
    new Promise<void>((resolve, reject) => {
      queued[kind].push({ resolve, reject });
      if (!flushing[kind]) void flush(kind);
    });
}
