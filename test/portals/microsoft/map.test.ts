import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { createMicrosoftMapper } from '../../../middleware/src/portals/microsoft/map.js';
import { microsoftWireFormat } from '../../../middleware/src/portals/microsoft/wire-format.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { canonicalOpportunities, expectRoundTrip, preferredValues } from '../mapping/round-trip.js';

const mapping = loadMapping('microsoft');
const mapper = createMicrosoftMapper(mapping);

describe('Microsoft referral mapping (microsoft/map.ts)', () => {
  it('keeps every mapped field through a referral create body and back (property)', () => {
    const arbitrary = canonicalOpportunities({
      maxContacts: 3,
      stage: fc.constantFrom(...preferredValues(mapping, 'salesStage')),
      industry: fc.constantFrom(...preferredValues(mapping, 'industry')),
      type: fc.constant(null),
      // Partner Center carries one assistance code, and the ask's notes only travel with it.
      helpNeeded: fc.constantFrom(...preferredValues(mapping, 'helpNeeded')).map((need) => [need]),
      tenancyArchetype: fc.constant(null),
      useCase: fc.constant(null),
    });
    fc.assert(
      fc.property(arbitrary, (opportunity) => expectRoundTrip(mapper, opportunity)),
      { numRuns: 200 },
    );
  });

  it("produces a create body Microsoft's wire format accepts, as a co-sell ask for the ISV's solution", () => {
    const withSolution = createMicrosoftMapper(mapping, { solutionIds: ['SOL-48211-SLK'] });
    const { payload, findings } = withSolution.toWire(northwindDataPlatform(), { now: NOW });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(
      microsoftWireFormat
        .validate(mapper.operation, payload)
        .filter((finding) => finding.severity === 'error'),
    ).toEqual([]);
    expect(payload).toMatchObject({
      type: 'Shared',
      externalReferenceId: '006Hs00001NwDpLAAV',
      customerProfile: { name: 'Northwind Health Systems', address: { country: 'US' } },
      details: { dealValue: 480000, currency: 'USD', closingDateTime: '2027-03-31T00:00:00Z' },
      inviteContext: { assistanceRequestCode: 'CustomerTechnicalArchitecture' },
      salesStage: 'Develop',
    });
    expect(
      (payload.details as { requirements: Record<string, unknown> }).requirements.solutions,
    ).toEqual([{ id: 'SOL-48211-SLK' }]);
  });

  it('without the ISV solution configured, the wire check says sharing needs one', () => {
    const { payload } = mapper.toWire(northwindDataPlatform(), { now: NOW });
    const codes = microsoftWireFormat.validate('create', payload).map((finding) => finding.code);
    expect(codes).toContain('MICROSOFT_SOLUTION_REQUIRED');
  });

  it('sends no co-sell ask, and no ask notes, when no help is needed', () => {
    const { payload } = mapper.toWire(
      northwindDataPlatform((o) => void (o.coSell.helpNeeded = [])),
      { now: NOW },
    );
    expect(payload).not.toHaveProperty('inviteContext');
  });

  it('sends only the first help need Partner Center has a code for, and reports the rest', () => {
    const { payload, findings } = mapper.toWire(
      northwindDataPlatform(
        (o) => void (o.coSell.helpNeeded = ['Pricing assistance', 'Architecture validation']),
      ),
      { now: NOW },
    );
    expect((payload.inviteContext as Record<string, unknown>).assistanceRequestCode).toBe(
      'QuotesOrLicensing',
    );
    expect(
      findings.find((finding) => finding.code === 'MICROSOFT_MAP_ITEMS_NOT_SENT')?.message,
    ).toContain('Architecture validation');
  });

  it('keeps a past closing date as it is: Partner Center does not require a future one', () => {
    const { payload, findings } = mapper.toWire(
      northwindDataPlatform((o) => void (o.closeDate = '2026-06-30')),
      { now: NOW },
    );
    expect((payload.details as Record<string, unknown>).closingDateTime).toBe(
      '2026-06-30T00:00:00Z',
    );
    expect(findings.some((finding) => finding.code === 'MICROSOFT_MAP_VALUE_REPLACED')).toBe(false);
  });

  it('reads a referral from Partner Center back into canonical fields', () => {
    const back = mapper.fromWire({
      name: 'Contoso – Fabric rollout',
      externalReferenceId: '006Hs00001NwDpLAAV',
      customerProfile: {
        name: 'Contoso Pharma',
        address: { country: 'DE' },
        team: [{ firstName: 'Lena', lastName: 'Vogel', email: 'lena.vogel@contoso.example' }],
      },
      details: { dealValue: 250000, currency: 'EUR', closingDateTime: '2027-06-30T00:00:00Z' },
      inviteContext: { assistanceRequestCode: 'ProofOfConceptOrDemo' },
      salesStage: 'Propose',
    });
    expect(back).toEqual({
      name: 'Contoso – Fabric rollout',
      id: '006Hs00001NwDpLAAV',
      account: { name: 'Contoso Pharma', billingCountry: 'DE' },
      contacts: [{ firstName: 'Lena', lastName: 'Vogel', email: 'lena.vogel@contoso.example' }],
      amount: 250000,
      currencyIsoCode: 'EUR',
      closeDate: '2027-06-30',
      coSell: { helpNeeded: ['Technical consultation'] },
      stageName: 'Proposal/Price Quote',
    });
  });
});
