import { describe, expect, it } from '@jest/globals';
import {
  resolveTriageConfig,
  TriageConfigError,
  triageRuleFromRecord,
  triageRuleQuery,
  DEFAULT_TRIAGE_RULES,
} from '../../../middleware/src/core/triage/index.js';

const accountTeam = {
  DeveloperName: 'Account_Team_Customer_Deployed',
  Source_Layer__c: 'Account Team',
  Tenancy_Archetype__c: 'Customer-deployed',
  Priority__c: 'Urgent',
  Response_Unit__c: 'Business hours',
  Response_Amount__c: 3,
  Minimum_Business_Hours__c: null,
  Acknowledge_Within_Hours__c: 2,
  Responder__c: 'Senior alliance manager + technical SE',
  Owner_Queue__c: 'CoSell_Senior_Alliance_Managers',
  Sort_Order__c: 10,
};

describe('triage rules from CoSell_Triage_Rule__mdt records', () => {
  it('lets an admin tighten a default rule in Setup', () => {
    const { rules } = resolveTriageConfig({ rules: [triageRuleFromRecord(accountTeam)] });
    const rule = rules.find((r) => r.id === 'Account_Team_Customer_Deployed')!;
    expect(rule.response).toEqual({ unit: 'business-hours', amount: 3 });
    expect(rule.outOfHoursAcknowledgeHours).toBe(2);
    expect(rules).toHaveLength(DEFAULT_TRIAGE_RULES.length);
  });

  it('reads a blank archetype as any archetype', () => {
    const rule = triageRuleFromRecord({
      ...accountTeam,
      DeveloperName: 'Regional_Segment',
      Source_Layer__c: 'Regional/Segment',
      Tenancy_Archetype__c: null,
      Response_Unit__c: 'Business days',
      Response_Amount__c: 1,
    });
    expect(rule.tenancyArchetype).toBe('any');
    expect(rule.response).toEqual({ unit: 'business-days', amount: 1, minimumBusinessHours: 0 });
  });

  it('fails startup naming the rule and field when a record is incomplete', () => {
    const broken = triageRuleFromRecord({
      ...accountTeam,
      Response_Unit__c: 'Fortnights',
      Priority__c: null,
    });
    expect(() => resolveTriageConfig({ rules: [broken] })).toThrow(TriageConfigError);
    try {
      resolveTriageConfig({ rules: [broken] });
    } catch (error) {
      const paths = (error as TriageConfigError).issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['rules.0.priority', 'rules.0.response.unit']));
    }
  });

  it('queries every field the rule needs', () => {
    const soql = triageRuleQuery();
    for (const field of [
      'DeveloperName',
      'Response_Unit__c',
      'Response_Amount__c',
      'Minimum_Business_Hours__c',
      'Acknowledge_Within_Hours__c',
      'Owner_Queue__c',
    ]) {
      expect(soql).toContain(field);
    }
    expect(soql).toMatch(/FROM CoSell_Triage_Rule__mdt ORDER BY Sort_Order__c ASC NULLS LAST$/);
  });
});
