// Salesforce engagement jobs: write the engagement's stored state to its CoSell_Engagement__c.
import type { Finding } from '../../core/model.js';
import { getEngagement } from '../../store/engagements.js';
import type { OutboxJob } from '../../store/schema.js';
import type { EngagementPayload, HandlerContext, Outcome } from './context.js';

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

export async function writeEngagement(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const { opportunityId, cloud, clearRequestedAction } = job.payload as EngagementPayload & {
    clearRequestedAction: boolean;
  };
  const row = await getEngagement(context.db, opportunityId, cloud);
  await context.salesforce.writeEngagement({
    opportunityId,
    cloud,
    status: row.status,
    portalId: row.portal_id,
    findings: row.findings as Finding[],
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    lastSyncedAt: iso(row.last_synced_at) ?? context.clock().toISOString(),
    syncError: row.sync_error,
    clearRequestedAction,
  });
  return { result: null, commit: null };
}
