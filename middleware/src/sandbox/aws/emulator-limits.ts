// What makes the ACE emulator behave like a busy, imperfect AWS: per-account call quotas (token
// buckets per second, a rolling 24-hour write budget) and faults injected at a seeded random rate.
import { RestFaultPlan, TokenBucket } from '../rest-emulator-kit.js';

export {
  REST_FAULT_KINDS as FAULT_KINDS,
  type RestFaultKind as FaultKind,
  type RestFaultRule as FaultRule,
} from '../rest-emulator-kit.js';

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
    this.writes = new TokenBucket(quotas.writesPerSecond, 1000, now);
    this.reads = new TokenBucket(quotas.readsPerSecond, 1000, now);
  }

  admit(write: boolean, now: number): QuotaVerdict {
    if (!write) {
      return this.reads.take(now) === 0
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
    if (this.writes.take(now) > 0)
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

/** ACE's faults are the REST emulators' kinds; `conflict` hits only the operations that write. */
export class FaultPlan extends RestFaultPlan {
  constructor(seed: number) {
    super(seed, (operation) => ACE_WRITE_OPERATIONS.has(operation));
  }
}
