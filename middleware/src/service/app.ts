// Builds the HTTP API from the route table: authentication and persona checks, strict request
// parsing, Idempotency-Key handling, rate limiting, problem+json errors, metrics and request logs.
// Everything it touches arrives through ServiceDeps, so tests build it in process.
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { bearerPrincipal, requireScopes } from './auth.js';
import { DEFAULT_LIMITS, type ServiceDeps, type ServiceLimits } from './deps.js';
import { MAX_IDEMPOTENCY_KEY_LENGTH, requestFingerprint } from './idempotency.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
} from '../store/idempotency.js';
import { requestLog } from './logging.js';
import { createServiceMetrics } from './metrics.js';
import { openApiDocument } from './openapi.js';
import {
  badRequest,
  dottedPath,
  HttpProblem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPES,
  sendProblem,
} from './problem.js';
import type { ApiRoute, RouteResult } from './route-table.js';
import { healthz, metricsRoute, openApiRoute, readyz } from './routes/meta.js';
import { OPPORTUNITY_ROUTES } from './routes/opportunities.js';
import { PAYLOAD_ROUTES } from './routes/payloads.js';
import { PRACTICE_ROUTES } from './routes/practices.js';
import { REFERRAL_ROUTES } from './routes/referrals.js';
import { REPORT_ROUTES } from './routes/reports.js';
import { SYNC_ROUTES } from './routes/sync.js';
import { WEBHOOK_ROUTES } from './routes/webhooks.js';
import { previewRouter } from './preview.js';
import { jsonDepth, nulCharacterPaths, parseStrictly } from './strict-parse.js';

declare module 'express-serve-static-core' {
  interface Request {
    rawBody?: Buffer;
    /** Who the rate limit counts this request against: the token's caller, or undefined (anonymous). */
    rateIdentity?: string;
  }
}

/** No request this API takes nests deeper than this; deeper input is refused before any schema walks it. */
export const MAX_JSON_DEPTH = 32;

/** Input PostgreSQL cannot store (NUL) or no schema here needs (deep nesting) is a 400, never a 500. */
function refuseHostileInput(part: 'body' | 'query' | 'params', value: unknown): void {
  if (part === 'body' && jsonDepth(value) > MAX_JSON_DEPTH) {
    throw new HttpProblem(
      400,
      PROBLEM_TYPES.badRequest,
      `the body nests deeper than ${MAX_JSON_DEPTH} levels; no request to this API does`,
      {
        errors: [
          {
            field: 'body',
            message: `nested deeper than ${MAX_JSON_DEPTH} levels`,
            code: 'too_deep',
          },
        ],
      },
    );
  }
  const nul = nulCharacterPaths(value);
  if (nul.length > 0) {
    const errors = nul.map((path) => ({
      field: path.length > 0 ? `${part}.${dottedPath(path)}` : part,
      message: 'contains a NUL character (\\u0000), which text may not hold',
      code: 'nul_character',
    }));
    throw new HttpProblem(
      400,
      PROBLEM_TYPES.badRequest,
      `invalid ${part}: ${errors.map((error) => error.field).join(', ')} contain(s) a NUL character`,
      { errors },
    );
  }
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Visible, non-space ASCII: what a UUID or any sane client key is made of. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]+$/;
const EMPTY_QUERY = z.strictObject({});

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

