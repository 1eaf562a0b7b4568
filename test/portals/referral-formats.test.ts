// Reading one referral in whichever form a person has it: each portal's own payload and the
// canonical referral are recognised by their keys, read by that portal's inbound module, and a
// payload of no known form is refused with a finding, never guessed.
import { describe, expect, it } from '@jest/globals';
import {
  detectReferralFormat,
  readReferral,
  type ReferralFormat,
} from '../../middleware/src/portals/referral-formats.js';
import { googleCreatedOpportunity } from './google/support/fixtures.js';
import { incomingPdmReferral } from './microsoft/support/fixtures.js';

const awsInvitation = {
  Catalog: 'AWS',
  Id: 'engi-0a1b2c3d4e5f6',
  PayloadType: 'OpportunityInvitation',
  InvitationDate: '2026-11-25T16:20:00Z',
  Payload: {
    OpportunityInvitation: {
      SenderContacts: [
        { Email: 'jordan.lee@amazon.com', BusinessTitle: 'Partner Development Manager' },
      ],
      ReceiverResponsibilities: ['Software Partner'],
      Customer: { CompanyName: 'Northwind Analytics', CountryCode: 'US' },
      Project: { Title: 'Lakehouse migration' },
    },
  },
};
const canonical = {
  cloud: 'Microsoft',
  portalId: 'ref-1',
  receivedAt: '2026-11-25T10:00:00Z',
  customerName: 'Contoso Pharma',
  sourceLayer: 'Specialist',
};

describe('readReferral', () => {
  const cases: Array<[ReferralFormat, unknown, string]> = [
    ['aws', awsInvitation, 'AWS'],
    ['microsoft', incomingPdmReferral(), 'Microsoft'],
    ['google', googleCreatedOpportunity(), 'Google'],
    ['canonical', canonical, 'Microsoft'],
  ];
  it.each(cases)('recognises and reads the %s form', (format, payload, cloud) => {
    expect(detectReferralFormat(payload)).toBe(format);
    const reading = readReferral(payload);
    expect(reading).toMatchObject({ ok: true, format, referral: { cloud } });
  });

  it('refuses a payload of no known form, and reports where a named form is broken', () => {
    expect(readReferral({ hello: 'world' })).toEqual({
      ok: false,
      format: null,
      findings: [expect.objectContaining({ code: 'REFERRAL_FORMAT_UNKNOWN', path: '$' })],
    });
    expect(readReferral([canonical])).toMatchObject({ ok: false, format: null });
    const broken = readReferral({ ...canonical, receivedAt: 'yesterday' }, 'canonical');
    expect(broken).toMatchObject({
      ok: false,
      format: 'canonical',
      findings: [expect.objectContaining({ code: 'REFERRAL_INVALID', path: '$.receivedAt' })],
    });
  });
});
