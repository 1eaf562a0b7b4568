import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  MissingExchangeRateError,
  attributionFor,
  buildAttributionReport,
  opportunityAttribution,
} from '../../../middleware/src/core/attribution/index.js';
import {
  CLOUDS,
  CoSellOpportunity,
  ENGAGEMENT_STATUSES,
  MARKETPLACE_ROUTES,
  type Cloud,
} from '../../../middleware/src/core/model.js';

const now = new Date('2026-11-26T12:00:00Z');
const rates = { EUR: 1.08, GBP: 1.27, JPY: 0.0066 };

const cloudSubset = fc.subarray([...CLOUDS]);
const day = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** Any mix of origin, tags and engagement states a real org holds, including the inconsistent ones. */
const opportunityArbitrary = (index: number) =>
  fc
    .record({
      clouds: cloudSubset,
      origin: fc.constantFrom(null, 'Partner-led' as const, 'Hyperscaler-led' as const),
      originatingCloud: fc.constantFrom<Cloud | null>(null, ...CLOUDS),
      engagementClouds: cloudSubset,
      statuses: fc.array(fc.constantFrom(...ENGAGEMENT_STATUSES), { minLength: 3, maxLength: 3 }),
      submitted: day,
      amount: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
      currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'),
      outcome: fc.constantFrom('open', 'won', 'lost'),
      close: day,
      route: fc.constantFrom(...MARKETPLACE_ROUTES),
    })
    .map((draw) =>
      CoSellOpportunity.parse({
        id: `006Ak00000${String(index).padStart(8, '0')}`,
        name: `Tailspin Toys - analytics deal ${index}`,
        amount: draw.amount,
        currencyIsoCode: draw.currency,
        stageName:
          draw.outcome === 'won'
            ? 'Closed Won'
            : draw.outcome === 'lost'
              ? 'Closed Lost'
              : 'Proposal',
        isClosed: draw.outcome !== 'open',
        isWon: draw.outcome === 'won',
        closeDate: draw.close.toISOString().slice(0, 10),
        createdDate: '2023-12-01T10:00:00Z',
        lastModifiedDate: '2026-11-01T10:00:00Z',
        account: { name: 'Tailspin Toys' },
        coSell: {
          clouds: draw.clouds,
          origin: draw.origin,
          originatingCloud: draw.originatingCloud,
          marketplaceRoute: draw.route,
        },
        engagements: draw.engagementClouds.map((cloud, position) => ({
          cloud,
          status: draw.statuses[position],
          submittedAt: draw.submitted.toISOString(),
        })),
      }),
    );

const opportunities = fc
  .integer({ min: 0, max: 40 })
  .chain((size) =>
    fc.tuple(...Array.from({ length: size }, (_, index) => opportunityArbitrary(index + 1))),
  );

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('attribution report invariants', () => {
  it('sourced + influenced + none = total, each opportunity counted exactly once in the all-cloud totals', () => {
    fc.assert(
      fc.property(opportunities, (opps) => {
        const report = buildAttributionReport(opps, { reportingCurrency: 'USD', rates, now });
        for (const row of [...report.rows, ...report.totals]) {
          expect(row.sourced.count + row.influenced.count + row.none.count).toBe(
            row.opportunities.count,
          );
          expect(row.sourced.value + row.influenced.value + row.none.value).toBeCloseTo(
            row.opportunities.value,
            1,
          );
        }
        // Totals: every opportunity once, in the bucket its stored attribution names.
        expect(sum(report.totals.map((row) => row.opportunities.count))).toBe(opps.length);
        for (const attribution of ['Sourced', 'Influenced', 'None'] as const) {
          const key =
            attribution === 'Sourced'
              ? 'sourced'
              : attribution === 'Influenced'
                ? 'influenced'
                : 'none';
          const expected = opps.filter((opp) => opportunityAttribution(opp) === attribution).length;
          expect(sum(report.totals.map((row) => row[key].count))).toBe(expected);
        }
        // Each cloud partitions the same opportunities by its own attribution.
        for (const cloud of CLOUDS) {
          const rows = report.rows.filter((row) => row.scope === cloud);
          expect(sum(rows.map((row) => row.opportunities.count))).toBe(opps.length);
          const sourced = opps.filter((opp) => attributionFor(opp, cloud) === 'Sourced').length;
          expect(sum(rows.map((row) => row.sourced.count))).toBe(sourced);
        }
        // An opportunity is sourced by at most one cloud, so per-cloud sourced never exceeds the total.
        expect(sum(report.rows.map((row) => row.sourced.count))).toBe(
          sum(report.totals.map((row) => row.sourced.count)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('marketplace transactions and won deals in the totals never exceed the closed-won deals', () => {
    fc.assert(
      fc.property(opportunities, (opps) => {
        const report = buildAttributionReport(opps, { reportingCurrency: 'USD', rates, now });
        const won = opps.filter((opp) => opp.isWon).length;
        expect(
          sum(report.totals.map((row) => row.marketplaceTransactions.count)),
        ).toBeLessThanOrEqual(won);
        expect(sum(report.totals.map((row) => row.partnerAttach.newBusinessWon.count))).toBe(won);
      }),
      { numRuns: 100 },
    );
  });

  it('a currency without a rate is an error, never a zero, whatever else the data holds', () => {
    fc.assert(
      fc.property(opportunities, fc.integer({ min: 1, max: 5_000_000 }), (opps, amount) => {
        const withoutYen = { EUR: rates.EUR, GBP: rates.GBP };
        const yenDeal = CoSellOpportunity.parse({ ...(opps[0] ?? {}), ...baseYenDeal, amount });
        const stream = [
          ...opps.filter((opp) => opp.currencyIsoCode !== 'JPY' || opp.amount === null),
          yenDeal,
        ];
        expect(() =>
          buildAttributionReport(stream, { reportingCurrency: 'USD', rates: withoutYen, now }),
        ).toThrow(MissingExchangeRateError);
      }),
      { numRuns: 50 },
    );
  });
});

const baseYenDeal = {
  id: '006Ak00000YENDEAL1',
  name: 'Adatum Japan - supply-chain analytics on Google Cloud',
  currencyIsoCode: 'JPY',
  stageName: 'Proposal',
  closeDate: '2026-12-10',
  createdDate: '2026-07-01T00:00:00Z',
  lastModifiedDate: '2026-11-01T00:00:00Z',
  account: { name: 'Adatum Japan' },
};
