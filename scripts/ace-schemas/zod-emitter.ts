// Emits the zod schemas: one named const per aggregate shape and direction (requests strict,
// responses tolerant), sharing enum value lists and translated patterns across both directions.
import { describePattern, translatePattern } from './patterns.ts';
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

export interface Emitter {
  model: SmithyModel;
  direction: Direction;
  emitted: Map<string, string>; // shape id -> const name
  lines: string[];
}

export interface Shared {
  enumConsts: Map<string, string>; // shape id -> const name
  enumLines: string[];
  patternConsts: Map<string, string>; // smithy pattern -> const name
  patternLines: string[];
}

export function enumConst(model: SmithyModel, shared: Shared, id: string): string {
  const existing = shared.enumConsts.get(id);
  if (existing) return existing;
  const name = `${shortName(id)}_VALUES`;
  const { values } = enumValues(model, id);
  shared.enumConsts.set(id, name);
  shared.enumLines.push(`export const ${name} = ${JSON.stringify(values)} as const;`);
  return name;
}

export function patternConst(shared: Shared, pattern: string): string {
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

function lengthArg(length: LengthTrait | undefined): string {
  if (!length) return '';
  const parts: string[] = [];
  if (length.min !== undefined) parts.push(`min: ${length.min}`);
  if (length.max !== undefined) parts.push(`max: ${length.max}`);
  return `{ ${parts.join(', ')} }`;
}

/** The zod expression validating a value of `ref` (member or list item) in one direction. */
export function valueExpr(e: Emitter, shared: Shared, ref: MemberRef): string {
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
export function aggregateConst(e: Emitter, shared: Shared, id: string): string {
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
