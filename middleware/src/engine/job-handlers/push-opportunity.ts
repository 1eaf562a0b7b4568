// Submit and update jobs: send the latest Salesforce state the store holds to the portal. While
// the portal reviews the record the edit is kept and goes out, merged, once it unlocks.
import { CoSellOpportunity, type Cloud } from '../../core/model.js';
import { audit } from '../../store/audit-log.js';
import { findSubmission, setPendingChanges } from '../../store/engagements.js';
import type { OutboxJob } from '../../store/schema.js';
import { enqueueFollowUp } from '../job-queueing.js';
import { JOB_KINDS } from '../jobs.js';
import { PortalError, type PortalRecordState } from '../portal-client.js';
import {
  applyPortalState,
  portalClient,
  type EngagementPayload,
  type HandlerContext,
  type Outcome,
} from './context.js';

/** Portal states in which the record is under review and edits must wait. */
const LOCKED_STATUSES = new Set(['Submitted', 'In review']);

/** The opportunity as Salesforce last sent it and its engagement with one cloud, in one read. */
async function loadSubmission(db: HandlerContext['db'], opportunityId: string, cloud: Cloud) {
  const found = await findSubmission(db, opportunityId, cloud);
  if (!found)
    throw new Error(
      `opportunity ${opportunityId} and its ${cloud} engagement are not in the store`,
    );
  return { opportunity: CoSellOpportunity.parse(found.opportunity), engagement: found.engagement };
}

export async function pushOpportunity(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const target = job.payload as EngagementPayload;
  const { opportunityId, cloud } = target;
  const { opportunity, engagement } = await loadSubmission(context.db, opportunityId, cloud);
  const blocking = (context.preflight?.(opportunity, cloud) ?? []).filter(
    (f) => f.severity === 'error',
  );
  if (blocking.length > 0) {
    throw new PortalError(
      cloud,
      'validation',
      `${blocking.length} finding(s) block the ${cloud} submission`,
      { findings: blocking },
    );
  }
  const client = portalClient(context, cloud);
  const now = context.clock();
  const whileLocked = (pollNow: boolean) =>
    queueWhileLocked(context, job, {
      engagementId: engagement.id,
      target,
      since: opportunity.lastModifiedDate,
      status: engagement.status,
      pollNow,
    });
  let state: PortalRecordState;
  if (!engagement.portal_id) {
    let progress: Promise<void> | null = null;
    state = await client.submit({
      opportunity,
      idempotencyKey: job.idempotency_key,
      now,
      onRecorded: (recorded) => {
        progress = showProgress(context, job, target, recorded);
      },
    });
    // Settled before the final outcome is queued, so the two writes reach Salesforce in order.
    await progress;
  } else if (LOCKED_STATUSES.has(engagement.status)) {
    return whileLocked(false);
  } else {
    try {
      state = await client.update({
        opportunity,
        portalId: engagement.portal_id,
        expectedVersion: engagement.portal_version,
        now,
      });
    } catch (error) {
      // Our stored status was stale: the portal started a review since. Queue the edit and
      // re-read the status, instead of parking the job.
      if (error instanceof PortalError && error.kind === 'locked') return whileLocked(true);
      throw error;
    }
  }
  return {
    result: { portalId: state.portalId, status: state.status },
    commit: async (trx, claimed) => {
      await applyPortalState(trx, target, state, claimed, {
        submitted: !engagement.portal_id,
        clearPending: true,
        now: context.clock(),
      });
    },
  };
}

/**
 * Writes the portal id and the portal's current status to Salesforce while the submission goes
 * on. The store is not touched: a retry after a crash must still find no portal id and resume the
 * submission (the client reconciles to the same record). A failed write only costs the early view.
 */
async function showProgress(
  context: HandlerContext,
  job: OutboxJob,
  target: EngagementPayload,
  recorded: PortalRecordState,
): Promise<void> {
  const write = context.salesforce.writeEngagementProgress;
  if (!write) return;
  try {
    await write.call(context.salesforce, {
      ...target,
      portalId: recorded.portalId,
      status: recorded.status,
    });
  } catch (error) {
    context.onProgressUnwritten?.(job, error instanceof Error ? error.message : String(error));
  }
}

/** The portal is reviewing the record: keep the edit and apply it, merged, once it unlocks. */
function queueWhileLocked(
  context: HandlerContext,
  job: OutboxJob,
  locked: {
    engagementId: string;
    target: EngagementPayload;
    since: string;
    status: string;
    pollNow: boolean;
  },
): Outcome {
  const { opportunityId, cloud } = locked.target;
  const now = context.clock();
  return {
    result: { queued: true },
    commit: async (trx) => {
      await setPendingChanges(trx, locked.engagementId, { since: locked.since }, now);
      await audit(
        trx,
        {
          side: 'engine',
          entity: 'engagement',
          entityId: `${opportunityId}:${cloud}`,
          action: 'update-queued-while-locked',
          after: { status: locked.status },
          jobId: job.id,
        },
        now,
      );
      if (locked.pollNow) {
        await enqueueFollowUp(trx, JOB_KINDS.poll, locked.target, 'locked', job, now);
      }
    },
  };
}
