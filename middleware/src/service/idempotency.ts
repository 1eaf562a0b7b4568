// Idempotency-Key with Stripe's semantics, kept in the store so every instance sees the same keys:
// the first request with a key runs and its response is saved; the same key with the same request
// replays that response; with a different request it is refused (422); while the first is still
// running a duplicate is refused (409) and may retry. Keys expire after the TTL (24 h).
// The records live in store/idempotency.ts; this module gives them their HTTP meaning.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  type StoredResponse,
} from '../store/idempotency.js';
import type { Database } from '../store/schema.js';
import { HttpProblem, PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from './problem.js';
import type { RouteResult } from './route-table.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Stripe accepts keys up to 255 characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
/** Visible, non-space ASCII: what a UUID or any sane client key is made of. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;

/** JSON with object keys sorted, so the same request hashes the same however its fields were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Identifies the request a key was used for: method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** A key this request holds: its outcome is saved under it, or it is released. */
export interface ClaimedKey {
  scope: string;
  key: string;
}

/**
 * Checks the client's key and claims it for this request: the claim to settle once the request
 * has run, or the saved response of the earlier identical request. A malformed key, a key used for
 * another request and a key whose first request still runs are refused as problems.
 */
export async function claimRequestKey(
  db: Kysely<Database>,
  request: {
    key: string;
    subject: string;
    method: string;
    path: string;
    body: unknown;
    now: Date;
    ttlMs: number;
  },
): Promise<{ claimed: ClaimedKey } | { replay: StoredResponse }> {
  const { key } = request;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !IDEMPOTENCY_KEY.test(key)) {
    const message = `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`;
    throw new HttpProblem(400, PROBLEM_TYPES.badRequest, `${IDEMPOTENCY_HEADER} ${message}`, {
      errors: [{ field: `header.${IDEMPOTENCY_HEADER}`, message, code: 'invalid_format' }],
    });
  }
  const scope = `api:${request.subject}`;
  const claim = await claimIdempotencyKey(db, {
    scope,
    key,
    fingerprint: requestFingerprint(request.method, request.path, request.body),
    now: request.now,
    ttlMs: request.ttlMs,
  });
  switch (claim.kind) {
    case 'mismatch':
      throw new HttpProblem(
        422,
        PROBLEM_TYPES.idempotencyMismatch,
        `${IDEMPOTENCY_HEADER} "${key}" was already used for a different request; use a new key for a new request`,
      );
    case 'in-flight':
      throw new HttpProblem(
        409,
        PROBLEM_TYPES.idempotencyInFlight,
        `a request with ${IDEMPOTENCY_HEADER} "${key}" is still being processed; retry shortly`,
        { headers: { 'Retry-After': '1' } },
      );
    case 'replay':
      return { replay: claim.response };
    case 'claimed':
      return { claimed: { scope, key } };
  }
}

/** Saves what the request answered, so a duplicate replays it. */
export async function saveKeyOutcome(
  db: Kysely<Database>,
  claimed: ClaimedKey,
  result: RouteResult,
): Promise<void> {
  await completeIdempotencyKey(db, claimed.scope, claimed.key, {
    status: result.status,
    contentType: result.contentType ?? 'application/json',
    body: result.body,
  });
}

/** A refusal (4xx) is the request's outcome and replays like a success; true when it was saved. */
export async function saveKeyRefusal(
  db: Kysely<Database>,
  claimed: ClaimedKey,
  error: unknown,
  path: string,
): Promise<boolean> {
  if (!(error instanceof HttpProblem) || error.status >= 500) return false;
  await saveKeyOutcome(db, claimed, {
    status: error.status,
    contentType: PROBLEM_CONTENT_TYPE,
    body: error.toBody(path),
  });
  return true;
}

/** A failure on our side forgets the key, so the client may retry with it. */
export async function releaseRequestKey(db: Kysely<Database>, claimed: ClaimedKey): Promise<void> {
  await releaseIdempotencyKey(db, claimed.scope, claimed.key);
}
