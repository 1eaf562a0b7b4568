// Assigning an inbound referral to an owner (a user or a queue): the store, the audit log and the
// Salesforce write-back change in one transaction, as every engine intake does.
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import { audit, enqueueReferralWriteback } from '../engine/intake.js';
import { findReferral, saveReferralAssignment } from '../store/referrals.js';
import type { Database } from '../store/schema.js';

export type AssignmentResult =
  | { outcome: 'assigned'; jobId: string; previousOwnerId: string | null }
  | { outcome: 'not-found' }
  | { outcome: 'decided'; status: string };

export async function assignReferral(
  db: Kysely<Database>,
  input: { referralId: string; ownerId: string; actor: string },
  now: Date,
): Promise<AssignmentResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findReferral(trx, input.referralId, { lock: true });
    if (!row) return { outcome: 'not-found' as const };
    // A decided referral's owner is history: reassigning it would change nothing the referrer sees.
    if (
      row.triage_status === 'Accepted' ||
      row.triage_status === 'Declined' ||
      row.triage_status === 'Expired'
    ) {
      return { outcome: 'decided' as const, status: row.triage_status };
    }
    const previousOwnerId = typeof row.data.ownerId === 'string' ? row.data.ownerId : null;
    await saveReferralAssignment(trx, row, input.ownerId, now);
    await audit(
      trx,
      {
        side: 'engine',
        entity: 'referral',
        entityId: String(row.id),
        action: 'assigned',
        before: { ownerId: previousOwnerId, triageStatus: row.triage_status },
        after: { ownerId: input.ownerId, triageStatus: 'Assigned', actor: input.actor },
      },
      now,
    );
    const job = await enqueueReferralWriteback(
      trx,
      String(row.id),
      row.cloud as Cloud,
      row.portal_id,
      `assigned:${input.ownerId}:${now.toISOString()}`,
      now,
    );
    return { outcome: 'assigned' as const, jobId: job.id, previousOwnerId };
  });
}
