// The Salesforce side of the embedded desk: with no org connected, the store's opportunity mirror
// stands in for Salesforce, so outcomes the engine writes back are visible through the API exactly
// as they would be on the Opportunity and referral records.
import type { Kysely } from 'kysely';
import { CoSellOpportunity, type InboundReferral } from '../core/model.js';
import type { Database } from '../store/schema.js';
import type { EngagementOutcome, SalesforceSink } from '../engine/worker.js';

/** Salesforce-looking Id for a referral record created locally (key prefix of a custom object). */
function localReferralId(referralId: string): string {
  return `a0R${referralId.padStart(12, '0')}AAA`.slice(0, 18);
}

export class LocalSalesforce implements SalesforceSink {
  constructor(private readonly db: Kysely<Database>) {}

  async writeEngagement(outcome: EngagementOutcome): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('opportunities').select('data').where('id', '=', outcome.opportunityId).forUpdate().executeTakeFirst();
      if (!row) return;
      const opportunity = CoSellOpportunity.parse(typeof row.data === 'string' ? JSON.parse(row.data) : row.data);
      const others = opportunity.engagements.filter((e) => e.cloud !== outcome.cloud);
      const current = opportunity.engagements.find((e) => e.cloud === outcome.cloud);
      const engagement = {
        ...(current ?? { cloud: outcome.cloud }),
        cloud: outcome.cloud,
        portalId: outcome.portalId,
        status: outcome.status as CoSellOpportunity['engagements'][number]['status'],
        submittedAt: outcome.submittedAt,
        acceptedAt: outcome.acceptedAt,
        findings: outcome.findings,
        requestedAction: outcome.clearRequestedAction ? null : (current?.requestedAction ?? null),
        lastSyncedAt: outcome.lastSyncedAt,
        syncError: outcome.syncError,
      };
      const updated = CoSellOpportunity.parse({ ...opportunity, engagements: [...others, engagement] });
      // The write-back does not move LastModifiedDate: the engine must not read its own write as a new change.
      await trx.updateTable('opportunities').set({ data: JSON.stringify(updated) }).where('id', '=', outcome.opportunityId).execute();
    });
  }

  async writeReferral(referral: InboundReferral & { referralId: string }): Promise<{ salesforceId: string }> {
    return { salesforceId: referral.id ?? localReferralId(referral.referralId) };
  }
}
