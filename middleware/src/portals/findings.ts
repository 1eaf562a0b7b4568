// Turns schema violations into findings a person can act on: a stable code, the portal JSON path
// and a plain message, instead of a raw schema dump.
import type { z } from 'zod';
import type { Cloud, Finding, Severity } from '../core/model.js';

/** `$.Customer.Account.CompanyName`, `$.LifeCycle.NextSteps`, `$.Contacts[0].Email`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
}

const CODE_BY_ISSUE: Record<string, string> = {
  invalid_type: 'WIRE_INVALID_TYPE',
  too_small: 'WIRE_TOO_SMALL',
  too_big: 'WIRE_TOO_BIG',
  invalid_format: 'WIRE_INVALID_FORMAT',
  invalid_value: 'WIRE_INVALID_VALUE',
  unrecognized_keys: 'WIRE_UNKNOWN_FIELD',
  invalid_union: 'WIRE_INVALID_UNION',
  custom: 'WIRE_RULE',
};

/** Issue kinds zod raises for an absent member, depending on the member's schema. */
const ABSENCE_CODES = new Set(['invalid_type', 'invalid_value', 'invalid_union', 'custom']);

export interface FindingContext {
  cloud: Cloud;
  codePrefix: string;
  severity?: Severity;
  /** Prefix for every path, when the payload validated sits inside a larger document. */
  basePath?: ReadonlyArray<PropertyKey>;
}

/**
 * One finding per zod issue, at the issue's JSON path, prefixed by the portal (e.g. `AWS_WIRE_TOO_BIG`).
 * An absent (or null) member is reported as required whatever kind of schema it has; that needs
 * issues parsed with `reportInput: true` (schemaFindings does so).
 */
export function findingsFromIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  context: FindingContext,
): Finding[] {
  return issues.map((issue) => {
    const path = jsonPath([...(context.basePath ?? []), ...issue.path]);
    const input = (issue as { input?: unknown }).input;
    const isMissing =
      ABSENCE_CODES.has(issue.code) && 'input' in issue && (input === undefined || input === null);
    const code = `${context.codePrefix}_${isMissing ? 'WIRE_REQUIRED' : (CODE_BY_ISSUE[issue.code] ?? 'WIRE_INVALID')}`;
    const message = isMissing ? `${path} is required` : `${path}: ${issue.message}`;
    return { code, severity: context.severity ?? 'error', message, cloud: context.cloud, path };
  });
}

/** Validates a payload against a wire schema and returns its findings (none when valid). */
export function schemaFindings(
  schema: z.ZodType,
  payload: unknown,
  context: FindingContext,
): Finding[] {
  const parsed = schema.safeParse(payload, { reportInput: true });
  return parsed.success ? [] : findingsFromIssues(parsed.error.issues, context);
}
