// Decide jobs: send the inbox's accept or decline to the portal, then queue the referral's
// Salesforce write-back so the org shows when the feedback went out.
import type { Cloud } from '../../core/model.js';
import { audit } from '../../store/audit-log.js';
import { getReferral, updateReferral } from '../../store/referrals.js';
import type { OutboxJob } from '../../store/schema.js';
import { enqueueReferralJob } from '../job-queueing.js';
import { JOB_KINDS, portalSide } from '../jobs.js';
import { portalClient, type HandlerContext, type Outcome } from './context.js';

export async function decideReferral(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const { referralId } = job.payload as { referralId: string };
  const row = await getReferral(context.db, referralId);
  const cloud = row.cloud as Cloud;
  const data = row.data;
  const decision = row.triage_status === 'Accepted' ? 'accept' : 'decline';
  const now = context.clock();
  await portalClient(context, cloud).decide({
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
      await updateReferral(trx, row.id, { data: updated }, now);
      await audit(
        trx,
        {
          side: portalSide(cloud),
          entity: 'referral',
          entityId: referralId,
          action: `portal-${decision}`,
          jobId: claimed.id,
        },
        now,
      );
      await enqueueReferralJob(
        trx,
        {
          kind: JOB_KINDS.salesforceReferral,
          referralId,
          cloud,
          portalId: row.portal_id,
          idempotencyKey: `salesforce:referral:${cloud}:${row.portal_id}:decided:${claimed.id}`,
        },
        now,
      );
    },
  };
}
