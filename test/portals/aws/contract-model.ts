// Walks AWS's Smithy model on its own (not through the generator) for the contract tests: the maximal
// valid payload of a request operation, every constraint on the way, and for each constraint the
// payloads that break exactly it, with the finding code the wire format must report.
import { readFileSync } from 'node:fs';
import {
  ENUM_CHOICE,
  PATTERN_SAMPLES,
  REALISTIC,
  REALISTIC_BY_PATH,
  lengthPattern,
  padTo,
} from './contract-samples.js';

const MODEL_URL = new URL(
  '../../../../shared/contracts/aws/partnercentral-selling-2022-07-26.json',
  import.meta.url,
);
interface Ref {
  target: string;
  traits?: Record<string, unknown>;
}
interface Shape {
  type: string;
  traits?: Record<string, unknown>;
  members?: Record<string, Ref>;
  member?: Ref;
  key?: Ref;
  value?: Ref;
  input?: { target: string };
}
const model = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as { shapes: Record<string, Shape> };
const NS = 'com.amazonaws.partnercentralselling#';

/** Traits that constrain values; a new one in the model must be taught to the schemas and to this test. */
const CONSTRAINT_TRAITS = [
  'smithy.api#required',
  'smithy.api#length',
  'smithy.api#pattern',
  'smithy.api#range',
  'smithy.api#enumValue',
  'smithy.api#enum',
  'smithy.api#uniqueItems',
  'smithy.api#sparse',
  'smithy.api#timestampFormat',
];
const HANDLED_TRAITS = new Set([
  'smithy.api#required',
  'smithy.api#length',
  'smithy.api#pattern',
  'smithy.api#range',
  'smithy.api#enumValue',
  'smithy.api#timestampFormat',
]);

function shape(id: string): Shape {
  const prelude: Record<string, string> = {
    'smithy.api#String': 'string',
    'smithy.api#Integer': 'integer',
    'smithy.api#Boolean': 'boolean',
    'smithy.api#Timestamp': 'timestamp',
  };
  if (prelude[id]) return { type: prelude[id] };
  const found = model.shapes[id];
  if (!found) throw new Error(`unknown shape ${id}`);
  return found;
}

function traitsOf(ref: Ref): Record<string, unknown> {
  return { ...(shape(ref.target).traits ?? {}), ...(ref.traits ?? {}) };
}
export interface Constraint {
  op: string;
  path: string; // with [*] for list items
  kind: 'required' | 'enum' | 'length' | 'pattern' | 'range' | 'timestamp' | 'union';
  min?: number;
  max?: number;
  pattern?: string;
}

/** Walks one request operation: the maximal valid payload and every constraint on the way. */
export function walkOperation(op: string): {
  payload: unknown;
  constraints: Constraint[];
  structures: string[];
} {
  const constraints: Constraint[] = [];
  const structures: string[] = [];
  const build = (ref: Ref, path: string, member: string): unknown => {
    const s = shape(ref.target);
    const traits = traitsOf(ref);
    for (const name of Object.keys(traits)) {
      if (CONSTRAINT_TRAITS.includes(name) && !HANDLED_TRAITS.has(name))
        throw new Error(`${op} ${path}: the model uses ${name}, which the schemas do not enforce`);
    }
    if (s.type === 'enum') {
      constraints.push({ op, path, kind: 'enum' });
      const values = Object.values(s.members ?? {}).map(
        (m) => m.traits?.['smithy.api#enumValue'] as string,
      );
      const choice = ENUM_CHOICE[member];
      return choice && values.includes(choice) ? choice : values[0];
    }
    if (s.type === 'string') {
      const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
      const pattern = traits['smithy.api#pattern'] as string | undefined;
      if (length) constraints.push({ op, path, kind: 'length', ...length });
      if (pattern !== undefined) constraints.push({ op, path, kind: 'pattern', pattern });
      const realistic = REALISTIC_BY_PATH[`${op}${path}`] ?? REALISTIC[member];
      if (pattern !== undefined && !lengthPattern(pattern)) {
        const sample = PATTERN_SAMPLES[pattern];
        if (!sample)
          throw new Error(
            `${op} ${path}: no samples for the new pattern ${pattern}; add valid and invalid samples`,
          );
        return realistic ?? sample.valid;
      }
      const bounds = lengthPattern(pattern ?? '') ?? {
        min: length?.min ?? 0,
        max: length?.max ?? 255,
      };
      return padTo(realistic ?? `Northwind ${member}`, Math.max(bounds.min, 1), bounds.max);
    }
    if (s.type === 'integer') {
      const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
      if (range) constraints.push({ op, path, kind: 'range', ...range });
      return range?.min ?? 1;
    }
    if (s.type === 'boolean') return true;
    if (s.type === 'timestamp') {
      constraints.push({ op, path, kind: 'timestamp' });
      return '2026-03-31T14:05:00Z';
    }
    if (s.type === 'list') {
      const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
      if (length) constraints.push({ op, path, kind: 'length', ...length });
      const item = build(s.member!, `${path}[*]`, member);
      return Array.from({ length: Math.max(length?.min ?? 1, 1) }, () => structuredClone(item));
    }
    if (s.type === 'structure' || s.type === 'union') {
      if (s.type === 'union') constraints.push({ op, path, kind: 'union' });
      structures.push(path);
      const out: Record<string, unknown> = {};
      const entries = Object.entries(s.members ?? {});
      for (const [name, child] of s.type === 'union' ? entries.slice(0, 1) : entries) {
        if (child.traits?.['smithy.api#required'] !== undefined)
          constraints.push({ op, path: `${path}.${name}`, kind: 'required' });
        out[name] = build(child, `${path}.${name}`, name);
      }
      return out;
    }
    throw new Error(`${op} ${path}: Smithy type ${s.type} is not covered by this contract test`);
  };
  const input = shape(`${NS}${op}`).input!;
  const payload = build({ target: input.target }, '$', op);
  return { payload, constraints, structures };
}

