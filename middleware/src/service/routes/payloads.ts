// Portal payload validation, the same check as `sf cosell payload validate`: a payload in a
// portal's own wire format, judged by that portal's schema and unwritten rules.
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import * as contract from '../../api-contract/payloads.js';
import { defineRoute, type ApiRoute } from '../route-table.js';

export const validatePayload = defineRoute({
  ...contract.validatePayload,
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
