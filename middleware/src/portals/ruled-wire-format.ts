// A portal dialect whose operations are each a zod schema plus the portal's unwritten rules (the
// Microsoft and Google REST dialects): findings are the schema's, with zod parsing only the parts
// that fail the compiled checks, followed by the rules'. Also the one rule both dialects share: a member
// the portal sets itself is not the request's to send.
import type { Finding, Severity } from '../core/model.js';
import {
  PORTAL_CLOUD,
  UnknownOperationError,
  type PortalName,
  type PortalWireFormat,
  type WireOperation,
} from './portal.js';
import { narrowedSchemaFindings } from './wire-narrowing.js';

export interface RuledOperation extends WireOperation {
  rules: (payload: unknown) => Finding[];
}

/** An operation table whose operations are named by their keys (unless one gives another name). */
export function namedOperations(
  table: Record<string, Omit<RuledOperation, 'name'> & { name?: string }>,
): Record<string, RuledOperation> {
  return Object.fromEntries(
    Object.entries(table).map(([key, operation]) => [
      key,
      { ...operation, name: operation.name ?? key },
    ]),
  );
}

export function ruledWireFormat(
  portal: PortalName,
  codePrefix: string,
  operations: Record<string, RuledOperation>,
): PortalWireFormat {
  const cloud = PORTAL_CLOUD[portal];
  return {
    portal,
    cloud,
    operations,
    defaultOperation: 'create',
    validate(operation: string, payload: unknown): Finding[] {
      const op = operations[operation];
      if (!op) throw new UnknownOperationError(portal, operation, Object.keys(operations));
      const rules = op.rules(payload);
      // One pass of the compiled checks finds the failing parts (none for a valid payload, at about
      // the cost of the fast check alone); zod parses only those: the same findings as the whole.
      const schema = narrowedSchemaFindings(op.schema, payload, { cloud, codePrefix });
      return schema.length === 0 ? rules : [...schema, ...rules];
    },
  };
}

/**
 * The rule for members the portal sets itself: a warning for each of `fields` a body carries, since
 * the portal ignores (or refuses) what a request sends there.
 */
export function setByPortal(
  finding: (code: string, severity: Severity, path: string[], message: string) => Finding,
  fields: readonly string[],
  code: string,
  message: (key: string) => string,
): (body: Record<string, unknown>) => Finding[] {
  return (body) =>
    fields.filter((key) => key in body).map((key) => finding(code, 'warning', [key], message(key)));
}
