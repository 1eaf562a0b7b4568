// Triage rules from the org's CoSell_Triage_Rule__mdt records: an admin's record replaces the
// default for the same case, the defaults cover what the org leaves out, and a bad record stops the
// load naming the record and field.
import {
  DEFAULT_TRIAGE_RULES,
  selectTriageRule,
  TriageConfigError,
} from '../../../middleware/src/core/triage/index.js';
import {
  SalesforceApi,
  TriageRuleSource,
  triageConfigFromRecords,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { openSalesforceSession } from '../../../middleware/src/salesforce/gateway/index.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';

const partnerProgramFaster = {
  DeveloperName: 'Partner_Program',
  Source_Layer__c: 'Partner Program',
  Tenancy_Archetype__c: null,
  Priority__c: 'High',
  Response_Unit__c: 'Business hours',
  Response_Amount__c: 8,
  Minimum_Business_Hours__c: null,
  Acknowledge_Within_Hours__c: null,
  Responder__c: 'Alliance ops queue',
  Owner_Queue__c: 'CoSell_Alliance_Ops',
  Sort_Order__c: 60,
};

describe('triage rules from CoSell_Triage_Rule__mdt', () => {
  it('replaces the default covering the same case and keeps the others', () => {
    const { rules } = triageConfigFromRecords([partnerProgramFaster]);
    const partner = selectTriageRule(rules, 'Partner Program', 'ISV-hosted SaaS')!;
    expect(partner).toMatchObject({
      id: 'Partner_Program',
      priority: 'High',
      response: { unit: 'business-hours', amount: 8 },
      tenancyArchetype: 'any',
    });
    // The default's rationale survives: the metadata type has no field for it.
    expect(partner.rationale).toBe(
      DEFAULT_TRIAGE_RULES.find((rule) => rule.id === 'Partner_Program')!.rationale,
    );
    // Unknown sources still have the default rule: never unrouted, never Standard.
    expect(selectTriageRule(rules, null, null)?.priority).not.toBe('Standard');
    expect(rules).toHaveLength(DEFAULT_TRIAGE_RULES.length);
  });

  it('reads business-day budgets with their minimum and the out-of-hours acknowledgement', () => {
    const { rules } = triageConfigFromRecords([
      {
        ...partnerProgramFaster,
        DeveloperName: 'Specialist_Customer_Deployed_EMEA',
        Source_Layer__c: 'Specialist',
        Tenancy_Archetype__c: 'Customer-deployed',
        Priority__c: 'Urgent',
        Response_Unit__c: 'Business days',
        Response_Amount__c: 0,
        Minimum_Business_Hours__c: 3,
        Acknowledge_Within_Hours__c: 2,
        Owner_Queue__c: 'CoSell_Alliance_Managers',
      },
    ]);
    const rule = selectTriageRule(rules, 'Specialist', 'Customer-deployed')!;
    expect(rule).toMatchObject({
      id: 'Specialist_Customer_Deployed_EMEA',
      response: { unit: 'business-days', amount: 0, minimumBusinessHours: 3 },
      outOfHoursAcknowledgeHours: 2,
    });
    // The default it replaced by coverage is gone, not left to overlap.
    expect(
      rules.find((candidate) => candidate.id === 'Specialist_Customer_Deployed'),
    ).toBeUndefined();
  });

  it('names the record and field of a bad value', () => {
    const bad = { ...partnerProgramFaster, Priority__c: 'Critical' };
    expect(() => triageConfigFromRecords([bad])).toThrow(TriageConfigError);
    try {
      triageConfigFromRecords([bad]);
    } catch (error) {
      expect((error as TriageConfigError).issues[0]!.path).toBe('Partner_Program.Priority__c');
    }
    expect(() =>
      triageConfigFromRecords([{ ...partnerProgramFaster, Response_Unit__c: 'Fortnights' }]),
    ).toThrow(/Partner_Program\.Response_Unit__c/);
  });

  describe('loaded from the org', () => {
    let fixture: SalesforceFixture;
    beforeAll(async () => {
      fixture = await startSalesforceFixture();
    });
    afterAll(async () => fixture.stop());

    it('falls back to the defaults when the org has no records, and uses the records when it has', async () => {
      const session = await openSalesforceSession(fixture.config);
      const source = new TriageRuleSource(new SalesforceApi(session.connection));
      expect((await source.load()).rules.map((rule) => rule.id)).toEqual(
        DEFAULT_TRIAGE_RULES.map((rule) => rule.id),
      );
      fixture.server.org.seed('CoSell_Triage_Rule__mdt', partnerProgramFaster);
      const reloaded = await source.load();
      expect(selectTriageRule(reloaded.rules, 'Partner Program', null)?.priority).toBe('High');
      fixture.server.resetCounts();
      await source.config();
      expect(fixture.server.calls.query).toBe(0);
    });
  });
});