export const concrete = (path: string): string => path.replaceAll('[*]', '[0]');

/** Sets (or deletes, for `undefined`) the member at a `$.A[0].B` path. */
export function setAt(payload: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = concrete(path)
    .slice(2)
    .split(/\.|(?=\[)/)
    .map((k) => (k.startsWith('[') ? Number(k.slice(1, -1)) : k));
  let node: Record<string | number, unknown> = copy;
  keys.slice(0, -1).forEach((k) => {
    node = node[k] as Record<string | number, unknown>;
  });
  const last = keys.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

export function getAt(payload: unknown, path: string): unknown {
  const keys = concrete(path)
    .slice(2)
    .split(/\.|(?=\[)/)
    .map((k) => (k.startsWith('[') ? Number(k.slice(1, -1)) : k));
  return keys.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], payload);
}

export interface Violation {
  label: string;
  payload: unknown;
  code: string;
}

export function violationsOf(c: Constraint, valid: unknown): Violation[] {
  const current = getAt(valid, c.path);
  switch (c.kind) {
    case 'required':
      return [
        {
          label: 'member left out',
          payload: setAt(valid, c.path, undefined),
          code: 'AWS_WIRE_REQUIRED',
        },
      ];
    case 'enum':
      return [
        {
          label: 'value outside the enum',
          payload: setAt(valid, c.path, `${String(current)} (legacy)`),
          code: 'AWS_WIRE_INVALID_VALUE',
        },
      ];
    case 'timestamp':
      return [
        {
          label: 'not a date-time',
          payload: setAt(valid, c.path, '31/03/2026 14:05'),
          code: 'AWS_WIRE_INVALID_FORMAT',
        },
      ];
    case 'range': {
      const out: Violation[] = [];
      if (c.min !== undefined)
        out.push({
          label: `below ${c.min}`,
          payload: setAt(valid, c.path, c.min - 1),
          code: 'AWS_WIRE_TOO_SMALL',
        });
      if (c.max !== undefined)
        out.push({
          label: `above ${c.max}`,
          payload: setAt(valid, c.path, c.max + 1),
          code: 'AWS_WIRE_TOO_BIG',
        });
      return out;
    }
    case 'union':
      return [
        {
          label: 'no member set',
          payload: setAt(valid, c.path, {}),
          code: 'AWS_WIRE_INVALID_UNION',
        },
      ];
    case 'length': {
      const out: Violation[] = [];
      const resize = (n: number): unknown =>
        Array.isArray(current)
          ? Array.from({ length: n }, () => structuredClone(current[0]))
          : 'x'.repeat(n);
      if (c.min !== undefined && c.min > 0)
        out.push({
          label: `${c.min - 1} long`,
          payload: setAt(valid, c.path, resize(c.min - 1)),
          code: 'AWS_WIRE_TOO_SMALL',
        });
      if (c.max !== undefined)
        out.push({
          label: `${c.max + 1} long`,
          payload: setAt(valid, c.path, resize(c.max + 1)),
          code: 'AWS_WIRE_TOO_BIG',
        });
      return out;
    }
    case 'pattern': {
      const bounds = lengthPattern(c.pattern!);
      if (bounds) {
        const out: Violation[] = [
          {
            label: `${bounds.max + 1} characters`,
            payload: setAt(valid, c.path, 'é'.repeat(bounds.max + 1)),
            code: 'AWS_WIRE_INVALID_FORMAT',
          },
        ];
        if (bounds.min > 0)
          out.push({
            label: `${bounds.min - 1} characters`,
            payload: setAt(valid, c.path, 'é'.repeat(bounds.min - 1)),
            code: 'AWS_WIRE_INVALID_FORMAT',
          });
        return out;
      }
      return [
        {
          label: `"${PATTERN_SAMPLES[c.pattern!]!.invalid}"`,
          payload: setAt(valid, c.path, PATTERN_SAMPLES[c.pattern!]!.invalid),
          code: 'AWS_WIRE_INVALID_FORMAT',
        },
      ];
    }
  }
}
