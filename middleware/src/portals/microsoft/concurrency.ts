// The Partner Center full-update rule as pure functions: a PUT replaces the whole referral, must carry
// the eTag it was read with in `If-Match`, and must not carry `links`; a stale eTag is a 412.

/** The parts of a read-back referral the PUT rule needs. */
export interface VersionedReferral {
  id: string;
  eTag?: string | null;
  links?: unknown;
  [key: string]: unknown;
}

export interface FullUpdateRequest {
  referralId: string;
  headers: { 'If-Match': string };
  /** The whole referral minus `links` and OData annotations. */
  body: Record<string, unknown>;
}

export class MissingETagError extends Error {
  constructor(referralId: string) {
    super(
      `Microsoft referral ${referralId} has no eTag: read it again (GET) before a full update, because PUT requires If-Match`,
    );
    this.name = 'MissingETagError';
  }
}

/** Builds the PUT for a referral as read back and then edited; throws `MissingETagError` without an eTag. */
export function fullUpdateRequest(referral: VersionedReferral): FullUpdateRequest {
  const eTag = referral.eTag?.trim();
  if (!eTag) throw new MissingETagError(referral.id);
  const body = Object.fromEntries(
    Object.entries(referral).filter(([key]) => key !== 'links' && !key.startsWith('@odata.')),
  );
  return { referralId: referral.id, headers: { 'If-Match': eTag }, body };
}

export type IfMatchOutcome = 'applies' | 'missing-if-match' | 'precondition-failed';

/**
 * What Partner Center answers a write with, given the If-Match sent and the referral's current
 * eTag: PUT without If-Match is refused; PATCH without it is last-writer-wins; a mismatch is 412.
 */
export function ifMatchOutcome(
  method: 'PUT' | 'PATCH',
  ifMatch: string | null | undefined,
  currentETag: string,
): IfMatchOutcome {
  if (!ifMatch) return method === 'PUT' ? 'missing-if-match' : 'applies';
  if (ifMatch === '*') return 'applies';
  return ifMatch === currentETag ? 'applies' : 'precondition-failed';
}
