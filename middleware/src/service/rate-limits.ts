// The API's rate limits, counted per caller: a valid token is its own budget; requests without one
// share a small budget per address, so anonymous floods cannot lock out admin, the webhook relay or
// /metrics.
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { bearerPrincipal, type TokenRegistry } from './auth.js';
import type { ServiceLimits } from './deps.js';
import { HttpProblem, PROBLEM_TYPES } from './problem.js';

/** The handlers to put before the routes: who is calling, then the two budgets. */
export function perCallerRateLimits(
  tokens: TokenRegistry,
  limits: ServiceLimits,
): RequestHandler[] {
  const identify: RequestHandler = (req, _res, next) => {
    const principal = bearerPrincipal(tokens, req.get('authorization'));
    req.rateIdentity = principal ? `token:${principal.subject}` : undefined;
    next();
  };
  const limiter = (kind: 'authenticated' | 'anonymous') => {
    const max = kind === 'authenticated' ? limits.rateLimit.max : limits.rateLimit.anonymousMax;
    return rateLimit({
      windowMs: limits.rateLimit.windowMs,
      limit: max,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skip: (req) => (kind === 'authenticated') !== (req.rateIdentity !== undefined),
      keyGenerator: (req) => req.rateIdentity ?? `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
      handler: (_req, _res, next, options) => {
        next(
          new HttpProblem(
            429,
            PROBLEM_TYPES.rateLimited,
            `more than ${max} ${kind} requests in ${limits.rateLimit.windowMs / 1000} s; slow down`,
            {
              headers: { 'Retry-After': String(Math.ceil(options.windowMs / 1000)) },
            },
          ),
        );
      },
    });
  };
  return [identify, limiter('authenticated'), limiter('anonymous')];
}
