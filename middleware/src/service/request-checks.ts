// What every request passes before its handler runs: input PostgreSQL cannot store or no schema
// needs is refused, query and path parts are parsed strictly, a body must be JSON, and a signed
// route's raw body is verified before it is parsed.
import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { ServiceDeps, ServiceLimits } from './deps.js';
import { badRequest, dottedPath, HttpProblem, PROBLEM_TYPES } from './problem.js';
import type { ApiRoute } from './route-table.js';
import { jsonDepth, nulCharacterPaths, parseStrictly } from './strict-parse.js';

/** No request this API takes nests deeper than this; deeper input is refused before any schema walks it. */
export const MAX_JSON_DEPTH = 32;

/** Input PostgreSQL cannot store (NUL) or no schema here needs (deep nesting) is a 400, never a 500. */
export function refuseHostileInput(part: 'body' | 'query' | 'params', value: unknown): void {
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

export function parsePart<T>(part: 'params' | 'query', schema: z.ZodType<T>, input: unknown): T {
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
export const requireJson: RequestHandler = (req, _res, next) => {
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

/** A route that checks its raw body before parsing (webhook signatures) reads bytes, verifies, then parses JSON. */
export function verifiedJson(
  route: ApiRoute,
  deps: ServiceDeps,
  limits: ServiceLimits,
): RequestHandler {
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
