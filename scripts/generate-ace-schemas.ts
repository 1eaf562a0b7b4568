// Turns AWS's Smithy model of the Partner Central Selling API into committed zod schemas, so a new
// model version is a regeneration and never a hand edit. Run:
//   node --experimental-strip-types scripts/generate-ace-schemas.ts [path/to/model.json]
// Only node built-ins are imported so the script runs under plain type stripping.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const GENERATE_COMMAND = 'node --experimental-strip-types scripts/generate-ace-schemas.ts';
export const DEFAULT_MODEL_PATH = '../shared/contracts/aws/partnercentral-selling-2022-07-26.json';
export const OUTPUT_PATH = 'middleware/src/portals/aws/generated/ace-schemas.ts';

/** Requests we send: their input shapes are validated strictly. */
export const REQUEST_OPERATIONS = [
  'CreateOpportunity',
  'UpdateOpportunity',
  'AssociateOpportunity',
  'DisassociateOpportunity',
  'StartEngagementFromOpportunityTask',
  'StartEngagementByAcceptingInvitationTask',
  'RejectEngagementInvitation',
  'AssignOpportunity',
] as const;
/** What we read back: their output shapes are validated tolerantly. */
export const RESPONSE_OPERATIONS = [
  'GetOpportunity',
  'ListOpportunities',
  'GetEngagementInvitation',
  'ListEngagementInvitations',
  'GetAwsOpportunitySummary',
] as const;

type Direction = 'request' | 'response';
type Traits = Record<string, unknown>;
interface MemberRef {
  target: string;
  traits?: Traits;
}
interface Shape {
  type: string;
  traits?: Traits;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  input?: { target: string };
  output?: { target: string };
  version?: string;
}
interface SmithyModel {
  smithy: string;
  shapes: Record<string, Shape>;
}
interface LengthTrait {
  min?: number;
  max?: number;
}

const T = {
  required: 'smithy.api#required',
  length: 'smithy.api#length',
  pattern: 'smithy.api#pattern',
  range: 'smithy.api#range',
  enumValue: 'smithy.api#enumValue',
  legacyEnum: 'smithy.api#enum',
  timestampFormat: 'smithy.api#timestampFormat',
  sparse: 'smithy.api#sparse',
} as const;

/** Constraint kinds the schemas enforce; the contract tests derive one violation per entry. */
export type ConstraintKind =
  | 'required'
  | 'enum'
  | 'length'
  | 'pattern'
  | 'range'
  | 'timestamp'
  | 'union';

/** Prelude simple shapes carry no traits; only their type matters. */
const PRELUDE: Record<string, string> = {
  'smithy.api#String': 'string',
  'smithy.api#Boolean': 'boolean',
  'smithy.api#PrimitiveBoolean': 'boolean',
  'smithy.api#Integer': 'integer',
  'smithy.api#PrimitiveInteger': 'integer',
  'smithy.api#Long': 'long',
  'smithy.api#PrimitiveLong': 'long',
  'smithy.api#Short': 'short',
  'smithy.api#Byte': 'byte',
  'smithy.api#Float': 'float',
  'smithy.api#Double': 'double',
  'smithy.api#Timestamp': 'timestamp',
  'smithy.api#Document': 'document',
  'smithy.api#Blob': 'blob',
};

/**
 * Smithy patterns are ECMA-262 regexes that are NOT implicitly anchored: a value is valid when the
 * regex finds a match anywhere, which is exactly `RegExp.prototype.test`. AWS models also open some
 * patterns with Java's `(?s)` (dot matches line breaks), which JS spells as the `s` flag. Patterns
 * are compiled with `u` so `.` and `{m,n}` count code points (as Smithy's @length does) and `\p{L}` works.
 */
