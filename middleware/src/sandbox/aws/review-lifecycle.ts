// The ACE account's review lifecycle on the emulator's clock: a submitted opportunity goes In review,
// then AWS decides (Approved, Action Required or Rejected, with its feedback and events); pending
// invitations expire. Tests can fix the outcome of a review, or finish it at once.
import type { GetOpportunityOutput } from '../../portals/aws/generated/ace-schemas.js';
import { AceLedger } from './emulator-ledger.js';
import {
  clone,
  REVIEW_FEEDBACK,
  type ReviewOutcome,
  type StoredOpportunity,
} from './emulator-records.js';

export class AceReviewLifecycle extends AceLedger {
  /** Moves every review (and invitation expiry) forward to `now`; called before each request and on advance. */
  settle(now: number): void {
    const { inReviewAfterMs, decisionAfterMs } = this.options.review;
    for (const stored of this.opportunities.values()) {
      if (stored.submittedAt === null) continue;
      const review = this.reviewOf(stored);
      const inReviewAt = stored.submittedAt + inReviewAfterMs;
      const decidedAt = inReviewAt + decisionAfterMs;
      if (review === 'Submitted' && now >= inReviewAt) {
        this.lifeCycle(stored).ReviewStatus = 'In review';
        this.touch(stored, inReviewAt);
        this.opportunityEvent('Updated', stored, inReviewAt);
      }
      if (this.reviewOf(stored) === 'In review' && now >= decidedAt)
        this.decide(stored, this.outcomeFor(stored), decidedAt);
    }
    for (const invitation of this.invitations.values()) {
      const expires = Date.parse(String(invitation.summary.ExpirationDate));
      if (invitation.summary.Status === 'PENDING' && now >= expires) {
        invitation.summary.Status = 'EXPIRED';
        invitation.detail.Status = 'EXPIRED';
        this.invitationEvent('Expired', invitation, expires);
      }
    }
  }

  protected outcomeFor(stored: StoredOpportunity): ReviewOutcome {
    const override = this.reviewOverrides.get(String(stored.record.Id));
    if (override) return override;
    const { outcome } = this.options.review;
    return typeof outcome === 'function'
      ? outcome(clone(stored.record) as GetOpportunityOutput)
      : outcome;
  }

  protected decide(stored: StoredOpportunity, outcome: ReviewOutcome, at: number): void {
    const life = this.lifeCycle(stored);
    life.ReviewStatus = outcome;
    const feedback = REVIEW_FEEDBACK[outcome];
    if (feedback) {
      life.ReviewComments = feedback.comments;
      life.ReviewStatusReason = feedback.reason;
    } else {
      delete life.ReviewComments;
      delete life.ReviewStatusReason;
      stored.awsStage = 'Qualified';
    }
    stored.submittedAt = null;
    this.reviewOverrides.delete(String(stored.record.Id));
    this.touch(stored, at);
    this.opportunityEvent('Updated', stored, at);
    this.emit(
      outcome === 'Approved'
        ? 'Opportunity Accepted'
        : outcome === 'Rejected'
          ? 'Opportunity Rejected'
          : 'Opportunity Updated',
      at,
      [String(stored.record.Arn)],
      {
        schemaVersion: '1',
        catalog: stored.record.Catalog,
        opportunity: { identifier: stored.record.Id },
      },
    );
  }

  /** Control: the outcome the next (or current) review of this opportunity will have; `now` finishes it at once. */
  setReviewOutcome(id: string, outcome: ReviewOutcome, options: { now?: number } = {}): void {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    if (!stored) throw new Error(`setReviewOutcome: no opportunity ${id}`);
    this.reviewOverrides.set(id, outcome);
    if (options.now !== undefined && ['Submitted', 'In review'].includes(this.reviewOf(stored)))
      this.decide(stored, outcome, options.now);
  }
}
