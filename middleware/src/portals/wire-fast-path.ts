// Clears a valid wire payload without building zod issues: a yes/no check compiled once from the
// portal's own zod schema, so most payloads (which are valid) skip the costly issue-reporting parse.
// It may only ever say "valid" when zod would: anything it does not fully understand answers "not
// sure" (false), and the caller then runs zod for the findings. Leaf rules (formats, lengths, ranges,
// refinements) are zod's own check functions, so their meaning cannot drift from the schema's.
import type { z } from 'zod';
import { checksOf, defOf, NOT_SURE, type SchemaDef as Def } from '../core/compiled-parse.js';

/** True only when the schema accepts the value; false means "ask zod". */
export type FastCheck = (value: unknown) => boolean;

const ASK_ZOD: FastCheck = () => false;

function withChecks(schema: z.core.$ZodType, base: FastCheck): FastCheck {
  const checks = checksOf(schema);
  return checks ? (value) => base(value) && checks(value) !== NOT_SURE : base;
}

function objectCheck(def: Def): FastCheck | null {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const members: Array<{ key: string; check: FastCheck; mayBeAbsent: boolean }> = [];
  for (const key of keys) {
    const member = shape[key] as z.core.$ZodType;
    const check = compile(member);
    if (!check) return null;
    // Only a fully optional member may be left out (zod reports any other absent member).
    members.push({
      key,
      check,
      mayBeAbsent: member._zod.optin === 'optional' && member._zod.optout === 'optional',
    });
  }
  const catchall = def.catchall?._zod.def.type;
  // No catchall: unknown keys are dropped (still valid); `unknown`: kept; `never`: rejected. Anything else: ask zod.
  if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'never') return null;
  const known = new Set(keys);
  const strict = catchall === 'never';
  // Generated once per object schema so each member is read by name: a fixed property read per
  // member stays fast, where one loop reading every key of every object in the payload would not.
  // Keys enter the source only through JSON.stringify; the member checks are passed in, not inlined.
  const lines = [
    "if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;",
    strict ? 'for (const key in value) if (!known.has(key)) return false;' : '',
    'let item;',
    ...members.map(
      (member, index) =>
        // Absent and present-but-undefined read alike; only a fully optional member may be either.
        `item = value[${JSON.stringify(member.key)}]; if (item === undefined) { ${member.mayBeAbsent ? '' : 'return false;'} } else if (!checks[${index}](item)) return false;`,
    ),
    'return true;',
  ];
  const build = new Function(
    'known',
    'checks',
    `return function fastObjectCheck(value) {\n${lines.join('\n')}\n};`,
  ) as (known: ReadonlySet<string>, checks: FastCheck[]) => FastCheck;
  return build(
    known,
    members.map((member) => member.check),
  );
}

/** Compiles a schema node; null when the node (or one inside it) is beyond what this check mirrors. */
function compile(schema: z.core.$ZodType): FastCheck | null {
  const def = defOf(schema);
  if (def.coerce) return null;
  switch (def.type) {
    case 'string':
      return withChecks(schema, (value) => typeof value === 'string');
    case 'number':
      return withChecks(schema, (value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return withChecks(schema, (value) => typeof value === 'boolean');
    case 'unknown':
    case 'any':
      return withChecks(schema, () => true);
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks(schema, (value) => values.has(value));
    }
    case 'literal': {
      const values = new Set(def.values ?? []);
      return withChecks(schema, (value) => values.has(value));
    }
    case 'optional': {
      const inner = def.innerType && compile(def.innerType);
      return inner ? withChecks(schema, (value) => value === undefined || inner(value)) : null;
    }
    case 'nullable': {
      const inner = def.innerType && compile(def.innerType);
      return inner ? withChecks(schema, (value) => value === null || inner(value)) : null;
    }
    case 'union': {
      const options = (def.options ?? []).map(compile);
      if (options.length === 0 || options.some((option) => option === null)) return null;
      const checks = options as FastCheck[];
      return withChecks(schema, (value) => {
        for (const check of checks) if (check(value)) return true;
        return false;
      });
    }
    case 'array': {
      const element = def.element && compile(def.element);
      if (!element) return null;
      return withChecks(schema, (value) => {
        if (!Array.isArray(value)) return false;
        for (const item of value) if (!element(item)) return false;
        return true;
      });
    }
    case 'object': {
      const object = objectCheck(def);
      return object ? withChecks(schema, object) : null;
    }
    default:
      return null;
  }
}

/**
 * The fast check for a wire schema. A schema using something this module does not mirror (a lazy,
 * a transform, a default...) gets a check that always answers "ask zod", which is slow but right.
 */
export function compileFastCheck(schema: z.ZodType): FastCheck {
  return compile(schema) ?? ASK_ZOD;
}

const compiledChecks = new WeakMap<z.ZodType, FastCheck>();

/** A schema node's fast check, compiled once and kept. */
export function fastCheckOf(schema: z.core.$ZodType): FastCheck {
  let check = compiledChecks.get(schema as z.ZodType);
  if (!check) {
    check = compileFastCheck(schema as z.ZodType);
    compiledChecks.set(schema as z.ZodType, check);
  }
  return check;
}