export function translatePattern(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = 'u';
  const leading = /^(\^?)\(\?s\)/.exec(source);
  if (leading) {
    source = `${leading[1] ?? ''}${source.slice(leading[0].length)}`;
    flags = 'su';
  }
  if (/\(\?[a-zA-Z]/.test(source.replace(/\\./g, ''))) {
    throw new Error(
      `Smithy pattern ${JSON.stringify(pattern)} uses an inline flag group JavaScript cannot express`,
    );
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new Error(
      `Smithy pattern ${JSON.stringify(pattern)} is not a valid JavaScript regex: ${(error as Error).message}`,
    );
  }
  return { source, flags };
}

/** Well-known ACE formats, said the way a sales rep would fix them; any other pattern is quoted as is. */
const PATTERN_WORDS: Record<string, string> = {
  '^\\+[1-9]\\d{1,14}$': 'an international phone number such as +14155550123',
  '^[0-9]{9}$': 'a 9-digit DUNS number',
  '^([0-9]{12}|\\w{1,12})$':
    'a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)',
  '^O[0-9]{1,19}$': 'an ACE opportunity ID such as O1234567',
  '^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$': 'a date written YYYY-MM-DD',
  '^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$':
    'an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)',
  '^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$':
    'an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)',
  '^[a-zA-Z]+$': 'letters only, e.g. AWS or Sandbox',
};

/** How a finding describes a pattern: pure length patterns read as lengths, known formats by name. */
export function describePattern(pattern: string): string {
  const known = PATTERN_WORDS[pattern];
  if (known) return known;
  const lengthOnly = /^\^(?:\(\?s\))?\.\{(\d+),(\d+)\}\$$/.exec(pattern);
  if (lengthOnly) return `${lengthOnly[1]} to ${lengthOnly[2]} characters long`;
  return `text matching ${pattern}`;
}

function shortName(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}

interface Emitter {
  model: SmithyModel;
  direction: Direction;
  emitted: Map<string, string>; // shape id -> const name
  lines: string[];
}

interface Shared {
  enumConsts: Map<string, string>; // shape id -> const name
  enumLines: string[];
  patternConsts: Map<string, string>; // smithy pattern -> const name
  patternLines: string[];
}

function shapeOf(model: SmithyModel, id: string): Shape {
  if (PRELUDE[id]) return { type: PRELUDE[id] };
  if (id === 'smithy.api#Unit') return { type: 'structure', members: {} };
  const shape = model.shapes[id];
  if (!shape) throw new Error(`model refers to ${id}, which it does not define`);
  return shape;
}

function enumValues(
  model: SmithyModel,
  id: string,
): { values: Array<string | number>; numeric: boolean } {
  const shape = shapeOf(model, id);
  if (shape.type === 'enum' || shape.type === 'intEnum') {
    const values = Object.entries(shape.members ?? {}).map(([name, m]) => {
      const v = m.traits?.[T.enumValue];
      return v === undefined ? name : (v as string | number);
    });
    return { values, numeric: shape.type === 'intEnum' };
  }
  const legacy = shape.traits?.[T.legacyEnum] as Array<{ value: string }> | undefined;
  if (legacy) return { values: legacy.map((e) => e.value), numeric: false };
  throw new Error(`${id} is not an enum`);
}

function isEnum(model: SmithyModel, id: string): boolean {
  const shape = shapeOf(model, id);
  return (
    shape.type === 'enum' ||
    shape.type === 'intEnum' ||
    (shape.type === 'string' && shape.traits?.[T.legacyEnum] !== undefined)
  );
}

function enumConst(model: SmithyModel, shared: Shared, id: string): string {
  const existing = shared.enumConsts.get(id);
  if (existing) return existing;
  const name = `${shortName(id)}_VALUES`;
  const { values } = enumValues(model, id);
  shared.enumConsts.set(id, name);
  shared.enumLines.push(`export const ${name} = ${JSON.stringify(values)} as const;`);
  return name;
}

function patternConst(shared: Shared, pattern: string): string {
  const existing = shared.patternConsts.get(pattern);
  if (existing) return existing;
  const { source, flags } = translatePattern(pattern);
  const name = `PATTERN_${shared.patternConsts.size}`;
  shared.patternConsts.set(pattern, name);
  shared.patternLines.push(`/** Smithy: ${pattern.replace(/\*\//g, '*\\/')} */`);
  shared.patternLines.push(
    `const ${name} = new RegExp(${JSON.stringify(source)}, ${JSON.stringify(flags)});`,
  );
  return name;
}

/** A member's effective traits: the target's, overridden by the member's own (Smithy trait precedence). */
function effectiveTraits(model: SmithyModel, ref: MemberRef): Traits {
  return { ...(shapeOf(model, ref.target).traits ?? {}), ...(ref.traits ?? {}) };
}

function lengthArg(length: LengthTrait | undefined): string {
  if (!length) return '';
  const parts: string[] = [];
  if (length.min !== undefined) parts.push(`min: ${length.min}`);
  if (length.max !== undefined) parts.push(`max: ${length.max}`);
  return `{ ${parts.join(', ')} }`;
}

/** The zod expression validating a value of `ref` (member or list item) in one direction. */
function valueExpr(e: Emitter, shared: Shared, ref: MemberRef): string {
  const shape = shapeOf(e.model, ref.target);
  const traits = effectiveTraits(e.model, ref);
  const dir = JSON.stringify(e.direction);
  if (isEnum(e.model, ref.target)) {
    const { numeric } = enumValues(e.model, ref.target);
    return numeric
      ? `oneOfInt(${enumConst(e.model, shared, ref.target)}, ${dir})`
      : `oneOf(${enumConst(e.model, shared, ref.target)}, ${dir})`;
  }
  switch (shape.type) {
    case 'string': {
      const args: string[] = [];
      const length = traits[T.length] as LengthTrait | undefined;
      if (length) args.push(`length: ${lengthArg(length)}`);
      const pattern = traits[T.pattern] as string | undefined;
      if (pattern !== undefined)
        args.push(
          `pattern: ${patternConst(shared, pattern)}, patternText: ${JSON.stringify(describePattern(pattern))}`,
        );
      return args.length ? `text({ ${args.join(', ')} })` : 'text()';
    }
    case 'boolean':
      return 'z.boolean()';
    case 'integer':
    case 'long':
    case 'short':
    case 'byte': {
      const range = traits[T.range] as LengthTrait | undefined;
      return range ? `integer(${lengthArg(range)})` : 'integer()';
    }
    case 'float':
    case 'double': {
      const range = traits[T.range] as LengthTrait | undefined;
      return range ? `decimalNumber(${lengthArg(range)})` : 'decimalNumber()';
    }
    case 'timestamp': {
      const format = traits[T.timestampFormat] as string | undefined;
      if (format === 'date-time') return 'dateTime()';
      if (format === 'http-date') return 'httpDate()';
      return 'epochSeconds()';
    }
    case 'document':
      return 'document()';
    case 'blob':
      return 'blob()';
    case 'structure':
    case 'union':
    case 'list':
    case 'map': {
      const name = aggregateConst(e, shared, ref.target);
      // A member-level @length on a list or map narrows the shared shape at this use only.
      const memberLength = ref.traits?.[T.length] as LengthTrait | undefined;
      if (memberLength && (shape.type === 'list' || shape.type === 'map')) {
        return shape.type === 'list'
          ? `listOf(${valueExpr(e, shared, shape.member as MemberRef)}, ${lengthArg({ ...(shape.traits?.[T.length] as LengthTrait | undefined), ...memberLength })})`
          : `mapOf(${valueExpr(e, shared, shape.key as MemberRef)}, ${valueExpr(e, shared, shape.value as MemberRef)}, ${lengthArg({ ...(shape.traits?.[T.length] as LengthTrait | undefined), ...memberLength })})`;
      }
      return name;
    }
    default:
      throw new Error(
        `${ref.target}: Smithy type "${shape.type}" is not supported by the generator`,
      );
  }
}

function constName(direction: Direction, id: string): string {
  return `${direction === 'request' ? 'rq' : 'rs'}${shortName(id)}`;
}

/** Emits (once, dependencies first) the named const for a structure, union, list or map shape. */
function aggregateConst(e: Emitter, shared: Shared, id: string): string {
  const existing = e.emitted.get(id);
  if (existing) return existing;
  const name = constName(e.direction, id);
  const shape = shapeOf(e.model, id);
  const dir = JSON.stringify(e.direction);
  let expr: string;
  if (shape.type === 'structure' || shape.type === 'union') {
    const members = Object.entries(shape.members ?? {}).map(([member, ref]) => {
      const inner = valueExpr(e, shared, ref);
      const required = shape.type === 'structure' && ref.traits?.[T.required] !== undefined;
      return `  ${JSON.stringify(member)}: ${required ? inner : `optional(${inner})`},`;
    });
    expr = `${shape.type === 'union' ? 'union' : 'structure'}({\n${members.join('\n')}\n}, ${dir})`;
  } else if (shape.type === 'list') {
    if (shape.traits?.[T.sparse] !== undefined)
      throw new Error(`${id}: @sparse lists are not supported by the generator`);
    const length = shape.traits?.[T.length] as LengthTrait | undefined;
    expr = `listOf(${valueExpr(e, shared, shape.member as MemberRef)}${length ? `, ${lengthArg(length)}` : ''})`;
  } else if (shape.type === 'map') {
    const length = shape.traits?.[T.length] as LengthTrait | undefined;
    expr = `mapOf(${valueExpr(e, shared, shape.key as MemberRef)}, ${valueExpr(e, shared, shape.value as MemberRef)}${length ? `, ${lengthArg(length)}` : ''})`;
  } else {
    throw new Error(`${id} is not an aggregate shape`);
  }
  e.emitted.set(id, name);
  e.lines.push(`const ${name} = ${expr};`);
  return name;
}

/**
 * The fast path: a plain boolean check per aggregate shape, emitted next to the zod schema. It may
 * be stricter than zod (then zod runs and finds nothing), never looser: the contract tests break
 * every constraint and expect a finding, which only zod produces. Timestamps, documents and blobs
 * defer to their zod leaf.
 */
interface FastEmitter {
  model: SmithyModel;
  direction: Direction;
  emitted: Map<string, string>;
  lines: string[];
  leaves: Map<string, string>; // zod leaf expression -> const name
}

function fastLeaf(f: FastEmitter, zodExpr: string): string {
  const existing = f.leaves.get(zodExpr);
  if (existing) return existing;
  const name = `${f.direction === 'request' ? 'lq' : 'ls'}${f.leaves.size}`;
  f.leaves.set(zodExpr, name);
  f.lines.push(`const ${name} = ${zodExpr};`);
  return name;
}

/** A JS boolean expression that is true when `v` (an expression without side effects) is valid. */
function fastValue(f: FastEmitter, shared: Shared, ref: MemberRef, v: string): string {
  const shape = shapeOf(f.model, ref.target);
  const traits = effectiveTraits(f.model, ref);
  if (isEnum(f.model, ref.target)) {
    const { numeric } = enumValues(f.model, ref.target);
    if (f.direction === 'response')
      return numeric ? `Number.isInteger(${v})` : `typeof ${v} === 'string'`;
    return `${enumConst(f.model, shared, ref.target).replace(/_VALUES$/, '_SET')}.has(${v})`;
  }
  switch (shape.type) {
    case 'string': {
      const parts = [`typeof ${v} === 'string'`];
      const length = traits[T.length] as LengthTrait | undefined;
      if (length) parts.push(`lengthWithin(${v}, ${length.min ?? 0}, ${length.max ?? 'Infinity'})`);
      const pattern = traits[T.pattern] as string | undefined;
      // `^(?s).{a,b}$` only bounds the length in code points: count them instead of running the regex.
      const lengthOnly =
        pattern === undefined ? null : /^\^\(\?s\)\.\{(\d+),(\d+)\}\$$/.exec(pattern);
      if (lengthOnly) parts.push(`lengthWithin(${v}, ${lengthOnly[1]}, ${lengthOnly[2]})`);
      else if (pattern !== undefined) parts.push(`${patternConst(shared, pattern)}.test(${v})`);
      return parts.join(' && ');
    }
    case 'boolean':
      return `typeof ${v} === 'boolean'`;
    case 'integer':
    case 'long':
    case 'short':
    case 'byte': {
      const range = traits[T.range] as LengthTrait | undefined;
      return [
        `Number.isInteger(${v})`,
        ...(range?.min !== undefined ? [`${v} >= ${range.min}`] : []),
        ...(range?.max !== undefined ? [`${v} <= ${range.max}`] : []),
      ].join(' && ');
    }
    case 'structure':
    case 'union':
    case 'list':
    case 'map': {
      if (ref.traits?.[T.length] !== undefined && (shape.type === 'list' || shape.type === 'map')) {
        const length = {
          ...(shape.traits?.[T.length] as LengthTrait | undefined),
          ...(ref.traits[T.length] as LengthTrait),
        };
        const size = shape.type === 'list' ? `${v}.length` : `Object.keys(${v}).length`;
        const bounds = [
          ...(length.min !== undefined ? [`${size} >= ${length.min}`] : []),
          ...(length.max !== undefined ? [`${size} <= ${length.max}`] : []),
        ];
        return `${fastAggregate(f, shared, ref.target)}(${v}) && ${bounds.join(' && ')}`;
      }
      return `${fastAggregate(f, shared, ref.target)}(${v})`;
    }
    default:
      // Rare leaves (timestamps, floats, documents, blobs): ask the zod leaf itself.
      return `${fastLeaf(f, valueExpr({ model: f.model, direction: f.direction, emitted: new Map(), lines: [] }, shared, ref))}.safeParse(${v}).success`;
  }
}

function fastAggregate(f: FastEmitter, shared: Shared, id: string): string {
  const existing = f.emitted.get(id);
  if (existing) return existing;
  const name = `${f.direction === 'request' ? 'fq' : 'fs'}${shortName(id)}`;
  f.emitted.set(id, name);
  const shape = shapeOf(f.model, id);
  const body: string[] = [];
  if (shape.type === 'structure' || shape.type === 'union') {
    const members = Object.entries(shape.members ?? {});
    body.push(`if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;`);
    if (f.direction === 'request') {
      const keys = `${name}_KEYS`;
      f.lines.push(`const ${keys} = new Set(${JSON.stringify(members.map(([m]) => m))});`);
      body.push(`for (const k in v) if (!${keys}.has(k)) return false;`);
    }
    if (shape.type === 'union') {
      body.push(`let set = 0, known = 0;`);
      body.push(
        `for (const k in v) { if (k === '__type' || v[k] === null || v[k] === undefined) continue; set++; if (${JSON.stringify(members.map(([m]) => m))}.includes(k)) known++; }`,
      );
      body.push(
        f.direction === 'request'
          ? `if (set !== 1) return false;`
          : `if (set !== 1) return false; if (known === 0) return true;`,
      );
    }
    members.forEach(([member, ref], index) => {
      const required = shape.type === 'structure' && ref.traits?.[T.required] !== undefined;
      body.push(`const m${index} = v[${JSON.stringify(member)}];`);
      body.push(
        required
          ? `if (m${index} === undefined || m${index} === null || !(${fastValue(f, shared, ref, `m${index}`)})) return false;`
          : `if (m${index} !== undefined && m${index} !== null && !(${fastValue(f, shared, ref, `m${index}`)})) return false;`,
      );
    });
    body.push('return true;');
  } else if (shape.type === 'list') {
    const length = shape.traits?.[T.length] as LengthTrait | undefined;
    body.push(`if (!Array.isArray(v)) return false;`);
    if (length?.min !== undefined) body.push(`if (v.length < ${length.min}) return false;`);
    if (length?.max !== undefined) body.push(`if (v.length > ${length.max}) return false;`);
    body.push(
      `for (const item of v) if (!(${fastValue(f, shared, shape.member as MemberRef, 'item')})) return false;`,
    );
    body.push('return true;');
  } else if (shape.type === 'map') {
    const length = shape.traits?.[T.length] as LengthTrait | undefined;
    body.push(`if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;`);
    body.push(`const keys = Object.keys(v);`);
    if (length?.min !== undefined) body.push(`if (keys.length < ${length.min}) return false;`);
    if (length?.max !== undefined) body.push(`if (keys.length > ${length.max}) return false;`);
    body.push(
      `for (const key of keys) { const item = v[key]; if (!(${fastValue(f, shared, shape.key as MemberRef, 'key')}) || !(${fastValue(f, shared, shape.value as MemberRef, 'item')})) return false; }`,
    );
    body.push('return true;');
  } else {
    throw new Error(`${id} is not an aggregate shape`);
  }
  f.lines.push(`function ${name}(v: any): boolean {\n  ${body.join('\n  ')}\n}`);
  return name;
}

export interface ConstraintEntry {
  path: string;
  kind: ConstraintKind;
  min?: number;
  max?: number;
  pattern?: string;
  enumShape?: string;
  format?: string;
  members?: string[];
}

/**
 * Every constraint reachable from an operation's shape, at its JSON path. List items are `[*]`,
 * map values `.*`; the model has no recursive shapes reachable from these operations (checked).
 */
export function constraintsOf(model: SmithyModel, rootId: string): ConstraintEntry[] {
  const out: ConstraintEntry[] = [];
  const walk = (ref: MemberRef, path: string, stack: string[]): void => {
    if (stack.includes(ref.target)) throw new Error(`recursive shape ${ref.target} at ${path}`);
    const shape = shapeOf(model, ref.target);
    const traits = effectiveTraits(model, ref);
    if (isEnum(model, ref.target)) {
      out.push({ path, kind: 'enum', enumShape: shortName(ref.target) });
      return;
    }
    const length = traits[T.length] as LengthTrait | undefined;
    if (length && (shape.type === 'string' || shape.type === 'list' || shape.type === 'map'))
      out.push({ path, kind: 'length', ...length });
    if (shape.type === 'string' && traits[T.pattern] !== undefined)
      out.push({ path, kind: 'pattern', pattern: traits[T.pattern] as string });
    const range = traits[T.range] as LengthTrait | undefined;
    if (range) out.push({ path, kind: 'range', ...range });
    if (shape.type === 'timestamp')
      out.push({
        path,
        kind: 'timestamp',
        format: (traits[T.timestampFormat] as string | undefined) ?? 'epoch-seconds',
      });
    const next = [...stack, ref.target];
    if (shape.type === 'structure' || shape.type === 'union') {
      if (shape.type === 'union')
        out.push({ path, kind: 'union', members: Object.keys(shape.members ?? {}) });
      for (const [member, child] of Object.entries(shape.members ?? {})) {
        const childPath = `${path}.${member}`;
        if (shape.type === 'structure' && child.traits?.[T.required] !== undefined)
          out.push({ path: childPath, kind: 'required' });
        walk(child, childPath, next);
      }
    } else if (shape.type === 'list') {
      walk(shape.member as MemberRef, `${path}[*]`, next);
    } else if (shape.type === 'map') {
      walk(shape.value as MemberRef, `${path}.*`, next);
    }
  };
  walk({ target: rootId }, '$', []);
  return out;
}

/** The member layout of a shape: structure → its members, list → [item], map → { '*': value }, else true. */
export type MemberTree = true | [MemberTree] | { [member: string]: MemberTree };

export function memberTreeOf(model: SmithyModel, id: string): MemberTree {
  const shape = shapeOf(model, id);
  if (shape.type === 'structure' || shape.type === 'union') {
    return Object.fromEntries(
      Object.entries(shape.members ?? {}).map(([m, ref]) => [m, memberTreeOf(model, ref.target)]),
    );
  }
  if (shape.type === 'list') return [memberTreeOf(model, (shape.member as MemberRef).target)];
  if (shape.type === 'map') return { '*': memberTreeOf(model, (shape.value as MemberRef).target) };
  return true;
}

function serviceOf(model: SmithyModel): { id: string; version: string } {
  const entry = Object.entries(model.shapes).find(([, s]) => s.type === 'service');
  if (!entry) throw new Error('the model defines no service shape');
  return { id: entry[0], version: entry[1].version ?? 'unknown' };
}

function operationShape(model: SmithyModel, namespace: string, operation: string): Shape {
  const shape = model.shapes[`${namespace}#${operation}`];
  if (!shape || shape.type !== 'operation')
    throw new Error(`the model has no operation ${operation}`);
  return shape;
}

/** The whole generated module as text: pure, so a test can compare it with the committed file. */
export function generateAceSchemas(modelText: string, modelFileName: string): string {
  const model = JSON.parse(modelText) as SmithyModel;
  const sha256 = createHash('sha256').update(modelText).digest('hex');
  const service = serviceOf(model);
  const namespace = service.id.slice(0, service.id.indexOf('#'));
  const shared: Shared = {
    enumConsts: new Map(),
    enumLines: [],
    patternConsts: new Map(),
    patternLines: [],
  };
  const request: Emitter = { model, direction: 'request', emitted: new Map(), lines: [] };
  const response: Emitter = { model, direction: 'response', emitted: new Map(), lines: [] };

  const inputs = REQUEST_OPERATIONS.map((op) => {
    const target = operationShape(model, namespace, op).input?.target ?? 'smithy.api#Unit';
    return { op, target, schema: aggregateConst(request, shared, target) };
  });
  const outputs = RESPONSE_OPERATIONS.map((op) => {
    const target = operationShape(model, namespace, op).output?.target ?? 'smithy.api#Unit';
    return { op, target, schema: aggregateConst(response, shared, target) };
  });

  const fastRequest: FastEmitter = {
    model,
    direction: 'request',
    emitted: new Map(),
    lines: [],
    leaves: new Map(),
  };
  const fastResponse: FastEmitter = {
    model,
    direction: 'response',
    emitted: new Map(),
    lines: [],
    leaves: new Map(),
  };
  const fastInputs = inputs.map(({ op, target }) => ({
    op,
    check: fastAggregate(fastRequest, shared, target),
  }));
  const fastOutputs = outputs.map(({ op, target }) => ({
    op,
    check: fastAggregate(fastResponse, shared, target),
  }));

  const constraintLines = [...inputs, ...outputs].map(({ op, target }) => {
    const entries = constraintsOf(model, target).map((c) => `    ${JSON.stringify(c)},`);
    return `  ${op}: [\n${entries.join('\n')}\n  ],`;
  });

  return [
    `// ACE (AWS Partner Central Selling API) wire schemas, generated from the Smithy model.`,
    `// Model: ${modelFileName} · service ${shortName(service.id)} version ${service.version} · Smithy ${model.smithy}`,
    `// Model sha256: ${sha256}`,
    `// generated — do not edit, run \`${GENERATE_COMMAND}\``,
    `/* eslint-disable */`,
    `import { z } from 'zod';`,
    `import { dateTime, decimalNumber, document, blob, epochSeconds, httpDate, integer, lengthWithin, listOf, mapOf, oneOf, oneOfInt, optional, structure, text, union } from '../smithy-zod.js';`,
    ``,
    `export const ACE_MODEL = ${JSON.stringify({ file: modelFileName, service: shortName(service.id), version: service.version, sha256 })} as const;`,
    ``,
    `// Enum wire values, exactly as the model spells them.`,
    ...shared.enumLines,
    ...[...shared.enumConsts.values()].map(
      (name) =>
        `const ${name.replace(/_VALUES$/, '_SET')}: ReadonlySet<unknown> = new Set(${name});`,
    ),
    ``,
    `// Patterns translated from Smithy (unanchored, ECMA-262; \`(?s)\` becomes the s flag).`,
    ...shared.patternLines,
    ``,
    `// Request shapes: strict (an unknown member is an error).`,
    ...request.lines,
    ``,
    `// Response shapes: tolerant (unknown members and newer enum values pass).`,
    ...response.lines,
    ``,
    `// Fast path: boolean checks that agree with the schemas on valid payloads (see the generator).`,
    ...fastRequest.lines,
    ...fastResponse.lines,
    ``,
    `// Touch every helper so an unused import never breaks the build when the model changes.`,
    `void [dateTime, decimalNumber, document, blob, epochSeconds, httpDate, integer, lengthWithin, listOf, mapOf, oneOf, oneOfInt, optional, structure, text, union, z];`,
    ``,
    `export const ACE_REQUEST_SCHEMAS = {`,
    ...inputs.map(({ op, schema }) => `  ${op}: ${schema},`),
    `} as const;`,
    ``,
    `export const ACE_RESPONSE_SCHEMAS = {`,
    ...outputs.map(({ op, schema }) => `  ${op}: ${schema},`),
    `} as const;`,
    ``,
    `/** True only for payloads the schema accepts; false means "ask the schema for findings". */`,
    `export const ACE_FAST_CHECKS: Record<keyof typeof ACE_REQUEST_SCHEMAS | keyof typeof ACE_RESPONSE_SCHEMAS, (payload: unknown) => boolean> = {`,
    ...fastInputs.map(({ op, check }) => `  ${op}: ${check},`),
    ...fastOutputs.map(({ op, check }) => `  ${op}: ${check},`),
    `};`,
    ``,
    `export type AceRequestOperation = keyof typeof ACE_REQUEST_SCHEMAS;`,
    `export type AceResponseOperation = keyof typeof ACE_RESPONSE_SCHEMAS;`,
    ...inputs.map(({ op, schema }) => `export type ${op}Input = z.output<typeof ${schema}>;`),
    ...outputs.map(({ op, schema }) => `export type ${op}Output = z.output<typeof ${schema}>;`),
    ``,
    `export type AceMemberTree = true | readonly [AceMemberTree] | { readonly [member: string]: AceMemberTree };`,
    ``,
    `/** Which members each request may carry (structure → members, list → [item]); read-merge-write projects onto it. */`,
    `export const ACE_REQUEST_MEMBERS: Record<AceRequestOperation, AceMemberTree> = {`,
    ...inputs.map(({ op, target }) => `  ${op}: ${JSON.stringify(memberTreeOf(model, target))},`),
    `};`,
    ``,
    `export interface AceConstraint {`,
    `  path: string;`,
    `  kind: 'required' | 'enum' | 'length' | 'pattern' | 'range' | 'timestamp' | 'union';`,
    `  min?: number;`,
    `  max?: number;`,
    `  pattern?: string;`,
    `  enumShape?: string;`,
    `  format?: string;`,
    `  members?: string[];`,
    `}`,
    ``,
    `/** Every constraint the model states, per operation, at its JSON path (\`[*]\` = any list item). */`,
    `export const ACE_CONSTRAINTS: Record<AceRequestOperation | AceResponseOperation, readonly AceConstraint[]> = {`,
    ...constraintLines,
    `};`,
    ``,
  ].join('\n');
}

function main(argv: string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const modelPath = resolve(root, argv[0] ?? DEFAULT_MODEL_PATH);
  const text = readFileSync(modelPath, 'utf8');
  const output = generateAceSchemas(text, basename(modelPath));
  writeFileSync(resolve(root, OUTPUT_PATH), output);
  process.stdout.write(`wrote ${OUTPUT_PATH} from ${basename(modelPath)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2));
