// The Microsoft dialect as the rest of the product sees it: each Referrals API payload we send or read,
// validated by its schema plus Partner Center's unwritten rules, answered as findings with JSON paths.
import type { z } from 'zod';
import type { Finding } from '../../core/model.js';
import { schemaFindings } from '../findings.js';
import type { PortalWireFormat } from '../portal.js';
import { namedOperations, ruledWireFormat } from '../ruled-wire-format.js';
import { createRules, fullUpdateRules, listRules, readBackRules, webhookRules } from './rules.js';
import { patchRules } from './patch-rules.js';
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

const none = (): Finding[] => [];

/** Schema findings for one payload (absent members reported as required). */
export function microsoftSchemaFindings(schema: z.ZodType, payload: unknown): Finding[] {
  return schemaFindings(schema, payload, { cloud: 'Microsoft', codePrefix: 'MICROSOFT' });
}

/** Operation names are the Referrals API actions in lower case. */
export const MICROSOFT_OPERATIONS = namedOperations({
  create: { direction: 'request', schema: ReferralCreateRequest, rules: createRules },
  update: { direction: 'request', schema: ReferralFullUpdateRequest, rules: fullUpdateRules },
  patch: { direction: 'request', schema: ReferralPatchRequest, rules: patchRules },
  'webhook-registration': { direction: 'request', schema: WebhookRegistrationRequest, rules: none },
  get: {
    direction: 'response',
    schema: ReferralReadBack,
    rules: (payload) => readBackRules(payload),
  },
  list: { direction: 'response', schema: ReferralListResponse, rules: listRules },
  'webhook-event': { direction: 'response', schema: ReferralWebhookEvent, rules: webhookRules },
  error: { direction: 'response', schema: ReferralErrorResponse, rules: none },
});

export const microsoftWireFormat: PortalWireFormat = ruledWireFormat(
  'microsoft',
  'MICROSOFT',
  MICROSOFT_OPERATIONS,
);
