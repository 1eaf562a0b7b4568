// An incoming Microsoft referral becomes a canonical inbound referral: the PDM's layer inferred from
// the title, flagged when the sender cannot be classified, refused when it is not incoming.
import { describe, expect, it } from '@jest/globals';
import { parseIncomingReferral } from '../../../middleware/src/portals/microsoft/index.js';
import { incomingPdmReferral, readSample } from './support/fixtures.js';

type Body = Record<string, unknown>;

describe('Microsoft inbound referral', () => {
  it('maps a PDM referral for a data-platform deal, layer Partner Program', () => {
    const result = parseIncomingReferral(incomingPdmReferral());
    expect(result).toEqual({
      ok: true,
      findings: [],
      referral: expect.objectContaining({
        cloud: 'Microsoft',
        portalId: '0f9a2c4e-6b8d-4e1f-a3c5-7d9e1b3f5a70',
        receivedAt: '2026-11-24T09:12:41.5531200Z',
        customerName: 'Northwind Traders Ltd',
        customerCountry: 'GB',
        title: 'Northwind Traders – lakehouse migration (Azure MACC)',
        estimatedValue: { amount: 480000, currencyIsoCode: 'GBP' },
        sourceLayer: 'Partner Program',
        referrer: {
          name: 'Priya Raman',
          email: 'priya.raman@microsoft.com',
          title: 'Partner Development Manager, Data & AI ISVs',
        },
        triageStatus: 'New',
        decidedAt: null,
        opportunityId: null,
      }),
    });
  });

  it('flags "classify source" at the sender\'s title when the title says nothing about the layer', () => {
    const referral = incomingPdmReferral();
    referral.team = [
      { firstName: 'Sam', lastName: 'Ito', email: 's.ito@microsoft.com', title: 'Colleague' },
    ];
    const result = parseIncomingReferral(referral);
    expect(result.ok && result.referral.sourceLayer).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({
        code: 'MICROSOFT_SOURCE_LAYER_UNKNOWN',
        severity: 'warning',
        path: '$.team[0].title',
        field: 'Source_Layer__c',
      }),
    ]);
  });

  it('flags a referral that names no Microsoft seller at all', () => {
    const referral = incomingPdmReferral();
    delete referral.team;
    const result = parseIncomingReferral(referral);
    expect(result.ok && result.referral.referrer).toEqual({ name: null, email: null, title: null });
    expect(result.findings.map((f) => [f.code, f.path])).toEqual([
      ['MICROSOFT_SOURCE_LAYER_UNKNOWN', '$.team'],
    ]);
  });

  it('prefers the Microsoft seller over other team members, and recognises a specialist', () => {
    const referral = incomingPdmReferral();
    referral.team = [
      {
        firstName: 'Daniel',
        lastName: 'Whitfield',
        email: 'daniel.whitfield@lakehouselabs.io',
        title: 'Account Executive',
      },
      {
        firstName: 'Marta',
        lastName: 'Kowalska',
        email: 'marta.kowalska@microsoft.com',
        title: 'Data & AI Specialist',
      },
    ];
    const result = parseIncomingReferral(referral);
    expect(result.ok && [result.referral.sourceLayer, result.referral.referrer.name]).toEqual([
      'Specialist',
      'Marta Kowalska',
    ]);
  });

  it('carries the decline back as feedback and links an accepted referral to its opportunity', () => {
    const declined = {
      ...incomingPdmReferral(),
      status: 'Closed',
      substatus: 'Declined',
      statusReason: 'Customer too early in cloud journey',
      closedDateTime: '2026-11-25T10:00:00Z',
    };
    const parsedDeclined = parseIncomingReferral(declined);
    expect(
      parsedDeclined.ok && [
        parsedDeclined.referral.triageStatus,
        parsedDeclined.referral.feedback,
        parsedDeclined.referral.decidedAt,
      ],
    ).toEqual(['Declined', 'Customer too early in cloud journey', '2026-11-25T10:00:00Z']);
    const accepted = {
      ...incomingPdmReferral(),
      status: 'Active',
      substatus: 'Accepted',
      externalReferenceId: '006Hs00001AbCdEIAZ',
      acceptedDateTime: '2026-11-24T15:30:00Z',
    };
    const parsedAccepted = parseIncomingReferral(accepted);
    expect(
      parsedAccepted.ok && [
        parsedAccepted.referral.triageStatus,
        parsedAccepted.referral.opportunityId,
      ],
    ).toEqual(['Accepted', '006Hs00001AbCdEIAZ']);
  });

  it('reads the published 2020 incoming referral (no team: flagged)', () => {
    const page = JSON.parse(readSample('get-a-list-of-referrals.v2020.response.json')) as {
      value: Body[];
    };
    const result = parseIncomingReferral(page.value[0]);
    expect(result.ok && [result.referral.customerName, result.referral.estimatedValue]).toEqual([
      'Fabrikam Customer Inc',
      { amount: 10000, currencyIsoCode: 'USD' },
    ]);
    expect(result.findings.map((f) => f.code)).toEqual(['MICROSOFT_SOURCE_LAYER_UNKNOWN']);
  });

  it('refuses an outgoing referral and a payload that is not a referral, naming the path', () => {
    expect(parseIncomingReferral({ ...incomingPdmReferral(), direction: 'Outgoing' })).toEqual({
      ok: false,
      findings: [expect.objectContaining({ code: 'MICROSOFT_NOT_INCOMING', path: '$.direction' })],
    });
    const { customerProfile: _cp, ...withoutCustomer } = incomingPdmReferral();
    expect(parseIncomingReferral(withoutCustomer)).toEqual({
      ok: false,
      findings: [
        expect.objectContaining({ code: 'MICROSOFT_WIRE_REQUIRED', path: '$.customerProfile' }),
      ],
    });
  });
});
