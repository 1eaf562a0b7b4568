// Portal webhook endpoints: the signature is checked over the raw body before anything is read,
// a delivery seen before is refused as a replay, and the event goes to the engine's inbound handler.
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { PORTALS, type PortalName } from '../../portals/portal.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import * as contract from '../../api-contract/webhooks.js';
import { SIGNATURE_HEADER } from '../../api-contract/webhooks.js';
import { defineRoute, type ApiRoute, type VerifyContext } from '../route-table.js';
import { forgetWebhookDelivery, recordWebhookDelivery } from '../../store/webhook-deliveries.js';
import { deliveryKey, verifyWebhookSignature, type SignatureCheck } from '../webhook-signature.js';

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
    ...contract.webhookContract(portal),
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
