// Builds the HTTP API from the route table: authentication and persona checks, strict request
// parsing, Idempotency-Key handling, rate limiting, problem+json errors, metrics and request logs.
// Everything it touches arrives through ServiceDeps, so tests build it in process.
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { requireScopes } from './auth.js';
import { DEFAULT_LIMITS, type ServiceDeps, type ServiceLimits } from './deps.js';
import { problemHandler } from './error-handler.js';
import { requestLog } from './logging.js';
import { createServiceMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import { HttpProblem, PROBLEM_TYPES } from './problem.js';
import { perCallerRateLimits } from './rate-limits.js';
import { requireJson, verifiedJson } from './request-checks.js';
import { runRoute } from './route-runner.js';
import type { ApiRoute } from './route-table.js';
import { healthz, metricsRoute, openApiRoute, readyz } from './routes/meta.js';
import { OPPORTUNITY_ROUTES } from './routes/opportunities.js';
import { PAYLOAD_ROUTES } from './routes/payloads.js';
import { PRACTICE_ROUTES } from './routes/practices.js';
import { REFERRAL_ROUTES } from './routes/referrals.js';
import { REPORT_ROUTES } from './routes/reports.js';
import { SYNC_ROUTES } from './routes/sync.js';
import { WEBHOOK_ROUTES } from './routes/webhooks.js';
import { previewRouter } from './preview.js';

declare module 'express-serve-static-core' {
  interface Request {
    rawBody?: Buffer;
    /** Who the rate limit counts this request against: the token's caller, or undefined (anonymous). */
    rateIdentity?: string;
  }
}

/** The routes every app serves, in the order they are registered. */
export const DOMAIN_ROUTES: readonly ApiRoute[] = [
  ...OPPORTUNITY_ROUTES,
  ...REFERRAL_ROUTES,
  ...REPORT_ROUTES,
  ...PAYLOAD_ROUTES,
  ...SYNC_ROUTES,
  ...WEBHOOK_ROUTES,
  ...PRACTICE_ROUTES,
];

export function createApp(deps: ServiceDeps): express.Application {
  const limits: ServiceLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', limits.trustProxy);
  const metrics = createServiceMetrics(deps);
  app.use(requestLog(deps.logger, metrics.observeRequest));

  app.use(['/api', '/metrics'], ...perCallerRateLimits(deps.tokens, limits));

  const jsonBody = express.json({
    limit: limits.bodyLimit,
    strict: true,
    verify: (req, _res, buffer) => {
      (req as Request).rawBody = buffer;
    },
  });

  let document: unknown = null;
  const routes: ApiRoute[] = [healthz, readyz, ...DOMAIN_ROUTES, metricsRoute(metrics)];
  const openApi = openApiRoute(
    () =>
      (document ??= openApiDocument([...routes, openApi], {
        title: 'Co-sell service API',
        version: '1.0.0',
      })),
  );
  routes.push(openApi);

  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (!route.public) chain.push(requireScopes(deps.tokens, route.scopes));
    if (route.body && route.verify)
      chain.push(
        requireJson,
        express.raw({ type: () => true, limit: limits.bodyLimit }),
        verifiedJson(route, deps, limits),
      );
    else if (route.body) chain.push(requireJson, jsonBody);
    chain.push(runRoute(route, deps, limits));
    app[route.method](route.path, ...chain);
  }

  if (deps.preview) app.use(previewRouter(deps.preview));

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new HttpProblem(404, PROBLEM_TYPES.notFound, `no route ${req.method} ${req.path}`));
  });
  app.use(problemHandler(deps.logger));
  return app;
}
