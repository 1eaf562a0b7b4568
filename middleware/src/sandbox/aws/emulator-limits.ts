// What makes the ACE emulator behave like a busy, imperfect AWS: per-account call quotas (token
// buckets per second, a rolling 24-hour write budget) and faults injected at a seeded random rate.
import { seededRandom } from '../../core/seeded-random.js';

export { seededRandom };

/** ACE's published quota groups: which bucket an operation spends. */
export const ACE_WRITE_OPERATIONS = new Set([
  'CreateOpportunity',
  'UpdateOpportunity',
  'AssociateOpportunity',
  'DisassociateOpportunity',
  'RejectEngagementInvitation',
  'AssignOpportunity',
  'StartEngagementFromOpportunityTask',
  'StartEngagementByAcceptingInvitationTask',
]);

export interface AceQuotas {
  writesPerSecond: number;
  readsPerSecond: number;
  writesPerDay: number;
}

export const DEFAULT_ACE_QUOTAS: AceQuotas = {
  writesPerSecond: 1,
  readsPerSecond: 10,
  writesPerDay: 10_000,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A bucket holding at most one second of calls, refilled continuously. */
class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = perSecond;
    this.last = now;
  }

  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
    this.last = Math.max(this.last, now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export type QuotaVerdict = { allowed: true } | { allowed: false; reason: string };

/** One partner account's quotas: the second-level buckets and the rolling daily write count. */
class AccountQuota {
  private readonly writes: TokenBucket;
  private readonly reads: TokenBucket;
  /** Times of the writes admitted in the last 24 hours, oldest first. */
  private readonly writesToday: number[] = [];

  constructor(
    private readonly quotas: AceQuotas,
    now: number,
  ) {
    this.writes = new TokenBucket(quotas.writesPerSecond, now);
    this.reads = new TokenBucket(quotas.readsPerSecond, now);
  }

  admit(write: boolean, now: number): QuotaVerdict {
    if (!write) {
      return this.reads.take(now)
        ? { allowed: true }
        : {
            allowed: false,
            reason: `Rate exceeded: more than ${this.quotas.readsPerSecond} read requests per second`,
          };
    }
    while (this.writesToday.length > 0 && this.writesToday[0]! <= now - DAY_MS)
      this.writesToday.shift();
    if (this.writesToday.length >= this.quotas.writesPerDay) {
      return {
        allowed: false,
        reason: `Rate exceeded: the ${this.quotas.writesPerDay} write requests of the rolling 24 hours are used`,
      };
    }
    if (!this.writes.take(now))
      return {
        allowed: false,
        reason: `Rate exceeded: more than ${this.quotas.writesPerSecond} write requests per second`,
      };
    this.writesToday.push(now);
    return { allowed: true };
  }
}

/** Quotas for every account the emulator has seen, keyed by the caller's access key. */
export class AceQuotaLedger {
  private readonly accounts = new Map<string, AccountQuota>();

  constructor(private readonly quotas: AceQuotas) {}

  admit(account: string, operation: string, now: number): QuotaVerdict {
    let quota = this.accounts.get(account);
    if (!quota) {
      quota = new AccountQuota(this.quotas, now);
      this.accounts.set(account, quota);
    }
    return quota.admit(ACE_WRITE_OPERATIONS.has(operation), now);
  }
}

export const FAULT_KINDS = ['throttle', '5xx', 'timeout', 'conflict', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Share of matching calls that fail, 0..1. */
  rate: number;
  /** Only these operations (default: all; `conflict` only ever hits writes). */
  operations?: string[];
  /** `slow`: added latency; `timeout`: how long the call hangs before the connection drops (default 30 s). */
  delayMs?: number;
  /** Stop after this many faults (default: unlimited). */
  count?: number;
}

/** Faults armed with `control.inject`, drawn in order against one seeded random source. */
export class FaultPlan {
  private readonly rules: Array<FaultRule & { used: number }> = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  add(rule: FaultRule): void {
    if (!(FAULT_KINDS as readonly string[]).includes(rule.kind)) {
      throw new Error(
        `inject: kind must be one of ${FAULT_KINDS.join(', ')} (got ${JSON.stringify(rule.kind)})`,
      );
    }
    if (!(rule.rate >= 0 && rule.rate <= 1))
      throw new Error(`inject: rate must be between 0 and 1 (got ${rule.rate})`);
    this.rules.push({ ...rule, used: 0 });
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** The fault this call suffers, if any; each armed rule draws once per matching call. */
  draw(operation: string): FaultRule | null {
    for (const rule of this.rules) {
      if (rule.operations && !rule.operations.includes(operation)) continue;
      if (rule.kind === 'conflict' && !ACE_WRITE_OPERATIONS.has(operation)) continue;
      if (rule.count !== undefined && rule.used >= rule.count) continue;
      if (this.random() < rule.rate) {
        rule.used += 1;
        return rule;
      }
    }
    return null;
  }
}
