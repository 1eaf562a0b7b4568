// What every job handler is given, what it returns, and the engagement bookkeeping the handlers
// (and the runner's failure path) share: applying a portal's answer and queueing the write-back.
import type { Kysely, Transaction } from 'kysely';
import type { Cloud, CoSellOpportunity, Finding } from '../../core/model.js';
import { audit } from '../../store/audit-log.js';
import { getEngagement, storeEngagementState } from '../../store/engagements.js';
import type { Database, OutboxJob } from '../../store/schema.js';
import { enqueueEngagementWriteback } from '../job-queueing.js';
import { portalSide } from '../jobs.js';
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

export { enqueueEngagementWriteback } from '../job-queueing.js';

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
  const before = await getEngagement(trx, opportunityId, cloud, { lock: true });
  const changed =
    before.status !== state.status ||
    before.portal_id !== state.portalId ||
    JSON.stringify(before.findings) !== JSON.stringify(state.findings);
  await storeEngagementState(
    trx,
    before,
    {
      portalId: state.portalId,
      status: state.status,
      version: state.version,
      findings: state.findings,
      clearPending: options.clearPending,
      ...(options.submitted ? { submittedAt: now } : {}),
      ...(state.acceptedAt ? { acceptedAt: new Date(state.acceptedAt) } : {}),
    },
    now,
  );
  if (changed || options.submitted) {
    await audit(
      trx,
      {
        side: portalSide(cloud),
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
