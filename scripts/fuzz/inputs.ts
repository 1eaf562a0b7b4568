// Fuzz inputs for the service API, shared by the standing property test and scripts/fuzz/run.ts:
// request bodies, queries and ids shaped by each route's zod schemas (their field names and enum
// values), bent with the input that broke the service before (NUL, deep nesting, huge numbers,
// wrong types, unknown fields), plus raw bodies a parser may choke on.
import fc from 'fast-check';
import { z } from 'zod';
import type { ApiRoute } from '../../middleware/src/service/route-table.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
};

/** Strings an attacker or a confused client sends. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '=HYPERLINK("x")',
    "'; DROP TABLE referrals; --",
    '../../etc/passwd',
    '\uD800',
    '𝕏'.repeat(50),
    'x'.repeat(5_000),
  ),
  fc.constantFrom(
    '006Hs00001Nwh01AAA',
    '005Hs00000AEa01AAA',
    'zzzzzzzzzzzzzzzzzz',
    '00GHs00000Qal01AAA',
    '2026-02-30',
    '2026-11-26T09:00:00Z',
    'AWS',
    'aws',
    'Microsoft',
    'Google',
  ),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1),
);

/** Any JSON value, small, with hostile leaves. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'a\u0000')),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** A value shaped by a JSON schema: right names, sometimes right values, sometimes anything. */
function fromSchema(schema: JsonSchema | undefined, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return hostileJson;
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants && variants.length > 0)
    return fc.oneof(...variants.map((variant) => fromSchema(variant, depth + 1)));
  const options: fc.Arbitrary<unknown>[] = [hostileJson];
  if (schema.enum) options.push(fc.constantFrom(...schema.enum));
  if (schema.const !== undefined) options.push(fc.constant(schema.const));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' && schema.properties) {
    const entries = Object.entries(schema.properties);
    const record = fc.record(
      Object.fromEntries(entries.map(([key, child]) => [key, fromSchema(child, depth + 1)])),
      { requiredKeys: [] },
    );
    options.push(
      record,
      record,
      fc
        .tuple(record, fc.dictionary(fc.string({ maxLength: 6 }), hostileJson, { maxKeys: 2 }))
        .map(([known, extra]) => ({ ...extra, ...(known as object) })),
    );
  }
  if (type === 'array')
    options.push(fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 }));
  if (type === 'string') options.push(hostileString);
  if (type === 'number' || type === 'integer') options.push(hostileNumber);
  return fc.oneof(...options);
}

function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return undefined;
  }
}

/** Query values as strings, the way a URL carries them. */
function queryOf(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      typeof item === 'string' ? item : JSON.stringify(item),
    ]),
  );
}

export interface FuzzRequest {
  route: ApiRoute;
  method: 'GET' | 'POST';
  path: string;
  query: Record<string, string>;
  /** Sent as is; undefined sends no body. */
  body: string | undefined;
  contentType: string;
}

const rawBodies = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '[]',
    'null',
    '"x"',
    '{"a":1,"a":2}',
    `${'['.repeat(3_000)}${']'.repeat(3_000)}`,
    `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`,
    '{"x":"\\u0000"}',
    '\u0000',
  ),
  fc.string({ maxLength: 60 }),
);

/** One request to one of `routes`, its parts drawn from that route's schemas. */
export function fuzzRequest(routes: readonly ApiRoute[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    ...routes.map((route) => {
      const params = route.path.match(/:([A-Za-z]+)/g)?.map((name) => name.slice(1)) ?? [];
      const id = fc.oneof(
        hostileString,
        fc.constantFrom(
          '1',
          '2',
          '006Gn000000000IAAA',
          '006Gn0000000004AAA',
          '99999999999999999999',
        ),
      );
      const body = route.body
        ? fc.oneof(
            {
              weight: 4,
              arbitrary: fromSchema(jsonSchemaOf(route.body), 0).map((value) =>
                JSON.stringify(value),
              ),
            },
            { weight: 1, arbitrary: rawBodies },
          )
        : fc.constant(undefined);
      return fc
        .record({
          ids: fc.array(id, { minLength: params.length, maxLength: params.length }),
          query: fromSchema(jsonSchemaOf(route.query), 0).map(queryOf),
          body,
          contentType: fc.constantFrom(
            'application/json',
            'application/json',
            'application/json',
            'text/plain',
            'application/json; charset=latin1',
          ),
        })
        .map(({ ids, query, body: sent, contentType }) => {
          let path = route.path;
          params.forEach((name, index) => {
            // A lone surrogate cannot be percent-encoded; a URL carries U+FFFD in its place.
            path = path.replace(
              `:${name}`,
              encodeURIComponent(String(ids[index] ?? '').replace(/[\uD800-\uDFFF]/g, '\uFFFD')) ||
                'x',
            );
          });
          return {
            route,
            method: route.method === 'post' ? ('POST' as const) : ('GET' as const),
            path,
            query,
            body: sent,
            contentType,
          };
        });
    }),
  );
}

/** The URL of a fuzz request against `base`. */
export function urlOf(base: string, request: FuzzRequest): string {
  const query = new URLSearchParams(request.query).toString();
  return `${base}${request.path}${query ? `?${query}` : ''}`;
}
