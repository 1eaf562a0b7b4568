// What the generated module exports besides the schemas: every constraint an operation's shape
// states, at its JSON path, and the member layout each request may carry.
import {
  effectiveTraits,
  isEnum,
  shapeOf,
  shortName,
  T,
  type LengthTrait,
  type MemberRef,
  type SmithyModel,
} from './smithy.ts';

/** Constraint kinds the schemas enforce; the contract tests derive one violation per entry. */
export type ConstraintKind =
  | 'required'
  | 'enum'
  | 'length'
  | 'pattern'
  | 'range'
  | 'timestamp'
  | 'union';

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
