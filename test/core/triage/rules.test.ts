// The shipped triage rules equal the standard triage table, rule selection prefers the most specific rule,
// and an admin's configuration is validated and merged with errors that name the key at fault.
import { describe, expect, it } from '@jest/globals';
import {
  SOURCE_LAYERS,
  TENANCY_ARCHETYPES,
  type Priority,
  type SourceLayer,
  type TenancyArchetype,
} from '../../../middleware/src/core/model.js';
import {
  DEFAULT_TRIAGE_RULES,
  TriageConfigError,
  resolveTriageConfig,
  selectTriageRule,
  type TriageRuleInput,
} from '../../../middleware/src/core/triage/index.js';

describe('DEFAULT_TRIAGE_RULES', () => {
  // The standard triage table: source × archetype → priority, response, who.
  const table: Array<[SourceLayer, TenancyArchetype, Priority, 'same' | number, string]> = [
    [
      'Account Team',
      'Customer-deployed',
      'Urgent',
      'same',
      'Senior alliance manager + technical SE',
    ],
    [
      'Specialist',
      'Customer-deployed',
      'Urgent',
      'same',
      'Alliance manager + SE for that workload',
    ],
    ['Specialist', 'ISV-hosted SaaS', 'High', 1, 'Alliance manager'],
    ['Executive/Industry', 'ISV-hosted SaaS', 'Urgent', 'same', 'Alliance leader / exec sponsor'],
    ['Executive/Industry', 'Customer-deployed', 'Urgent', 'same', 'Alliance leader / exec sponsor'],
    ['Regional/Segment', 'Customer-deployed', 'High', 1, 'Alliance manager'],
    [
      'Partner Program',
      'ISV-hosted SaaS',
      'Standard',
      2,
      'Alliance ops queue (standard qualification)',
    ],
  ];
  it.each(table)(
    '%s × %s → %s, %s business day(s), %s',
    (layer, archetype, priority, businessDays, responder) => {
      const rule = selectTriageRule(DEFAULT_TRIAGE_RULES, layer, archetype);
      expect(rule).toMatchObject({ priority, responder });
      expect(rule?.response).toMatchObject({
        unit: 'business-days',
        amount: businessDays === 'same' ? 0 : businessDays,
      });
    },
  );

  it('asks for an acknowledgement within hours out of hours only for the account team', () => {
    const withAcknowledgement = DEFAULT_TRIAGE_RULES.filter(
      (rule) => rule.outOfHoursAcknowledgeHours !== null,
    ).map((rule) => rule.sourceLayer);
    expect(new Set(withAcknowledgement)).toEqual(new Set(['Account Team']));
  });

  it('fills the gaps in the table: layer 3 hosted stays Urgent, specialist with unknown archetype is Urgent', () => {
    expect(selectTriageRule(DEFAULT_TRIAGE_RULES, 'Account Team', 'ISV-hosted SaaS')).toMatchObject(
      {
        id: 'Account_Team_Other_Archetype',
        priority: 'Urgent',
      },
    );
    expect(selectTriageRule(DEFAULT_TRIAGE_RULES, 'Specialist', null)).toMatchObject({
      id: 'Specialist_Unknown_Archetype',
      priority: 'Urgent',
    });
  });

  it('covers every source layer (and unknown) × every archetype (and unknown); unknown source is never Standard', () => {
    for (const layer of [...SOURCE_LAYERS, null]) {
      for (const archetype of [...TENANCY_ARCHETYPES, null]) {
        const rule = selectTriageRule(DEFAULT_TRIAGE_RULES, layer, archetype);
        expect(rule).not.toBeNull();
        if (layer === null) expect(rule?.priority).not.toBe('Standard');
      }
    }
  });
});

describe('selectTriageRule', () => {
  it('prefers an exact archetype over "any", and an exact layer over "any"', () => {
    expect(selectTriageRule(DEFAULT_TRIAGE_RULES, 'Account Team', 'Customer-deployed')?.id).toBe(
      'Account_Team_Customer_Deployed',
    );
    const { rules } = resolveTriageConfig({
      rules: [
        {
          id: 'Any_Customer_Deployed',
          sourceLayer: 'any',
          tenancyArchetype: 'Customer-deployed',
          priority: 'High',
          response: { unit: 'business-days', amount: 1 },
          responder: 'Alliance manager',
          ownerQueue: 'CoSell_Alliance_Managers',
        },
      ],
    });
    expect(selectTriageRule(rules, 'Partner Program', 'Customer-deployed')?.id).toBe(
      'Partner_Program',
    );
  });

  it('does not let an "any layer" rule pick up an unknown source', () => {
    expect(selectTriageRule(DEFAULT_TRIAGE_RULES, null, 'ISV-hosted SaaS')?.id).toBe(
      'Unclassified_Source',
    );
  });
});

