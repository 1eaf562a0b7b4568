// A compiled parse for the common, valid input: built once from a zod schema, it reads each member
// by name and fills defaults as zod does, without the per-node result objects zod allocates. It may
// only ever answer when zod would succeed with the same output; anything it does not fully mirror
// answers NOT_SURE, and zod then parses the input itself (so every error stays zod's own). Leaf rules
// (formats, lengths, ranges, refinements) run zod's own check functions, so they cannot drift.
import type { z } from 'zod';

/** "Ask zod": the input is invalid, or beyond what the compiled parse mirrors. */
export const NOT_SURE: unique symbol = Symbol('not sure');
/** The output zod would give, or NOT_SURE. */
export type FastParse = (value: unknown) => unknown;

/** The parts of a zod node definition the compiled paths read. */
export type SchemaDef = {
  type: string;
  checks?: Array<z.core.$ZodCheck<unknown>>;
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  coerce?: boolean;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  defaultValue?: unknown;
};

export function defOf(schema: z.core.$ZodType): SchemaDef {
  return schema._zod.def as SchemaDef;
}

/** The payload shape zod's check functions read, may rewrite and append issues to. */
type CheckPayload = { value: unknown; issues: unknown[] };

/**
 * Runs zod's own checks of a node (the node's format check first, then `.min()`, `.regex()`,
 * `.refine()`...) on a value: the value as the checks leave it, or NOT_SURE. Null when it has none.
 */
export function checksOf(schema: z.core.$ZodType): FastParse | null {
  const checks = [...(defOf(schema).checks ?? [])];
  if (schema._zod.traits.has('$ZodCheck'))
    checks.unshift(schema as unknown as z.core.$ZodCheck<unknown>);
  if (checks.length === 0) return null;
  // One payload serves every call, so running a leaf's checks allocates nothing. It is taken while a
  // run uses it: a re-entrant run (a refinement parsing with the same schema) makes its own, and a run
  // that throws or hands the payload to an asynchronous check does not give it back.
  let shared: CheckPayload | undefined = { value: undefined, issues: [] };
  return (value) => {
    let payload = shared;
    if (payload === undefined) payload = { value, issues: [] };
    else shared = undefined;
    payload.value = value;
    const out = runChecks(checks, payload);
    if (out === ASYNC) return NOT_SURE;
    payload.value = undefined;
    if (payload.issues.length > 0) payload.issues.length = 0;
    shared = payload;
    return out;
  };
}

/** What runChecks answers when a check returned a promise. */
const ASYNC: unique symbol = Symbol('async check');

function runChecks(checks: Array<z.core.$ZodCheck<unknown>>, payload: CheckPayload): unknown {
  for (const check of checks) {
    const when = check._zod.def.when;
    if (when && !when(payload as never)) continue;
    const result = check._zod.check(payload as never) as unknown;
    // An asynchronous refinement cannot answer here: leave the input to zod.
    if (result instanceof Promise) return ASYNC;
    if (payload.issues.length > 0) return NOT_SURE;
  }
  return payload.value;
}

function withChecks(schema: z.core.$ZodType, base: FastParse): FastParse {
  const checks = checksOf(schema);
  return checks ? (value) => ((value = base(value)) === NOT_SURE ? NOT_SURE : checks(value)) : base;
}

/** Whether zod's object parse always writes the member to its output (when the input is valid). */
function alwaysStored(member: z.core.$ZodType): boolean {
  const { optin, optout } = member._zod;
  return optin === undefined || (optin === 'defaulted' && optout !== 'optional');
}

/** The statement that stores one member, as zod's compiled object parse does for its kind. */
function storeMember(member: z.core.$ZodType, key: string): string {
  const { optin, optout } = member._zod;
  const at = `out[${key}]`;
  const present = `(${key} in value)`;
  if (optin === undefined) return `if (!${present}) return NOT_SURE; ${at} = item;`;
  if (optout === 'optional' && optin === 'optional') return `if (${present}) ${at} = item;`;
  if (optin === 'defaulted' && optout !== 'optional') return `${at} = item;`;
  return `if (item !== undefined || ${present}) ${at} = item;`;
}

/**
 * The body after the input's checks: each member parsed in shape order, as zod writes them. When
 * every member is always written, the output is one object literal of them all, built at once at
 * its full size (a deal has some 20 members: stored one by one, its property store grew and was
 * copied several times per row).
 */
function objectBody(shape: Record<string, z.core.$ZodType>, keys: readonly string[]): string {
  const parse = (key: string, index: number) =>
    `item = parsers[${index}](value[${JSON.stringify(key)}]); if (item === NOT_SURE) return NOT_SURE;`;
  if (keys.every((key) => alwaysStored(shape[key] as z.core.$ZodType))) {
    const lines = keys.map((key, index) => {
      const name = JSON.stringify(key);
      const required = shape[key]?._zod.optin === undefined;
      return `${parse(key, index)} ${required ? `if (!(${name} in value)) return NOT_SURE; ` : ''}const m${index} = item;`;
    });
    const members = keys.map((key, index) => `${JSON.stringify(key)}: m${index}`);
    return `let item;\n${lines.join('\n')}\nreturn { ${members.join(', ')} };`;
  }
  const lines = keys.map(
    (key, index) =>
      `${parse(key, index)} ${storeMember(shape[key] as z.core.$ZodType, JSON.stringify(key))}`,
  );
  return `const out = {}; let item;\n${lines.join('\n')}\nreturn out;`;
}

