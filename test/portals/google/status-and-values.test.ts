// The Google opportunity lifecycle (every state and stage move, legal or not) and the Money, Date,
// domain and phone conversions, with property tests for the round trips.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  IllegalOpportunityChangeError,
  amountFromMoney,
  changeStage,
  changeState,
  customerDomainFromWebsite,
  dateFromIso,
  engagementStatusOf,
  isoFromDate,
  moneyBelowZero,
  moneyFromAmount,
  stageChangeProblem,
  stateChangeProblem,
  submitOpportunity,
  E164,
} from '../../../middleware/src/portals/google/index.js';

/** States a record can be in: the published ones, the older wording, and an unpublished not-accepted value. */
const STATES = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'APPROVED', 'NOT_ACCEPTED'];
const LEGAL_STATE_MOVES = new Set([
  'DRAFT -> DRAFT',
  'DRAFT -> SUBMITTED',
  'SUBMITTED -> SUBMITTED',
]);
const STAGES = ['STAGE_0', 'STAGE_2', 'CLOSED'];

describe('Google opportunity lifecycle', () => {
  describe.each(STATES)('from state %s', (from) => {
    it.each(STATES)('to %s', (to) => {
      if (LEGAL_STATE_MOVES.has(`${from} -> ${to}`)) {
        expect(stateChangeProblem(from, to)).toBeNull();
        expect(changeState({ state: from }, to)).toEqual({ state: to });
      } else {
        expect(stateChangeProblem(from, to)).toEqual(expect.any(String));
        expect(() => changeState({ state: from }, to)).toThrow(IllegalOpportunityChangeError);
      }
    });
  });

  it('submits a draft, and says why a decided opportunity cannot be resubmitted', () => {
    expect(submitOpportunity({ state: 'DRAFT' })).toEqual({ state: 'SUBMITTED' });
    expect(() => changeState({ state: 'SUBMITTED' }, 'DRAFT')).toThrow(/cannot go back to DRAFT/);
    expect(() => submitOpportunity({ state: 'ACCEPTED' })).toThrow(/Google decided on it/);
    expect(() => changeState({ state: 'DRAFT' }, 'ACCEPTED')).toThrow(
      /only set state to DRAFT or SUBMITTED/,
    );
  });

  describe.each(STATES.flatMap((state) => STAGES.map((stage) => [state, stage] as const)))(
    'stage from %s/%s',
    (state, stage) => {
      it.each(STAGES)('to %s', (next) => {
        const legal =
          ['ACCEPTED', 'APPROVED'].includes(state) && stage !== 'CLOSED' && next !== 'CLOSED';
        if (legal) {
          expect(changeStage({ state, stage }, next)).toEqual({ state, stage: next });
        } else {
          expect(stageChangeProblem({ state, stage }, next)).toEqual(expect.any(String));
          expect(() => changeStage({ state, stage }, next)).toThrow(IllegalOpportunityChangeError);
        }
      });
    },
  );

  it('explains each refused stage move', () => {
    expect(stageChangeProblem({ state: 'SUBMITTED', stage: 'STAGE_0' }, 'STAGE_1')).toMatch(
      /only after Google accepts/,
    );
    expect(stageChangeProblem({ state: 'ACCEPTED', stage: 'STAGE_2' }, 'CLOSED')).toMatch(
      /cannot be set to CLOSED/,
    );
    expect(stageChangeProblem({ state: 'ACCEPTED', stage: 'CLOSED' }, 'STAGE_2')).toMatch(
      /is closed/,
    );
  });

  it('maps states to the canonical status, closed stage included, unknown states to null', () => {
    expect(STATES.map((state) => engagementStatusOf({ state }))).toEqual([
      'Draft',
      'Submitted',
      'Accepted',
      'Accepted',
      null,
    ]);
    expect(engagementStatusOf({ state: 'ACCEPTED', stage: 'CLOSED' })).toBe('Closed');
    expect(engagementStatusOf({ state: 'SUBMITTED', stage: 'CLOSED' })).toBe('Submitted');
  });
});

