// The slice of a Smithy JSON AST model the ACE schema generator reads: shapes, the traits it knows,
// the prelude's simple shapes, and lookups of a shape, its enum values and a member's traits.

export type Direction = 'request' | 'response';
export type Traits = Record<string, unknown>;
export interface MemberRef {
  target: string;
  traits?: Traits;
}
export interface Shape {
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
export interface SmithyModel {
  smithy: string;
  shapes: Record<string, Shape>;
}
export interface LengthTrait {
  min?: number;
  max?: number;
}

export const T = {
  required: 'smithy.api#required',
  length: 'smithy.api#length',
  pattern: 'smithy.api#pattern',
  range: 'smithy.api#range',
  enumValue: 'smithy.api#enumValue',
  legacyEnum: 'smithy.api#enum',
  timestampFormat: 'smithy.api#timestampFormat',
  sparse: 'smithy.api#sparse',
} as const;

/** Prelude simple shapes carry no traits; only their type matters. */
export const PRELUDE: Record<string, string> = {
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

export function shortName(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}

export function shapeOf(model: SmithyModel, id: string): Shape {
  if (PRELUDE[id]) return { type: PRELUDE[id] };
  if (id === 'smithy.api#Unit') return { type: 'structure', members: {} };
  const shape = model.shapes[id];
  if (!shape) throw new Error(`model refers to ${id}, which it does not define`);
  return shape;
}

export function enumValues(
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

export function isEnum(model: SmithyModel, id: string): boolean {
  const shape = shapeOf(model, id);
  return (
    shape.type === 'enum' ||
    shape.type === 'intEnum' ||
    (shape.type === 'string' && shape.traits?.[T.legacyEnum] !== undefined)
  );
}

/** A member's effective traits: the target's, overridden by the member's own (Smithy trait precedence). */
export function effectiveTraits(model: SmithyModel, ref: MemberRef): Traits {
  return { ...(shapeOf(model, ref.target).traits ?? {}), ...(ref.traits ?? {}) };
}
