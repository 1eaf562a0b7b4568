// Acts on what people asked for in the referral inbox (Requested_Action__c = Accept | Decline |
// Assign): each request reaches the engine exactly once, then the request is cleared. The engine
// decides a referral once, so a request read again after a crash (recorded, not yet cleared) is
// recognised as done and only cleared.
import type { Kysely } from 'kysely';
import { validateDecline } from '../../core/feedback/index.js';
import { InboundReferral, type Cloud, type Finding } from '../../core/model.js';
import { REFERRAL_FIELDS, REFERRAL_OBJECT } from '../../core/salesforce-fields.js';
import { audit } from '../../store/audit-log.js';
import {
  assignReferral,
  recordReferralDecision,
  ReferralStateError,
} from '../../engine/referral-intake.js';
import { findReferralOfRecord, type ReferralRecord } from '../../store/referrals.js';
import type { Database } from '../../store/schema.js';
import type { SalesforceApi } from './api.js';
import { CollectionsWriter } from './collections.js';
import { referralRequestsQuery } from './queries.js';

type Row = Record<string, unknown>;

export type ReferralRequestOutcome =
  | { salesforceId: string; action: string; outcome: 'decided'; jobId: string }
  | { salesforceId: string; action: string; outcome: 'assigned' | 'already-done' }
  | { salesforceId: string; action: string; outcome: 'refused'; findings: Finding[] }
  | { salesforceId: string; action: string; outcome: 'unmatched' }
  | { salesforceId: string; action: string; outcome: 'failed'; error: string };

export interface ReferralRequestResult {
  outcomes: ReferralRequestOutcome[];
  /** Requests cleared on the records. */
  cleared: number;
  /** Clears Salesforce refused (the request is then consumed again next time, harmlessly). */
  clearFailures: number;
}

function dataOf(row: ReferralRecord): InboundReferral | null {
  const parsed = InboundReferral.safeParse({ ...row.data, triageStatus: row.triage_status });
  return parsed.success ? parsed.data : null;
}

export class ReferralRequestConsumer {
  private readonly collections: CollectionsWriter;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly api: SalesforceApi,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.collections = new CollectionsWriter(api);
  }

  /** Records in the audit log what became of a request that changed nothing. */
  private note(entityId: string, action: string, after: Record<string, unknown>): Promise<void> {
    return audit(
      this.db,
      { side: 'salesforce', entity: 'referral', entityId, action, after },
      this.clock(),
    );
  }

  private findReferral(row: Row): Promise<ReferralRecord | undefined> {
    return findReferralOfRecord(this.db, {
      salesforceId: String(row.Id),
      cloud: row[REFERRAL_FIELDS.cloud],
      portalId: row[REFERRAL_FIELDS.portalId],
    });
  }

  private async assign(
    referral: ReferralRecord,
    ownerId: string,
    actor: string,
  ): Promise<'assigned' | 'already-done'> {
    const result = await assignReferral(
      this.db,
      { referralId: referral.id, ownerId, actor, side: 'salesforce' },
      this.clock(),
    );
    // Decided, or assigned to this owner before (the request was recorded, then the clear was lost).
    return result.outcome === 'assigned' ? 'assigned' : 'already-done';
  }

  private async consume(row: Row): Promise<ReferralRequestOutcome> {
    const salesforceId = String(row.Id);
    const action = String(row[REFERRAL_FIELDS.requestedAction]);
    const actor = `salesforce:${String(row[REFERRAL_FIELDS.ownerId] ?? 'unknown')}`;
    const referral = await this.findReferral(row);
    if (!referral) {
      await this.note(salesforceId, 'request-unmatched', { requestedAction: action });
      return { salesforceId, action, outcome: 'unmatched' };
    }
    const referralId = String(referral.id);
    try {
      if (action === 'Assign') {
        const owner = row[REFERRAL_FIELDS.ownerId];
        if (typeof owner !== 'string' || owner === '')
          throw new ReferralStateError('an assignment needs an owner');
        return { salesforceId, action, outcome: await this.assign(referral, owner, actor) };
      }
      if (action === 'Accept') {
        const { jobId } = await recordReferralDecision(
          this.db,
          { referralId, decision: 'accept', actor },
          this.clock(),
        );
        return { salesforceId, action, outcome: 'decided', jobId };
      }
      if (action === 'Decline') {
        const held = dataOf(referral);
        const reason = row[REFERRAL_FIELDS.declineReason] as string | null | undefined;
        const feedback = row[REFERRAL_FIELDS.feedback] as string | null | undefined;
        const context = held ?? {
          cloud: referral.cloud as Cloud,
          customerName: '',
          customerDomain: null,
          title: null,
          description: null,
        };
        const findings = validateDecline({ reason, feedback, referral: context });
        if (
          findings.some((finding) => finding.severity === 'error') &&
          !['Accepted', 'Declined'].includes(referral.triage_status)
        ) {
          await this.note(referralId, 'decline-refused', { findings, actor });
          return { salesforceId, action, outcome: 'refused', findings };
        }
        const { jobId } = await recordReferralDecision(
          this.db,
          {
            referralId,
            decision: 'decline',
            declineReason: reason as never,
            feedback: feedback ?? '',
            actor,
          },
          this.clock(),
        );
        return { salesforceId, action, outcome: 'decided', jobId };
      }
      await this.note(referralId, 'request-unknown', { requestedAction: action });
      return { salesforceId, action, outcome: 'unmatched' };
    } catch (error) {
      // Decided before (this request was recorded, then the clear was lost): nothing more to do.
      if (error instanceof ReferralStateError && /already/.test(error.message))
        return { salesforceId, action, outcome: 'already-done' };
      throw error;
    }
  }

  /**
   * Reads every pending request, hands each to the engine, then clears them (200 a call). A request
   * that failed with an unexpected error is left in place and tried again next time.
   */
  async run(): Promise<ReferralRequestResult> {
    const rows = await this.api.queryAll<Row>(referralRequestsQuery());
    const outcomes: ReferralRequestOutcome[] = [];
    for (const row of rows) {
      try {
        outcomes.push(await this.consume(row));
      } catch (error) {
        outcomes.push({
          salesforceId: String(row.Id),
          action: String(row[REFERRAL_FIELDS.requestedAction]),
          outcome: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const clears = outcomes
      .filter((outcome) => outcome.outcome !== 'failed')
      .map((outcome) => ({ Id: outcome.salesforceId, [REFERRAL_FIELDS.requestedAction]: null }));
    const results = await this.collections.write({ object: REFERRAL_OBJECT }, clears);
    return {
      outcomes,
      cleared: results.filter((result) => result.ok).length,
      clearFailures: results.filter((result) => !result.ok).length,
    };
  }
}
