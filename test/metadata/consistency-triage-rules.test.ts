// The triage rule custom metadata records the package ships are the engine's default triage rules,
// read through the same function the engine uses, each routed to a queue that takes referrals.
import { describe, expect, it } from '@jest/globals';
import {
  REFERRAL_OBJECT,
  TRIAGE_RULE_FIELDS,
} from '../../middleware/src/core/salesforce-fields.js';
import { DEFAULT_TRIAGE_RULES, TriageRule } from '../../middleware/src/core/triage/rules.js';
import { triageRuleFromRecord } from '../../middleware/src/core/triage/metadata.js';
import {
  addBusinessTime,
  DEFAULT_BUSINESS_CALENDAR,
} from '../../middleware/src/core/triage/business-calendar.js';
import { asArray, rootOf, sourceComponents } from './support/force-app.js';

describe('triage rule records ship the default triage rules', () => {
  // The standard triage table: source layer, archetype (null = any), priority, who responds.
  const DOMAIN_DEFAULTS = [
    ['Account Team', 'Customer-deployed', 'Urgent'],
    ['Specialist', 'Customer-deployed', 'Urgent'],
    ['Specialist', 'ISV-hosted SaaS', 'High'],
    ['Executive/Industry', null, 'Urgent'],
    ['Regional/Segment', null, 'High'],
    ['Partner Program', null, 'Standard'],
  ];
  const records = sourceComponents()
    .filter((c) => c.type.name === 'CustomMetadata' && c.fullName.startsWith('CoSell_Triage_Rule.'))
    .map((c) => {
      const xml = rootOf(c, 'CustomMetadata');
      const values = asArray(xml.values as Array<{ field: string; value: unknown }>);
      const get = (name: string) => {
        const value = values.find((v) => v.field === name)?.value;
        return typeof value === 'object' && value !== null && '#text' in value
          ? String((value as { '#text': unknown })['#text'])
          : null;
      };
      const numeric = new Set<string>([
        TRIAGE_RULE_FIELDS.responseAmount,
        TRIAGE_RULE_FIELDS.minimumBusinessHours,
        TRIAGE_RULE_FIELDS.acknowledgeWithinHours,
        TRIAGE_RULE_FIELDS.sortOrder,
      ]);
      const fieldValues = Object.fromEntries(
        Object.values(TRIAGE_RULE_FIELDS).map((api) => {
          const raw = get(api);
          return [api, raw !== null && numeric.has(api) ? Number(raw) : raw];
        }),
      );
      // The shape SOQL returns, read through the same function the engine uses.
      const rule = TriageRule.parse(
        triageRuleFromRecord({
          DeveloperName: c.fullName.replace('CoSell_Triage_Rule.', ''),
          ...fieldValues,
        }),
      );
      return {
        name: c.fullName,
        rule,
        layer: get(TRIAGE_RULE_FIELDS.sourceLayer),
        archetype: get(TRIAGE_RULE_FIELDS.tenancyArchetype),
        priority: get(TRIAGE_RULE_FIELDS.priority),
        queue: get(TRIAGE_RULE_FIELDS.ownerQueue),
        responder: get(TRIAGE_RULE_FIELDS.responder),
        sortOrder: Number(get(TRIAGE_RULE_FIELDS.sortOrder)),
      };
    });

  it('has one record per row of the table, with its priority', () => {
    expect(records.map((r) => [r.layer, r.archetype, r.priority]).sort()).toEqual(
      [...DOMAIN_DEFAULTS].sort(),
    );
  });

  it('overrides the engine built-in default of the same DeveloperName with the same routing', () => {
    // The engine merges org rules over its defaults by id: a record under another name would collide with
    // the default covering the same layer and archetype instead of replacing it.
    const problems = records.flatMap((record) => {
      const id = record.name.replace('CoSell_Triage_Rule.', '');
      const engine = DEFAULT_TRIAGE_RULES.find((rule) => rule.id === id);
      if (!engine) return [`${id} is not one of the engine's default rule ids`];
      const org = { ...record.rule, rationale: null };
      const expected = { ...engine, rationale: null };
      return JSON.stringify(org) === JSON.stringify(expected)
        ? []
        : [`${id}: org ${JSON.stringify(org)} vs engine ${JSON.stringify(expected)}`];
    });
    expect(problems).toEqual([]);
  });

  it('answers urgent referrals no slower than high, and high no slower than standard', () => {
    // Deadlines for a referral arriving Monday 10:00 on the default calendar.
    const monday = '2026-11-23T10:00:00.000Z';
    const due = (priority: string) =>
      records
        .filter((r) => r.rule.priority === priority)
        .map((r) => addBusinessTime(monday, r.rule.response, DEFAULT_BUSINESS_CALENDAR).getTime());
    expect(Math.max(...due('Urgent'))).toBeLessThanOrEqual(Math.min(...due('High')));
    expect(Math.max(...due('High'))).toBeLessThanOrEqual(Math.min(...due('Standard')));
    expect(records.every((r) => r.responder)).toBe(true);
  });

  it('routes every rule to a queue the package ships that takes referrals, in a distinct order', () => {
    const queues = new Map(
      sourceComponents()
        .filter((c) => c.type.name === 'Queue')
        .map((c) => {
          const xml = rootOf(c, 'Queue');
          const objects = asArray(xml.queueSobject as Array<{ sobjectType: string }>).map(
            (q) => q.sobjectType,
          );
          return [c.fullName, objects] as const;
        }),
    );
    for (const record of records) {
      expect({
        rule: record.name,
        routesReferrals: queues.get(record.queue ?? '')?.includes(REFERRAL_OBJECT),
      }).toEqual({
        rule: record.name,
        routesReferrals: true,
      });
    }
    expect(new Set(records.map((r) => r.sortOrder)).size).toBe(records.length);
  });
});
