// Shared round-trip property for the three portal mappers: canonical → portal → canonical keeps every
// field the portal's configuration maps, for values inside what that mapping can carry.
import { expect } from '@jest/globals';
import fc from 'fast-check';
import { CoSellOpportunity, type Contact } from '../../../middleware/src/core/model.js';
import type {
  CompiledField,
  CompiledMapping,
} from '../../../middleware/src/portals/mapping/compile.js';
import { readPath } from '../../../middleware/src/portals/mapping/paths.js';
import type { PortalMapper } from '../../../middleware/src/portals/mapping/portal-mapper.js';
import { NOW } from './opportunity-fixture.js';

/** Salesforce values that read back as themselves: the first listed for each portal value. */
export function preferredValues(mapping: CompiledMapping, valueMap: string): string[] {
  const seen = new Set<string>();
  const preferred: string[] = [];
  for (const [crm, portal] of Object.entries(mapping.config.valueMaps[valueMap] ?? {})) {
    if (!seen.has(portal)) preferred.push(crm);
    seen.add(portal);
  }
  return preferred;
}

const word = fc.stringMatching(/^[A-Z][a-z]{1,11}$/);
/** Trimmed text of 1..max characters, as a rep would type it. */
export const text = (max: number) =>
  fc
    .array(word, { minLength: 1, maxLength: 8 })
    .map((words) => words.join(' ').slice(0, max).trim())
    .filter((value) => value.length > 0);
const webDomain = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/),
    fc.constantFrom('example', 'example.com', 'health.example'),
  )
  .map(([name, tld]) => `${name}.${tld}`);
const money = fc.integer({ min: 0, max: 5_000_000_000 }).map((cents) => cents / 100);
const futureDate = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((days) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10));
const e164 = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{6,12}$/))
  .map(([first, rest]) => `+${first}${rest}`);

export type PortalDomain = {
  /** How many contacts the portal carries (Google: one). */
  maxContacts: number;
  stage: fc.Arbitrary<string>;
  industry: fc.Arbitrary<string | null>;
  type: fc.Arbitrary<string | null>;
  helpNeeded: fc.Arbitrary<string[]>;
  tenancyArchetype: fc.Arbitrary<string | null>;
  useCase: fc.Arbitrary<string | null>;
};

export function canonicalOpportunities(domain: PortalDomain): fc.Arbitrary<CoSellOpportunity> {
  const contact = fc.record({
    firstName: text(40),
    lastName: text(40),
    email: fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), webDomain)
      .map(([local, host]) => `${local}@${host}`),
    phone: e164,
    title: text(60),
    role: fc.constantFrom('Decision Maker', 'Technical Buyer', 'Economic Buyer'),
  });
  return fc
    .record({
      id: fc.stringMatching(/^006[A-Za-z0-9]{15}$/),
      name: text(100),
      amount: money,
      currencyIsoCode: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'AUD'),
      stageName: domain.stage,
      closeDate: futureDate,
      description: fc.array(word, { minLength: 4, maxLength: 40 }).map((words) => words.join(' ')),
      nextStep: text(200),
      type: domain.type,
      account: fc.record({
        name: text(100),
        website: webDomain,
        industry: domain.industry,
        billingStreet: text(80),
        billingCity: text(40),
        billingState: fc.constantFrom('WA', 'CA', 'Bavaria', 'Ontario', 'New South Wales'),
        billingPostalCode: fc.stringMatching(/^[0-9A-Z]{3,10}$/),
        billingCountry: fc.constantFrom('US', 'GB', 'DE', 'FR', 'JP', 'IN', 'BR', 'AU', 'CA', 'SG'),
      }),
      contacts: fc.array(contact, { maxLength: domain.maxContacts }),
      coSell: fc.record({
        helpNeeded: domain.helpNeeded,
        helpDetails: text(200),
        tenancyArchetype: domain.tenancyArchetype,
        expectedMonthlySpend: money,
        useCase: domain.useCase,
      }),
    })
    .map((input) =>
      CoSellOpportunity.parse({
        ...input,
        createdDate: '2026-09-02T14:10:00Z',
        lastModifiedDate: '2026-11-20T16:45:00Z',
      }),
    );
}

function absentAsUndefined(value: unknown): unknown {
  if (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
    return undefined;
  return value;
}

function mappedFields(mapping: CompiledMapping): CompiledField[] {
  return mapping.rules.filter(
    (rule): rule is CompiledField => rule.kind === 'field' && rule.canonicalSteps !== undefined,
  );
}

/** Asserts the round trip on one opportunity: every mapped opportunity field and contact field survives. */
export function expectRoundTrip(mapper: PortalMapper, opportunity: CoSellOpportunity): void {
  const { payload } = mapper.toWire(opportunity, { now: NOW });
  const back = mapper.fromWire(JSON.parse(JSON.stringify(payload)));
  for (const field of mappedFields(mapper.mapping)) {
    const steps = field.canonicalSteps ?? [];
    expect({ field: field.canonicalPath, value: absentAsUndefined(readPath(back, steps)) }).toEqual(
      {
        field: field.canonicalPath,
        value: absentAsUndefined(readPath(opportunity, steps)),
      },
    );
  }
  for (const list of mapper.mapping.rules) {
    if (list.kind !== 'contacts') continue;
    const limit = list.single ? 1 : (list.maxItems ?? Infinity);
    const pick = (contact: Partial<Contact>) =>
      Object.fromEntries(
        list.fields
          .filter((f) => f.canonicalPath)
          .map((f) => [
            f.canonicalPath,
            absentAsUndefined(readPath(contact, f.canonicalSteps ?? [])),
          ]),
      );
    expect((back.contacts ?? []).map(pick)).toEqual(opportunity.contacts.slice(0, limit).map(pick));
  }
}
