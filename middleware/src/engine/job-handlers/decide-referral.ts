// Decide jobs: send the inbox's accept or decline to the portal, then queue the referral's
// Salesforce write-back so the org shows when the feedback went out.
import type { Cloud } from '../../core/model.js';
import type { OutboxJob } from '../../store/schema.js';
import { audit } from '../intake.js';
import { JOB_KINDS } from '../jobs.js';
import { enqueueJob } from '../outbox.js';
import { portalClient, portalSideOf, type HandlerContext, type Outcome } from './context.js';

export async function decideReferral(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const { referralId } = job.payload as { referralId: string };
  const row = await context.db
    .selectFrom('referrals')
    .selectAll()
    .where('id', '=', referralId)
    .executeTakeFirstOrThrow();
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
    string,
    unknown
  >;
  const decision = row.triage_status === 'Accepted' ? 'accept' : 'decline';
  const now = context.clock();
  await portalClient(context, row.cloud as Cloud).decide({
    portalId: row.portal_id,
    decision,
    ...(typeof data.declineReason === 'string' ? { declineReason: data.declineReason } : {}),
    ...(typeof data.feedback === 'string' ? { feedback: data.feedback } : {}),
    now,
  });
  return {
    result: { decision },
    commit: async (trx, claimed) => {
      const updated = {
        ...data,
        feedbackSentAt: decision === 'decline' ? now.toISOString() : (data.feedbackSentAt ?? null),
      };
      await trx
        .updateTable('referrals')
        .set({ data: JSON.stringify(updated), updated_at: now })
        .where('id', '=', row.id)
        .execute();
      await audit(
        trx,
        {
          side: portalSideOf(row.cloud as Cloud),
          entity: 'referral',
          entityId: referralId,
          action: `portal-${decision}`,
          jobId: claimed.id,
        },
        now,
      );
      await enqueueJob(
        trx,
        {
          kind: JOB_KINDS.salesforceReferral,
          target: 'salesforce',
          orderingKey: `referral:${row.cloud}:${row.portal_id}`,
          idempotencyKey: `salesforce:referral:${row.cloud}:${row.portal_id}:decided:${claimed.id}`,
          payload: { referralId },
        },
        now,
      );
    },
  };
}
