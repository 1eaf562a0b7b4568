import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { jsonPath, schemaFindings } from '../../middleware/src/portals/findings.js';

const Referral = z.strictObject({
  type: z.enum(['Independent', 'Shared']),
  customerProfile: z.strictObject({
    name: z.string().min(1),
    address: z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/) }),
  }),
  dealValue: z.number().optional(),
});
const context = { cloud: 'Microsoft' as const, codePrefix: 'MICROSOFT' };

describe('schema findings', () => {
  it('reports absent and null members as required, whatever their schema', () => {
    const findings = schemaFindings(
      Referral,
      { customerProfile: { name: null, address: {} } },
      context,
    );
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['MICROSOFT_WIRE_REQUIRED', '$.type'],
      ['MICROSOFT_WIRE_REQUIRED', '$.customerProfile.name'],
      ['MICROSOFT_WIRE_REQUIRED', '$.customerProfile.address.country'],
    ]);
  });

  it('does not mistake a wrong value for a missing one', () => {
    const findings = schemaFindings(
      Referral,
      {
        type: 'Solo',
        customerProfile: { name: 'Contoso', address: { country: 'usa' } },
        dealValue: '10000',
      },
      context,
    );
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['MICROSOFT_WIRE_INVALID_VALUE', '$.type'],
      ['MICROSOFT_WIRE_INVALID_FORMAT', '$.customerProfile.address.country'],
      ['MICROSOFT_WIRE_INVALID_TYPE', '$.dealValue'],
    ]);
  });

  it('names unknown members and prefixes a base path', () => {
    const findings = schemaFindings(
      Referral,
      {
        type: 'Shared',
        customerProfile: { name: 'Contoso', address: { country: 'US' } },
        dealVaule: 5,
      },
      { ...context, basePath: ['body'] },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'MICROSOFT_WIRE_UNKNOWN_FIELD',
        path: '$.body',
        cloud: 'Microsoft',
        severity: 'error',
      }),
    ]);
    expect(findings[0]!.message).toMatch(/dealVaule/);
  });

  it('writes array indexes the way JSON paths do', () => {
    expect(jsonPath(['Customer', 'Contacts', 0, 'Email'])).toBe('$.Customer.Contacts[0].Email');
  });
});
