// Salesforce referral jobs: write the stored referral to its CoSell_Referral__c, with the owner
// queue the triage chose at intake (kept beside the referral), so a rule changed since cannot make
// the owner disagree with the priority and due time computed then.
import { InboundReferral } from '../../core/model.js';
import { getReferral, setReferralSalesforceId } from '../../store/referrals.js';
import type { OutboxJob } from '../../store/schema.js';
import type { HandlerContext, Outcome } from './context.js';

export async function writeReferral(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const { referralId } = job.payload as { referralId: string };
  const row = await getReferral(context.db, referralId);
  const data = row.data as { triage?: { ownerQueue?: unknown } };
  const referral = InboundReferral.parse({ ...data, triageStatus: row.triage_status });
  const ownerQueue = typeof data.triage?.ownerQueue === 'string' ? data.triage.ownerQueue : null;
  const { salesforceId } = await context.salesforce.writeReferral({
    ...referral,
    referralId,
    ownerQueue,
  });
  return {
    result: { salesforceId },
    commit: (trx) => setReferralSalesforceId(trx, row.id, salesforceId),
  };
}
