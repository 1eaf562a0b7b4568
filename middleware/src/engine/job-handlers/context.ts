// What every job handler is given, what it returns, and the engagement bookkeeping the handlers
// (and the runner's failure path) share: applying a portal's answer and queueing the write-back.
import type { Kysely, Transaction } from 'kysely';
import type { Cloud, CoSellOpportunity, Finding } from '../../core/model.js';
import type { Database, OutboxJob } from '../../store/schema.js';
import { audit, engagementOrderingKey } from '../intake.js';
import { JOB_KINDS } from '../jobs.js';
import { enqueueJob } from '../outbox.js';
import { PortalError, type PortalClient, type PortalRecordState } from '../portal-client.js';
import type { SalesforceSink } from '../salesforce-sink.js';

export interface HandlerContext {
  db: Kysely<Database>;
  clock: () => Date;
  clients: Partial<Record<Cloud, PortalClient>>;
  salesforce: SalesforceSink;
  /** Pre-flight checks run before a submit or update reaches the portal (mapping + wire validation). */
  preflight?: (opportunity: CoSellOpportunity, cloud: Cloud) => Finding[];
  /** A submission's early progress write to Salesforce failed (its final outcome is still written). */
  onProgressUnwritten?: (job: OutboxJob, error: string) => void;
}

/**
 * A handler's success: state changes to commit in the same transaction as the job's completion,
 * or null when there are none (the job's completion is then one statement, not a transaction).
 */
export type Outcome = {
  result: object | null;
  commit: ((trx: Transaction<Database>, job: OutboxJob) => Promise<void>) | null;
};

export type JobHandler = (context: HandlerContext, job: OutboxJob) => Promise<Outcome>;

/** The payload of every job about one engagement (submit, update, poll, Salesforce write-back). */
export type EngagementPayload = { opportunityId: string; cloud: Cloud };

export function portalClient(context: HandlerContext, cloud: Cloud): PortalClient {
  const client = context.clients[cloud];
  if (!client) throw new PortalError(cloud, 'auth', `no ${cloud} portal client is configured`);
  return client;
}

export function loadEngagement(db: Kysely<Database>, opportunityId: string, cloud: Cloud) {
  return db
    .selectFrom('engagements')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .where('cloud', '=', cloud)
    .executeTakeFirstOrThrow();
}

export function portalSideOf(cloud: Cloud): 'aws' | 'microsoft' | 'google' {
  return cloud === 'AWS' ? 'aws' : cloud === 'Microsoft' ? 'microsoft' : 'google';
}

/** Queues the Salesforce write-back of an engagement after `cause` changed it. */
export async function enqueueEngagementWriteback(
  trx: Transaction<Database>,
  opportunityId: string,
  cloud: Cloud,
  cause: OutboxJob,
  now: Date,
): Promise<void> {
  await enqueueJob(
    trx,
    {
      kind: JOB_KINDS.salesforceEngagement,
      target: 'salesforce',
      orderingKey: `salesforce:${engagementOrderingKey(opportunityId, cloud)}`,
      idempotencyKey: `salesforce:engagement:${opportunityId}:${cloud}:after:${cause.id}:${cause.attempts}`,
      payload: {
        opportunityId,
        cloud,
        clearRequestedAction: cause.kind === JOB_KINDS.submit || cause.kind === JOB_KINDS.update,
      },
    },
    now,
  );
}

/** Stores the portal's answer on the engagement; a change is audited and written back to Salesforce. */
export async function applyPortalState(
  trx: Transaction<Database>,
  target: EngagementPayload,
  state: PortalRecordState,
  job: OutboxJob,
  options: { submitted: boolean; clearPending: boolean; now: Date },
): Promise<void> {
  const { opportunityId, cloud } = target;
  const now = options.now;
  const before = await trx
    .selectFrom('engagements')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .where('cloud', '=', cloud)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const changed =
    before.status !== state.status ||
    before.portal_id !== state.portalId ||
    JSON.stringify(before.findings) !== JSON.stringify(state.findings);
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
      ...(state.acceptedAt && !before.accepted_at
        ? { accepted_at: new Date(state.acceptedAt) }
        : {}),
      ...(options.clearPending ? { pending_changes: null } : {}),
      updated_at: now,
    })
    .where('id', '=', before.id)
    .execute();
  if (changed || options.submitted) {
    await audit(
      trx,
      {
        side: portalSideOf(cloud),
        entity: 'engagement',
        entityId: `${opportunityId}:${cloud}`,
        action: options.submitted ? 'submitted' : 'status',
        before: { status: before.status, portalId: before.portal_id },
        after: { status: state.status, portalId: state.portalId },
        jobId: job.id,
      },
      now,
    );
    await enqueueEngagementWriteback(trx, opportunityId, cloud, job, now);
  }
}
