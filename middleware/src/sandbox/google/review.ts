// Google's review in the Cloud Channel emulator: a SUBMITTED opportunity is decided once its time
// comes (ACCEPTED with a Google owner, or not). It changes the stored opportunities in place;
// `notify` hears each one it decides.
import { iso } from './emulator-requests.js';
import type { GoogleReviewTiming, Json, StoredOpportunity } from './emulator-types.js';

/** Decides every SUBMITTED opportunity whose review time has passed at `now`. */
export function settleOpportunities(
  opportunities: Map<string, StoredOpportunity>,
  review: GoogleReviewTiming,
  now: number,
  notify: (name: string, eventType: 'UPDATED') => void,
): void {
  for (const [name, stored] of opportunities) {
    if (!stored.review || stored.opportunity.state !== 'SUBMITTED') continue;
    const decidedAt = stored.review.submittedAt + review.decisionAfterMs;
    if (now < decidedAt) continue;
    const outcome =
      stored.review.outcome ??
      (typeof review.outcome === 'function'
        ? review.outcome(structuredClone(stored.opportunity))
        : review.outcome);
    const opportunity = stored.opportunity;
    if (outcome === 'ACCEPTED') {
      Object.assign(opportunity, {
        state: 'ACCEPTED',
        stage: 'STAGE_0',
        owner: 'Kenji Watanabe',
        ownerEmail: 'kenji.watanabe@google.com',
      });
      opportunity.partnerInfo = {
        ...(opportunity.partnerInfo as Json | undefined),
        approveTime: iso(decidedAt),
      };
    } else {
      Object.assign(opportunity, {
        state: 'NOT_ACCEPTED',
        stateDescription:
          'Google already tracks this customer project with another partner; ask your Partner Development Manager to join the existing opportunity.',
      });
    }
    opportunity.updateTime = iso(decidedAt);
    stored.review = null;
    notify(name, 'UPDATED');
  }
}
