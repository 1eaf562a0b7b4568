// Turns schema violations into findings a person can act on: a stable code, the portal JSON path
// and a plain message, instead of a raw schema dump.
import type { z } from 'zod';
import type { Cloud, Finding, Severity } from '../core/model.js';

/** `$.Customer.Account.CompanyName`, `$.LifeCycle.NextSteps`, `$.Contacts[0].Email`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
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

/** One finding per zod issue, at the issue's JSON path, prefixed by the portal (e.g. `AWS_WIRE_TOO_BIG`). */
export function findingsFromIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  context: { cloud: Cloud; codePrefix: string; severity?: Severity },
): Finding[] {
  return issues.map((issue) => {
    const path = jsonPath(issue.path);
    const isMissing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const code = `${context.codePrefix}_${isMissing ? 'WIRE_REQUIRED' : (CODE_BY_ISSUE[issue.code] ?? 'WIRE_INVALID')}`;
    const message = isMissing ? `${path} is required` : `${path}: ${issue.message}`;
    return { code, severity: context.severity ?? 'error', message, cloud: context.cloud, path };
  });
}
