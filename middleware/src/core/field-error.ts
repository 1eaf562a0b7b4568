// The error core's parsers and builders throw for one bad field of their input: the field's path,
// why it is refused, and a stable code that callers (CLI, service) branch on.
import type { z } from 'zod';

export abstract class FieldError extends Error {
  abstract readonly code: string;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = new.target.name;
  }
}

/**
 * `input` parsed by `schema`, or the error `refuse` makes of the first problem: its field path (or
 * `whole` for a problem with the input as a whole) and zod's message.
 */
export function parseOrRefuse<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  whole: string,
  refuse: (field: string, message: string) => FieldError,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw refuse(issue?.path.map(String).join('.') || whole, issue?.message ?? 'invalid');
}
