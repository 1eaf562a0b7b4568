// Emits the fast path: a plain boolean check per aggregate shape that agrees with the zod schemas on
// valid payloads, so a valid payload skips zod and an invalid one goes to zod for its findings.
import { enumConst, patternConst, valueExpr, type Shared } from './zod-emitter.ts';
import {
  effectiveTraits,
  enumValues,
  isEnum,
  shapeOf,
  shortName,
  T,
  type Direction,
  type LengthTrait,
  type MemberRef,
  type SmithyModel,
} from './smithy.ts';

/**
 * The fast path: a plain boolean check per aggregate shape, emitted next to the zod schema. It may
 * be stricter than zod (then zod runs and finds nothing), never looser: the contract tests break
 * every constraint and expect a finding, which only zod produces. Timestamps, documents and blobs
 * defer to their zod leaf.
 */
export interface FastEmitter {
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

export function fastAggregate(f: FastEmitter, shared: Shared, id: string): string {
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
