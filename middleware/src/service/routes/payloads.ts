// Portal payload validation, the same check as `sf cosell payload validate`: a payload in a
// portal's own wire format, judged by that portal's schema and unwritten rules.
import { z } from 'zod';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route-table.js';
import { PayloadCheck, PortalNameInput } from '../../api-contract/schemas.js';

export const validatePayload = defineRoute({
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
  async handler({ body, deps }) {
    const { wireFormat } = deps.portals(body.portal);
    const operation = body.operation ?? wireFormat.defaultOperation;
    if (!(operation in wireFormat.operations)) {
      const known = Object.keys(wireFormat.operations);
      throw new HttpProblem(
        400,
        PROBLEM_TYPES.badRequest,
        `${body.portal} has no operation "${operation}"`,
        {
          errors: [
            {
              field: 'body.operation',
              message: `unknown operation "${operation}"; known: ${known.join(', ')}`,
              code: 'invalid_value',
            },
          ],
        },
      );
    }
    const findings = wireFormat.validate(operation, body.payload);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    return {
      status: 200,
      body: { portal: body.portal, operation, valid: errors === 0, errors, warnings, findings },
    };
  },
});

export const PAYLOAD_ROUTES: ApiRoute[] = [validatePayload];
