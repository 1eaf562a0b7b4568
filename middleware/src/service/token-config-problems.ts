// Words the problems in COSELL_API_TOKENS so the person starting the service can fix them: which
// entry, which setting, and what is allowed, instead of a schema library's summary.
import type { z } from 'zod';

const EXAMPLE = '[{"token":"<at least 24 random characters>","persona":"ae","name":"alice"}]';

type Issue = z.core.$ZodIssue;

function entryLabel(entries: unknown, index: number): string {
  const name = Array.isArray(entries)
    ? (entries[index] as { name?: unknown } | undefined)?.name
    : undefined;
  return typeof name === 'string' && name !== ''
    ? `entry ${index + 1} ("${name}")`
    : `entry ${index + 1}`;
}

function valueAt(entries: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined,
    entries,
  );
}

function describeIssue(issue: Issue, entries: unknown, settings: readonly string[]): string {
  const [index, field] = issue.path;
  if (typeof index !== 'number')
    return `COSELL_API_TOKENS: must be a JSON list of token entries, for example ${EXAMPLE}`;
  const where = `COSELL_API_TOKENS ${entryLabel(entries, index)}`;
  if (field === undefined) {
    if (issue.code === 'unrecognized_keys')
      return `${where}: ${issue.keys.map((key) => `"${key}"`).join(', ')} is not a setting of a token; the settings are ${settings.join(', ')}`;
    return `${where}: must be an object with ${settings.join(', ')}`;
  }
  const value = valueAt(entries, issue.path);
  if (value === undefined) return `${where}: ${String(field)} is missing`;
  switch (issue.code) {
    case 'too_small':
      if (typeof value === 'string')
        return `${where}: ${String(field)} has ${value.length} characters; use at least ${String(issue.minimum)} random characters (for example from: openssl rand -hex 16)`;
      break;
    case 'invalid_value':
      return `${where}: ${String(field)} ${JSON.stringify(value)} is not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `${where}: ${String(field)} must be a ${issue.expected}`;
    default:
      break;
  }
  return `${where}: ${String(field)}: ${issue.message}`;
}

/** Every problem in the variable's value, one sentence each; empty when the value is good. */
export function apiTokenProblems(
  raw: string,
  schema: z.ZodType,
  settings: readonly string[],
): string[] {
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch (error) {
    return [
      `COSELL_API_TOKENS: is not JSON (${error instanceof Error ? error.message : String(error)}); give a list such as ${EXAMPLE}`,
    ];
  }
  const parsed = schema.safeParse(entries);
  if (parsed.success) return [];
  return [...new Set(parsed.error.issues.map((issue) => describeIssue(issue, entries, settings)))];
}
