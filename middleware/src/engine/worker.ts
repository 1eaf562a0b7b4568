// The sync worker's job runner: claims outbox jobs, spends the portal's call budget, runs the
// job's handler (job-handlers/, one per kind) behind a circuit breaker and a timeout, and commits
// the outcome together with the job's completion (job-completions.ts, in batches). Failures are
// classified in job-failures.ts. Running, it claims continuously: the next jobs are claimed while
// the current ones still run, so a slow call never leaves the portal's budget unspent.
import { randomUUID } from 'node:crypto';
import { timeout, TimeoutStrategy } from 'cockatiel';
import type { Kysely } from 'kysely';
import type { Cloud, CoSellOpportunity, Finding } from '../core/model.js';
import type { Database, OutboxJob } from '../store/schema.js';
import { JobCompletions } from './job-completions.js';
import { cloudOf, handleFailure, type FailurePolicy } from './job-failures.js';
import { handleJob, type HandlerContext } from './job-handlers/index.js';
import { isWrite } from './jobs.js';
import { claimJobs, deferJob, extendLease, type BackoffPolicy } from './outbox.js';
import { PortalError, type PortalClient } from './portal-client.js';
import { admit, spendDaily, type DailyQuota, type RateLimit } from './rate-limit.js';
import type { SalesforceSink } from './salesforce-sink.js';
import { DEFAULT_BREAKER, TargetBreakers, type BreakerSettings } from './target-breakers.js';
import type { WorkerEvent } from './worker-events.js';

export type {
  EngagementOutcome,
  EngagementProgress,
  ReferralWrite,
  SalesforceSink,
} from './salesforce-sink.js';
export type { WorkerEvent } from './worker-events.js';

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
  /** Jobs claimed at once, and (running) the most this worker has in hand. */
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
  breaker?: BreakerSettings;
  /** Pre-flight checks run before a submit or update reaches the portal (mapping + wire validation). */
  preflight?: (opportunity: CoSellOpportunity, cloud: Cloud) => Finding[];
  onEvent?: (event: WorkerEvent) => void;
}

export class SyncWorker {
  readonly workerId: string;
  private readonly db: Kysely<Database>;
  private readonly clock: () => Date;
  private readonly handlers: HandlerContext;
  private readonly breakers: TargetBreakers;
  private readonly completions: JobCompletions;
  private readonly failures: FailurePolicy;
  private running = false;
  /** Ids of the jobs this worker is running now. */
  private readonly inHand = new Set<string>();
  /** The handler call of each running job, which outlives the job when its timeout fires. */
  private readonly calls = new Map<string, Promise<unknown>>();
  /** Jobs the running loop has started and not yet finished. */
  private readonly flying = new Set<Promise<void>>();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Something happened (a job finished, a nudge) since the loop last looked. */
  private signalled = false;

  constructor(private readonly options: WorkerOptions) {
    this.db = options.db;
    this.clock = options.clock ?? (() => new Date());
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.breakers = new TargetBreakers(options.breaker ?? DEFAULT_BREAKER);
    this.completions = new JobCompletions(options.db, this.workerId, this.clock);
    this.failures = {
      db: options.db,
      workerId: this.workerId,
      clock: this.clock,
      halfOpenAfterMs: (options.breaker ?? DEFAULT_BREAKER).halfOpenAfterMs,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.transientRetryHorizonMs === undefined
        ? {}
        : { transientRetryHorizonMs: options.transientRetryHorizonMs }),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    };
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

  private get batchSize(): number {
    return this.options.batchSize ?? 10;
  }

  private claim(limit: number): Promise<OutboxJob[]> {
    return claimJobs(this.db, {
      workerId: this.workerId,
      limit,
      leaseMs: this.options.leaseMs ?? 60_000,
      now: this.clock(),
      targets: this.breakers.closedTargets(),
    });
  }

  /** Claims one batch and runs it to the end; returns how many jobs it handled. */
  async runOnce(): Promise<number> {
    const jobs = await this.claim(this.batchSize);
    // Jobs of one batch have distinct ordering keys, so they may run side by side.
    await Promise.all(jobs.map((job) => this.runJob(job)));
    return jobs.length;
  }

  /**
   * Runs until stopped. It claims again as soon as half the jobs in hand have finished, so the
   * next ones are ready before the last of the current ones ends; idle, it polls every `idleMs`,
   * and `nudge()` wakes it early when a job was enqueued.
   */
  start(idleMs = 250): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let drained = false;
        if (this.flying.size <= this.batchSize / 2) drained = await this.refill();
        // Queue empty but jobs still running: their ends (or a nudge) bring the next work, so
        // the store is not asked again every idle tick meanwhile.
        if (this.running)
          await this.pause(drained && this.flying.size > 0 ? Math.max(idleMs, 1_000) : idleMs);
      }
      await Promise.all(this.flying);
    })();
  }

  /** Claims jobs up to the batch size; true when the queue had fewer runnable jobs than that. */
  private async refill(): Promise<boolean> {
    const room = this.batchSize - this.flying.size;
    let jobs: OutboxJob[] = [];
    try {
      jobs = await this.claim(room);
    } catch (error) {
      this.options.onEvent?.({
        type: 'job-retry',
        job: { id: '-' } as OutboxJob,
        error: String(error),
      });
    }
    for (const job of jobs) {
      const run: Promise<void> = this.runJob(job)
        .catch((error: unknown) =>
          this.options.onEvent?.({ type: 'job-retry', job, error: String(error) }),
        )
        .finally(() => {
          this.flying.delete(run);
          this.signal();
        });
      this.flying.add(run);
    }
    return jobs.length < room;
  }

  /** Waits until a job finishes, a nudge, or `idleMs`, whichever comes first. */
  private async pause(idleMs: number): Promise<void> {
    if (!this.signalled)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    this.wake = null;
    this.signalled = false;
  }

  private signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  nudge(): void {
    this.signal();
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
      const guarded = this.breakers.for(job.target);
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
      await this.completions.complete(job, outcome.result, outcome.commit);
      this.options.onEvent?.({ type: 'job-done', job, ms: Date.now() - started });
    } catch (error) {
      await handleFailure(this.failures, job, error);
    }
  }
}
