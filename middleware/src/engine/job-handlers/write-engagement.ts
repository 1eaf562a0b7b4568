// Salesforce engagement jobs: write the engagement's stored state to its CoSell_Engagement__c.
import type { Finding } from '../../core/model.js';
import type { OutboxJob } from '../../store/schema.js';
import {
  loadEngagement,
  type EngagementPayload,
  type HandlerContext,
  type Outcome,
} from './context.js';

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

export async function writeEngagement(context: HandlerContext, job: OutboxJob): Promise<Outcome> {
  const { opportunityId, cloud, clearRequestedAction } = job.payload as EngagementPayload & {
    clearRequestedAction: boolean;
  };
  const row = await loadEngagement(context.db, opportunityId, cloud);
  await context.salesforce.writeEngagement({
    opportunityId,
    cloud,
    status: row.status,
    portalId: row.portal_id,
    findings: (typeof row.findings === 'string'
      ? JSON.parse(row.findings)
      : row.findings) as Finding[],
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    lastSyncedAt: iso(row.last_synced_at) ?? context.clock().toISOString(),
    syncError: row.sync_error,
    clearRequestedAction,
  });
  return { result: null, commit: null };
}
