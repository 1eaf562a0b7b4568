// Errors leave the API as RFC 9457 problem details (application/problem+json), with one reason per
// offending field so a client can point the person at exactly what to fix.
import type { Response } from 'express';
import { z } from 'zod';
import type { Finding } from '../core/model.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const FieldError = z.object({
  /** Where the problem is: `body.coSell.clouds[1]`, `query.cloud`, `header.Idempotency-Key`. */
  field: z.string(),
  message: z.string(),
  code: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(FieldError).optional(),
  findings: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Stable problem types: clients branch on these, never on the wording. */
export const PROBLEM_TYPES = {
  badRequest: 'bad-request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not-found',
  conflict: 'conflict',
  idempotencyMismatch: 'idempotency-key-reused',
  idempotencyInFlight: 'idempotency-key-in-flight',
  unprocessable: 'unprocessable',
  tooLarge: 'payload-too-large',
  unsupportedMediaType: 'unsupported-media-type',
  rateLimited: 'rate-limited',
  webhookSignature: 'webhook-signature',
  webhookReplay: 'webhook-replay',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Thrown by handlers and middleware; the error handler renders it as problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
    readonly extras: {
      errors?: FieldError[];
      findings?: Finding[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  toBody(instance?: string): Problem {
    return {
      type: `urn:cosell:problem:${this.type}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.extras.errors ? { errors: this.extras.errors } : {}),
      ...(this.extras.findings ? { findings: this.extras.findings } : {}),
    };
  }
}

/** `coSell.clouds[1]` from a zod path. */
export function dottedPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
}

/** One field error per zod issue (unknown keys: one per key), prefixed with the request part. */
export function fieldErrors(
  part: 'body' | 'query' | 'params' | 'header',
  issues: ReadonlyArray<z.core.$ZodIssue>,
): FieldError[] {
  return issues.flatMap((issue) => {
    const at = dottedPath(issue.path);
    const base = at ? `${part}.${at}` : part;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${base}.${key}`,
        message: `unknown field "${key}"`,
        code: 'unknown_field',
      }));
    }
    return [{ field: base, message: issue.message, code: issue.code }];
  });
}

export function badRequest(
  part: 'body' | 'query' | 'params' | 'header',
  issues: ReadonlyArray<z.core.$ZodIssue>,
): HttpProblem {
  const errors = fieldErrors(part, issues);
  const fields = [...new Set(errors.map((error) => error.field))];
  return new HttpProblem(
    400,
    PROBLEM_TYPES.badRequest,
    `invalid ${part}: ${fields.slice(0, 5).join(', ')}${fields.length > 5 ? ', …' : ''}`,
    { errors },
  );
}

export function sendProblem(res: Response, problem: HttpProblem, instance?: string): void {
  for (const [name, value] of Object.entries(problem.extras.headers ?? {}))
    res.setHeader(name, value);
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem.toBody(instance)));
}

/** A refused state change as the problem it means: 404 when the record does not exist, else 409. */
export function stateProblem(error: Error): HttpProblem {
  return /does not exist/.test(error.message)
    ? new HttpProblem(404, PROBLEM_TYPES.notFound, error.message)
    : new HttpProblem(409, PROBLEM_TYPES.conflict, error.message);
}
