// The contract of one API route as both sides read it: its path, the personas it serves, and zod
// schemas for every request part and response. The service adds a handler to each (service/
// route-table.ts) and generates its OpenAPI document from them; the CLI's client checks answers
// against the same schemas. Free of the server: no express, no database, no engine.
import type { z } from 'zod';

export const API_PREFIX = '/api/v1';

/**
 * Who calls the service: the people of the co-sell desk (an account executive, alliance
 * operations, revenue operations, an admin), plus one machine scope: `portal-webhook` is what a
 * portal's event relay (EventBridge, Partner Center, Pub/Sub push) holds, so a webhook sender can
 * post events and nothing else.
 */
export const PERSONAS = ['ae', 'alliance-ops', 'revops', 'admin', 'portal-webhook'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: 'get' | 'post';
  /** Express-style path, e.g. `/api/v1/referrals/:id/accept`. */
  path: string;
  summary: string;
  tags: string[];
  scopes: readonly Persona[];
  /** Only the liveness and readiness probes: served without a token. */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Success and expected failure responses; problem responses are added by the OpenAPI generator. */
  responses: Record<number, ResponseSpec>;
}

/** Keeps a contract's own schema types, so the service's handler is typed by them. */
export function defineContract<C extends RouteContract>(contract: C): C {
  return contract;
}

/** The schema a route documents for one response status (the CLI checks each answer against it). */
export function responseSchema(route: RouteContract, status: number): z.ZodType {
  const schema = route.responses[status]?.schema;
  if (!schema) throw new Error(`route ${route.operationId} documents no schema for ${status}`);
  return schema;
}
