// Portal webhook endpoints: the signature is checked over the raw body before anything is read,
// a delivery seen before is refused as a replay, and the event goes to the engine's inbound handler.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Finding } from '../../core/model.js';
import { PORTALS, type PortalName } from '../../portals/portal.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route-table.js';
import { forgetWebhookDelivery, recordWebhookDelivery, SIGNATURE_HEADER, verifyWebhookSignature } from '../webhook-signature.js';

const WebhookResponse = z.object({
  outcome: z.enum(['created', 'updated', 'duplicate', 'ignored']),
  referralId: z.string().optional(),
});

function webhookRoute(portal: PortalName): ApiRoute {
  return defineRoute({
    operationId: `${portal}Webhook`,
    method: 'post',
    path: `${API_PREFIX}/webhooks/${portal}`,
    summary: `Receive a ${portal} portal event, signed with ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.rawBody">`,
    tags: ['webhooks'],
    scopes: ['portal-webhook', 'admin'],
    body: z.record(z.string(), z.unknown()),
    responses: {
      202: { description: 'Event accepted (outcome says what it changed)', schema: WebhookResponse },
      401: { description: 'Signature missing, wrong or outside the 300 s tolerance' },
      409: { description: 'This signed delivery was already accepted (replay)' },
      422: { description: 'Not an event the portal module accepts', schema: z.object({ findings: z.array(Finding) }) },
    },
    async handler({ req, rawBody, deps, limits, now }) {
      const check = verifyWebhookSignature({
        header: req.get(SIGNATURE_HEADER),
        rawBody,
        secrets: deps.webhookSecrets[portal] ?? [],
        now,
        toleranceSeconds: limits.webhookToleranceSeconds,
      });
      if (!check.ok) throw new HttpProblem(401, PROBLEM_TYPES.webhookSignature, `webhook signature rejected: ${check.reason}`);
      const fresh = await recordWebhookDelivery(deps.db, {
        portal,
        signature: check.signature,
        timestamp: check.timestamp,
        bodyHash: createHash('sha256').update(rawBody).digest('hex'),
        toleranceSeconds: limits.webhookToleranceSeconds,
        now,
      });
      if (!fresh) throw new HttpProblem(409, PROBLEM_TYPES.webhookReplay, 'this signed delivery was already accepted; a replay changes nothing');
      let outcome;
      try {
        outcome = await deps.engine.handleWebhook({ portal, payload: req.body, receivedAt: now });
      } catch (error) {
        await forgetWebhookDelivery(deps.db, portal, check.signature);
        throw error;
      }
      if (outcome.outcome === 'rejected') {
        throw new HttpProblem(422, PROBLEM_TYPES.unprocessable, `the ${portal} event was not accepted: ${(outcome.findings ?? []).map((f) => f.message).join(' ') || 'no referral in it'}`, {
          findings: outcome.findings ?? [],
        });
      }
      if (outcome.outcome === 'created' || outcome.outcome === 'updated') deps.engine.nudge();
      return { status: 202, body: { outcome: outcome.outcome, ...(outcome.referralId ? { referralId: outcome.referralId } : {}) } };
    },
  });
}

export const WEBHOOK_ROUTES: ApiRoute[] = PORTALS.map(webhookRoute);
