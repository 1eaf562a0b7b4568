// triageReferral on realistic inbound referrals: the matched rule and its reason, business-hours
// deadlines in the team's time zone, unknown sources raised to High, and out-of-hours acknowledgement.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  InboundReferral,
  SOURCE_LAYERS,
  TENANCY_ARCHETYPES,
  type InboundReferralInput,
} from '../../../middleware/src/core/model.js';
import {
  DEFAULT_TRIAGE_RULES,
  isWithinBusinessHours,
  parseBusinessCalendar,
  resolveTriageConfig,
  triageReferral,
  TriageError,
  type TriageRule,
} from '../../../middleware/src/core/triage/index.js';

const london = parseBusinessCalendar({
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  holidays: ['2026-12-25', '2026-12-28'],
});

const referral = (overrides: Partial<InboundReferralInput> = {}) =>
  InboundReferral.parse({
    cloud: 'Microsoft',
    portalId: 'ref-7c1e52d0-northwind',
    receivedAt: '2026-11-24T10:00:00Z',
    customerName: 'Northwind Traders',
    customerDomain: 'northwindtraders.com',
    title: 'Northwind data platform modernisation on Azure',
    description:
      'Consolidating three on-premises warehouses onto Azure; MACC drawdown of $1.2M planned.',
    tenancyArchetype: 'ISV-hosted SaaS',
    sourceLayer: 'Partner Program',
    referrer: {
      name: 'Priya Raman',
      email: 'priya.raman@microsoft.com',
      title: 'Partner Development Manager',
    },
    ...overrides,
  });

