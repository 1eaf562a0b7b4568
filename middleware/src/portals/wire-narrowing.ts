// When a payload fails its fast check, zod must answer with issues; but parsing the whole payload to
// report one bad member costs as much as the rest of the validation. This finds the smallest parts
// that fail (members of objects, items of arrays, whose fast check says "not sure") so zod parses only
// those, at their paths. It descends only where zod's answer for the whole is, by construction, the
// issues of its members in shape order: objects and arrays without checks of their own, strict
// objects without unknown keys, and members that zod would not skip when absent. Anywhere else the
// node itself is handed to zod, so the findings are always zod's own.
import { z } from 'zod';
import { findingsFromIssues, type FindingContext } from './findings.js';
import { fastCheckOf } from './wire-fast-path.js';
import { defOf, type SchemaDef as Def } from '../core/compiled-parse.js';
import type { Finding } from '../core/model.js';

/**
 * The issues `schema.safeParse(value, { reportInput: true })` reports: zod's own run and its own
 * finalising of each issue, with a fresh context as zod gives each parse, but without the error
 * object around them, whose construction cost ten times the run of a part.
 */
function issuesOf(schema: z.core.$ZodType, value: unknown): z.core.$ZodIssue[] {
  const context: z.core.ParseContextInternal<z.core.$ZodIssue> = {
    reportInput: true,
    async: false,
  };
  const result = schema._zod.run({ value, issues: [] }, context);
  if (result instanceof Promise) throw new z.core.$ZodAsyncError();
  const config = z.config();
  return result.issues.map((issue) => z.core.util.finalizeIssue(issue, context, config));
}

/** A piece of the payload zod must parse on its own: the schema node, its value, and where it sits. */
export type FailingPart = { path: PropertyKey[]; schema: z.core.$ZodType; value: unknown };

function hasChecks(def: Def): boolean {
  return (def.checks?.length ?? 0) > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Member = { key: string; schema: z.core.$ZodType };
/** Indexes of the failing members, or null when zod must judge the object whole. */
type MemberScan = (value: Record<string, unknown>) => readonly number[] | null;
/** The answer for an object whose members all pass: one shared list, so a valid payload allocates none. */
const NONE_FAILING: readonly number[] = Object.freeze([]);
/** What narrowing needs of an object node, worked out once per schema: null when it must go to zod whole. */
type ObjectPlan = {
  members: Member[];
  scan: MemberScan;
  known: ReadonlySet<string>;
  strict: boolean;
} | null;
const objectPlans = new WeakMap<z.core.$ZodType, ObjectPlan>();

/**
 * Generated once per object schema so each member is read by name (a fixed property read), as the
 * fast check's own object check is; keys enter the source only through JSON.stringify.
 */
function memberScan(members: Member[]): MemberScan {
  const lines = members.map((member, index) => {
    // zod skips an absent member's issues when it is optional on output: then the whole object decides.
    const skipped =
      member.schema._zod.optout === 'optional' ? 'if (item === undefined) return null; ' : '';
    return `item = value[${JSON.stringify(member.key)}]; if (!checks[${index}](item)) { ${skipped}(failing ??= []).push(${index}); }`;
  });
  const build = new Function(
    'checks',
    'none',
    `return function scanMembers(value) {\nlet item; let failing;\n${lines.join('\n')}\nreturn failing ?? none;\n};`,
  ) as (checks: Array<(value: unknown) => boolean>, none: readonly number[]) => MemberScan;
  return build(
    members.map((member) => fastCheckOf(member.schema)),
    NONE_FAILING,
  );
}

function objectPlan(schema: z.core.$ZodType, def: Def): ObjectPlan {
  const known = objectPlans.get(schema);
  if (known !== undefined) return known;
  const catchall = def.catchall?._zod.def.type;
  const shape = def.shape ?? {};
  let plan: ObjectPlan = null;
  if (catchall === undefined || catchall === 'unknown' || catchall === 'never') {
    const members = Object.keys(shape).map((key) => ({
      key,
      schema: shape[key] as z.core.$ZodType,
    }));
    plan = {
      members,
      scan: memberScan(members),
      known: new Set(Object.keys(shape)),
      strict: catchall === 'never',
    };
  }
  objectPlans.set(schema, plan);
  return plan;
}

/** Members of an object node that fail, or false when the object must go to zod whole. */
function objectParts(
  schema: z.core.$ZodType,
  def: Def,
  value: unknown,
  path: PropertyKey[],
  out: FailingPart[],
): boolean {
  const plan = objectPlan(schema, def);
  if (!plan || !isPlainObject(value)) return false;
  if (plan.strict) for (const key in value) if (!plan.known.has(key)) return false;
  const failing = plan.scan(value);
  if (!failing) return false;
  for (const index of failing) {
    const member = plan.members[index] as Member;
    narrow(member.schema, value[member.key], [...path, member.key], out);
  }
  return true;
}

function arrayParts(def: Def, value: unknown, path: PropertyKey[], out: FailingPart[]): boolean {
  if (!Array.isArray(value) || !def.element) return false;
  const element = def.element;
  const check = fastCheckOf(element);
  // Indexed, not forEach: zod reads holes of a sparse array as undefined.
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!check(item)) narrow(element, item, [...path, index], out);
  }
  return true;
}

function narrow(
  schema: z.core.$ZodType,
  value: unknown,
  path: PropertyKey[],
  out: FailingPart[],
): void {
  const def = defOf(schema);
  if (!hasChecks(def)) {
    if (def.type === 'object' && objectParts(schema, def, value, path, out)) return;
    if (def.type === 'array' && arrayParts(def, value, path, out)) return;
    // A wrapper around a present value answers as its inner schema does.
    if (
      def.innerType &&
      ((def.type === 'optional' && value !== undefined) ||
        (def.type === 'nullable' && value !== null))
    ) {
      narrow(def.innerType, value, path, out);
      return;
    }
  }
  out.push({ path, schema, value });
}

/** The smallest failing parts of a payload, in the order zod would report them. */
export function failingParts(schema: z.core.$ZodType, payload: unknown): FailingPart[] {
  const out: FailingPart[] = [];
  narrow(schema, payload, [], out);
  return out;
}

/**
 * The same findings as `schemaFindings(schema, payload, context)`, with zod parsing only the parts
 * that fail the fast check (none when the payload passes it, at about the cost of that check).
 */
export function narrowedSchemaFindings(
  schema: z.core.$ZodType,
  payload: unknown,
  context: FindingContext,
): Finding[] {
  const base = context.basePath ?? [];
  const findings: Finding[] = [];
  for (const part of failingParts(schema, payload)) {
    const issues = issuesOf(part.schema, part.value);
    if (issues.length > 0)
      findings.push(
        ...findingsFromIssues(issues, { ...context, basePath: [...base, ...part.path] }),
      );
  }
  return findings;
}
