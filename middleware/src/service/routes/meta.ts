// Operational routes: liveness and readiness probes (no token: orchestrators call them), the
// Prometheus scrape and the OpenAPI document.
import { z } from 'zod';
import { pingStore } from '../../store/health.js';
import type { ServiceMetrics } from '../metrics.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { defineRoute, type ApiRoute } from '../route-table.js';

export const healthz = defineRoute({
  operationId: 'healthz',
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process serves requests',
  tags: ['operations'],
  scopes: [],
  public: true,
  responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
  async handler() {
    return { status: 200, body: { status: 'ok' } };
  },
});

/** A store that does not answer within this is as good as down for a load balancer. */
const READY_TIMEOUT_MS = 2_000;

export const readyz = defineRoute({
  operationId: 'readyz',
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: the store answers',
  tags: ['operations'],
  scopes: [],
  public: true,
  responses: {
    200: { description: 'Ready', schema: z.object({ status: z.literal('ready') }) },
    503: { description: 'The store is unreachable' },
  },
  async handler({ deps }) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pingStore(deps.db),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
            READY_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed');
      throw new HttpProblem(503, PROBLEM_TYPES.unavailable, 'the store is unreachable');
    } finally {
      clearTimeout(timer);
    }
    return { status: 200, body: { status: 'ready' } };
  },
});

export function metricsRoute(metrics: ServiceMetrics): ApiRoute {
  return defineRoute({
    operationId: 'metrics',
    method: 'get',
    path: '/metrics',
    summary:
      'Prometheus metrics: sync lag, queue depth, dead letters, portal errors, Salesforce API usage, HTTP traffic',
    tags: ['operations'],
    scopes: ['admin'],
    query: z.strictObject({}),
    responses: {
      200: {
        description: 'Prometheus text exposition format',
        contentType: 'text/plain; version=0.0.4',
        schema: z.string(),
      },
    },
    async handler() {
      return {
        status: 200,
        contentType: metrics.registry.contentType,
        body: await metrics.render(),
      };
    },
  });
}

export function openApiRoute(document: () => unknown): ApiRoute {
  return defineRoute({
    operationId: 'openApi',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document, generated from the route schemas',
    tags: ['operations'],
    scopes: ['ae', 'alliance-ops', 'revops', 'admin', 'portal-webhook'],
    query: z.strictObject({}),
    responses: {
      200: { description: 'OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()) },
    },
    async handler() {
      return { status: 200, body: document() };
    },
  });
}
