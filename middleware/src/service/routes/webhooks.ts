// Portal webhook endpoints: the signature is checked over the raw body before anything is read,
// a delivery seen before is refused as a replay, and the event goes to the engine's inbound handler.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { Finding } from '../../core/model.js';
import { PORTALS, type PortalName } from '../../portals/portal.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { API_PREFIX, defineRoute, type ApiRoute, type VerifyContext } from '../route-table.js';
import { forgetWebhookDelivery, recordWebhookDelivery } from '../../store/webhook-deliveries.js';
import {
  deliveryKey,
  SIGNATURE_HEADER,
  verifyWebhookSignature,
  type SignatureCheck,
} from '../webhook-signature.js';

const WebhookResponse = z.object({
  outcome: z.enum(['created', 'updated', 'duplicate', 'ignored']),
  referralId: z.string().optional(),
  /** Why an event changed nothing for good (e.g. the portal has no such record): the relay need not retry. */
  reason: z.string().optional(),
});

function checkSignature(
  portal: PortalName,
  {
    req,
    rawBody,
    deps,
    limits,
    now,
  }: Pick<VerifyContext, 'rawBody' | 'deps' | 'limits' | 'now'> & { req: Request },
): SignatureCheck & { ok: true } {
  const check = verifyWebhookSignature({
    portal,
    header: req.get(SIGNATURE_HEADER),
    rawBody,
    secrets: deps.webhookSecrets[portal] ?? [],
    now,
    toleranceSeconds: limits.webhookToleranceSeconds,
  });
  if (!check.ok)
    throw new HttpProblem(
      401,
      PROBLEM_TYPES.webhookSignature,
      `webhook signature rejected: ${check.reason}`,
    );
  return check;
}

function webhookRoute(portal: PortalName): ApiRoute {
  return defineRoute({
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
    // Nothing of an unsigned or wrongly signed body is parsed.
    verify: (context) => void checkSignature(portal, context),
    async handler({ req, rawBody, deps, limits, now }) {
      const check = checkSignature(portal, { req, rawBody, deps, limits, now });
      const key = deliveryKey(check.timestamp, rawBody);
      const fresh = await recordWebhookDelivery(deps.db, {
        portal,
        key,
        timestamp: check.timestamp,
        bodyHash: createHash('sha256').update(rawBody).digest('hex'),
        toleranceSeconds: limits.webhookToleranceSeconds,
        now,
      });
      if (!fresh)
        throw new HttpProblem(
          409,
          PROBLEM_TYPES.webhookReplay,
          'this signed delivery was already accepted; a replay changes nothing',
        );
      let outcome;
      try {
        outcome = await deps.engine.handleWebhook({ portal, payload: req.body, receivedAt: now });
      } catch (error) {
        await forgetWebhookDelivery(deps.db, portal, key);
        throw error;
      }
      if (outcome.outcome === 'rejected') {
        throw new HttpProblem(
          422,
          PROBLEM_TYPES.unprocessable,
          `the ${portal} event was not accepted: ${(outcome.findings ?? []).map((f) => f.message).join(' ') || 'no referral in it'}`,
          {
            findings: outcome.findings ?? [],
          },
        );
      }
      if (outcome.outcome === 'created' || outcome.outcome === 'updated') deps.engine.nudge();
      if (outcome.reason)
        deps.logger.warn(
          { portal, outcome: outcome.outcome, reason: outcome.reason },
          'webhook event changed nothing',
        );
      return {
        status: 202,
        body: {
          outcome: outcome.outcome,
          ...(outcome.referralId ? { referralId: outcome.referralId } : {}),
          ...(outcome.reason ? { reason: outcome.reason } : {}),
        },
      };
    },
  });
}

export const WEBHOOK_ROUTES: ApiRoute[] = PORTALS.map(webhookRoute);
