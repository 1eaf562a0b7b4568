// The Google dialect as the rest of the product sees it: each Cloud Channel v1alpha1 opportunity
// payload we send or read, validated by its schema plus Google's rules, answered as findings.
import type { z } from 'zod';
import type { Finding } from '../../core/model.js';
import { jsonPath, schemaFindings } from '../findings.js';
import type { PortalWireFormat } from '../portal.js';
import { namedOperations, ruledWireFormat } from '../ruled-wire-format.js';
import { createRules, patchRules, queryRules, readBackRules } from './rules.js';
import {
  OpportunityCreateRequest,
  OpportunityPatchRequest,
  OpportunityQueryResponse,
  OpportunityReadBack,
  OpportunitySubscriberEvent,
  PubSubPushBody,
} from './schema.js';

/** Schema findings for one payload (absent members reported as required). */
export function googleSchemaFindings(
  schema: z.ZodType,
  payload: unknown,
  base: ReadonlyArray<PropertyKey> = [],
): Finding[] {
  return schemaFindings(schema, payload, { cloud: 'Google', codePrefix: 'GOOGLE', basePath: base });
}

/** The subscriber event inside a push body: base64 JSON in `message.data`. */
export function decodePushData(body: unknown): { event: unknown } | { problem: string } {
  const data = (body as { message?: { data?: unknown } } | null)?.message?.data;
  if (typeof data !== 'string') return { problem: 'message.data is missing' };
  try {
    return { event: JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as unknown };
  } catch {
    return { problem: 'message.data is not base64-encoded JSON' };
  }
}

function pushRules(payload: unknown): Finding[] {
  if (!PubSubPushBody.safeParse(payload).success) return [];
  const decoded = decodePushData(payload);
  if ('problem' in decoded) {
    return [
      {
        code: 'GOOGLE_PUSH_DATA_INVALID',
        severity: 'error',
        cloud: 'Google',
        path: jsonPath(['message', 'data']),
        message: decoded.problem,
      },
    ];
  }
  return googleSchemaFindings(OpportunitySubscriberEvent, decoded.event, ['message', 'data']);
}

const patch = { direction: 'request', schema: OpportunityPatchRequest, rules: patchRules } as const;

/** Operation names are the v1alpha1 methods; `update` is the same patch, named as the other dialects name it. */
export const GOOGLE_OPERATIONS = namedOperations({
  create: { direction: 'request', schema: OpportunityCreateRequest, rules: createRules },
  patch,
  update: { ...patch, name: 'patch' },
  get: {
    direction: 'response',
    schema: OpportunityReadBack,
    rules: (payload) => readBackRules(payload),
  },
  query: { direction: 'response', schema: OpportunityQueryResponse, rules: queryRules },
  event: { direction: 'response', schema: PubSubPushBody, rules: pushRules },
});

export const googleWireFormat: PortalWireFormat = ruledWireFormat(
  'google',
  'GOOGLE',
  GOOGLE_OPERATIONS,
);

/**
 * Findings for a create body as it will be submitted (state SUBMITTED): Google's review needs more
 * than a draft does (a description, a product family). The client checks this before it sends;
 * a validation preview shows the same, so a deal it calls ready is one Google will take.
 */
export function submittedBodyFindings(payload: Record<string, unknown>): Finding[] {
  return googleWireFormat.validate('create', { ...payload, state: 'SUBMITTED' });
}
