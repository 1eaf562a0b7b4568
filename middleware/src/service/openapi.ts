// Generates the OpenAPI 3.1 document from the route table's zod schemas (zod 4's toJSONSchema),
// so the published contract is the one requests are actually validated against.
import { z } from 'zod';
import { Problem } from './problem.js';
import type { ApiRoute } from './route-table.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
}

/** `/referrals/:id/accept` → `/referrals/{id}/accept`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

const PROBLEM_RESPONSE = {
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** Failures every route of a kind can answer with, on top of what the route lists. */
function standardFailures(route: ApiRoute): Record<string, string> {
  const failures: Record<string, string> = { 500: 'Unexpected failure' };
  if (!route.public) {
    Object.assign(failures, {
      401: 'Missing or invalid bearer token',
      403: `Persona not allowed (allowed: ${route.scopes.join(', ')})`,
      429: 'Rate limit exceeded',
    });
  }
  if (route.params || route.query || route.body)
    failures[400] = 'Malformed JSON, wrong types or unknown fields (field-level reasons in errors)';
  if (route.body)
    Object.assign(failures, { 413: 'Body too large', 415: 'Body is not application/json' });
  if (route.method === 'post') {
    failures[409] = 'Idempotency-Key still in flight for an identical request';
    failures[422] = 'Idempotency-Key reused with a different request';
  }
  return failures;
}

export function openApiDocument(
  routes: readonly ApiRoute[],
  info: { title: string; version: string; description?: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, description] of Object.entries(standardFailures(route)))
      responses[status] = { description, ...PROBLEM_RESPONSE };
    for (const [status, response] of Object.entries(route.responses)) {
      const failure = Number(status) >= 400;
      responses[status] = {
        description: response.description,
        ...(failure
          ? PROBLEM_RESPONSE
          : response.schema
            ? {
                content: {
                  [response.contentType ?? 'application/json']: {
                    schema: jsonSchema(response.schema, 'output'),
                  },
                },
              }
            : {}),
      };
    }
    const idempotencyHeader =
      route.method === 'post'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 255 },
              description: 'Replays the stored response of an identical earlier request for 24 h',
            },
          ]
        : [];
    paths[openApiPath(route.path)] ??= {};
    paths[openApiPath(route.path)]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      security: route.public ? [] : [{ bearerAuth: [] }],
      'x-personas': route.public ? [] : [...route.scopes],
      parameters: [
        ...parameters(route.params, 'path'),
        ...parameters(route.query, 'query'),
        ...idempotencyHeader,
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: jsonSchema(Problem, 'output') },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Token with a persona: ae, alliance-ops, revops, admin or portal-webhook',
        },
      },
    },
  };
}
