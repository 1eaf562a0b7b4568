// The practice commands against an org (`--target-org`, the fake org): maturity reads the deals and
// named counterparts from the org, and triage preview runs the org's own rules.
import { describe, expect, it } from '@jest/globals';
import Maturity, { type MaturityResult } from '../../../middleware/src/commands/cosell/maturity.js';
import TriagePreview, {
  type TriagePreviewResult,
} from '../../../middleware/src/commands/cosell/triage/preview.js';
import { runCommand } from '../../support/cli.js';
import { $$, failure, scratchFolder, useCommandSandbox } from './support/command-context.js';
import { fakeOrg, packagedOrgDescribes } from './support/fake-org.js';
import { schemaIssues } from './support/json-schema.js';
import { CONTOSO, NORTHWIND } from './support/opportunities.js';

const { file } = scratchFolder('cosell-practices-org-');
const NOW = '2026-11-26T09:00:00Z';
const pdm = {
  attributes: { type: 'CoSell_Counterpart__c' },
  Id: 'a02Hs00000Cpt01AAA',
  Cloud__c: 'Microsoft',
  Layer__c: 'Partner Program',
  Name: 'Ines Moreau',
  Email__c: 'ines.moreau@microsoft.com',
  Title__c: 'Partner Development Manager',
  Region__c: 'EMEA',
  Last_Contact_At__c: null,
};

describe('practice commands against an org', () => {
  useCommandSandbox();

  describe('cosell maturity --target-org', () => {
    it('stages the motion from the org deals and its named counterparts', async () => {
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [
          { match: /FROM CoSell_Counterpart__c WHERE Cloud__c = 'Microsoft'/, records: [pdm] },
          { match: /FROM CoSell_Counterpart__c/, records: [] },
          { match: /FROM Opportunity/, records: [NORTHWIND, CONTOSO] },
        ],
      });
      const result = (await runCommand(Maturity, [
        '--target-org',
        org.username,
        '--now',
        NOW,
        '--json',
      ])) as MaturityResult;
      expect(schemaIssues('cosell maturity', result)).toEqual([]);
      expect(result).toMatchObject({ targetOrg: org.username, file: null });
      // The org names a Microsoft PDM: month 1 is met from the org, not assumed.
      expect(result.metrics.namedPdm).toBe(true);
      expect(result.assessment.evidence[0]).toMatchObject({
        typicalMonth: 'month 1',
        reached: true,
      });
      // Both deals were read: one sourced (Contoso, AWS) and one influenced (Northwind, Microsoft).
      expect(result.metrics).toMatchObject({ sourcedDeals: 1, influencedDeals: 1 });
      expect(
        org.soql.filter((statement) => statement.includes('FROM CoSell_Counterpart__c')),
      ).toHaveLength(3);
    });

    it('says month 1 is not met when the org names no PDM', async () => {
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [
          { match: /FROM CoSell_Counterpart__c/, records: [] },
          { match: /FROM Opportunity/, records: [NORTHWIND] },
        ],
      });
      const result = (await runCommand(Maturity, [
        '--target-org',
        org.username,
        '--now',
        NOW,
        '--json',
      ])) as MaturityResult;
      expect(result.metrics.namedPdm).toBe(false);
      expect(result.assessment.level).toBe(0);
    });
  });

  describe('cosell triage preview --target-org', () => {
    const canonical = file('canonical.json', {
      cloud: 'AWS',
      portalId: 'ref-1',
      receivedAt: '2026-11-25T10:00:00Z',
      customerName: 'Contoso',
      sourceLayer: 'Partner Program',
    });
    const faster = {
      attributes: { type: 'CoSell_Triage_Rule__mdt' },
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

    it("runs the org's own rules when it has rule records", async () => {
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [{ match: /FROM CoSell_Triage_Rule__mdt/, records: [faster] }],
      });
      const result = (await runCommand(TriagePreview, [
        '--referral',
        canonical,
        '--target-org',
        org.username,
        '--now',
        NOW,
        '--json',
      ])) as TriagePreviewResult;
      expect(schemaIssues('cosell triage preview', result)).toEqual([]);
      expect(result).toMatchObject({
        rules: 'org',
        decision: { priority: 'High', ruleId: 'Partner_Program', responder: 'Alliance ops queue' },
      });
      expect(org.soql.some((statement) => statement.includes('FROM CoSell_Triage_Rule__mdt'))).toBe(
        true,
      );
    });

    it('runs the shipped rules when the org has none', async () => {
      const empty = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [{ match: /FROM CoSell_Triage_Rule__mdt/, records: [] }],
      });
      const shipped = (await runCommand(TriagePreview, [
        '--referral',
        canonical,
        '--target-org',
        empty.username,
        '--now',
        NOW,
        '--json',
      ])) as TriagePreviewResult;
      expect(shipped).toMatchObject({
        rules: 'shipped',
        decision: { priority: 'Standard', ruleId: 'Partner_Program' },
      });
    });

    it('names a bad rule record in the org and exits 1', async () => {
      const bad = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [
          {
            match: /FROM CoSell_Triage_Rule__mdt/,
            records: [{ ...faster, Priority__c: 'Critical' }],
          },
        ],
      });
      const error = await failure(
        runCommand(TriagePreview, [
          '--referral',
          canonical,
          '--target-org',
          bad.username,
          '--now',
          NOW,
        ]),
      );
      expect(error.message).toMatch(/Partner_Program\.Priority__c/);
      expect(error.exitCode).toBe(1);
    });
  });
});