function objectParse(schema: z.core.$ZodType, def: SchemaDef): FastParse {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const catchall = def.catchall?._zod.def.type;
  // No catchall: unknown keys are dropped; `never`: any unknown key is zod's to report. Else: zod.
  if ((catchall !== undefined && catchall !== 'never') || keys.includes('__proto__'))
    return zodRun(schema);
  const parsers = keys.map((key) => compile(shape[key] as z.core.$ZodType));
  // Generated once per object schema so each member is a fixed property read and write; keys
  // enter the source only through JSON.stringify.
  const build = new Function(
    'parsers',
    'known',
    'NOT_SURE',
    `return function compiledObjectParse(value) {
if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_SURE;
${catchall === 'never' ? 'for (const key in value) if (!known.has(key)) return NOT_SURE;' : ''}
${objectBody(shape, keys)}
};`,
  ) as (parsers: FastParse[], known: ReadonlySet<string>, notSure: symbol) => FastParse;
  return build(parsers, new Set(keys), NOT_SURE);
}

function arrayParse(schema: z.core.$ZodType, def: SchemaDef): FastParse {
  if (!def.element) return zodRun(schema);
  const element = compile(def.element);
  return (value) => {
    if (!Array.isArray(value)) return NOT_SURE;
    const out = new Array<unknown>(value.length);
    // Indexed, not map: zod reads holes of a sparse array as undefined.
    for (let index = 0; index < value.length; index += 1) {
      const item = element(value[index]);
      if (item === NOT_SURE) return NOT_SURE;
      out[index] = item;
    }
    return out;
  };
}

/** zod's own runs of the schemas given a compiled parse, so a fallback never re-enters the hook. */
const zodOwnRuns = new WeakMap<z.core.$ZodType, z.core.$ZodType['_zod']['run']>();

/** zod's own run of a node on its own: exact, at the cost of one result object. */
function zodRun(schema: z.core.$ZodType): FastParse {
  const run = zodOwnRuns.get(schema) ?? schema._zod.run;
  return (value) => {
    const result = run({ value, issues: [] }, { async: false });
    return result instanceof Promise || result.issues.length > 0 ? NOT_SURE : result.value;
  };
}

function wrapperParse(schema: z.core.$ZodType, def: SchemaDef): FastParse {
  if (!def.innerType) return zodRun(schema);
  const inner = compile(def.innerType);
  switch (def.type) {
    case 'optional': {
      const substitutes = def.innerType._zod.optin === 'defaulted';
      return (value) => (value === undefined && !substitutes ? undefined : inner(value));
    }
    case 'nullable':
      return (value) => (value === null ? null : inner(value));
    default:
      // `defaultValue` is zod's getter: a fresh value (or the factory's) on every read.
      return (value) => {
        if (value === undefined) return def.defaultValue;
        const out = inner(value);
        return out === undefined ? def.defaultValue : out;
      };
  }
}

function valueParse(accepts: (value: unknown) => boolean): FastParse {
  return (value) => (accepts(value) ? value : NOT_SURE);
}

/** Compiles a schema node: mirrored where it is plain, zod's own run of the node where it is not. */
function compile(schema: z.core.$ZodType): FastParse {
  const def = defOf(schema);
  if (def.coerce) return zodRun(schema);
  switch (def.type) {
    case 'string':
      return withChecks(
        schema,
        valueParse((value) => typeof value === 'string'),
      );
    case 'number':
      return withChecks(
        schema,
        valueParse((value) => typeof value === 'number' && Number.isFinite(value)),
      );
    case 'boolean':
      return withChecks(
        schema,
        valueParse((value) => typeof value === 'boolean'),
      );
    case 'unknown':
    case 'any':
      return withChecks(schema, (value) => value);
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks(
        schema,
        valueParse((value) => values.has(value)),
      );
    }
    case 'literal': {
      const values = new Set(def.values ?? []);
      return withChecks(
        schema,
        valueParse((value) => values.has(value)),
      );
    }
    case 'optional':
    case 'nullable':
    case 'default':
      return withChecks(schema, wrapperParse(schema, def));
    case 'array':
      return withChecks(schema, arrayParse(schema, def));
    case 'object':
      return withChecks(schema, objectParse(schema, def));
    case 'pipe': {
      if (!def.in || !def.out) return zodRun(schema);
      const from = compile(def.in);
      const to = compile(def.out);
      return withChecks(schema, (value) =>
        (value = from(value)) === NOT_SURE ? value : to(value),
      );
    }
    default:
      return zodRun(schema);
  }
}

/** The compiled parse of a schema: zod's output for input zod accepts, else NOT_SURE. */
export function compileParse(schema: z.core.$ZodType): FastParse {
  return compile(schema);
}

/**
 * Gives a schema the compiled parse for its forward runs: `parse`, `safeParse` and any schema that
 * holds it (an array of it, say) try the compiled parse first and fall back to zod's own run, which
 * reports the issues. Compiled on first use. Returns the same schema.
 */
export function withCompiledParse<T extends z.ZodType>(schema: T): T {
  const zodOwn = schema._zod.run;
  zodOwnRuns.set(schema, zodOwn);
  let fast: FastParse | undefined;
  schema._zod.run = (payload, context) => {
    if (context.direction !== 'backward' && payload.issues.length === 0) {
      fast ??= compile(schema);
      const out = fast(payload.value);
      if (out !== NOT_SURE) {
        payload.value = out;
        return payload;
      }
    }
    return zodOwn(payload, context);
  };
  return schema;
}
