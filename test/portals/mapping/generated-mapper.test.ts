// The generated mapper must give exactly what the rule-by-rule engine gives (payload, key order and
// findings), including on the awkward values that send a rule down its fallback chain.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { CoSellOpportunity } from '../../../middleware/src/core/model.js';
import { interpretToPortal, mapToPortal } from '../../../middleware/src/portals/mapping/engine.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { PORTALS } from '../../../middleware/src/portals/portal.js';
import { NOW, northwindDataPlatform } from './opportunity-fixture.js';

/** Text that is sometimes blank, padded, over-long or not what a transform wants. */
const text = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.string({ maxLength: 30 }),
  fc.string({ minLength: 150, maxLength: 3000 }),
  fc.constantFrom(
    'Healthcare',
    'Banking',
    'Deutschland',
    'GB',
    'Atlantis',
    'https://www.contoso.example/x',
    'not a url',
    '+44 20 7946 0958',
    'a@b.example',
  ),
);
const filled = text.filter((value) => value.length > 0);
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });

const variation = fc.record({
  name: filled,
  description: maybe(text),
  nextStep: maybe(text),
  amount: maybe(
    fc.oneof(
      fc.double({ min: -1000, max: 1e9, noNaN: true }),
      fc.integer({ min: 0, max: 5_000_000 }),
    ),
  ),
  closeDate: fc.constantFrom('2020-01-01', '2026-11-26', '2027-03-31', '2031-12-31'),
  stageName: fc.constantFrom(
    'Prospecting',
    'Qualification',
    'Negotiation/Review',
    'Closed Won',
    'Something else',
  ),
  industry: maybe(text),
  country: maybe(text),
  website: maybe(text),
  helpNeeded: fc.subarray([
    'Architecture validation',
    'Pricing assistance',
    'Executive sponsorship',
    'Deal support',
    'Customer introduction',
  ]),
  spend: maybe(fc.integer({ min: 0, max: 100_000 })),
  contacts: fc.array(
    fc.record({
      firstName: maybe(text),
      lastName: filled,
      email: maybe(fc.constantFrom('Dana.Whitfield@Northwind.example', 'a@b.example')),
      phone: maybe(text),
      title: maybe(text),
    }),
    { maxLength: 40 },
  ),
});

type Variation = typeof variation extends fc.Arbitrary<infer T> ? T : never;

function opportunityFrom(change: Variation): CoSellOpportunity | undefined {
  try {
    return northwindDataPlatform((input) => {
      input.name = change.name;
      input.description = change.description;
      input.nextStep = change.nextStep;
      input.amount = change.amount;
      input.closeDate = change.closeDate;
      input.stageName = change.stageName;
      input.account.industry = change.industry;
      input.account.billingCountry = change.country;
      input.account.website = change.website;
      input.coSell.helpNeeded = change.helpNeeded as typeof input.coSell.helpNeeded;
      input.coSell.expectedMonthlySpend = change.spend;
      input.contacts = change.contacts;
    });
  } catch {
    return undefined; // the canonical model refused it, so no mapping ever sees it
  }
}

describe('generated mapper', () => {
  for (const portal of PORTALS) {
    const mapping = loadMapping(portal);

    it(`maps like the rule-by-rule engine for ${portal}, key order and findings included`, () => {
      let mapped = 0;
      fc.assert(
        fc.property(
          variation,
          fc.constantFrom(NOW, new Date('2027-06-01T00:00:00Z')),
          (change, now) => {
            const opportunity = opportunityFrom(change);
            if (!opportunity) return;
            mapped += 1;
            expect(JSON.stringify(mapToPortal(mapping, opportunity, now))).toBe(
              JSON.stringify(interpretToPortal(mapping, opportunity, now)),
            );
          },
        ),
        { numRuns: 300, seed: 16 },
      );
      // Most variations must reach the mapping, or the comparison proves little.
      expect(mapped).toBeGreaterThan(150);
    });
  }

  /** Text as it may reach a mapper that is handed an opportunity directly: untrimmed, any whitespace. */
  const untrimmed = fc.oneof(
    text,
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\u2028 ',
      ' GB',
      '\u00a0Healthcare',
      'é',
      '~',
      '!x',
    ),
  );
  const places: Array<(opportunity: CoSellOpportunity, value: string) => void> = [
    (o, v) => (o.name = v),
    (o, v) => (o.description = v),
    (o, v) => (o.nextStep = v),
    (o, v) => (o.stageName = v),
    (o, v) => (o.currencyIsoCode = v),
    (o, v) => (o.account.name = v),
    (o, v) => (o.account.industry = v),
    (o, v) => (o.account.billingCountry = v),
    (o, v) => (o.account.billingCity = v),
    (o, v) => (o.account.website = v),
    (o, v) => (o.coSell.useCase = v),
    (o, v) => (o.coSell.helpDetails = v),
    (o, v) => {
      const contact = o.contacts[0];
      if (contact) contact.firstName = v;
    },
  ];

  for (const portal of PORTALS) {
    const mapping = loadMapping(portal);
    it(`maps untrimmed and blank text like the rule-by-rule engine for ${portal}`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(places.length - 1), untrimmed), { minLength: 1, maxLength: 4 }),
          (changes) => {
            const opportunity = northwindDataPlatform();
            for (const [place, value] of changes) places[place]!(opportunity, value);
            expect(JSON.stringify(mapToPortal(mapping, opportunity, NOW))).toBe(
              JSON.stringify(interpretToPortal(mapping, opportunity, NOW)),
            );
          },
        ),
        { numRuns: 400 },
      );
    });
  }
});
