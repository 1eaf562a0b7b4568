// The sync worker: claims outbox jobs, spends the portal's call budget, runs the call behind a
// circuit breaker and a timeout, and commits the outcome together with the job's completion.
// Errors are classified: transient ones retry with backoff, conflicts re-read and retry,
// validation errors park the job and put the findings on the engagement for a person to fix.
import { randomUUID } from 'node:crypto';
import { circuitBreaker, ConsecutiveBreaker, handleWhen, isBrokenCircuitError, timeout, TimeoutStrategy, type CircuitBreakerPolicy } from 'cockatiel';
import type { Kysely, Transaction } from 'kysely';
import { CoSellOpportunity, InboundReferral, type Cloud, type Finding } from '../core/model.js';
import type { Database, OutboxJob } from '../store/schema.js';
import { audit } from './intake.js';
import { engagementKey } from './intake.js';
import { isWrite, JOB_KINDS, portalTarget } from './jobs.js';
import { claimJobs, completeJob, deferJob, enqueueJob, extendLease, failJob, type BackoffPolicy, DEFAULT_BACKOFF } from './outbox.js';
import { PortalError, type PortalClient, type PortalRecordState } from './portal-client.js';
import { admit, spendDaily, type DailyQuota, type RateLimit } from './rate-limit.js';

/** Where engagement outcomes and inbound referrals land in Salesforce (the gateway, or a local stand-in). */
export interface SalesforceSink {
  writeEngagement(outcome: EngagementOutcome): Promise<void>;
  /** Creates or updates the referral record; returns its Salesforce Id. */
  writeReferral(referral: InboundReferral & { referralId: string }): Promise<{ salesforceId: string }>;
  /**
   * Shows a submission under way: the portal id and the status the portal reports while the
   * submission's remaining calls run. Only those fields; the final outcome follows as usual.
   */
  writeEngagementProgress?(progress: EngagementProgress): Promise<void>;
}

export interface EngagementProgress {
  opportunityId: string;
  cloud: Cloud;
  portalId: string;
  status: string;
}

export interface EngagementOutcome {
  opportunityId: string;
  cloud: Cloud;
  status: string;
  portalId: string | null;
  findings: Finding[];
  submittedAt: string | null;
  acceptedAt: string | null;
  lastSyncedAt: string;
  syncError: string | null;
  /** The requested action was consumed: clear `Requested_Action__c`. */
  clearRequestedAction: boolean;
}

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

/**
 * A handler's success: state changes to commit in the same transaction as the job's completion,
 * or null when there are none (the job's completion is then one statement, not a transaction).
 */
type Outcome = { result: object | null; commit: ((trx: Transaction<Database>, job: OutboxJob) => Promise<void>) | null };

class LeaseLostError extends Error {}

const DEFAULT_TRANSIENT_HORIZON_MS = 24 * 60 * 60 * 1000;

