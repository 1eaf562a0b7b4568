// The rules every edit of a Partner Center referral passes in the emulator: If-Match (412), the
// one-way status machine, Microsoft deciding a co-sell ask, and the lock while it reviews (423).
import { ifMatchOutcome } from '../../portals/microsoft/concurrency.js';
import { SERVER_MAINTAINED_FIELDS } from '../../portals/microsoft/schema.js';
import { transitionProblem, type ReferralState } from '../../portals/microsoft/status.js';
import { etag, finding, invalid, iso, PartnerCenterError } from './emulator-requests.js';
import type { Json, MicrosoftEmulatorCounters, StoredReferral } from './emulator-types.js';

export interface WriteRules {
  /** Refuse edits (423) while Microsoft reviews a co-sell ask. */
  lockDuringReview: boolean;
  counters: Pick<MicrosoftEmulatorCounters, 'preconditionFailed' | 'locked'>;
}

/** Applies `next` over the stored referral, or throws the Partner Center error that refuses it. */
export function writeReferral(
  stored: StoredReferral,
  next: Json,
  method: 'PUT' | 'PATCH',
  ifMatch: string | undefined,
  now: number,
  { lockDuringReview, counters }: WriteRules,
): Json {
  const current = stored.referral;
  const outcome = ifMatchOutcome(method, ifMatch, String(current.eTag));
  if (outcome === 'missing-if-match')
    throw invalid([
      finding(
        'IF_MATCH_REQUIRED',
        '$',
        'a full update (PUT) needs the If-Match header with the eTag read last',
      ),
    ]);
  if (outcome === 'precondition-failed') {
    counters.preconditionFailed += 1;
    throw new PartnerCenterError(
      412,
      'preconditionFailed',
      `The referral changed since it was read (eTag ${String(current.eTag)}, If-Match ${String(ifMatch)}). Read it again and re-apply the change.`,
    );
  }
  const from: ReferralState = {
    status: current.status as ReferralState['status'],
    substatus: current.substatus as ReferralState['substatus'],
    statusReason: current.statusReason as string | null,
  };
  const to: ReferralState = {
    status: next.status as ReferralState['status'],
    substatus: next.substatus as ReferralState['substatus'],
    statusReason: (next.statusReason as string | null | undefined) ?? null,
  };
  const moves = from.status !== to.status || from.substatus !== to.substatus;
  if (current.status === 'Closed') {
    throw invalid([
      finding(
        'REFERRAL_CLOSED',
        '$.status',
        `the referral is Closed/${String(current.substatus)}: won, lost, declined and expired referrals cannot change`,
      ),
    ]);
  }
  if (moves) {
    const problem = transitionProblem(from, to);
    if (problem)
      throw invalid([
        finding(
          'ILLEGAL_TRANSITION',
          '$.status',
          `cannot move from ${from.status}/${from.substatus} to ${to.status}/${to.substatus}: ${problem}`,
        ),
      ]);
    if (current.direction === 'Outgoing' && stored.review && to.status !== 'Closed') {
      throw invalid([
        finding(
          'MICROSOFT_DECIDES',
          '$.status',
          'Microsoft accepts or declines a co-sell ask; the partner can only close it',
        ),
      ]);
    }
  } else if (lockDuringReview && stored.review && current.status === 'New') {
    counters.locked += 1;
    throw new PartnerCenterError(
      423,
      'resourceLocked',
      `Microsoft is reviewing this co-sell referral (${String(current.substatus)}); edits are accepted once it is decided.`,
      [
        finding(
          'LOCKED_IN_REVIEW',
          '$',
          'Microsoft is reviewing this co-sell referral; the change is applied once it is decided',
        ),
      ],
    );
  }
  const kept = Object.fromEntries(
    SERVER_MAINTAINED_FIELDS.filter((key) => key in current).map((key) => [key, current[key]]),
  );
  const updated: Json = { ...next, ...kept, updatedDateTime: iso(now), eTag: etag() };
  if (to.status === 'Active' && from.status !== 'Active') updated.acceptedDateTime = iso(now);
  if (to.status === 'Closed') {
    updated.closedDateTime = iso(now);
    stored.review = null;
    stored.expiresAt = null;
  }
  if (current.direction === 'Incoming' && to.status !== 'New') stored.expiresAt = null;
  delete updated.links;
  delete updated['@odata.context'];
  stored.referral = updated;
  return updated;
}
