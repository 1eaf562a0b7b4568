// The payload API, the same check as `sf cosell payload validate`: a payload in a portal's own wire
// format, judged by that portal's schema and unwritten rules.
import { z } from 'zod';
import { API_PREFIX, defineContract } from './route-contract.js';
import { PayloadCheck, PortalNameInput } from './schemas.js';

export const validatePayload = defineContract({
  operationId: 'validatePayload',
  method: 'post',
  path: `${API_PREFIX}/payloads/validate`,
  summary: "Validate a payload in a portal's wire format for one of its operations",
  tags: ['payloads'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  body: z.strictObject({
    portal: PortalNameInput,
    operation: z.string().min(1).max(100).optional(),
    /** The portal's JSON, unknown fields included: judging them is the point of the call. */
    payload: z.unknown().refine((value) => value !== undefined, 'payload is required'),
  }),
  responses: {
    200: {
      description: 'Findings by portal JSON path',
      schema: PayloadCheck,
    },
  },
});
