// The building blocks the generated ACE schemas are made of: Smithy traits (@length, @pattern,
// @range, enums, unions, timestamps) expressed as zod 4 checks, with messages a person can read.
import { z } from 'zod';

/** Requests we send are closed (unknown members rejected); responses we read are open (forward compatible). */
export type Direction = 'request' | 'response';

export interface LengthTrait {
  min?: number;
  max?: number;
}

/**
 * Smithy counts a string's @length in Unicode scalar values, not UTF-16 code units, so an emoji is
 * one character. `.length` over-counts astral characters and is only an upper bound.
 */
export function codePointLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The fast path's @length check, counting characters like `text()` does. */
export function lengthWithin(value: string, min: number, max: number): boolean {
  const size =
    value.length <= max && value.length >= 2 * min ? value.length : codePointLength(value);
  return size >= min && size <= max;
}

function lengthWords(length: LengthTrait): string {
  if (length.min !== undefined && length.max !== undefined)
    return `between ${length.min} and ${length.max}`;
  if (length.max !== undefined) return `at most ${length.max}`;
  return `at least ${length.min ?? 0}`;
}

/** A Smithy string: @length in characters, then an unanchored @pattern (the regex decides its own anchors). */
export function text(
  options: { length?: LengthTrait; pattern?: RegExp; patternText?: string } = {},
): z.ZodType<string> {
  const { length, pattern, patternText } = options;
  let schema: z.ZodType<string> = z.string();
  if (length && (length.min !== undefined || length.max !== undefined)) {
    const min = length.min ?? 0;
    const max = length.max ?? Number.POSITIVE_INFINITY;
    schema = schema.superRefine((value, ctx) => {
      // `.length` >= code points >= `.length / 2`: only count when the cheap bound is not decisive.
      const size =
        value.length <= max && value.length >= 2 * min ? value.length : codePointLength(value);
      if (size < min) {
        ctx.addIssue({
          code: 'too_small',
          origin: 'string',
          minimum: min,
          inclusive: true,
          input: value,
          message: `must be ${lengthWords(length)} characters long (it has ${size})`,
        });
      } else if (size > max) {
        ctx.addIssue({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: value,
          message: `must be ${lengthWords(length)} characters long (it has ${size})`,
        });
      }
    });
  }
  if (pattern) {
    const regex = pattern;
    schema = schema.superRefine((value, ctx) => {
      // A shared RegExp without the g/y flags keeps no state between calls.
      if (!regex.test(value)) {
        ctx.addIssue({
          code: 'invalid_format',
          format: 'regex',
          pattern: regex.source,
          input: value,
          message: `must be ${patternText ?? `text matching ${regex.source}`}`,
        });
      }
    });
  }
  return schema;
}

function listWords(values: readonly (string | number)[]): string {
  const shown = values
    .slice(0, 8)
    .map((v) => JSON.stringify(v))
    .join(', ');
  return values.length > 8
    ? `one of the ${values.length} values ACE accepts (e.g. ${shown})`
    : `one of ${shown}`;
}

/**
 * A Smithy enum. Requests must use the exact wire string; responses accept values added after this
 * model (Smithy enums are open), so a new AWS stage never breaks reading an opportunity.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  direction: 'request',
): z.ZodType<T[number]>;
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  direction: 'response',
): z.ZodType<T[number] | (string & {})>;
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  direction: Direction,
): z.ZodType<string> {
  if (direction === 'response') return z.string();
  // A string check (not z.enum) so a missing value reads as "required", a wrong one as "not allowed".
  const allowed = new Set<string>(values);
  return z.string().superRefine((value, ctx) => {
    if (!allowed.has(value)) {
      ctx.addIssue({
        code: 'invalid_value',
        values: [...values],
        input: value,
        message: `must be ${listWords(values)}; got ${JSON.stringify(value)}`,
      });
    }
  });
}

/** A Smithy intEnum: exact integer values on requests, open on responses. */
export function oneOfInt(values: readonly number[], direction: Direction): z.ZodType<number> {
  if (direction === 'response') return z.number().int();
  const allowed = new Set(values);
  return z
    .number()
    .int()
    .superRefine((value, ctx) => {
      if (!allowed.has(value))
        ctx.addIssue({
          code: 'invalid_value',
          values: [...values],
          input: value,
          message: `must be ${listWords(values)}`,
        });
    });
}

