// The Microsoft dialect as the rest of the product sees it: each Referrals API payload we send or read,
// validated by its schema plus Partner Center's unwritten rules, answered as findings with JSON paths.
import type { z } from 'zod';
import type { Finding } from '../../core/model.js';
import { findingsFromIssues } from '../findings.js';
import { UnknownOperationError, type PortalWireFormat, type WireOperation } from '../portal.js';
import { createRules, fullUpdateRules, listRules, patchRules, readBackRules, webhookRules } from './rules.js';
import {
  ReferralCreateRequest,
  ReferralErrorResponse,
  ReferralFullUpdateRequest,
  ReferralListResponse,
  ReferralPatchRequest,
  ReferralReadBack,
  ReferralWebhookEvent,
  WebhookRegistrationRequest,
} from './schema.js';

interface MicrosoftOperation extends WireOperation {
  rules: (payload: unknown) => Finding[];
}

const none = (): Finding[] => [];

/**
 * Schema findings for one payload. Parses with `reportInput` so a wrong value is not mistaken for a
 * missing one, and reports an absent enum or union member as required rather than "invalid option"
 * (findings.ts only recognises absence on type issues; see the report to the lead).
 */
export function microsoftSchemaFindings(schema: z.ZodType, payload: unknown): Finding[] {
  const parsed = schema.safeParse(payload, { reportInput: true });
  if (parsed.success) return [];
  const issues = parsed.error.issues.map((issue) =>
    (issue.code === 'invalid_value' || issue.code === 'invalid_union' || issue.code === 'custom') && issue.input === undefined
      ? ({ code: 'invalid_type', expected: 'nonoptional', path: issue.path, message: issue.message, input: undefined } as z.core.$ZodIssue)
      : issue,
  );
  return findingsFromIssues(issues, { cloud: 'Microsoft', codePrefix: 'MICROSOFT' });
}

/** Operation names are the Referrals API actions in lower case. */
export const MICROSOFT_OPERATIONS: Record<string, MicrosoftOperation> = {
  create: { name: 'create', direction: 'request', schema: ReferralCreateRequest, rules: createRules },
  update: { name: 'update', direction: 'request', schema: ReferralFullUpdateRequest, rules: fullUpdateRules },
  patch: { name: 'patch', direction: 'request', schema: ReferralPatchRequest, rules: patchRules },
  'webhook-registration': { name: 'webhook-registration', direction: 'request', schema: WebhookRegistrationRequest, rules: none },
  get: { name: 'get', direction: 'response', schema: ReferralReadBack, rules: (payload) => readBackRules(payload) },
  list: { name: 'list', direction: 'response', schema: ReferralListResponse, rules: listRules },
  'webhook-event': { name: 'webhook-event', direction: 'response', schema: ReferralWebhookEvent, rules: webhookRules },
  error: { name: 'error', direction: 'response', schema: ReferralErrorResponse, rules: none },
};

export const microsoftWireFormat: PortalWireFormat = {
  portal: 'microsoft',
  cloud: 'Microsoft',
  operations: MICROSOFT_OPERATIONS,
  defaultOperation: 'create',
  validate(operation: string, payload: unknown): Finding[] {
    const op = MICROSOFT_OPERATIONS[operation];
    if (!op) throw new UnknownOperationError('microsoft', operation, Object.keys(MICROSOFT_OPERATIONS));
    return [...microsoftSchemaFindings(op.schema, payload), ...op.rules(payload)];
  },
};
