// Parses a request part and refuses unknown fields even where the canonical model's schemas strip
// them (they are shared with readers that must tolerate extra columns): a misspelt field in a
// request is a 400 naming the field, never a silently ignored value (OWASP API3, mass assignment).
import type { z } from 'zod';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Keys present in the input that parsing dropped: the schema does not know them. */
export function strippedKeys(input: unknown, output: unknown, path: PropertyKey[] = []): z.core.$ZodIssue[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => strippedKeys(item, output[index], [...path, index]));
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  const unknown = Object.keys(input).filter((key) => !(key in output));
  const issues: z.core.$ZodIssue[] = unknown.length > 0
    ? [{ code: 'unrecognized_keys', keys: unknown, path, message: `Unrecognized key(s): ${unknown.join(', ')}`, input } as z.core.$ZodIssue]
    : [];
  for (const key of Object.keys(input)) {
    if (key in output) issues.push(...strippedKeys(input[key], output[key], [...path, key]));
  }
  return issues;
}

export type StrictResult<T> = { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[] };

/** `schema.safeParse`, plus one `unrecognized_keys` issue per object that carried fields the schema does not define. */
export function parseStrictly<S extends z.ZodType>(schema: S, input: unknown): StrictResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (!result.success) return { success: false, issues: result.error.issues };
  const unknown = strippedKeys(input, result.data);
  return unknown.length > 0 ? { success: false, issues: unknown } : { success: true, data: result.data };
}
