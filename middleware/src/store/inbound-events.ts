// Inbound deliveries already seen, by portal, portal id and version: the same event delivered
// again (by push, webhook or catch-up poll) is recognised and changes nothing.
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Records a delivery; false when this portal id and version was recorded before. */
export async function recordInboundEvent(
  trx: Transaction<Database>,
  event: { portal: string; portalId: string; version: string },
  now: Date,
): Promise<boolean> {
  const fresh = await trx
    .insertInto('inbound_events')
    .values({
      portal: event.portal,
      portal_id: event.portalId,
      version: event.version,
      received_at: now,
    })
    .onConflict((oc) => oc.columns(['portal', 'portal_id', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return fresh !== undefined;
}
