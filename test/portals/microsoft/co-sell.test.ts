// The co-sell ask, engagement linking, the Opportunity Id link and the PUT/If-Match rule.
import { describe, expect, it } from '@jest/globals';
import {
  MissingETagError,
  fullUpdateRequest,
  hasCoSellAsk,
  ifMatchOutcome,
  opportunityIdOf,
  referralCategory,
  relatedReferralsFilter,
  sameEngagement,
  withCoSellAsk,
  withOpportunityId,
} from '../../../middleware/src/portals/microsoft/index.js';
import { coSellCreateBody, incomingPdmReferral } from './support/fixtures.js';

const OWN_ORG = '7d23e5ca-19dc-4eaa-aac8-5e6b559f0d1d';

describe('Microsoft co-sell ask and links', () => {
  it('adds the ask to inviteContext without touching the input, and detects it', () => {
    const body = { type: 'Shared', inviteContext: { invitedBy: { organizationId: OWN_ORG } } };
    const asked = withCoSellAsk(body, {
      code: 'ProofOfConceptOrDemo',
      notes: 'Joint PoC on Fabric for Northwind',
    });
    expect(asked.inviteContext).toEqual({
      invitedBy: { organizationId: OWN_ORG },
      assistanceRequestCode: 'ProofOfConceptOrDemo',
      notes: 'Joint PoC on Fabric for Northwind',
    });
    expect(hasCoSellAsk(asked)).toBe(true);
    expect(hasCoSellAsk(body)).toBe(false);
    expect(hasCoSellAsk({ inviteContext: { assistanceRequestCode: 'Unknown' } })).toBe(false);
  });

  it('classifies referrals the way Partner Center does', () => {
    expect(
      referralCategory({ type: 'Independent', qualification: 'Direct', inviteContext: null }),
    ).toBe('Marketplace lead');
    expect(
      referralCategory({
        type: 'Independent',
        qualification: 'SalesQualified',
        inviteContext: { invitedBy: { organizationId: 'msft' } },
      }),
    ).toBe('Qualified lead');
    expect(referralCategory(coSellCreateBody(), [OWN_ORG])).toBe('Co-sell opportunity');
    expect(referralCategory(coSellCreateBody(), [])).toBeNull();
  });

  it("lists an engagement's referrals by engagementId and refuses a non-GUID", () => {
    expect(relatedReferralsFilter('5b1f7c0e-2a4d-4f57-9d9a-3c8e1b7a6f10')).toBe(
      "engagementId eq '5b1f7c0e-2a4d-4f57-9d9a-3c8e1b7a6f10'",
    );
    expect(() => relatedReferralsFilter("x' or 1 eq 1")).toThrow(/is not a GUID/);
    expect(
      sameEngagement(
        { engagementId: '5B1F7C0E-2A4D-4F57-9D9A-3C8E1B7A6F10' },
        { engagementId: '5b1f7c0e-2a4d-4f57-9d9a-3c8e1b7a6f10' },
      ),
    ).toBe(true);
    expect(sameEngagement({ engagementId: null }, { engagementId: null })).toBe(false);
  });

  it('links to the Salesforce Opportunity Id only', () => {
    expect(withOpportunityId({ type: 'Shared' }, '006Hs00001AbCdE')).toEqual({
      type: 'Shared',
      externalReferenceId: '006Hs00001AbCdE',
    });
    expect(() => withOpportunityId({}, '001Hs00000XyZaBIAV')).toThrow(
      /externalReferenceId "001Hs00000XyZaBIAV" is not an Opportunity Id/,
    );
    expect(opportunityIdOf({ externalReferenceId: '' })).toBeNull();
    expect(opportunityIdOf({ externalReferenceId: ' 006Hs00001AbCdEIAZ ' })).toBe(
      '006Hs00001AbCdEIAZ',
    );
  });
});

describe('Microsoft full update (PUT) and If-Match', () => {
  it('sends the whole referral minus links and OData annotations, with If-Match = the eTag read', () => {
    const read = incomingPdmReferral() as Parameters<typeof fullUpdateRequest>[0];
    const request = fullUpdateRequest({ ...read, status: 'Active', substatus: 'Accepted' });
    expect(request.headers).toEqual({ 'If-Match': '"6b00c1d2-0000-0000-0000-674301a90000"' });
    expect(request.referralId).toBe('0f9a2c4e-6b8d-4e1f-a3c5-7d9e1b3f5a70');
    expect(request.body).not.toHaveProperty('links');
    expect(request.body).not.toHaveProperty(['@odata.context']);
    expect(request.body).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      trackingInfo: { microsoftMsxId: '7-3F2K9QX1' },
    });
  });

  it('refuses to build a PUT for a referral read without an eTag', () => {
    const { eTag: _eTag, ...read } = incomingPdmReferral();
    expect(() => fullUpdateRequest(read as Parameters<typeof fullUpdateRequest>[0])).toThrow(
      MissingETagError,
    );
    expect(() =>
      fullUpdateRequest({ ...(read as Parameters<typeof fullUpdateRequest>[0]), eTag: '  ' }),
    ).toThrow(/read it again \(GET\)/);
  });

  it('answers a write the way Partner Center does', () => {
    const current = '"6b00c1d2"';
    expect(ifMatchOutcome('PUT', current, current)).toBe('applies');
    expect(ifMatchOutcome('PUT', '"stale"', current)).toBe('precondition-failed');
    expect(ifMatchOutcome('PUT', undefined, current)).toBe('missing-if-match');
    expect(ifMatchOutcome('PATCH', undefined, current)).toBe('applies');
    expect(ifMatchOutcome('PATCH', '"stale"', current)).toBe('precondition-failed');
    expect(ifMatchOutcome('PUT', '*', current)).toBe('applies');
  });
});
