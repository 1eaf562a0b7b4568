// Idempotency-Key with Stripe's semantics, kept in the store so every instance sees the same keys:
// the first request with a key runs and its response is saved; the same key with the same request
// replays that response; with a different request it is refused (422); while the first is still
// running a duplicate is refused (409) and may retry. Keys expire after the TTL (24 h).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Stripe accepts keys up to 255 characters. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

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

export interface StoredResponse {
  status: number;
  contentType: string;
  body: unknown;
}

export type KeyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-flight' };

/**
 * Claims a key for a request. `scope` separates callers, so two clients choosing the same key
 * never see each other's responses.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  claim: { scope: string; key: string; fingerprint: string; now: Date; ttlMs: number },
): Promise<KeyClaim> {
  // An expired key is forgotten: reusing it is a new request, as Stripe does once keys are pruned.
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .where('expires_at', '<=', claim.now)
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      scope: claim.scope,
      key: claim.key,
      request_hash: claim.fingerprint,
      response_status: null,
      response_body: null,
      created_at: claim.now,
      expires_at: new Date(claim.now.getTime() + claim.ttlMs),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'claimed' };
  const existing = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response_status', 'response_body'])
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .executeTakeFirst();
  // Deleted between our insert and read (the first request failed and released it): safe to retry.
  if (!existing) return { kind: 'in-flight' };
  if (existing.request_hash !== claim.fingerprint) return { kind: 'mismatch' };
  if (existing.response_status === null) return { kind: 'in-flight' };
  const stored = (
    typeof existing.response_body === 'string'
      ? JSON.parse(existing.response_body)
      : existing.response_body
  ) as { contentType: string; body: unknown };
  return {
    kind: 'replay',
    response: {
      status: Number(existing.response_status),
      contentType: stored.contentType,
      body: stored.body,
    },
  };
}

/** Saves the response of a claimed key so later duplicates replay it. */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  scope: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({
      response_status: response.status,
      response_body: JSON.stringify({ contentType: response.contentType, body: response.body }),
    })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .execute();
}

/**
 * Forgets a claimed key whose request failed on our side (5xx). Our handlers write in one
 * transaction, so nothing of the failed attempt remains and the client may retry with the same key.
 */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  scope: string,
  key: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('response_status', 'is', null)
    .execute();
}

/** Deletes expired keys (and webhook delivery records); run periodically by the service. */
export async function purgeExpiredIdempotencyKeys(
  db: Kysely<Database>,
  now: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
