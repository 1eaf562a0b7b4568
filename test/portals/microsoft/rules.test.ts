// Partner Center rules beyond the schema: each one fires on exactly the payload that breaks it, at
// the JSON path to fix, and stays quiet on the valid co-sell body.
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../middleware/src/core/model.js';
import { microsoftWireFormat } from '../../../middleware/src/portals/microsoft/index.js';
import { coSellCreateBody, incomingPdmReferral } from './support/fixtures.js';

type Body = Record<string, unknown>;
const codes = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.code} ${f.path ?? ''}`.trim());
const create = (edit: (body: Body) => void): string[] => {
  const body = coSellCreateBody();
  edit(body);
  return codes(microsoftWireFormat.validate('create', body));
};
const details = (body: Body) => body.details as Body;
const profile = (body: Body) => body.customerProfile as Body;

describe('Microsoft rules', () => {
  it('refuses a status/substatus pair Partner Center does not allow', () => {
    expect(create((b) => Object.assign(b, { status: 'Active', substatus: 'Won' }))).toEqual([
      'error MICROSOFT_SUBSTATUS_MISMATCH $.substatus',
    ]);
  });

  it('needs a reason to decline', () => {
    expect(
      create((b) =>
        Object.assign(b, { status: 'Closed', substatus: 'Declined', statusReason: '' }),
      ),
    ).toEqual(['error MICROSOFT_DECLINE_REASON_REQUIRED $.statusReason']);
  });

  it('needs the currency of a deal value', () => {
    expect(create((b) => delete details(b).currency)).toEqual([
      'error MICROSOFT_CURRENCY_REQUIRED $.details.currency',
    ]);
  });

  it('refuses a well-formed country code that is not assigned (UK for GB)', () => {
    expect(create((b) => ((profile(b).address as Body).country = 'UK'))).toEqual([
      'error MICROSOFT_COUNTRY_UNKNOWN $.customerProfile.address.country',
    ]);
    expect(create((b) => ((profile(b).address as Body).country = 'GBR'))).toEqual([
      'error MICROSOFT_WIRE_INVALID_FORMAT $.customerProfile.address.country',
    ]);
  });

  it('needs a customer contact and notes when asking Microsoft for help', () => {
    expect(create((b) => (profile(b).team = []))).toEqual([
      'error MICROSOFT_CUSTOMER_CONTACT_REQUIRED $.customerProfile.team',
    ]);
    expect(create((b) => delete (b.inviteContext as Body).notes)).toEqual([
      'warning MICROSOFT_CO_SELL_NOTES_MISSING $.inviteContext.notes',
    ]);
  });

  it('needs a co-sell-ready solution to share with Microsoft, but not for a private deal', () => {
    expect(create((b) => ((details(b).requirements as Body).solutions = []))).toEqual([
      'error MICROSOFT_SOLUTION_REQUIRED $.details.requirements.solutions',
    ]);
    const privateDeal = create((b) => {
      (details(b).requirements as Body).solutions = [];
      delete b.inviteContext;
      (b.consent as Body).consentToShareReferralWithMicrosoftSellers = false;
    });
    expect(privateDeal).toEqual([]);
  });

  it('links the referral to a Salesforce Opportunity Id, not any record', () => {
    expect(create((b) => delete b.externalReferenceId)).toEqual([
      'warning MICROSOFT_EXTERNAL_REFERENCE_MISSING $.externalReferenceId',
    ]);
    expect(create((b) => (b.externalReferenceId = '001Hs00000XyZaBIAV'))).toEqual([
      'error MICROSOFT_EXTERNAL_REFERENCE_NOT_OPPORTUNITY $.externalReferenceId',
    ]);
    expect(create((b) => (b.externalReferenceId = 'NW-2026-0042'))).toEqual([
      'error MICROSOFT_EXTERNAL_REFERENCE_NOT_OPPORTUNITY $.externalReferenceId',
    ]);
  });

  it('points at the real spelling when consent uses the intuitive one', () => {
    const found = create((b) => {
      const consent = b.consent as Body;
      consent.consentToShareInfoWithOthers = consent.consentToToShareInfoWithOthers;
      delete consent.consentToToShareInfoWithOthers;
    });
    expect(found).toEqual([
      'error MICROSOFT_WIRE_UNKNOWN_FIELD $.consent',
      'error MICROSOFT_CONSENT_FIELD_NAME $.consent.consentToShareInfoWithOthers',
    ]);
  });

  it('refuses a create body whose keys are typos of real fields', () => {
    expect(create((b) => (details(b).dealvalue = 1))).toEqual([
      'error MICROSOFT_WIRE_UNKNOWN_FIELD $.details',
    ]);
  });

  it('keeps fields it does not know in a PUT (so they survive) but refuses links and warns without an eTag', () => {
    const { links: _links, eTag: _eTag, ...rest } = incomingPdmReferral();
    const put = {
      ...rest,
      externalReferenceId: '006Hs00001AbCdEIAZ',
      trackingInfo: { microsoftMsxId: '7-3F2K9QX1' },
      favorite: true,
    };
    expect(codes(microsoftWireFormat.validate('update', put))).toEqual([
      'warning MICROSOFT_ETAG_MISSING $.eTag',
    ]);
    expect(
      codes(microsoftWireFormat.validate('update', { ...put, eTag: '"1"', links: {} })),
    ).toEqual(['error MICROSOFT_LINKS_IN_FULL_UPDATE $.links']);
  });

  describe('JSON Patch', () => {
    const patch = (ops: unknown) => codes(microsoftWireFormat.validate('patch', ops));

    it('accepts only add and replace', () => {
      expect(patch([{ op: 'remove', path: '/details/notes' }])).toEqual([
        'error MICROSOFT_WIRE_INVALID_VALUE $[0].op',
        'error MICROSOFT_WIRE_REQUIRED $[0].value',
      ]);
    });

    it('refuses paths outside what a partner may change, and values of the wrong shape', () => {
      expect(patch([{ op: 'replace', path: '/eTag', value: '"2"' }])).toEqual([
        'error MICROSOFT_PATCH_PATH_NOT_WRITABLE $[0].path',
      ]);
      expect(patch([{ op: 'replace', path: 'details/dealValue', value: 1 }])).toEqual([
        'error MICROSOFT_WIRE_INVALID_FORMAT $[0].path',
      ]);
      expect(
        patch([{ op: 'replace', path: '/customerProfile/address/country', value: 'Germany' }]),
      ).toEqual(['error MICROSOFT_PATCH_VALUE_INVALID $[0].value']);
      expect(patch([{ op: 'add', path: '/team/-', value: { email: 'not-an-email' } }])).toEqual([
        'error MICROSOFT_PATCH_VALUE_INVALID $[0].value',
      ]);
      expect(patch([])).toEqual(['error MICROSOFT_WIRE_TOO_SMALL $']);
    });

    it('moves status and substatus together, legally, with a reason to decline', () => {
      expect(patch([{ op: 'replace', path: '/status', value: 'Closed' }])).toEqual([
        'error MICROSOFT_PATCH_STATUS_PAIR $[0].path',
      ]);
      expect(
        patch([
          { op: 'replace', path: '/status', value: 'Closed' },
          { op: 'replace', path: '/substatus', value: 'Accepted' },
        ]),
      ).toEqual(['error MICROSOFT_SUBSTATUS_MISMATCH $[0].value']);
      expect(
        patch([
          { op: 'replace', path: '/status', value: 'Closed' },
          { op: 'replace', path: '/substatus', value: 'Declined' },
        ]),
      ).toEqual(['error MICROSOFT_DECLINE_REASON_REQUIRED $[0].value']);
      expect(
        patch([
          { op: 'replace', path: '/status', value: 'Closed' },
          { op: 'replace', path: '/substatus', value: 'Declined' },
          {
            op: 'replace',
            path: '/statusReason',
            value: 'Region or compliance not supported: data must stay in Azure Gov',
          },
        ]),
      ).toEqual([]);
    });
  });

  it('warns on read-back pairs that break the table, and checks each list item at its index', () => {
    const odd = { ...incomingPdmReferral(), status: 'Active', substatus: 'Pending' };
    expect(
      codes(microsoftWireFormat.validate('list', { value: [incomingPdmReferral(), odd] })),
    ).toEqual(['warning MICROSOFT_SUBSTATUS_MISMATCH $.value[1].substatus']);
  });
});
