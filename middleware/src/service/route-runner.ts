// Runs one route for a request: the parts are checked and parsed, an Idempotency-Key is claimed
// (a duplicate replays the saved answer), the handler runs, and its result is sent and saved.
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { ServiceDeps, ServiceLimits } from './deps.js';
import {
  claimRequestKey,
  IDEMPOTENCY_HEADER,
  releaseRequestKey,
  saveKeyOutcome,
  saveKeyRefusal,
  type ClaimedKey,
} from './idempotency.js';
import { badRequest } from './problem.js';
import { parsePart, refuseHostileInput } from './request-checks.js';
import type { ApiRoute, RouteResult } from './route-table.js';
import { parseStrictly } from './strict-parse.js';

const EMPTY_QUERY = z.strictObject({});

function send(res: Response, result: RouteResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  const contentType = result.contentType ?? 'application/json';
  res
    .status(result.status)
    .type(contentType)
    .send(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
}

export function runRoute(
  route: ApiRoute,
  deps: ServiceDeps,
  limits: ServiceLimits,
): RequestHandler {
  return async (req, res, next) => {
    let claimed: ClaimedKey | null = null;
    try {
      const now = deps.clock();
      refuseHostileInput('params', req.params);
      refuseHostileInput('query', req.query);
      const params = route.params ? parsePart('params', route.params, req.params) : {};
      const query = route.query
        ? parsePart('query', route.query, req.query)
        : route.public
          ? {}
          : parsePart('query', EMPTY_QUERY, req.query);
      let body: unknown = undefined;
      if (route.body) {
        const input: unknown = req.body ?? {};
        refuseHostileInput('body', input);
        const result = route.parseBody ? route.parseBody(input) : parseStrictly(route.body, input);
        if (!result.success) throw badRequest('body', result.issues);
        body = result.data;
      }
      const key = route.method === 'post' ? req.get(IDEMPOTENCY_HEADER) : undefined;
      if (key !== undefined) {
        const claim = await claimRequestKey(deps.db, {
          key,
          subject: req.principal!.subject,
          method: req.method,
          path: req.path,
          body: req.body ?? {},
          now,
          ttlMs: limits.idempotencyTtlMs,
        });
        if ('replay' in claim) {
          res.setHeader('Idempotent-Replayed', 'true');
          send(res, claim.replay);
          return;
        }
        claimed = claim.claimed;
      }
      let result: RouteResult;
      try {
        result = await route.handler({
          params,
          query,
          body,
          principal: req.principal!,
          deps,
          limits,
          now,
          rawBody: req.rawBody ?? Buffer.alloc(0),
          req,
        });
      } catch (error) {
        if (claimed && (await saveKeyRefusal(deps.db, claimed, error, req.path))) claimed = null;
        throw error;
      }
      if (claimed) {
        await saveKeyOutcome(deps.db, claimed, result);
        claimed = null;
      }
      send(res, result);
    } catch (error) {
      if (claimed) await releaseRequestKey(deps.db, claimed).catch(() => undefined);
      next(error);
    }
  };
}
