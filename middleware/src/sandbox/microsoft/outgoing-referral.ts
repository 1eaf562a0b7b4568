// A referral the partner creates through POST, as Partner Center stores it: the server-maintained
// fields set, and a co-sell ask (or a deal shared with Microsoft sellers) left for Microsoft to
// review while a private deal starts accepted.
import { randomUUID } from 'node:crypto';
import { hasCoSellAsk } from '../../portals/microsoft/co-sell.js';
import { SERVER_MAINTAINED_FIELDS } from '../../portals/microsoft/schema.js';
import { etag, iso } from './emulator-requests.js';
import type { Json, StoredReferral } from './emulator-types.js';

export function newOutgoingReferral(
  body: Json,
  organization: { id: string; name: string; mpnId: string },
  now: number,
): { referral: Json; stored: StoredReferral } {
  const input = Object.fromEntries(
    Object.entries(body).filter(([key]) => !SERVER_MAINTAINED_FIELDS.includes(key as never)),
  );
  const shared =
    hasCoSellAsk(input) ||
    (input.consent as Json | undefined)?.consentToShareReferralWithMicrosoftSellers === true;
  const referral: Json = {
    ...input,
    id: randomUUID(),
    engagementId: input.engagementId ?? randomUUID(),
    organizationId: organization.id,
    organizationName: organization.name,
    mpnId: organization.mpnId,
    status: shared ? 'New' : 'Active',
    substatus: shared ? 'Pending' : 'Accepted',
    statusReason: null,
    direction: 'Outgoing',
    createdDateTime: iso(now),
    updatedDateTime: iso(now),
    acceptedDateTime: shared ? null : iso(now),
    eTag: etag(),
  };
  return {
    referral,
    stored: { referral, review: shared ? { sharedAt: now, outcome: null } : null, expiresAt: null },
  };
}
