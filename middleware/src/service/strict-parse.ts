// Parses a request part and refuses unknown fields even where the canonical model's schemas strip
// them (they are shared with readers that must tolerate extra columns): a misspelt field in a
// request is a 400 naming the field, never a silently ignored value (OWASP API3, mass assignment).
import type { z } from 'zod';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/**
 * Keys present in the input that parsing dropped: the schema does not know them. Walks with its own
 * stack, not recursion, so a body nested thousands of levels deep cannot overflow the call stack.
 */
export function strippedKeys(
  input: unknown,
  output: unknown,
  path: PropertyKey[] = [],
): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const pending: Array<{ input: unknown; output: unknown; path: PropertyKey[] }> = [
    { input, output, path },
  ];
  while (pending.length > 0) {
    const next = pending.pop()!;
    // The same object on both sides (a schema passing a value through) has nothing stripped below it.
    if (next.input === next.output) continue;
    if (Array.isArray(next.input) && Array.isArray(next.output)) {
      for (let index = next.input.length - 1; index >= 0; index--)
        pending.push({
          input: next.input[index],
          output: next.output[index],
          path: [...next.path, index],
        });
      continue;
    }
    if (!isPlainObject(next.input) || !isPlainObject(next.output)) continue;
    const inputObject = next.input;
    const outputObject = next.output;
    const unknown = Object.keys(inputObject).filter((key) => !(key in outputObject));
    if (unknown.length > 0) {
      issues.push({
        code: 'unrecognized_keys',
        keys: unknown,
        path: next.path,
        message: `Unrecognized key(s): ${unknown.join(', ')}`,
        input: inputObject,
      } as z.core.$ZodIssue);
    }
    const known = Object.keys(inputObject).filter((key) => key in outputObject);
    for (let index = known.length - 1; index >= 0; index--) {
      const key = known[index]!;
      pending.push({
        input: inputObject[key],
        output: outputObject[key],
        path: [...next.path, key],
      });
    }
  }
  return issues;
}

/** Where a string holds a NUL character (PostgreSQL text cannot store one), walking without recursion. */
export function nulCharacterPaths(value: unknown, limit = 5): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const pending: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (pending.length > 0 && found.length < limit) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) found.push(next.path);
    } else if (Array.isArray(next.value)) {
      next.value.forEach((item, index) =>
        pending.push({ value: item, path: [...next.path, index] }),
      );
    } else if (next.value !== null && typeof next.value === 'object') {
      for (const [key, item] of Object.entries(next.value)) {
        if (key.includes('\u0000')) found.push([...next.path, key]);
        pending.push({ value: item, path: [...next.path, key] });
      }
    }
  }
  return found;
}

export type StrictResult<T> =
  | { success: true; data: T }
  | { success: false; issues: z.core.$ZodIssue[] };

/** `schema.safeParse`, plus one `unrecognized_keys` issue per object that carried fields the schema does not define. */
export function parseStrictly<S extends z.ZodType>(
  schema: S,
  input: unknown,
): StrictResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (!result.success) return { success: false, issues: result.error.issues };
  const unknown = strippedKeys(input, result.data);
  return unknown.length > 0
    ? { success: false, issues: unknown }
    : { success: true, data: result.data };
}

/** Deepest nesting of arrays and objects in a parsed JSON value (a scalar is 0), without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > deepest) deepest = depth;
    for (const item of Array.isArray(next.value) ? next.value : Object.values(next.value)) {
      if (item !== null && typeof item === 'object') pending.push({ value: item, depth });
    }
  }
  return deepest;
}
