import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createGoogleMapper } from '../../../middleware/src/portals/google/map.js';
import { googleWireFormat } from '../../../middleware/src/portals/google/wire-format.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { canonicalOpportunities, expectRoundTrip, preferredValues } from '../mapping/round-trip.js';

const mapping = loadMapping('google');
const mapper = createGoogleMapper(mapping);

describe('Google Cloud opportunity mapping (google/map.ts)', () => {
  it('keeps every mapped field through an Opportunity and back (property)', () => {
    const arbitrary = canonicalOpportunities({
      maxContacts: 1,
      stage: fc.constantFrom(...preferredValues(loadMapping('aws'), 'stage')),
      industry: fc.constantFrom(...preferredValues(mapping, 'industry')),
      type: fc.constant(null),
      helpNeeded: fc.constant([]),
      tenancyArchetype: fc.constant(null),
      useCase: fc.constant(null),
    });
    fc.assert(
      fc.property(arbitrary, (opportunity) => expectRoundTrip(mapper, opportunity)),
      { numRuns: 200 },
    );
  });

  it('produces a DRAFT create request the Google wire format accepts', () => {
    const { payload, findings } = mapper.toWire(northwindDataPlatform(), { now: NOW });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(
      googleWireFormat
        .validate(mapper.operation, payload)
        .filter((finding) => finding.severity === 'error'),
    ).toEqual([]);
    expect(payload).toMatchObject({
      state: 'DRAFT',
      opportunityInfo: { displayName: 'Northwind Health – Lakehouse migration' },
      customerInfo: {
        contact: {
          givenName: 'Dana',
          familyName: 'Whitfield',
          phone: { e164Number: '+12065550142' },
        },
      },
    });
  });

  it('sends only the first contact, as the primary customer contact', () => {
    const { payload } = mapper.toWire(
      northwindDataPlatform(
        (o) =>
          void o.contacts.push({
            firstName: 'Omar',
            lastName: 'Haddad',
            email: 'omar.haddad@northwind-health.example',
          }),
      ),
      { now: NOW },
    );
    expect((payload.customerInfo as Record<string, unknown>).contact).toMatchObject({
      givenName: 'Dana',
    });
  });

  it('maps Industry "Healthcare" and reports an industry it has no value for as not sent', () => {
    const { payload, findings } = mapper.toWire(northwindDataPlatform(), { now: NOW });
    expect(
      (payload.customerInfo as { customerDetails: Record<string, unknown> }).customerDetails
        .industry,
    ).toBe('HEALTHCARE');
    expect(findings.filter((finding) => finding.field === 'Account.Industry')).toEqual([]);
    const other = mapper.toWire(
      northwindDataPlatform((o) => void (o.account.industry = 'Hospitality')),
      { now: NOW },
    );
    expect(other.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'GOOGLE_MAP_VALUE_NOT_SENT',
          field: 'Account.Industry',
          severity: 'warning',
        }),
      ]),
    );
  });

  it('reports a website it cannot turn into a domain on Account.Website', () => {
    const { findings } = mapper.toWire(
      northwindDataPlatform((o) => void (o.account.website = 'n/a')),
      { now: NOW },
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'GOOGLE_MAP_VALUE_INVALID',
          field: 'Account.Website',
          path: '$.customerInfo.customerDetails.domain',
          severity: 'error',
        }),
      ]),
    );
  });

  it('reads a Google Money deal size and Date back exactly', () => {
    const back = mapper.fromWire({
      qualificationInfo: {
        dealSize: { currencyCode: 'EUR', units: '125000', nanos: 750000000 },
        estimatedCloseDate: { year: 2027, month: 2, day: 9 },
      },
    });
    expect(back).toEqual({ amount: 125000.75, currencyIsoCode: 'EUR', closeDate: '2027-02-09' });
  });
});
