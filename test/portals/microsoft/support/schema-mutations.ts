// Derives contract-test mutations from a zod schema and a valid payload: one per required field
// (removed) and one per closed enum or literal (set to a value it does not allow), so a field added
// to a schema gets its test without anyone writing it. Shared by the Microsoft and Google tests.
import type { z } from 'zod';
import { jsonPath } from '../../../../middleware/src/portals/findings.js';

export interface Mutation {
  kind: 'remove-required' | 'invalid-enum';
  /** JSON path the finding must name. */
  path: string;
  /** The code suffix the finding must carry (after the portal prefix). */
  expectedCode: 'WIRE_REQUIRED' | 'WIRE_INVALID_VALUE';
  apply(payload: unknown): unknown;
}

export interface DerivedMutations {
  mutations: Mutation[];
  /** Required fields whose parent the payload has but which it lacks: the payload is not maximal. */
  missingRequired: string[];
}

type Segment = string | number;
interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

function def(schema: z.ZodType): Def {
  return schema._zod.def as unknown as Def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (;;) {
    const d = def(node);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType)
      node = d.innerType;
    else if (d.type === 'pipe' && d.in) node = d.in;
    else if (d.type === 'lazy' && d.getter) node = d.getter();
    else return node;
  }
}

function isRequired(schema: z.ZodType): boolean {
  return schema._zod.optin !== 'optional';
}

/** Deep copy with the node at `path` replaced (or removed when `remove`). */
function mutateAt(
  payload: unknown,
  path: readonly Segment[],
  change: { remove: true } | { value: unknown },
): unknown {
  const copy = structuredClone(payload) as Record<string | number, unknown>;
  const parent = path
    .slice(0, -1)
    .reduce<
      Record<string | number, unknown>
    >((node, key) => node[key] as Record<string | number, unknown>, copy);
  const last = path[path.length - 1] as Segment;
  if ('remove' in change) delete parent[last];
  else parent[last] = change.value;
  return copy;
}

export function deriveMutations(schema: z.ZodType, payload: unknown): DerivedMutations {
  const mutations: Mutation[] = [];
  const missingRequired: string[] = [];

  const walk = (node: z.ZodType, value: unknown, path: Segment[]): void => {
    const inner = unwrap(node);
    const d = def(inner);
    if (d.type === 'object' && d.shape && typeof value === 'object' && value !== null) {
      for (const [key, field] of Object.entries(d.shape)) {
        const child = (value as Record<string, unknown>)[key];
        const childPath = [...path, key];
        if (isRequired(field)) {
          if (child === undefined) missingRequired.push(jsonPath(childPath));
          else
            mutations.push({
              kind: 'remove-required',
              path: jsonPath(childPath),
              expectedCode: 'WIRE_REQUIRED',
              apply: (p) => mutateAt(p, childPath, { remove: true }),
            });
        }
        if (child !== undefined && child !== null) walk(field, child, childPath);
      }
    } else if (d.type === 'array' && d.element && Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item !== null && item !== undefined)
          walk(d.element as z.ZodType, item, [...path, index]);
      });
    } else if (d.type === 'enum' || d.type === 'literal') {
      const invalid = typeof value === 'string' ? `${value}Typo` : 'NotAnAllowedValue';
      mutations.push({
        kind: 'invalid-enum',
        path: jsonPath(path),
        expectedCode: 'WIRE_INVALID_VALUE',
        apply: (p) => mutateAt(p, path, { value: invalid }),
      });
    }
  };

  walk(schema, payload, []);
  return { mutations, missingRequired };
}
