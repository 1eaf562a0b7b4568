// One API route: its contract (api-contract/: path, personas, zod schemas for every request part
// and response) and its handler. The app registers routes from this table and the OpenAPI document
// is generated from it, so a route cannot exist undocumented or unauthenticated.
import type { Request } from 'express';
import type { z } from 'zod';
import type { RouteContract } from '../api-contract/route-contract.js';
import type { Principal } from './auth.js';
import type { ServiceDeps, ServiceLimits } from './deps.js';
import type { StrictResult } from './strict-parse.js';

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  deps: ServiceDeps;
  limits: ServiceLimits;
  /** The request's moment, read once from the injected clock. */
  now: Date;
  /** The body bytes exactly as received (webhook signatures are computed over them). */
  rawBody: Buffer;
  req: Request;
}

export interface VerifyContext {
  req: Request;
  rawBody: Buffer;
  deps: ServiceDeps;
  limits: ServiceLimits;
  now: Date;
}

export interface RouteResult {
  status: number;
  body: unknown;
  /** Default `application/json`; e.g. `text/csv` for a report download. */
  contentType?: string;
  headers?: Record<string, string>;
}

export type { ResponseSpec } from '../api-contract/route-contract.js';

type Schema = z.ZodType;

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema>
  extends RouteContract<P, Q, B> {
  /** Replaces the strict parse of `body` when one schema cannot give field-level reasons (e.g. either-or bodies). */
  parseBody?: (input: unknown) => StrictResult<z.output<B>>;
  /** Checks the raw body before it is parsed at all (webhook signatures); throws an HttpProblem to refuse. */
  verify?: (context: VerifyContext) => void;
  handler(context: RouteContext<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

export interface ApiRoute extends RouteContract {
  parseBody?: (input: unknown) => StrictResult<unknown>;
  verify?: (context: VerifyContext) => void;
  handler(context: RouteContext<unknown, unknown, unknown>): Promise<RouteResult>;
}

/** Types the handler by its schemas, then erases the types so routes of any shape share one table. */
export function defineRoute<
  P extends Schema = z.ZodType<Record<string, string>>,
  Q extends Schema = z.ZodType<Record<string, unknown>>,
  B extends Schema = z.ZodType<undefined>,
>(spec: RouteSpec<P, Q, B>): ApiRoute {
  return {
    ...spec,
    handler: (context) =>
      spec.handler(context as RouteContext<z.output<P>, z.output<Q>, z.output<B>>),
  };
}

export { API_PREFIX } from '../api-contract/route-contract.js';
