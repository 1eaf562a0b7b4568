// An opportunity Google created, alone or announced by a Pub/Sub push, becomes a canonical inbound referral.
import { describe, expect, it } from '@jest/globals';
import {
  parseGoogleOpportunity,
  parseGooglePushReferral,
  parseOpportunityPush,
} from '../../../middleware/src/portals/google/index.js';
import { CREATED_EVENT, googleCreatedOpportunity, pushBody } from './support/fixtures.js';

describe('Google inbound opportunity', () => {
  it('maps a Google-created opportunity without assuming the owner is a field seller: the source is left to classify', () => {
    const result = parseGoogleOpportunity(googleCreatedOpportunity());
    expect(result).toEqual({
      ok: true,
      findings: [
        expect.objectContaining({
          code: 'GOOGLE_SOURCE_LAYER_UNKNOWN',
          path: '$.ownerEmail',
          field: 'Source_Layer__c',
          message: expect.stringContaining('Tom Becker'),
        }),
      ],
      referral: expect.objectContaining({
        cloud: 'Google',
        portalId: 'opportunities/8812734401',
        receivedAt: '2026-11-23T14:05:12.483Z',
        customerName: 'Northwind Traders Ltd',
        customerDomain: 'northwindtraders.co.uk',
        customerCountry: 'GB',
        title: 'Northwind Traders – lakehouse on BigQuery (Google commit)',
        estimatedValue: { amount: 480000, currencyIsoCode: 'GBP' },
        sourceLayer: null,
        referrer: { name: 'Tom Becker', email: 'tom.becker@google.com', title: null },
        triageStatus: 'New',
      }),
    });
  });

  it('flags "classify source" when no owner is named, and a missing source', () => {
    const { owner: _o, ownerEmail: _e, source: _s, ...opportunity } = googleCreatedOpportunity();
    const result = parseGoogleOpportunity(opportunity);
    expect(result.ok && result.referral.sourceLayer).toBeNull();
    expect(result.findings.map((f) => [f.code, f.path, f.field ?? null])).toEqual([
      ['GOOGLE_SOURCE_MISSING', '$.source', null],
      ['GOOGLE_SOURCE_LAYER_UNKNOWN', '$.ownerEmail', 'Source_Layer__c'],
    ]);
  });

  it('falls back on the customer display name and refuses partner-sourced or malformed records', () => {
    const opportunity = googleCreatedOpportunity();
    delete (opportunity.customerInfo as Record<string, unknown>).customerDetails;
    const result = parseGoogleOpportunity(opportunity);
    expect(result.ok && [result.referral.customerName, result.referral.customerDomain]).toEqual([
      'NORTHWIND TRADERS LIMITED',
      null,
    ]);
    expect(parseGoogleOpportunity({ ...googleCreatedOpportunity(), source: 'PARTNER' })).toEqual({
      ok: false,
      findings: [expect.objectContaining({ code: 'GOOGLE_NOT_GOOGLE_SOURCED', path: '$.source' })],
    });
    expect(parseGoogleOpportunity({ ...googleCreatedOpportunity(), name: '8812734401' })).toEqual({
      ok: false,
      findings: [expect.objectContaining({ code: 'GOOGLE_WIRE_INVALID_FORMAT', path: '$.name' })],
    });
  });

  it('reads a push: which opportunity, which event, when', () => {
    expect(parseOpportunityPush(pushBody(CREATED_EVENT))).toEqual({
      ok: true,
      notice: {
        eventType: 'CREATED',
        opportunity: 'opportunities/8812734401',
        partner: 'partners/C01x9k2m',
        messageId: '13650987712504',
        publishTime: '2026-11-23T14:05:14.102Z',
      },
    });
    expect(parseOpportunityPush({ message: {} })).toEqual({
      ok: false,
      findings: expect.arrayContaining([expect.objectContaining({ path: '$.message.data' })]),
    });
  });

  it('turns a CREATED push plus the fetched opportunity into a referral received at publish time', () => {
    const result = parseGooglePushReferral(pushBody(CREATED_EVENT), googleCreatedOpportunity());
    expect(result.ok && result.referral.receivedAt).toBe('2026-11-23T14:05:14.102Z');
    const updated = pushBody({
      opportunityEvent: { ...CREATED_EVENT.opportunityEvent, eventType: 'UPDATED' },
    });
    expect(
      parseGooglePushReferral(updated, googleCreatedOpportunity()).findings.map((f) => f.code),
    ).toEqual(['GOOGLE_PUSH_NOT_CREATED']);
    const other = { ...googleCreatedOpportunity(), name: 'opportunities/1' };
    expect(
      parseGooglePushReferral(pushBody(CREATED_EVENT), other).findings.map((f) => f.code),
    ).toEqual(['GOOGLE_PUSH_OPPORTUNITY_MISMATCH']);
  });
});