describe('triageReferral', () => {
  it('sends a PDM referral for a data-platform deal to alliance ops at Standard, due in 2 business days', () => {
    const decision = triageReferral(referral(), DEFAULT_TRIAGE_RULES, london);
    expect(decision).toMatchObject({
      priority: 'Standard',
      responseDue: '2026-11-26T17:30:00.000Z',
      acknowledgeBy: null,
      responder: 'Alliance ops queue (standard qualification)',
      ownerQueue: 'CoSell_Alliance_Ops',
      ruleId: 'Partner_Program',
      sourceLayer: 'Partner Program',
      flags: [],
    });
    expect(decision.reason).toMatch(
      /^Rule Partner_Program \(Partner Program × any\) matched: source Partner Program \(layer 5\), archetype ISV-hosted SaaS\./,
    );
    expect(decision.reason).toContain('Europe/London');
  });

  it('makes an account-team referral on a customer-deployed product Urgent, due the same business day', () => {
    const decision = triageReferral(
      referral({
        sourceLayer: 'Account Team',
        tenancyArchetype: 'Customer-deployed',
        referrer: { name: 'Tom Becker', title: 'Account Technology Strategist' },
      }),
      DEFAULT_TRIAGE_RULES,
      london,
    );
    expect(decision).toMatchObject({
      priority: 'Urgent',
      responseDue: '2026-11-24T17:30:00.000Z',
      acknowledgeBy: null,
      responder: 'Senior alliance manager + technical SE',
      ruleId: 'Account_Team_Customer_Deployed',
    });
  });

  it('asks for an acknowledgement within hours when an account-team referral lands out of hours', () => {
    // Saturday 21:40 London: the response is due by close on Monday, but someone acknowledges by 01:40.
    const decision = triageReferral(
      referral({
        sourceLayer: 'Account Team',
        tenancyArchetype: 'Customer-deployed',
        receivedAt: '2026-11-28T21:40:00Z',
      }),
      DEFAULT_TRIAGE_RULES,
      london,
    );
    expect(decision.responseDue).toBe('2026-11-30T17:30:00.000Z');
    expect(decision.acknowledgeBy).toBe('2026-11-29T01:40:00.000Z');
    expect(decision.flags).toEqual(['acknowledge-out-of-hours']);
    expect(decision.reason).toContain('acknowledge within 4 hours');
  });

  it('never treats an unknown source as Standard: High, flagged classify-source', () => {
    const decision = triageReferral(
      referral({
        sourceLayer: null,
        referrer: { name: 'Sam Ortiz', email: 'sam.ortiz@google.com', title: null },
        cloud: 'Google',
      }),
      DEFAULT_TRIAGE_RULES,
      london,
    );
    expect(decision).toMatchObject({
      priority: 'High',
      ruleId: 'Unclassified_Source',
      sourceLayer: null,
      flags: ['classify-source'],
    });
    expect(decision.responseDue).toBe('2026-11-25T17:30:00.000Z');
    expect(decision.reason).toContain('source unknown');
  });

  it('uses a confidently inferred source layer and flags it for confirmation', () => {
    const decision = triageReferral(
      referral({
        sourceLayer: null,
        referrer: { name: 'Lena Fischer', title: 'Specialist Customer Engineer, Data Analytics' },
        tenancyArchetype: 'Customer-deployed',
      }),
      DEFAULT_TRIAGE_RULES,
      london,
    );
    expect(decision).toMatchObject({
      priority: 'Urgent',
      ruleId: 'Specialist_Customer_Deployed',
      sourceLayer: 'Specialist',
      flags: ['source-inferred'],
    });
    expect(decision.reason).toContain('inferred from the referrer\'s title ("specialist")');
  });

  it('does not route on a weak guess: a bare "AE" still needs classifying', () => {
    const decision = triageReferral(
      referral({ sourceLayer: null, referrer: { name: 'Jo Park', title: 'AE' } }),
      DEFAULT_TRIAGE_RULES,
      london,
    );
    expect(decision).toMatchObject({
      priority: 'High',
      sourceLayer: null,
      flags: ['classify-source'],
    });
    expect(decision.reason).toContain('weakly suggests Account Team');
  });

  it('flags an unknown archetype and applies the decided gap rule', () => {
    const decision = triageReferral(
      referral({ sourceLayer: 'Specialist', tenancyArchetype: null }),
      DEFAULT_TRIAGE_RULES,
      london,
    );
    expect(decision).toMatchObject({
      priority: 'Urgent',
      ruleId: 'Specialist_Unknown_Archetype',
      flags: ['classify-archetype'],
    });
    expect(decision.reason).toContain('Why: not in the table (archetype unknown)');
  });

  it('raises a hand-built Standard rule for unknown sources to High, and says so', () => {
    const careless: TriageRule = { ...DEFAULT_TRIAGE_RULES[8]!, priority: 'Standard' };
    const decision = triageReferral(
      referral({ sourceLayer: null, referrer: {} }),
      [careless],
      london,
    );
    expect(decision.priority).toBe('High');
    expect(decision.reason).toContain('Raised from Standard because the source is unknown');
  });

  it('applies an admin override from configuration', () => {
    const { rules, calendar } = resolveTriageConfig({
      rules: [{ ...DEFAULT_TRIAGE_RULES[5], response: { unit: 'business-hours', amount: 4 } }],
      calendar: {
        timeZone: 'America/New_York',
        workingDays: [1, 2, 3, 4, 5],
        workingHours: { start: '08:30', end: '17:00' },
      },
    });
    // 10:00 UTC is 05:00 in New York: the 4 business hours start at 08:30 local (13:30 UTC).
    expect(triageReferral(referral(), rules, calendar).responseDue).toBe(
      '2026-11-24T17:30:00.000Z',
    );
  });

  it('explains a missing rule instead of guessing', () => {
    expect(() => triageReferral(referral(), DEFAULT_TRIAGE_RULES.slice(0, 3), london)).toThrow(
      TriageError,
    );
  });

  it('puts every deadline inside business hours and never marks an unknown source Standard', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCE_LAYERS, null),
        fc.constantFrom(...TENANCY_ARCHETYPES, null),
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2030-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (sourceLayer, tenancyArchetype, receivedAt) => {
          const decision = triageReferral(
            referral({
              sourceLayer,
              tenancyArchetype,
              receivedAt: receivedAt.toISOString(),
              referrer: {},
            }),
            DEFAULT_TRIAGE_RULES,
            london,
          );
          expect(isWithinBusinessHours(decision.responseDue, london)).toBe(true);
          expect(Date.parse(decision.responseDue)).toBeGreaterThan(receivedAt.getTime());
          if (sourceLayer === null) {
            expect(decision.priority).not.toBe('Standard');
            expect(decision.flags).toContain('classify-source');
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
