// The sync worker's job runner: claims outbox jobs, spends the portal's call budget, runs the
// job's handler (job-handlers/, one per kind) behind a circuit breaker and a timeout, and commits
// the outcome together with the job's completion. Errors are classified: transient ones retry
// with backoff, conflicts re-read and retry, validation errors park the job and put the findings
// on the engagement for a person to fix.
import { randomUUID } from 'node:crypto';
import {
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  isBrokenCircuitError,
  timeout,
  TimeoutStrategy,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { Kysely, Transaction } from 'kysely';
import type { Cloud, CoSellOpportunity, Finding } from '../core/model.js';
import type { Database, OutboxJob } from '../store/schema.js';
import { audit } from './intake.js';
import { isWrite } from './jobs.js';
import {
  enqueueEngagementWriteback,
  handleJob,
  type HandlerContext,
} from './job-handlers/index.js';
import {
  claimJobs,
  completeJob,
  deferJob,
  extendLease,
  failJob,
  type BackoffPolicy,
  DEFAULT_BACKOFF,
} from './outbox.js';
import { PortalError, type PortalClient } from './portal-client.js';
import { admit, spendDaily, type DailyQuota, type RateLimit } from './rate-limit.js';
import type { SalesforceSink } from './salesforce-sink.js';

export type {
  EngagementOutcome,
  EngagementProgress,
  ReferralWrite,
  SalesforceSink,
} from './salesforce-sink.js';

export interface TargetBudget {
  write?: RateLimit;
  read?: RateLimit;
  daily?: DailyQuota;
}

export interface WorkerOptions {
  db: Kysely<Database>;
  clients: Partial<Record<Cloud, PortalClient>>;
  salesforce: SalesforceSink;
  clock?: () => Date;
  workerId?: string;
  leaseMs?: number;
  batchSize?: number;
  /** Per-call timeout; a call still running after it counts as a timeout and is retried. */
  callTimeoutMs?: number;
  budgets?: Partial<Record<string, TargetBudget>>;
  backoff?: BackoffPolicy;
  /**
   * How long a job failing only transiently (throttling, 5xx, timeouts, conflicts) keeps retrying
   * past its attempt budget before it is parked; default 24 hours (ACE's quota window). A
   * submission makes several calls, so at a sustained error rate most attempts fail somewhere.
   */
  transientRetryHorizonMs?: number;
  /** Consecutive transient failures that open a target's circuit, and how long it stays open. */
  breaker?: { consecutiveFailures: number; halfOpenAfterMs: number };
  /** Pre-flight checks run before a submit or update reaches the portal (mapping + wire validation). */
  preflight?: (opportunity: CoSellOpportunity, cloud: Cloud) => Finding[];
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'job-done'; job: OutboxJob; ms: number }
  | { type: 'job-retry'; job: OutboxJob; error: string }
  | { type: 'job-dead'; job: OutboxJob; error: string }
  | { type: 'job-deferred'; job: OutboxJob; reason: string; untilMs: number }
  | { type: 'job-lost'; job: OutboxJob }
  /** A submission's early progress write to Salesforce failed; its final outcome is still written. */
  | { type: 'job-progress-unwritten'; job: OutboxJob; error: string };

class LeaseLostError extends Error {}

const DEFAULT_TRANSIENT_HORIZON_MS = 24 * 60 * 60 * 1000;

export class SyncWorker {
  readonly workerId: string;
  private readonly db: Kysely<Database>;
  private readonly clock: () => Date;
  private readonly handlers: HandlerContext;
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly breakerRetryAt = new Map<string, number>();
  private running = false;
  /** Ids of the jobs this worker is running now. */
  private readonly inHand = new Set<string>();
  /** The handler call of each running job, which outlives the job when its timeout fires. */
  private readonly calls = new Map<string, Promise<unknown>>();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: WorkerOptions) {
    this.db = options.db;
    this.clock = options.clock ?? (() => new Date());
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.handlers = {
      db: options.db,
      clock: this.clock,
      clients: options.clients,
      salesforce: options.salesforce,
      ...(options.preflight ? { preflight: options.preflight } : {}),
      onProgressUnwritten: (job, error) =>
        this.options.onEvent?.({ type: 'job-progress-unwritten', job, error }),
    };
  }

  private breaker(target: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(target);
    if (!breaker) {
      const settings = this.options.breaker ?? { consecutiveFailures: 5, halfOpenAfterMs: 10_000 };
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof PortalError && error.transient),
        {
          halfOpenAfter: settings.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(settings.consecutiveFailures),
        },
      );
      // cockatiel moves an open circuit to half-open only inside execute(): remember when the
      // wait ends, so the target's jobs are claimed again and one of them can probe the portal.
      breaker.onBreak(() => this.breakerRetryAt.set(target, Date.now() + settings.halfOpenAfterMs));
      this.breakers.set(target, breaker);
    }
    return breaker;
  }

  /** Targets whose circuit is not open (or whose open wait is over): jobs for an open circuit stay queued. */
  private openTargets(): string[] {
    const targets = ['salesforce', 'aws', 'microsoft', 'google'];
    return targets.filter(
      (t) =>
        this.breaker(t).state !== 1 /* CircuitState.Open */ ||
        Date.now() >= (this.breakerRetryAt.get(t) ?? 0),
    );
  }

  private claim(limit: number): Promise<OutboxJob[]> {
    return claimJobs(this.db, {
      workerId: this.workerId,
      limit,
      leaseMs: this.options.leaseMs ?? 60_000,
      now: this.clock(),
      targets: this.openTargets(),
    });
  }

  /** Claims one batch and runs it to the end; returns how many jobs it handled. */
  async runOnce(): Promise<number> {
    const jobs = await this.claim(this.options.batchSize ?? 10);
    // Jobs of one batch have distinct ordering keys, so they may run side by side.
    await Promise.all(jobs.map((job) => this.runJob(job)));
    return jobs.length;
  }

  /** Runs until stopped, polling when idle. `nudge()` wakes it early when a job was enqueued. */
  start(idleMs = 250): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let handled = 0;
        try {
          handled = await this.runOnce();
        } catch (error) {
          this.options.onEvent?.({
            type: 'job-retry',
            job: { id: '-' } as OutboxJob,
            error: String(error),
          });
        }
        if (handled === 0 && this.running) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, idleMs);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wake = null;
        }
      }
    })();
  }

  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /**
   * Runs a claimed job while renewing its lease, so a call slower than the lease never lets this
   * or another worker claim the job again and make the same portal call twice. A job this worker
   * is still running, or whose timed-out call has not settled, is not started again: the claim
   * lapses and the job is claimed once more later.
   */
  private async runJob(job: OutboxJob): Promise<void> {
    if (this.inHand.has(job.id)) return;
    this.inHand.add(job.id);
    const leaseMs = this.options.leaseMs ?? 60_000;
    const heartbeat = setInterval(
      () => {
        extendLease(this.db, job, this.workerId, leaseMs, this.clock()).catch(() => undefined);
      },
      Math.max(20, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      await this.attempt(job);
    } finally {
      clearInterval(heartbeat);
      // A call the timeout gave up on may still reach the portal: the job is not run again here
      // until it has settled, so its retry cannot race it.
      const call = this.calls.get(job.id);
      this.calls.delete(job.id);
      if (call)
        void call.then(
          () => this.inHand.delete(job.id),
          () => this.inHand.delete(job.id),
        );
      else this.inHand.delete(job.id);
    }
  }

  private async attempt(job: OutboxJob): Promise<void> {
    const started = Date.now();
    const now = this.clock();
    const budget = this.options.budgets?.[job.target];
    const limit = isWrite(job.kind) ? budget?.write : budget?.read;
    if (limit) {
      const admission = await admit(this.db, limit, now);
      if (!admission.allowed) {
        await deferJob(
          this.db,
          job,
          this.workerId,
          new Date(now.getTime() + admission.waitMs),
          now,
        );
        this.options.onEvent?.({
          type: 'job-deferred',
          job,
          reason: 'rate',
          untilMs: admission.waitMs,
        });
        return;
      }
    }
    if (budget?.daily && isWrite(job.kind)) {
      const quota = await spendDaily(this.db, budget.daily, now);
      if (!quota.allowed) {
        await deferJob(this.db, job, this.workerId, quota.resetsAt, now);
        this.options.onEvent?.({
          type: 'job-deferred',
          job,
          reason: 'daily-quota',
          untilMs: quota.resetsAt.getTime() - now.getTime(),
        });
        return;
      }
    }
    try {
      const guarded = this.breaker(job.target);
      const callTimeout = timeout(this.options.callTimeoutMs ?? 30_000, TimeoutStrategy.Aggressive);
      const outcome = await guarded.execute(() =>
        callTimeout
          .execute(async () => {
            const call = handleJob(this.handlers, job);
            this.calls.set(job.id, call);
            return call;
          })
          .catch((error: unknown) => {
            if (error instanceof Error && error.name === 'TaskCancelledError') {
              throw new PortalError(cloudOf(job), 'timeout', `${job.kind} timed out`, {
                cause: error,
              });
            }
            throw error;
          }),
      );
      const commit = outcome.commit;
      if (commit === null) {
        if (!(await completeJob(this.db, job, this.workerId, outcome.result, this.clock())))
          throw new LeaseLostError();
      } else {
        await this.db.transaction().execute(async (trx) => {
          await commit(trx, job);
          if (!(await completeJob(trx, job, this.workerId, outcome.result, this.clock())))
            throw new LeaseLostError();
        });
      }
      this.options.onEvent?.({ type: 'job-done', job, ms: Date.now() - started });
    } catch (error) {
      await this.handleFailure(job, error);
    }
  }

  private async handleFailure(job: OutboxJob, error: unknown): Promise<void> {
    const now = this.clock();
    if (error instanceof LeaseLostError) {
      this.options.onEvent?.({ type: 'job-lost', job });
      return;
    }
    if (isBrokenCircuitError(error)) {
      await deferJob(
        this.db,
        job,
        this.workerId,
        new Date(now.getTime() + (this.options.breaker?.halfOpenAfterMs ?? 10_000)),
        now,
      );
      this.options.onEvent?.({
        type: 'job-deferred',
        job,
        reason: 'circuit-open',
        untilMs: this.options.breaker?.halfOpenAfterMs ?? 10_000,
      });
      return;
    }
    const portalError = error instanceof PortalError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (portalError?.permanent) {
      await this.db.transaction().execute(async (trx) => {
        await this.recordPermanentFailure(trx, job, portalError);
        await failJob(
          trx,
          job,
          this.workerId,
          { message, permanent: true },
          now,
          this.options.backoff ?? DEFAULT_BACKOFF,
        );
      });
      this.options.onEvent?.({ type: 'job-dead', job, error: message });
      return;
    }
    // Conflicts retry soon: the handler re-reads the portal record and merges on the next attempt.
    const retryAfterMs = portalError?.kind === 'conflict' ? 0 : portalError?.retryAfterMs;
    const retriable =
      portalError !== null && (portalError.transient || portalError.kind === 'conflict');
    const keepTrying =
      retriable &&
      now.getTime() - new Date(job.created_at).getTime() <
        (this.options.transientRetryHorizonMs ?? DEFAULT_TRANSIENT_HORIZON_MS);
    const outcome = await failJob(
      this.db,
      job,
      this.workerId,
      {
        message,
        permanent: false,
        keepTrying,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
      now,
      this.options.backoff ?? DEFAULT_BACKOFF,
    );
    if (outcome === 'dead') {
      await this.db
        .transaction()
        .execute(async (trx) =>
          this.recordPermanentFailure(
            trx,
            job,
            portalError ?? new PortalError(cloudOf(job), 'unavailable', message),
          ),
        );
    }
    this.options.onEvent?.({
      type: outcome === 'dead' ? 'job-dead' : 'job-retry',
      job,
      error: message,
    });
  }

  /** Puts the reason on the engagement and queues the Salesforce write-back, so the AE sees it. */
  private async recordPermanentFailure(
    trx: Transaction<Database>,
    job: OutboxJob,
    error: PortalError,
  ): Promise<void> {
    const payload = job.payload as { opportunityId?: string; cloud?: Cloud };
    if (!payload.opportunityId || !payload.cloud) return;
    const findings = error.findings.length > 0 ? error.findings : [];
    await trx
      .updateTable('engagements')
      .set({
        findings: JSON.stringify(findings),
        sync_error: error.message,
        updated_at: this.clock(),
      })
      .where('opportunity_id', '=', payload.opportunityId)
      .where('cloud', '=', payload.cloud)
      .execute();
    await audit(
      trx,
      {
        side: 'engine',
        entity: 'engagement',
        entityId: `${payload.opportunityId}:${payload.cloud}`,
        action: 'failed',
        after: { error: error.message, kind: error.kind, findings },
        jobId: job.id,
      },
      this.clock(),
    );
    await enqueueEngagementWriteback(trx, payload.opportunityId, payload.cloud, job, this.clock());
  }
}

function cloudOf(job: OutboxJob): Cloud {
  const payload = job.payload as { cloud?: Cloud };
  return payload.cloud ?? 'AWS';
}
