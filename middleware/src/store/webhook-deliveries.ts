// The signed portal webhook deliveries already accepted (service/webhook-signature.ts verifies
// them), kept beside the API's Idempotency-Key records under a `webhook:<portal>` scope so the same
// purge forgets both.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

const scopeOf = (portal: string) => `webhook:${portal}`;

/**
 * Records a verified delivery; false when the same signed delivery was already accepted (a replay).
 * Kept until its timestamp leaves the tolerance window, after which the timestamp check refuses it.
 */
export async function recordWebhookDelivery(
  db: Kysely<Database>,
  delivery: {
    portal: string;
    key: string;
    timestamp: number;
    bodyHash: string;
    toleranceSeconds: number;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({
      scope: scopeOf(delivery.portal),
      key: delivery.key,
      request_hash: delivery.bodyHash,
      response_status: 202,
      response_body: null,
      created_at: delivery.now,
      expires_at: new Date((delivery.timestamp + delivery.toleranceSeconds) * 1000 + 1000),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forgets a delivery the engine failed to handle, so the relay's retry of it is not taken for a replay. */
export async function forgetWebhookDelivery(
  db: Kysely<Database>,
  portal: string,
  key: string,
): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where((eb) => eb.and({ scope: scopeOf(portal), key }))
    .execute();
}
