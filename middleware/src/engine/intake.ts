// How changes enter the engine: an opportunity read from Salesforce (here), a referral a portal
// sent and a decision taken in the inbox (referral-intake.ts). Each is one transaction that
// updates the store, writes the audit log and enqueues the outbound calls it needs, so a crash
// either keeps all of it or none of it.
import type { Kysely } from 'kysely';
import { CoSellOpportunity, type CoSellOpportunityInput, type Engagement } from '../core/model.js';
import { changesPortalContent } from '../core/sync-policy.js';
import { audit } from '../store/audit-log.js';
import { insertEngagementIfAbsent } from '../store/engagements.js';
import { lockOpportunity, saveOpportunity } from '../store/opportunities.js';
import type { Database } from '../store/schema.js';
import { enqueuePortalJob } from './job-queueing.js';
import { JOB_KINDS } from './jobs.js';

export interface OpportunityIntakeResult {
  /** False when the store already had this version (or a newer one): nothing changed. */
  applied: boolean;
  /** Outbox jobs created for this change. */
  jobs: string[];
  /** A person changed what a portal would be sent (not the echo of our own write-back). */
  contentChanged?: boolean;
}

/**
 * Records an opportunity as Salesforce holds it. Requested actions on its engagements become
 * outbox jobs, one per Salesforce version of the request (however often that version is read
 * back); Close is an update carrying the closed stage. Without a request, a newer version updates
 * the portal records only when a Salesforce-owned field changed (core/sync-policy.ts). Older
 * versions than the one stored are ignored. A second Submit after a failed one (the AE fixed the
 * findings) is a new job; the portal client reconciles by the Salesforce Id so it never creates a
 * second portal record.
 */
export async function recordOpportunity(
  db: Kysely<Database>,
  input: CoSellOpportunityInput,
  now: Date,
): Promise<OpportunityIntakeResult> {
  const opportunity = CoSellOpportunity.parse(input);
  const modstamp = new Date(opportunity.lastModifiedDate);
  return db.transaction().execute(async (trx) => {
    const existing = await lockOpportunity(trx, opportunity.id);
    if (existing?.modstamp && existing.modstamp.getTime() > modstamp.getTime())
      return { applied: false, jobs: [] };
    const unchanged = existing?.modstamp?.getTime() === modstamp.getTime();
    // A newer version that moved only engine- or portal-owned fields (the echo of our own
    // attribution or engagement write-back) is stored but costs no portal call.
    const portalContentChanged =
      !existing || changesPortalContent(CoSellOpportunity.parse(existing.data), opportunity);
    await saveOpportunity(trx, opportunity, modstamp, now);
    if (!unchanged) {
      const action = !existing
        ? 'first-seen'
        : portalContentChanged
          ? 'changed'
          : 'changed-salesforce-only';
      await audit(
        trx,
        {
          side: 'salesforce',
          entity: 'opportunity',
          entityId: opportunity.id,
          action,
          after: { lastModifiedDate: opportunity.lastModifiedDate },
        },
        now,
      );
    }
    const jobs: string[] = [];
    for (const engagement of opportunity.engagements) {
      await insertEngagementIfAbsent(trx, { ...engagement, opportunityId: opportunity.id }, now);
      const call = portalCallFor(
        engagement,
        !unchanged && existing !== undefined && portalContentChanged,
      );
      if (!call) continue;
      const job = await enqueuePortalJob(
        trx,
        {
          kind: call.kind,
          opportunityId: opportunity.id,
          cloud: engagement.cloud,
          idempotencyKey: `${engagement.cloud}:${call.key}:${opportunity.id}${call.once ? '' : `:${opportunity.lastModifiedDate}`}`,
        },
        now,
      );
      if (job.created) jobs.push(job.id);
    }
    return { applied: true, jobs, contentChanged: !unchanged && portalContentChanged };
  });
}

/**
 * The portal call an engagement needs after this version of its opportunity: a submission when
 * asked (or an update asked of a record the portal does not have yet), an update when asked or
 * when a person changed what the portal holds, and a close once.
 */
function portalCallFor(
  engagement: Engagement,
  pushContent: boolean,
): {
  kind: typeof JOB_KINDS.submit | typeof JOB_KINDS.update;
  key: string;
  once?: boolean;
} | null {
  const action = engagement.requestedAction;
  if (action === 'Submit' || (action === 'Update' && !engagement.portalId))
    return { kind: JOB_KINDS.submit, key: 'submit' };
  if (action === 'Update' || (action === null && engagement.portalId && pushContent))
    return { kind: JOB_KINDS.update, key: 'update' };
  if (action === 'Close') return { kind: JOB_KINDS.update, key: 'close', once: true };
  return null;
}
