// Poll jobs: re-read the portal record and store its status; an edit kept while the portal
// reviewed the record is queued as an update once the record unlocks.
import type { OutboxJob } from '../../store/schema.js';
import { engagementOrderingKey } from '../intake.js';
import { JOB_KINDS, portalTarget } from '../jobs.js';
import { enqueueJob } from '../outbox.js';
import {
  applyPortalState,
  loadEngagement,
  portalClient,
  type EngagementPayload,
  type HandlerContext,
  type Outcome,
} from './context.js';

export async function pollEngagement(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const target = job.payload as EngagementPayload;
  const { opportunityId, cloud } = target;
  const engagement = await loadEngagement(context.db, opportunityId, cloud);
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
        await trx
          .updateTable('engagements')
          .set({ pending_changes: null })
          .where('id', '=', engagement.id)
          .execute();
        await enqueueJob(
          trx,
          {
            kind: JOB_KINDS.update,
            target: portalTarget(cloud),
            orderingKey: engagementOrderingKey(opportunityId, cloud),
            idempotencyKey: `${cloud}:update:${opportunityId}:unlocked:${claimed.id}`,
            payload: { opportunityId, cloud },
          },
          context.clock(),
        );
      }
    },
  };
}
