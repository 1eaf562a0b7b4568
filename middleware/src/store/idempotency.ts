// The Idempotency-Key records behind the API (service/idempotency.ts gives them their HTTP meaning):
// a key is claimed by the first request, completed with its response, released when the request
// failed on our side, and purged once it expires.
import type { Kysely } from 'kysely';
import { decodeJson } from './json-column.js';
import { findRow } from './rows.js';
import type { Database } from './schema.js';

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
  const { scope, key } = claim;
  // An expired key is forgotten: reusing it is a new request, as Stripe does once keys are pruned.
  await db
    .deleteFrom('idempotency_keys')
    .where((eb) => eb.and({ scope, key }))
    .where('expires_at', '<=', claim.now)
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      scope,
      key,
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
  const existing = await findRow(db, 'idempotency_keys', { scope, key });
  // Deleted between our insert and read (the first request failed and released it): safe to retry.
  if (!existing) return { kind: 'in-flight' };
  if (existing.request_hash !== claim.fingerprint) return { kind: 'mismatch' };
  if (existing.response_status === null) return { kind: 'in-flight' };
  const stored = decodeJson<{ contentType: string; body: unknown }>(existing.response_body);
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
    .where((eb) => eb.and({ scope, key }))
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
    .where((eb) => eb.and({ scope, key, response_status: null }))
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
