import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  aceCreateRequest,
  aceUpdateRequest,
  createAwsMapper,
} from '../../../middleware/src/portals/aws/map.js';
import type { GetOpportunityOutput } from '../../../middleware/src/portals/aws/generated/ace-schemas.js';
import { awsWireFormat } from '../../../middleware/src/portals/aws/schema.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import {
  canonicalOpportunities,
  expectRoundTrip,
  preferredValues,
  text,
} from '../mapping/round-trip.js';

const mapping = loadMapping('aws');
const mapper = createAwsMapper(mapping);

describe('ACE mapping (aws/map.ts)', () => {
  it('keeps every mapped field through CreateOpportunity and back (property)', () => {
    const otherIndustry = text(40).filter(
      (value) => !(value in (mapping.config.valueMaps.industry ?? {})),
    );
    const arbitrary = canonicalOpportunities({
      maxContacts: 3,
      stage: fc.constantFrom(...preferredValues(mapping, 'stage')),
      industry: fc.oneof(fc.constantFrom(...preferredValues(mapping, 'industry')), otherIndustry),
      type: fc.constantFrom(...preferredValues(mapping, 'opportunityType')),
      helpNeeded: fc.uniqueArray(fc.constantFrom(...preferredValues(mapping, 'helpNeeded'))),
      tenancyArchetype: fc.constantFrom(...preferredValues(mapping, 'deliveryModel')),
      useCase: fc.oneof(fc.constantFrom(...preferredValues(mapping, 'useCase')), text(40)),
    });
    fc.assert(
      fc.property(arbitrary, (opportunity) => expectRoundTrip(mapper, opportunity)),
      { numRuns: 200 },
    );
  });

  it('produces a CreateOpportunity request the ACE wire format accepts, ready for review', () => {
    const { payload, findings } = mapper.toWire(northwindDataPlatform(), { now: NOW });
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(awsWireFormat.validate(mapper.operation, payload)).toEqual([]);
  });

  it('derives one ClientToken per logical create, stable across retries', () => {
    const opportunity = northwindDataPlatform();
    const first = aceCreateRequest(mapping, opportunity, { now: NOW }).payload.ClientToken;
    const retry = aceCreateRequest(mapping, opportunity, { now: new Date('2026-11-27T08:00:00Z') })
      .payload.ClientToken;
    const other = aceCreateRequest(
      mapping,
      northwindDataPlatform((o) => void (o.id = '006Hs00001NwDpMAAV')),
      { now: NOW },
    ).payload.ClientToken;
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry).toBe(first);
    expect(other).not.toBe(first);
  });

  it('targets the Sandbox catalog when asked', () => {
    expect(
      aceCreateRequest(mapping, northwindDataPlatform(), { now: NOW, catalog: 'Sandbox' }).payload
        .Catalog,
    ).toBe('Sandbox');
    expect(mapper.toWire(northwindDataPlatform(), { now: NOW }).payload.Catalog).toBe('AWS');
  });

  it('builds UpdateOpportunity by merging into the record as read: AWS-only members survive, create-only ones are not sent', () => {
    const current = {
      Catalog: 'AWS',
      Id: 'O1234567',
      LastModifiedDate: '2026-11-25T10:00:00Z',
      CreatedDate: '2026-11-01T10:00:00Z',
      Marketing: { Source: 'None' },
      Project: { Title: 'Old title', SalesActivities: ['Conducted POC / Demo'] },
      Customer: { Account: { CompanyName: 'Northwind Health' } },
      LifeCycle: { Stage: 'Qualified', ReviewStatus: 'Approved' },
    } as unknown as GetOpportunityOutput;
    const { payload } = aceUpdateRequest(mapping, current, northwindDataPlatform(), { now: NOW });
    expect(payload).toMatchObject({
      Catalog: 'AWS',
      Identifier: 'O1234567',
      LastModifiedDate: '2026-11-25T10:00:00Z',
      Marketing: { Source: 'None' },
      Project: {
        Title: 'Northwind Health – Lakehouse migration',
        SalesActivities: ['Conducted POC / Demo'],
      },
      LifeCycle: { Stage: 'Business Validation' },
    });
    expect(payload).not.toHaveProperty('ClientToken');
    expect(payload).not.toHaveProperty('Origin');
    expect(payload).not.toHaveProperty('CreatedDate');
  });

  it('refuses a mapping meant for another portal', () => {
    expect(() => createAwsMapper(loadMapping('google'))).toThrow(
      /needs the aws mapping, not google/,
    );
  });
});