/** Smithy integer/long with an optional @range. */
export function integer(range: { min?: number; max?: number } = {}): z.ZodType<number> {
  let schema = z.number().int();
  if (range.min !== undefined) schema = schema.min(range.min, `must be at least ${range.min}`);
  if (range.max !== undefined) schema = schema.max(range.max, `must be at most ${range.max}`);
  return schema;
}

/** Smithy float/double: awsJson sends non-finite values as strings. */
export function decimalNumber(
  range: { min?: number; max?: number } = {},
): z.ZodType<number | 'NaN' | 'Infinity' | '-Infinity'> {
  let finite = z.number();
  if (range.min !== undefined) finite = finite.min(range.min, `must be at least ${range.min}`);
  if (range.max !== undefined) finite = finite.max(range.max, `must be at most ${range.max}`);
  return z.union([finite, z.enum(['NaN', 'Infinity', '-Infinity'])]);
}

/** @timestampFormat("date-time"): RFC 3339 in UTC (`Z`), fractional seconds optional. */
export const dateTime = (): z.ZodType<string> =>
  z.iso.datetime({ error: 'must be a UTC date-time such as 2026-03-31T14:05:00Z' });
/** @timestampFormat("http-date"): IMF-fixdate. */
export const httpDate = (): z.ZodType<string> =>
  z
    .string()
    .regex(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      'must be an HTTP date such as Tue, 31 Mar 2026 14:05:00 GMT',
    );
/** awsJson1_0's default timestamp encoding: seconds since the epoch, fractions allowed. */
export const epochSeconds = (): z.ZodType<number> =>
  z.number().refine(Number.isFinite, 'must be seconds since 1970-01-01');

/** A Smithy list: items are never null (the model has no @sparse lists), @length counts items. */
export function listOf<T extends z.ZodType>(
  item: T,
  length: LengthTrait = {},
): z.ZodType<Array<z.output<T>>> {
  let schema = z.array(item);
  if (length.min !== undefined)
    schema = schema.min(length.min, `must have ${lengthWords(length)} items`);
  if (length.max !== undefined)
    schema = schema.max(length.max, `must have ${lengthWords(length)} items`);
  return schema;
}

/** A Smithy map: a JSON object whose keys follow the key shape. */
export function mapOf<V extends z.ZodType>(
  key: z.ZodType<string>,
  value: V,
  length: LengthTrait = {},
): z.ZodType<Record<string, z.output<V>>> {
  return z.record(key, value).superRefine((record, ctx) => {
    const size = Object.keys(record).length;
    if (length.min !== undefined && size < length.min) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'object',
        minimum: length.min,
        inclusive: true,
        input: record,
        message: `must have ${lengthWords(length)} entries`,
      });
    }
    if (length.max !== undefined && size > length.max) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'object',
        maximum: length.max,
        inclusive: true,
        input: record,
        message: `must have ${lengthWords(length)} entries`,
      });
    }
  });
}

/** An absent optional member: awsJson treats an explicit `null` in a structure as not set. */
export function optional<T extends z.ZodType>(schema: T): z.ZodOptional<z.ZodNullable<T>> {
  return schema.nullable().optional();
}

/** A Smithy structure: closed on requests, open on responses. */
export function structure<S extends z.ZodRawShape>(shape: S, direction: Direction) {
  return direction === 'request' ? z.strictObject(shape) : z.looseObject(shape);
}

/**
 * A Smithy union: exactly one member set. On responses a member this model does not know is the
 * union's "unknown" variant and is accepted; `__type` is protocol metadata, not a member.
 */
export function union<S extends z.ZodRawShape>(shape: S, direction: Direction) {
  const known = Object.keys(shape);
  // Counted on the raw input, before the members are checked, so the count is reported even when a
  // member is also malformed.
  const exactlyOne = z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const set = Object.entries(value as Record<string, unknown>).filter(
      ([k, v]) => k !== '__type' && v !== null && v !== undefined,
    );
    const setKnown = set.filter(([k]) => known.includes(k));
    const unknownOk = direction === 'response' && set.length === 1 && setKnown.length === 0;
    if (set.length !== 1 && !unknownOk) {
      ctx.addIssue({
        code: 'invalid_union',
        errors: [],
        input: value,
        message: `must set exactly one of ${known.join(', ')} (it sets ${set.length === 0 ? 'none' : set.map(([k]) => k).join(', ')})`,
      });
    }
  });
  return exactlyOne.pipe(structure(shape, direction));
}

/** A Smithy document: any JSON value. */
export const document = (): z.ZodType<unknown> => z.json();
/** A Smithy blob: base64 text on awsJson. */
export const blob = (): z.ZodType<string> => z.base64({ error: 'must be base64 text' });
