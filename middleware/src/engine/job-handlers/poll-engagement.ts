// Poll jobs: re-read the portal record and store its status; an edit kept while the portal
// reviewed the record is queued as an update once the record unlocks.
import { getEngagement, setPendingChanges } from '../../store/engagements.js';
import type { OutboxJob } from '../../store/schema.js';
import { enqueueFollowUp } from '../job-queueing.js';
import { JOB_KINDS } from '../jobs.js';
import {
  applyPortalState,
  portalClient,
  type EngagementPayload,
  type HandlerContext,
  type Outcome,
} from './context.js';

export async function pollEngagement(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const target = job.payload as EngagementPayload;
  const { opportunityId, cloud } = target;
  const engagement = await getEngagement(context.db, opportunityId, cloud);
  if (!engagement.portal_id) return { result: null, commit: null };
  const state = await portalClient(context, cloud).fetch(engagement.portal_id);
  return {
    result: { status: state.status },
    commit: async (trx, claimed) => {
      await applyPortalState(trx, target, state, claimed, {
        submitted: false,
        clearPending: false,
        now: context.clock(),
      });
      if (!state.locked && engagement.pending_changes) {
        await setPendingChanges(trx, engagement.id, null, null);
        await enqueueFollowUp(trx, JOB_KINDS.update, target, 'unlocked', claimed, context.clock());
      }
    },
  };
}
