// A portal dialect whose operations are each a zod schema plus the portal's unwritten rules (the
// Microsoft and Google REST dialects): findings are the schema's, with zod parsing only the parts
// that fail the fast check, followed by the rules'.
import type { Finding } from '../core/model.js';
import {
  PORTAL_CLOUD,
  UnknownOperationError,
  type PortalName,
  type PortalWireFormat,
  type WireOperation,
} from './portal.js';
import { passesFastCheck } from './wire-fast-path.js';
import { narrowedSchemaFindings } from './wire-narrowing.js';

export interface RuledOperation extends WireOperation {
  rules: (payload: unknown) => Finding[];
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
      if (passesFastCheck(op.schema, payload)) return rules;
      // zod parses only the failing parts: the same findings as the whole, at a fraction of the cost.
      const schema = narrowedSchemaFindings(op.schema, payload, { cloud, codePrefix });
      return schema.length === 0 ? rules : [...schema, ...rules];
    },
  };
}