const macc: TriageRuleInput = {
  id: 'Partner_Program_MACC',
  sourceLayer: 'Partner Program',
  tenancyArchetype: 'Customer-deployed',
  priority: 'High',
  response: { unit: 'business-hours', amount: 8 },
  responder: 'Alliance manager (MACC drawdown deals)',
  ownerQueue: 'CoSell_Alliance_Managers',
};

describe('resolveTriageConfig', () => {
  it('returns the defaults and the default calendar when nothing is configured', () => {
    const resolved = resolveTriageConfig(undefined);
    expect(resolved.rules).toEqual(DEFAULT_TRIAGE_RULES);
    expect(resolved.calendar.timeZone).toBe('UTC');
  });

  it('overrides a default by id in place and appends new rules', () => {
    const { rules, calendar } = resolveTriageConfig({
      rules: [{ ...DEFAULT_TRIAGE_RULES[5], priority: 'High' }, macc],
      calendar: {
        timeZone: 'America/Chicago',
        workingDays: [1, 2, 3, 4, 5],
        workingHours: { start: '08:00', end: '17:00' },
      },
    });
    expect(rules[5]).toMatchObject({ id: 'Partner_Program', priority: 'High' });
    expect(rules.at(-1)?.id).toBe('Partner_Program_MACC');
    expect(rules).toHaveLength(DEFAULT_TRIAGE_RULES.length + 1);
    expect(selectTriageRule(rules, 'Partner Program', 'Customer-deployed')?.id).toBe(
      'Partner_Program_MACC',
    );
    expect(calendar.timeZone).toBe('America/Chicago');
  });

  it('disables a default gap rule, and then reports the case no rule covers', () => {
    expect(() => resolveTriageConfig({ disable: ['Specialist_Unknown_Archetype'] })).toThrow(
      /rules: no rule covers source layer Specialist × archetype unknown/,
    );
  });

  it('names the key of a bad rule', () => {
    const bad = { ...macc, priority: 'Critical' };
    try {
      resolveTriageConfig({ rules: [bad] });
      throw new Error('expected a TriageConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(TriageConfigError);
      expect((error as TriageConfigError).issues.map((issue) => issue.path)).toEqual([
        'rules.0.priority',
      ]);
    }
  });

  it('refuses a Standard rule for unknown sources', () => {
    expect(() =>
      resolveTriageConfig({ rules: [{ ...DEFAULT_TRIAGE_RULES[8], priority: 'Standard' }] }),
    ).toThrow(/rules\.0\.priority: a referral with an unknown source is never Standard/);
  });

  it('refuses duplicate ids, overlapping rules, unknown disables and unknown keys', () => {
    expect(() => resolveTriageConfig({ rules: [macc, macc] })).toThrow(
      /rules\.1\.id: rule id Partner_Program_MACC appears twice/,
    );
    expect(() =>
      resolveTriageConfig({
        rules: [
          {
            ...macc,
            id: 'Another_Account_Team',
            sourceLayer: 'Account Team',
            tenancyArchetype: 'any',
          },
        ],
      }),
    ).toThrow(
      /rules Account_Team_Other_Archetype and Another_Account_Team both cover source layer Account Team × archetype any/,
    );
    expect(() => resolveTriageConfig({ disable: ['Partner_Programme'] })).toThrow(
      /disable\.0: no default rule Partner_Programme to disable/,
    );
    expect(() => resolveTriageConfig({ rule: [macc] })).toThrow(/Unrecognized key/i);
    expect(() => resolveTriageConfig({ rules: [{ ...macc, id: 'partner program' }] })).toThrow(
      /rules\.0\.id: must start with a letter/,
    );
    expect(() =>
      resolveTriageConfig({
        calendar: {
          timeZone: 'Mars/Olympus',
          workingDays: [1],
          workingHours: { start: '09:00', end: '17:00' },
        },
      }),
    ).toThrow(/calendar\.timeZone: must be an IANA time zone/);
  });

  it('replaceDefaults requires the configuration to cover every case itself', () => {
    expect(() => resolveTriageConfig({ replaceDefaults: true, rules: [macc] })).toThrow(
      /no rule covers source layer Executive\/Industry/,
    );
    const everything: TriageRuleInput[] = [
      { ...macc, id: 'Every_Known_Source', sourceLayer: 'any', tenancyArchetype: 'any' },
      { ...macc, id: 'Unknown_Source', sourceLayer: null, tenancyArchetype: 'any' },
    ];
    expect(
      resolveTriageConfig({ replaceDefaults: true, rules: everything }).rules.map(
        (rule) => rule.id,
      ),
    ).toEqual(['Every_Known_Source', 'Unknown_Source']);
  });
});
