// Contract tests derived from the schemas: for each operation, a maximal valid payload passes, and
// removing any required field or breaking any closed enum is refused with a finding at that path.
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../middleware/src/core/model.js';
import {
  MICROSOFT_OPERATIONS,
  microsoftWireFormat,
} from '../../../middleware/src/portals/microsoft/index.js';
import { coSellCreateBody, incomingPdmReferral } from './support/fixtures.js';
import { deriveMutations } from './support/schema-mutations.js';

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

function putBody(): Record<string, unknown> {
  const { links: _links, ...rest } = incomingPdmReferral();
  return {
    ...rest,
    status: 'Active',
    substatus: 'Accepted',
    externalReferenceId: '006Hs00001AbCdEIAZ',
  };
}

const MAXIMAL: Record<string, () => unknown> = {
  create: coSellCreateBody,
  update: putBody,
  patch: () => [
    { op: 'replace', path: '/status', value: 'Closed' },
    { op: 'replace', path: '/substatus', value: 'Won' },
    { op: 'replace', path: '/details/dealValue', value: 520000 },
    {
      op: 'add',
      path: '/team/-',
      value: { firstName: 'Hannah', lastName: 'Lee', email: 'hannah.lee@lakehouselabs.io' },
    },
  ],
  'webhook-registration': () => ({
    WebhookUrl: 'https://cosell.lakehouselabs.io/hooks/microsoft/referrals',
    WebhookEvents: [
      'referral-created',
      'referral-updated',
      'related-referral-created',
      'related-referral-updated',
    ],
    signatureTokenToMsSignatureHeader: true,
  }),
  get: incomingPdmReferral,
  list: () => ({
    '@odata.context': 'https://api.partner.microsoft.com/v1.0/$metadata#Referrals',
    '@odata.count': 1,
    value: [incomingPdmReferral()],
    '@odata.nextLink':
      'https://api.partner.microsoft.com/v1.0/engagements/referrals?$skiptoken=Zm9vYmFy',
  }),
  'webhook-event': () => ({
    EventName: 'related-referral-updated',
    ResourceUri:
      'https://api.partnercenter.microsoft.com/engagements/v1/referrals/0f9a2c4e-6b8d-4e1f-a3c5-7d9e1b3f5a70',
    ResourceName: 'referral',
    AuditUri: null,
    ResourceChangeUtcDate: '2026-11-25T16:40:02.1184410+00:00',
  }),
  error: () => ({
    error: {
      code: 'preconditionFailed',
      message: 'The eTag does not match',
      target: 'referral',
      innerError: { code: 'resourceModified', message: 'Modified by another caller' },
    },
  }),
};

describe('Microsoft contract mutations', () => {
  it('has a maximal payload for every operation', () => {
    expect(Object.keys(MAXIMAL).sort()).toEqual(Object.keys(MICROSOFT_OPERATIONS).sort());
  });

  for (const [operation, make] of Object.entries(MAXIMAL)) {
    const schema = MICROSOFT_OPERATIONS[operation]!.schema;
    const { mutations, missingRequired } = deriveMutations(schema, make());

    describe(operation, () => {
      it('accepts the maximal payload without findings', () => {
        expect(microsoftWireFormat.validate(operation, make())).toEqual([]);
      });

      it('sets every required field the schema declares', () => {
        expect(missingRequired).toEqual([]);
      });

      it.each(mutations.map((m) => [`${m.kind} ${m.path}`, m] as const))(
        'refuses %s',
        (_label, mutation) => {
          const findings = errors(microsoftWireFormat.validate(operation, mutation.apply(make())));
          expect(findings).toContainEqual(
            expect.objectContaining({
              code: `MICROSOFT_${mutation.expectedCode}`,
              path: mutation.path,
              cloud: 'Microsoft',
            }),
          );
        },
      );
    });
  }

  it('derives a mutation for each of the four fields the API requires on create', () => {
    const { mutations } = deriveMutations(MICROSOFT_OPERATIONS.create!.schema, coSellCreateBody());
    const removed = mutations.filter((m) => m.kind === 'remove-required').map((m) => m.path);
    expect(removed).toEqual(
      expect.arrayContaining([
        '$.type',
        '$.customerProfile',
        '$.consent',
        '$.details',
        '$.customerProfile.address.country',
      ]),
    );
  });

  it('reads enum values it does not know on read-back as warnings, not errors', () => {
    const referral = { ...incomingPdmReferral(), substatus: 'Engaged', qualification: 'Warm' };
    const findings = microsoftWireFormat.validate('get', referral);
    expect(errors(findings)).toEqual([]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['MICROSOFT_UNKNOWN_ENUM_VALUE', '$.substatus'],
      ['MICROSOFT_UNKNOWN_ENUM_VALUE', '$.qualification'],
    ]);
  });
});