export class SyncWorker {
  readonly workerId: string;
  private readonly db: Kysely<Database>;
  private readonly clock: () => Date;
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
  }

  private breaker(target: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(target);
    if (!breaker) {
      const settings = this.options.breaker ?? { consecutiveFailures: 5, halfOpenAfterMs: 10_000 };
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof PortalError && error.transient),
        { halfOpenAfter: settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(settings.consecutiveFailures) },
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
    return targets.filter((t) => this.breaker(t).state !== 1 /* CircuitState.Open */ || Date.now() >= (this.breakerRetryAt.get(t) ?? 0));
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
          this.options.onEvent?.({ type: 'job-retry', job: { id: '-' } as OutboxJob, error: String(error) });
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
    const heartbeat = setInterval(() => {
      extendLease(this.db, job, this.workerId, leaseMs, this.clock()).catch(() => undefined);
    }, Math.max(20, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    try {
      await this.attempt(job);
    } finally {
      clearInterval(heartbeat);
      // A call the timeout gave up on may still reach the portal: the job is not run again here
      // until it has settled, so its retry cannot race it.
      const call = this.calls.get(job.id);
      this.calls.delete(job.id);
      if (call) void call.then(() => this.inHand.delete(job.id), () => this.inHand.delete(job.id));
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
        await deferJob(this.db, job, this.workerId, new Date(now.getTime() + admission.waitMs), now);
        this.options.onEvent?.({ type: 'job-deferred', job, reason: 'rate', untilMs: admission.waitMs });
        return;
      }
    }
    if (budget?.daily && isWrite(job.kind)) {
      const quota = await spendDaily(this.db, budget.daily, now);
      if (!quota.allowed) {
        await deferJob(this.db, job, this.workerId, quota.resetsAt, now);
        this.options.onEvent?.({ type: 'job-deferred', job, reason: 'daily-quota', untilMs: quota.resetsAt.getTime() - now.getTime() });
        return;
      }
    }
    try {
      const guarded = this.breaker(job.target);
      const callTimeout = timeout(this.options.callTimeoutMs ?? 30_000, TimeoutStrategy.Aggressive);
      const outcome = await guarded.execute(() =>
        callTimeout.execute(async () => {
          const call = this.handle(job);
          this.calls.set(job.id, call);
          return call;
        }).catch((error: unknown) => {
          if (error instanceof Error && error.name === 'TaskCancelledError') {
            throw new PortalError(cloudOf(job), 'timeout', `${job.kind} timed out`, { cause: error });
          }
          throw error;
        }),
      );
      const commit = outcome.commit;
      if (commit === null) {
        if (!(await completeJob(this.db, job, this.workerId, outcome.result, this.clock()))) throw new LeaseLostError();
      } else {
        await this.db.transaction().execute(async (trx) => {
          await commit(trx, job);
          if (!(await completeJob(trx, job, this.workerId, outcome.result, this.clock()))) throw new LeaseLostError();
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
      await deferJob(this.db, job, this.workerId, new Date(now.getTime() + (this.options.breaker?.halfOpenAfterMs ?? 10_000)), now);
      this.options.onEvent?.({ type: 'job-deferred', job, reason: 'circuit-open', untilMs: this.options.breaker?.halfOpenAfterMs ?? 10_000 });
      return;
    }
    const portalError = error instanceof PortalError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (portalError?.permanent) {
      await this.db.transaction().execute(async (trx) => {
        await this.recordPermanentFailure(trx, job, portalError);
        await failJob(trx, job, this.workerId, { message, permanent: true }, now, this.options.backoff ?? DEFAULT_BACKOFF);
      });
      this.options.onEvent?.({ type: 'job-dead', job, error: message });
      return;
    }
    // Conflicts retry soon: the handler re-reads the portal record and merges on the next attempt.
    const retryAfterMs = portalError?.kind === 'conflict' ? 0 : portalError?.retryAfterMs;
    const retriable = portalError !== null && (portalError.transient || portalError.kind === 'conflict');
    const keepTrying = retriable && now.getTime() - new Date(job.created_at).getTime() < (this.options.transientRetryHorizonMs ?? DEFAULT_TRANSIENT_HORIZON_MS);
    const outcome = await failJob(this.db, job, this.workerId, { message, permanent: false, keepTrying, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }, now, this.options.backoff ?? DEFAULT_BACKOFF);
    if (outcome === 'dead') {
      await this.db.transaction().execute(async (trx) => this.recordPermanentFailure(trx, job, portalError ?? new PortalError(cloudOf(job), 'unavailable', message)));
    }
    this.options.onEvent?.({ type: outcome === 'dead' ? 'job-dead' : 'job-retry', job, error: message });
  }

  /** Puts the reason on the engagement and queues the Salesforce write-back, so the AE sees it. */
  private async recordPermanentFailure(trx: Transaction<Database>, job: OutboxJob, error: PortalError): Promise<void> {
    const payload = job.payload as { opportunityId?: string; cloud?: Cloud };
    if (!payload.opportunityId || !payload.cloud) return;
    const findings = error.findings.length > 0 ? error.findings : [];
    await trx
      .updateTable('engagements')
      .set({ findings: JSON.stringify(findings), sync_error: error.message, updated_at: this.clock() })
      .where('opportunity_id', '=', payload.opportunityId)
      .where('cloud', '=', payload.cloud)
      .execute();
    await audit(trx, { side: 'engine', entity: 'engagement', entityId: `${payload.opportunityId}:${payload.cloud}`, action: 'failed', after: { error: error.message, kind: error.kind, findings }, jobId: job.id }, this.clock());
    await this.enqueueEngagementWriteback(trx, payload.opportunityId, payload.cloud, job);
  }

  private async enqueueEngagementWriteback(trx: Transaction<Database>, opportunityId: string, cloud: Cloud, cause: OutboxJob): Promise<void> {
    await enqueueJob(trx, {
      kind: JOB_KINDS.salesforceEngagement,
      target: 'salesforce',
      orderingKey: `salesforce:${engagementKey(opportunityId, cloud)}`,
      idempotencyKey: `salesforce:engagement:${opportunityId}:${cloud}:after:${cause.id}:${cause.attempts}`,
      payload: { opportunityId, cloud, clearRequestedAction: cause.kind === JOB_KINDS.submit || cause.kind === JOB_KINDS.update },
    }, this.clock());
  }

  private client(cloud: Cloud): PortalClient {
    const client = this.options.clients[cloud];
    if (!client) throw new PortalError(cloud, 'auth', `no ${cloud} portal client is configured`);
    return client;
  }

  private async handle(job: OutboxJob): Promise<Outcome> {
    switch (job.kind) {
      case JOB_KINDS.submit:
      case JOB_KINDS.update:
        return this.pushOpportunity(job);
      case JOB_KINDS.poll:
        return this.pollEngagement(job);
      case JOB_KINDS.decide:
        return this.decideReferral(job);
      case JOB_KINDS.salesforceEngagement:
        return this.writeEngagement(job);
      case JOB_KINDS.salesforceReferral:
        return this.writeReferral(job);
      default:
        throw new PortalError('AWS', 'validation', `unknown job kind ${job.kind}`);
    }
  }

  /** The opportunity as Salesforce last sent it and its engagement with one cloud, in one read. */
  private async loadSubmission(opportunityId: string, cloud: Cloud) {
    const row = await this.db
      .selectFrom('engagements')
      .innerJoin('opportunities', 'opportunities.id', 'engagements.opportunity_id')
      .selectAll('engagements')
      .select('opportunities.data as opportunity_data')
      .where('engagements.opportunity_id', '=', opportunityId)
      .where('engagements.cloud', '=', cloud)
      .executeTakeFirst();
    if (!row) throw new Error(`opportunity ${opportunityId} and its ${cloud} engagement are not in the store`);
    const { opportunity_data: data, ...engagement } = row;
    return { opportunity: CoSellOpportunity.parse(typeof data === 'string' ? JSON.parse(data) : data), engagement };
  }

  private async loadEngagement(opportunityId: string, cloud: Cloud) {
    return this.db.selectFrom('engagements').selectAll().where('opportunity_id', '=', opportunityId).where('cloud', '=', cloud).executeTakeFirstOrThrow();
  }

  /** Submit or update: always sends the latest Salesforce state the store holds. */
  private async pushOpportunity(job: OutboxJob): Promise<Outcome> {
    const { opportunityId, cloud } = job.payload as { opportunityId: string; cloud: Cloud };
    const { opportunity, engagement } = await this.loadSubmission(opportunityId, cloud);
    const blocking = (this.options.preflight?.(opportunity, cloud) ?? []).filter((f) => f.severity === 'error');
    if (blocking.length > 0) {
      throw new PortalError(cloud, 'validation', `${blocking.length} finding(s) block the ${cloud} submission`, { findings: blocking });
    }
    const client = this.client(cloud);
    const now = this.clock();
    let state: PortalRecordState;
    if (!engagement.portal_id) {
      let progress: Promise<void> | null = null;
      state = await client.submit({ opportunity, idempotencyKey: job.idempotency_key, now, onRecorded: (recorded) => {
        progress = this.showProgress(job, opportunityId, cloud, recorded);
      } });
      // Settled before the final outcome is queued, so the two writes reach Salesforce in order.
      await progress;
    } else if (LOCKED_STATUSES.has(engagement.status)) {
      return this.queueWhileLocked(job, engagement.id, opportunityId, cloud, opportunity.lastModifiedDate, engagement.status, false);
    } else {
      try {
        state = await client.update({ opportunity, portalId: engagement.portal_id, expectedVersion: engagement.portal_version, now });
      } catch (error) {
        // Our stored status was stale: the portal started a review since. Queue the edit and
        // re-read the status, instead of parking the job.
        if (error instanceof PortalError && error.kind === 'locked') {
          return this.queueWhileLocked(job, engagement.id, opportunityId, cloud, opportunity.lastModifiedDate, engagement.status, true);
        }
        throw error;
      }
    }
    return {
      result: { portalId: state.portalId, status: state.status },
      commit: async (trx, claimed) => {
        await this.applyPortalState(trx, opportunityId, cloud, state, claimed, { submitted: !engagement.portal_id, clearPending: true });
      },
    };
  }

  /**
   * Writes the portal id and the portal's current status to Salesforce while the submission goes
   * on. The store is not touched: a retry after a crash must still find no portal id and resume the
   * submission (the client reconciles to the same record). A failed write only costs the early view.
   */
  private async showProgress(job: OutboxJob, opportunityId: string, cloud: Cloud, recorded: PortalRecordState): Promise<void> {
    const write = this.options.salesforce.writeEngagementProgress;
    if (!write) return;
    try {
      await write.call(this.options.salesforce, { opportunityId, cloud, portalId: recorded.portalId, status: recorded.status });
    } catch (error) {
      this.options.onEvent?.({ type: 'job-progress-unwritten', job, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The portal is reviewing the record: keep the edit and apply it, merged, once it unlocks. */
  private queueWhileLocked(job: OutboxJob, engagementId: string, opportunityId: string, cloud: Cloud, since: string, status: string, pollNow: boolean): Outcome {
    const now = this.clock();
    return {
      result: { queued: true },
      commit: async (trx) => {
        await trx.updateTable('engagements').set({ pending_changes: JSON.stringify({ since }), updated_at: now }).where('id', '=', engagementId).execute();
        await audit(trx, { side: 'engine', entity: 'engagement', entityId: `${opportunityId}:${cloud}`, action: 'update-queued-while-locked', after: { status }, jobId: job.id }, now);
        if (pollNow) {
          await enqueueJob(trx, {
            kind: JOB_KINDS.poll,
            target: portalTarget(cloud),
            orderingKey: engagementKey(opportunityId, cloud),
            idempotencyKey: `${cloud}:poll:${opportunityId}:locked:${job.id}`,
            payload: { opportunityId, cloud },
          }, now);
        }
      },
    };
  }

  private async pollEngagement(job: OutboxJob): Promise<Outcome> {
    const { opportunityId, cloud } = job.payload as { opportunityId: string; cloud: Cloud };
    const engagement = await this.loadEngagement(opportunityId, cloud);
    if (!engagement.portal_id) return { result: null, commit: null };
    const state = await this.client(cloud).fetch(engagement.portal_id);
    return {
      result: { status: state.status },
      commit: async (trx, claimed) => {
        await this.applyPortalState(trx, opportunityId, cloud, state, claimed, { submitted: false, clearPending: false });
        if (!state.locked && engagement.pending_changes) {
          await trx.updateTable('engagements').set({ pending_changes: null }).where('id', '=', engagement.id).execute();
          await enqueueJob(trx, {
            kind: JOB_KINDS.update,
            target: portalTarget(cloud),
            orderingKey: engagementKey(opportunityId, cloud),
            idempotencyKey: `${cloud}:update:${opportunityId}:unlocked:${claimed.id}`,
            payload: { opportunityId, cloud },
          }, this.clock());
        }
      },
    };
  }

  private async applyPortalState(
    trx: Transaction<Database>,
    opportunityId: string,
    cloud: Cloud,
    state: PortalRecordState,
    job: OutboxJob,
    options: { submitted: boolean; clearPending: boolean },
  ): Promise<void> {
    const now = this.clock();
    const before = await trx.selectFrom('engagements').selectAll().where('opportunity_id', '=', opportunityId).where('cloud', '=', cloud).forUpdate().executeTakeFirstOrThrow();
    const changed = before.status !== state.status || before.portal_id !== state.portalId || JSON.stringify(before.findings) !== JSON.stringify(state.findings);
    await trx
      .updateTable('engagements')
      .set({
        portal_id: state.portalId,
        status: state.status,
        portal_version: state.version,
        findings: JSON.stringify(state.findings),
        sync_error: null,
        last_synced_at: now,
        ...(options.submitted && !before.submitted_at ? { submitted_at: now } : {}),
        ...(state.acceptedAt && !before.accepted_at ? { accepted_at: new Date(state.acceptedAt) } : {}),
        ...(options.clearPending ? { pending_changes: null } : {}),
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    if (changed || options.submitted) {
      await audit(trx, { side: portalSideOf(cloud), entity: 'engagement', entityId: `${opportunityId}:${cloud}`, action: options.submitted ? 'submitted' : 'status', before: { status: before.status, portalId: before.portal_id }, after: { status: state.status, portalId: state.portalId }, jobId: job.id }, now);
      await this.enqueueEngagementWriteback(trx, opportunityId, cloud, job);
    }
  }

  private async decideReferral(job: OutboxJob): Promise<Outcome> {
    const { referralId } = job.payload as { referralId: string };
    const row = await this.db.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
    const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
    const decision = row.triage_status === 'Accepted' ? 'accept' : 'decline';
    const now = this.clock();
    await this.client(row.cloud as Cloud).decide({
      portalId: row.portal_id,
      decision,
      ...(typeof data.declineReason === 'string' ? { declineReason: data.declineReason } : {}),
      ...(typeof data.feedback === 'string' ? { feedback: data.feedback } : {}),
      now,
    });
    return {
      result: { decision },
      commit: async (trx, claimed) => {
        const updated = { ...data, feedbackSentAt: decision === 'decline' ? now.toISOString() : data.feedbackSentAt ?? null };
        await trx.updateTable('referrals').set({ data: JSON.stringify(updated), updated_at: now }).where('id', '=', row.id).execute();
        await audit(trx, { side: portalSideOf(row.cloud as Cloud), entity: 'referral', entityId: referralId, action: `portal-${decision}`, jobId: claimed.id }, now);
        await enqueueJob(trx, {
          kind: JOB_KINDS.salesforceReferral,
          target: 'salesforce',
          orderingKey: `referral:${row.cloud}:${row.portal_id}`,
          idempotencyKey: `salesforce:referral:${row.cloud}:${row.portal_id}:decided:${claimed.id}`,
          payload: { referralId },
        }, now);
      },
    };
  }

  private async writeEngagement(job: OutboxJob): Promise<Outcome> {
    const { opportunityId, cloud, clearRequestedAction } = job.payload as { opportunityId: string; cloud: Cloud; clearRequestedAction: boolean };
    const row = await this.loadEngagement(opportunityId, cloud);
    const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
    await this.options.salesforce.writeEngagement({
      opportunityId,
      cloud,
      status: row.status,
      portalId: row.portal_id,
      findings: (typeof row.findings === 'string' ? JSON.parse(row.findings) : row.findings) as Finding[],
      submittedAt: iso(row.submitted_at),
      acceptedAt: iso(row.accepted_at),
      lastSyncedAt: (iso(row.last_synced_at) ?? this.clock().toISOString()),
      syncError: row.sync_error,
      clearRequestedAction,
    });
    return { result: null, commit: null };
  }

  private async writeReferral(job: OutboxJob): Promise<Outcome> {
    const { referralId } = job.payload as { referralId: string };
    const row = await this.db.selectFrom('referrals').selectAll().where('id', '=', referralId).executeTakeFirstOrThrow();
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    const referral = InboundReferral.parse({ ...data, triageStatus: row.triage_status });
    const { salesforceId } = await this.options.salesforce.writeReferral({ ...referral, referralId });
    return {
      result: { salesforceId },
      commit: async (trx) => {
        await trx.updateTable('referrals').set({ salesforce_id: salesforceId }).where('id', '=', row.id).execute();
      },
    };
  }
}

/** Portal states in which the record is under review and edits must wait. */
const LOCKED_STATUSES = new Set(['Submitted', 'In review']);

function cloudOf(job: OutboxJob): Cloud {
  const payload = job.payload as { cloud?: Cloud };
  return payload.cloud ?? 'AWS';
}

function portalSideOf(cloud: Cloud): 'aws' | 'microsoft' | 'google' {
  return cloud === 'AWS' ? 'aws' : cloud === 'Microsoft' ? 'microsoft' : 'google';
}
