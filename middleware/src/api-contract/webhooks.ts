// The webhook API: one route per portal for its signed event deliveries (the signature scheme is
// service/webhook-signature.ts), answered with what the event changed.
import { z } from 'zod';
import { Finding } from '../core/model.js';
import type { PortalName } from '../portals/portal.js';
import { API_PREFIX, defineContract } from './route-contract.js';

/** The header a relay signs each delivery with. */
export const SIGNATURE_HEADER = 'CoSell-Signature';

const WebhookResponse = z.object({
  outcome: z.enum(['created', 'updated', 'duplicate', 'ignored']),
  referralId: z.string().optional(),
  /** Why an event changed nothing for good (e.g. the portal has no such record): the relay need not retry. */
  reason: z.string().optional(),
});

/** The contract of `portal`'s webhook route. */
export function webhookContract(portal: PortalName) {
  return defineContract({
    operationId: `${portal}Webhook`,
    method: 'post',
    path: `${API_PREFIX}/webhooks/${portal}`,
    summary: `Receive a ${portal} portal event, signed with ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.${portal}.rawBody">`,
    tags: ['webhooks'],
    scopes: ['portal-webhook', 'admin'],
    body: z.record(z.string(), z.unknown()),
    responses: {
      202: {
        description: 'Event accepted (outcome says what it changed)',
        schema: WebhookResponse,
      },
      401: { description: 'Signature missing, wrong or outside the 300 s tolerance' },
      409: { description: 'This delivery (same timestamp and body) was already accepted (replay)' },
      422: {
        description: 'Not an event the portal module accepts',
        schema: z.object({ findings: z.array(Finding) }),
      },
    },
  });
}