describe('Google value types', () => {
  it('converts amounts to Money exactly, negatives included', () => {
    expect(moneyFromAmount(1234.56, 'GBP')).toEqual({
      currencyCode: 'GBP',
      units: '1234',
      nanos: 560_000_000,
    });
    expect(moneyFromAmount(-0.5, 'USD')).toEqual({
      currencyCode: 'USD',
      units: '0',
      nanos: -500_000_000,
    });
    expect(moneyFromAmount(-12.25, 'USD')).toEqual({
      currencyCode: 'USD',
      units: '-12',
      nanos: -250_000_000,
    });
    expect(moneyFromAmount(480000, 'GBP')).toEqual({
      currencyCode: 'GBP',
      units: '480000',
      nanos: 0,
    });
    expect(() => moneyFromAmount(Number.NaN, 'USD')).toThrow(RangeError);
    expect(() => moneyFromAmount(10, 'usd')).toThrow(/ISO 4217/);
    expect(amountFromMoney({ units: '9007199254740993', nanos: 0 })).toBe(9007199254740992);
  });

  it('round-trips any amount in cents through Money', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (cents) => {
        const amount = cents / 100;
        const money = moneyFromAmount(amount, 'EUR');
        expect(Math.abs(money.nanos)).toBeLessThan(1e9);
        expect(Number(money.units) * money.nanos >= 0 || money.units === '0').toBe(true);
        expect(amountFromMoney(money)).toBe(amount);
      }),
    );
  });

  it('tells a negative Money exactly as its amount does, throwing where the amount throws', () => {
    const units = fc.oneof(
      fc.constantFrom(undefined, null, '', '0', '-0', '00', ' 5', '-5', '5', '1e3', '0x10', '-'),
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
      fc.integer(),
      fc.double(),
    );
    const nanos = fc.oneof(
      fc.constantFrom(undefined, null, 0, -0),
      fc.integer({ min: -2e9, max: 2e9 }),
      fc.double(),
    );
    fc.assert(
      fc.property(units, nanos, (u, n) => {
        const money = { units: u, nanos: n };
        let expected: boolean | 'throws';
        try {
          expected = amountFromMoney(money) < 0;
        } catch {
          expected = 'throws';
        }
        if (expected === 'throws') expect(() => moneyBelowZero(money)).toThrow();
        else expect(moneyBelowZero(money)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(moneyBelowZero({ units: '0', nanos: -1 })).toBe(true);
    expect(moneyBelowZero({ units: '12', nanos: 5 })).toBe(false);
  });

  it('round-trips any calendar date, and refuses impossible ones', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const iso = instant.toISOString().slice(0, 10);
          expect(isoFromDate(dateFromIso(iso))).toBe(iso);
        },
      ),
    );
    expect(dateFromIso('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => dateFromIso('2027-02-29')).toThrow(/not a calendar date/);
    expect(() => dateFromIso('18/12/2026')).toThrow(/not a calendar date/);
    expect(() => isoFromDate({ year: 2026, month: 12, day: 0 })).toThrow(
      /not a full calendar date/,
    );
  });

  it('derives the bare customer domain from a website', () => {
    expect(customerDomainFromWebsite('https://www.NorthwindTraders.co.uk/about?ref=1')).toBe(
      'northwindtraders.co.uk',
    );
    expect(customerDomainFromWebsite('northwindtraders.co.uk')).toBe('northwindtraders.co.uk');
    expect(customerDomainFromWebsite('http://data.northwind.com:8080')).toBe('data.northwind.com');
    expect(customerDomainFromWebsite('localhost')).toBeNull();
    expect(customerDomainFromWebsite('  ')).toBeNull();
    expect(customerDomainFromWebsite(null)).toBeNull();
  });

  it('recognises E.164 numbers only', () => {
    expect(['+442079460123', '+14255550142'].every((n) => E164.test(n))).toBe(true);
    expect(
      ['02079460123', '+0442079460123', '+44 20 7946 0123', '+1234567890123456'].some((n) =>
        E164.test(n),
      ),
    ).toBe(false);
  });
});
