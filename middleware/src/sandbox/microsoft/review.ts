// Time-driven state in the Partner Center emulator: Microsoft's review of an outgoing co-sell ask
// (New/Pending → Received → Active/Accepted or Closed/Declined) and the expiry of unanswered incoming
// referrals. It changes the stored referrals in place; `notify` hears each one it changes.
import type { WebhookEventName } from '../../portals/microsoft/schema.js';
import { etag, iso } from './emulator-requests.js';
import type { MicrosoftReviewTiming, StoredReferral } from './emulator-types.js';

/** Moves every referral whose time has come at `now`. */
export function settleReferrals(
  referrals: Map<string, StoredReferral>,
  review: MicrosoftReviewTiming,
  now: number,
  notify: (id: string, eventName: WebhookEventName) => void,
): void {
  for (const [id, stored] of referrals) {
    const referral = stored.referral;
    if (stored.review && referral.status === 'New') {
      const receivedAt = stored.review.sharedAt + review.receivedAfterMs;
      const decidedAt = receivedAt + review.decisionAfterMs;
      if (referral.substatus === 'Pending' && now >= receivedAt) {
        Object.assign(referral, {
          substatus: 'Received',
          updatedDateTime: iso(receivedAt),
          eTag: etag(),
        });
        notify(id, 'referral-updated');
      }
      if (referral.substatus === 'Received' && now >= decidedAt) {
        const outcome =
          stored.review.outcome ??
          (typeof review.outcome === 'function'
            ? review.outcome(structuredClone(referral))
            : review.outcome);
        if (outcome === 'Accepted') {
          Object.assign(referral, {
            status: 'Active',
            substatus: 'Accepted',
            acceptedDateTime: iso(decidedAt),
          });
        } else {
          Object.assign(referral, {
            status: 'Closed',
            substatus: 'Declined',
            statusReason:
              'The Microsoft account team already works this opportunity with another partner; contact the PDM to join the engagement.',
            closedDateTime: iso(decidedAt),
          });
        }
        Object.assign(referral, { updatedDateTime: iso(decidedAt), eTag: etag() });
        stored.review = null;
        notify(id, 'referral-updated');
      }
    }
    if (stored.expiresAt !== null && referral.status === 'New' && now >= stored.expiresAt) {
      Object.assign(referral, {
        status: 'Closed',
        substatus: 'Expired',
        closedDateTime: iso(stored.expiresAt),
        updatedDateTime: iso(stored.expiresAt),
        eTag: etag(),
      });
      stored.expiresAt = null;
      notify(id, 'referral-updated');
    }
  }
}
