// The AWS ACE wire format as the rest of the product sees it: the generated Smithy schemas plus the
// rules AWS applies beyond the model, behind the common PortalWireFormat interface.
import type { Finding } from '../../core/model.js';
import { findingsFromIssues } from '../findings.js';
import {
  PORTAL_CLOUD,
  UnknownOperationError,
  type PortalWireFormat,
  type WireOperation,
} from '../portal.js';
import {
  ACE_FAST_CHECKS,
  ACE_REQUEST_SCHEMAS,
  ACE_RESPONSE_SCHEMAS,
} from './generated/ace-schemas.js';
import { createFindings, opportunityBodyFindings, submissionFindings } from './rules.js';

export const AWS_DEFAULT_OPERATION = 'CreateOpportunity';

function operations(): Record<string, WireOperation> {
  const out: Record<string, WireOperation> = {};
  for (const [name, schema] of Object.entries(ACE_REQUEST_SCHEMAS))
    out[name] = { name, direction: 'request', schema };
  for (const [name, schema] of Object.entries(ACE_RESPONSE_SCHEMAS))
    out[name] = { name, direction: 'response', schema };
  return out;
}

export interface AwsWireOptions {
  /** Today (YYYY-MM-DD) for the close-date-in-the-past rule; omitted = rule skipped (no clock here). */
  today?: string;
}

/** Rules beyond the model, per request operation; readiness for review is a warning on a draft. */
function ruleFindings(operation: string, payload: unknown, options: AwsWireOptions): Finding[] {
  const readiness = (): Finding[] =>
    submissionFindings(payload, {
      severity: 'warning',
      ...(options.today ? { today: options.today } : {}),
    });
  if (operation === 'CreateOpportunity') return [...createFindings(payload), ...readiness()];
  if (operation === 'UpdateOpportunity')
    return [...opportunityBodyFindings(payload), ...readiness()];
  return [];
}

export function createAwsWireFormat(options: AwsWireOptions = {}): PortalWireFormat {
  const ops = operations();
  return {
    portal: 'aws',
    cloud: PORTAL_CLOUD.aws,
    operations: ops,
    defaultOperation: AWS_DEFAULT_OPERATION,
    validate(operation: string, payload: unknown): Finding[] {
      const op = ops[operation];
      if (!op) throw new UnknownOperationError('aws', operation, Object.keys(ops));
      // Most payloads are valid: the generated boolean check clears them without building zod issues.
      const fast = ACE_FAST_CHECKS[operation as keyof typeof ACE_FAST_CHECKS];
      const parsed = fast?.(payload) ? null : op.schema.safeParse(payload, { reportInput: true });
      const wire =
        !parsed || parsed.success
          ? []
          : findingsFromIssues(parsed.error.issues, { cloud: 'AWS', codePrefix: 'AWS' });
      // One finding per member: a rule never repeats what the schema or an earlier (harder) rule said.
      const rules = ruleFindings(operation, payload, options);
      if (wire.length === 0 && rules.length < 2) return rules;
      const flagged = new Set(wire.map((f) => f.path));
      const out = wire;
      for (const finding of rules) {
        if (flagged.has(finding.path)) continue;
        flagged.add(finding.path);
        out.push(finding);
      }
      return out;
    },
  };
}

/** The ACE dialect without clock-dependent rules; `cosell payload validate --portal aws` uses it. */
export const awsWireFormat: PortalWireFormat = createAwsWireFormat();
