import { jest, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CoSellOpportunity } from '../../middleware/src/core/model.js';
import { parseStrictly } from '../../middleware/src/service/strict-parse.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

/** Objects inside a canonical opportunity a client could slip an extra field into. */
const OBJECT_PATHS: Array<Array<string | number>> = [
  [],
  ['account'],
  ['coSell'],
  ['contacts', 0],
  ['engagements', 0],
  ['engagements', 0, 'findings', 0],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON request body walked by path in the property test
function request(): Record<string, any> {
  return JSON.parse(
    JSON.stringify(
      dataPlatformDeal({
        contacts: [
          {
            lastName: 'Okafor',
            firstName: 'Amara',
            email: 'amara.okafor@northwindhealth.example',
            role: 'Decision Maker',
          },
        ],
        engagements: [
          {
            cloud: 'Microsoft',
            status: 'Action required',
            findings: [
              {
                code: 'MS_STATUS_REASON',
                severity: 'warning',
                message: 'Add the customer contact',
              },
            ],
          },
        ],
      }),
    ),
  );
}

describe('parseStrictly', () => {
  it('accepts a canonical opportunity exactly as the model writes it', () => {
    expect(parseStrictly(CoSellOpportunity, request())).toMatchObject({ success: true });
  });

  it('reports any unknown field at exactly the path it was added, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OBJECT_PATHS),
        fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,20}$/),
        (path, key) => {
          const body = request();
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking untyped JSON by path
          const target = path.reduce<any>((node, step) => node[step], body);
          fc.pre(!(key in target));
          target[key] = 'surplus';
          const result = parseStrictly(CoSellOpportunity, body);
          expect(result.success).toBe(false);
          if (!result.success) {
            expect(result.issues).toEqual([
              expect.objectContaining({ code: 'unrecognized_keys', path, keys: [key] }),
            ]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps type errors ahead of unknown fields, so a client sees the schema reason first', () => {
    const body = { ...request(), amount: 'a lot', extra: true };
    const result = parseStrictly(CoSellOpportunity, body);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.issues.map((issue) => issue.path.join('.'))).toEqual(['amount']);
  });
});
