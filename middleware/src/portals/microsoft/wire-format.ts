// The Microsoft dialect as the rest of the product sees it: each Referrals API payload we send or read,
// validated by its schema plus Partner Center's unwritten rules, answered as findings with JSON paths.
import type { z } from 'zod';
import type { Finding } from '../../core/model.js';
import { schemaFindings } from '../findings.js';
import { passesFastCheck } from '../wire-fast-path.js';
import { narrowedSchemaFindings } from '../wire-narrowing.js';
import { UnknownOperationError, type PortalWireFormat, type WireOperation } from '../portal.js';
import {
  createRules,
  fullUpdateRules,
  listRules,
  patchRules,
  readBackRules,
  webhookRules,
} from './rules.js';
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

/** Schema findings for one payload (absent members reported as required). */
export function microsoftSchemaFindings(schema: z.ZodType, payload: unknown): Finding[] {
  return schemaFindings(schema, payload, { cloud: 'Microsoft', codePrefix: 'MICROSOFT' });
}

/** Operation names are the Referrals API actions in lower case. */
export const MICROSOFT_OPERATIONS: Record<string, MicrosoftOperation> = {
  create: {
    name: 'create',
    direction: 'request',
    schema: ReferralCreateRequest,
    rules: createRules,
  },
  update: {
    name: 'update',
    direction: 'request',
    schema: ReferralFullUpdateRequest,
    rules: fullUpdateRules,
  },
  patch: { name: 'patch', direction: 'request', schema: ReferralPatchRequest, rules: patchRules },
  'webhook-registration': {
    name: 'webhook-registration',
    direction: 'request',
    schema: WebhookRegistrationRequest,
    rules: none,
  },
  get: {
    name: 'get',
    direction: 'response',
    schema: ReferralReadBack,
    rules: (payload) => readBackRules(payload),
  },
  list: { name: 'list', direction: 'response', schema: ReferralListResponse, rules: listRules },
  'webhook-event': {
    name: 'webhook-event',
    direction: 'response',
    schema: ReferralWebhookEvent,
    rules: webhookRules,
  },
  error: { name: 'error', direction: 'response', schema: ReferralErrorResponse, rules: none },
};

export const microsoftWireFormat: PortalWireFormat = {
  portal: 'microsoft',
  cloud: 'Microsoft',
  operations: MICROSOFT_OPERATIONS,
  defaultOperation: 'create',
  validate(operation: string, payload: unknown): Finding[] {
    const op = MICROSOFT_OPERATIONS[operation];
    if (!op)
      throw new UnknownOperationError('microsoft', operation, Object.keys(MICROSOFT_OPERATIONS));
    const rules = op.rules(payload);
    if (passesFastCheck(op.schema, payload)) return rules;
    // zod parses only the failing parts: the same findings as the whole, at a fraction of the cost.
    const schema = narrowedSchemaFindings(op.schema, payload, {
      cloud: 'Microsoft',
      codePrefix: 'MICROSOFT',
    });
    return schema.length === 0 ? rules : [...schema, ...rules];
  },
};
