// Paces every call a portal client makes against the portal account's shared budgets, so one
// logical operation that takes several API calls (an ACE submission is a read, a create, an
// associate and a start) never trips the portal's throttling, whichever instance makes it.
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import type { Database } from '../store/schema.js';
import { PortalError } from './portal-client.js';
import { admit, spendDaily, type DailyQuota, type RateLimit } from './rate-limit.js';

export type CallKind = 'read' | 'write';
/** Resolves when the call may go out; throws PortalError 'quota-exhausted' when the day's writes are spent. */
export type CallPacer = (kind: CallKind) => Promise<void>;

export interface PacerBudgets {
  read?: RateLimit;
  write?: RateLimit;
  daily?: DailyQuota;
}

export function createCallPacer(
  db: Kysely<Database>,
  cloud: Cloud,
  budgets: PacerBudgets,
  clock: () => Date = () => new Date(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): CallPacer {
  return async (kind) => {
    const limit = kind === 'write' ? budgets.write : budgets.read;
    if (limit) {
      for (;;) {
        const admission = await admit(db, limit, clock());
        if (admission.allowed) break;
        await sleep(admission.waitMs);
      }
    }
    if (kind === 'write' && budgets.daily) {
      const now = clock();
      const quota = await spendDaily(db, budgets.daily, now);
      if (!quota.allowed) {
        throw new PortalError(cloud, 'quota-exhausted', `${cloud} daily write quota of ${budgets.daily.perDay} is spent; writes resume at ${quota.resetsAt.toISOString()}`, {
          retryAfterMs: quota.resetsAt.getTime() - now.getTime(),
        });
      }
    }
  };
}