function parsePart<T>(part: 'params' | 'query', schema: z.ZodType<T>, input: unknown): T {
  const result = parseStrictly(schema, input);
  if (!result.success) throw badRequest(part, result.issues);
  return result.data;
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

/** A body that is not JSON is refused before parsing, rather than read as "no body". */
const requireJson: RequestHandler = (req, _res, next) => {
  if (hasBody(req) && !req.is('application/json')) {
    next(
      new HttpProblem(
        415,
        PROBLEM_TYPES.unsupportedMediaType,
        `send the body as application/json (got ${req.get('content-type') ?? 'no content type'})`,
      ),
    );
    return;
  }
  next();
};

function send(res: Response, result: RouteResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  const contentType = result.contentType ?? 'application/json';
  res
    .status(result.status)
    .type(contentType)
    .send(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
}

function runRoute(route: ApiRoute, deps: ServiceDeps, limits: ServiceLimits): RequestHandler {
  return async (req, res, next) => {
    let claimed: { scope: string; key: string } | null = null;
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
        if (
          key.length === 0 ||
          key.length > MAX_IDEMPOTENCY_KEY_LENGTH ||
          !IDEMPOTENCY_KEY.test(key)
        ) {
          throw new HttpProblem(
            400,
            PROBLEM_TYPES.badRequest,
            `${IDEMPOTENCY_HEADER} must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`,
            {
              errors: [
                {
                  field: `header.${IDEMPOTENCY_HEADER}`,
                  message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters`,
                  code: 'invalid_format',
                },
              ],
            },
          );
        }
        const scope = `api:${req.principal!.subject}`;
        const claim = await claimIdempotencyKey(deps.db, {
          scope,
          key,
          fingerprint: requestFingerprint(req.method, req.path, req.body ?? {}),
          now,
          ttlMs: limits.idempotencyTtlMs,
        });
        if (claim.kind === 'mismatch') {
          throw new HttpProblem(
            422,
            PROBLEM_TYPES.idempotencyMismatch,
            `${IDEMPOTENCY_HEADER} "${key}" was already used for a different request; use a new key for a new request`,
          );
        }
        if (claim.kind === 'in-flight') {
          throw new HttpProblem(
            409,
            PROBLEM_TYPES.idempotencyInFlight,
            `a request with ${IDEMPOTENCY_HEADER} "${key}" is still being processed; retry shortly`,
            {
              headers: { 'Retry-After': '1' },
            },
          );
        }
        if (claim.kind === 'replay') {
          res.setHeader('Idempotent-Replayed', 'true');
          send(res, {
            status: claim.response.status,
            contentType: claim.response.contentType,
            body: claim.response.body,
          });
          return;
        }
        claimed = { scope, key };
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
        // A refusal (4xx) is the request's outcome and replays like a success; a failure on our side does not.
        if (claimed && error instanceof HttpProblem && error.status < 500) {
          await completeIdempotencyKey(deps.db, claimed.scope, claimed.key, {
            status: error.status,
            contentType: PROBLEM_CONTENT_TYPE,
            body: error.toBody(req.path),
          });
          claimed = null;
        }
        throw error;
      }
      if (claimed) {
        await completeIdempotencyKey(deps.db, claimed.scope, claimed.key, {
          status: result.status,
          contentType: result.contentType ?? 'application/json',
          body: result.body,
        });
        claimed = null;
      }
      send(res, result);
    } catch (error) {
      if (claimed)
        await releaseIdempotencyKey(deps.db, claimed.scope, claimed.key).catch(() => undefined);
      next(error);
    }
  };
}

/** Body-parser failures carry a `type`; each becomes the problem a client can act on. */
function parserProblem(error: { type?: string; message?: string }): HttpProblem | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpProblem(
        400,
        PROBLEM_TYPES.badRequest,
        `malformed JSON body: ${error.message ?? 'cannot parse'}`,
        {
          errors: [
            {
              field: 'body',
              message: 'not valid JSON (a JSON object or array is expected)',
              code: 'invalid_json',
            },
          ],
        },
      );
    case 'entity.too.large':
      return new HttpProblem(
        413,
        PROBLEM_TYPES.tooLarge,
        'request body is larger than this API accepts',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(
        415,
        PROBLEM_TYPES.unsupportedMediaType,
        error.message ?? 'unsupported body encoding',
      );
    default:
      break;
  }
  // Anything else body-parser refuses (a gzip header on a plain body, a bad length) carries its 4xx status.
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem(
      status,
      status === 415
        ? PROBLEM_TYPES.unsupportedMediaType
        : status === 413
          ? PROBLEM_TYPES.tooLarge
          : PROBLEM_TYPES.badRequest,
      `the request body could not be read: ${error.message ?? 'malformed'}`,
    );
  }
  return null;
}

/** What the log may say about an unexpected error: never a driver's SQL text or parameters (customer data). */
function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message.split('\n')[0]!.slice(0, 300),
    ...(typeof code === 'string' ? { code } : {}),
    stack: error.stack?.split('\n').slice(1, 8).join('\n'),
  };
}

/** A route that checks its raw body before parsing (webhook signatures) reads bytes, verifies, then parses JSON. */
function verifiedJson(route: ApiRoute, deps: ServiceDeps, limits: ServiceLimits): RequestHandler {
  return (req, _res, next) => {
    try {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      req.rawBody = raw;
      route.verify!({ req, rawBody: raw, deps, limits, now: deps.clock() });
      let parsed: unknown = undefined;
      if (raw.length > 0) {
        try {
          parsed = JSON.parse(raw.toString('utf8'));
        } catch (error) {
          throw Object.assign(new Error(error instanceof Error ? error.message : 'cannot parse'), {
            type: 'entity.parse.failed',
          });
        }
      }
      req.body = parsed;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function createApp(deps: ServiceDeps): express.Application {
  const limits: ServiceLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', limits.trustProxy);
  const metrics = createServiceMetrics(deps);
  app.use(requestLog(deps.logger, metrics.observeRequest));

  // Limits count per caller: a valid token is its own budget; requests without one share a small
  // budget per address, so anonymous floods cannot lock out admin, the webhook relay or /metrics.
  const identify: RequestHandler = (req, _res, next) => {
    const principal = bearerPrincipal(deps.tokens, req.get('authorization'));
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
  app.use(['/api', '/metrics'], identify, limiter('authenticated'), limiter('anonymous'));

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
  // Express recognises an error handler by its four parameters.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    // The client hung up before its request was read: nobody is left to answer, and it is no fault here.
    if (
      (error as { type?: string }).type === 'request.aborted' ||
      (req.destroyed && (error as { code?: string }).code === 'ECONNRESET')
    ) {
      deps.logger.info({ path: req.path }, 'client abandoned the request');
      return;
    }
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem =
      error instanceof HttpProblem ? error : parserProblem(error as { type?: string });
    if (problem) {
      sendProblem(res, problem, req.path);
      return;
    }
    deps.logger.error({ err: loggableError(error), path: req.path }, 'unhandled error');
    sendProblem(
      res,
      new HttpProblem(500, PROBLEM_TYPES.internal, 'unexpected failure; the service logged it'),
      req.path,
    );
  });
  return app;
}
