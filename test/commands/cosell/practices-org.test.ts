// The practice commands against an org (`--target-org`, the fake org): maturity reads the deals and
// named counterparts from the org, accounts map reads the Accounts and with --save upserts the joint
// pursuit list into CoSell_Joint_Pursuit__c, and triage preview runs the org's own rules.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { TestContext } from '@salesforce/core/testSetup';
import { stubSfCommandUx } from '@salesforce/sf-plugins-core';
import AccountsMap, {
  type AccountsMapResult,
} from '../../../middleware/src/commands/cosell/accounts/map.js';
import Maturity, { type MaturityResult } from '../../../middleware/src/commands/cosell/maturity.js';
import TriagePreview, {
  type TriagePreviewResult,
} from '../../../middleware/src/commands/cosell/triage/preview.js';
import { runCommand } from '../../support/cli.js';
import { fakeOrg, packagedOrgDescribes } from './support/fake-org.js';
import { schemaIssues } from './support/json-schema.js';
import { CONTOSO, NORTHWIND } from './support/opportunities.js';

const scratch = mkdtempSync(join(tmpdir(), 'cosell-practices-org-'));
const file = (name: string, content: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};
const NOW = '2026-11-26T09:00:00Z';
type SfErrorLike = Error & { exitCode: number };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (error: unknown) => error as SfErrorLike,
  );

const account = (
  id: string,
  name: string,
  website: string | null,
  owner: string,
  type: string,
) => ({
  attributes: { type: 'Account' },
  Id: id,
  Name: name,
  Website: website,
  Owner: { Name: owner },
  Type: type,
});
const ACCOUNTS = [
  account(
    '001Hs00000Nwh01AAA',
    'Northwind Health',
    'https://www.northwindhealth.com',
    'Dana Whitfield',
    'Customer',
  ),
  account('001Hs00000Wgb01AAA', 'Woodgrove Bank', 'woodgrovebank.com', 'Leo Brandt', 'Prospect'),
];
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
  const $$ = new TestContext();
  let ux: ReturnType<typeof stubSfCommandUx>;

  beforeEach(() => {
    ux = stubSfCommandUx($$.SANDBOX);
  });
  afterEach(() => {
    $$.restore();
    process.exitCode = undefined;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

  describe('cosell accounts map --target-org', () => {
    const ace = file(
      'ace.csv',
      'Customer Company Name,Customer Website,AWS Account Manager\n"Northwind Health, Inc.",https://www.northwindhealth.com,Marcus Lee\nWoodgrove Bank,woodgrovebank.com,Priya Raman\nTailspin Toys,tailspintoys.com,Jonas Berg\n',
    );
    const targets = file(
      'targets.csv',
      'Account Name,Website,Owner\nTailspin Toys,tailspintoys.com,Leo Brandt\n',
    );

    it('reads the Accounts from the org and, with --save, upserts the pursuit list by Pursuit_Key__c', async () => {
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [{ match: /FROM Account ORDER BY Id$/, records: ACCOUNTS }],
      });
      const args = [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        ace,
        '--target-list',
        targets,
        '--target-org',
        org.username,
        '--save',
        '--now',
        NOW,
        '--json',
      ];
      const result = (await runCommand(AccountsMap, args)) as AccountsMapResult;
      expect(schemaIssues('cosell accounts map', result)).toEqual([]);
      expect(org.soql).toContain(
        'SELECT Id, Name, Website, Owner.Name, Type FROM Account ORDER BY Id',
      );
      expect(result.pursuits).toHaveLength(3);
      expect(result.saved).toEqual({ created: 3, updated: 0, failed: [] });
      expect(org.writes).toHaveLength(1);
      expect(org.writes[0]).toMatchObject({
        object: 'CoSell_Joint_Pursuit__c',
        externalIdField: 'Pursuit_Key__c',
      });
      const rows = org.stored.get('CoSell_Joint_Pursuit__c')!;
      expect(rows.get('AWS:id:001Hs00000Nwh01AAA')).toMatchObject({
        attributes: { type: 'CoSell_Joint_Pursuit__c' },
        Name: 'Northwind Health',
        Account__c: '001Hs00000Nwh01AAA',
        Cloud__c: 'AWS',
        Relationship__c: 'customer',
        Hyperscaler_Owner__c: 'Marcus Lee',
        ISV_Owner__c: 'Dana Whitfield',
        Run_Date__c: '2026-11-26',
      });
      // A target account not in Salesforce yet is kept by its domain, with no Account.
      expect(rows.get('AWS:domain:tailspintoys.com')).toMatchObject({
        Account__c: null,
        Relationship__c: 'not in Salesforce',
        On_Target_List__c: true,
      });
      expect(ux.log.getCalls().map((call) => call.args[0])).toContain(
        'Saved 3 pursuits to CoSell_Joint_Pursuit__c (3 new, 0 updated).',
      );

      // A later run updates the same rows instead of adding more.
      const again = (await runCommand(AccountsMap, args)) as AccountsMapResult;
      expect(again.saved).toEqual({ created: 0, updated: 3, failed: [] });
      expect(rows.size).toBe(3);
    });

    it('sends more than 200 pursuits in collections of 200', async () => {
      const many = Array.from(
        { length: 450 },
        (_, index) => `Company ${index} Ltd,company${index}.example.com,Owner ${index}`,
      );
      const list = file(
        'many.csv',
        `Customer Company Name,Customer Website,AWS Account Manager\n${many.join('\n')}\n`,
      );
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [{ match: /FROM Account ORDER BY Id$/, records: [] }],
      });
      const result = (await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        list,
        '--target-list',
        list,
        '--target-org',
        org.username,
        '--save',
        '--now',
        NOW,
        '--json',
      ])) as AccountsMapResult;
      expect(result.saved?.created).toBe(result.pursuits.length);
      expect(result.pursuits.length).toBeGreaterThan(400);
      expect(org.writes.map((write) => write.records.length)).toEqual([
        200,
        200,
        result.pursuits.length - 400,
      ]);
    });

    it('names a pursuit the org refuses, writes the others and exits 1', async () => {
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [{ match: /FROM Account ORDER BY Id$/, records: ACCOUNTS }],
        refuse: (object, record) =>
          object === 'CoSell_Joint_Pursuit__c' && record.Name === 'Woodgrove Bank'
            ? 'Pursuits on banks need a compliance review'
            : null,
      });
      const result = (await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        ace,
        '--target-org',
        org.username,
        '--save',
        '--now',
        NOW,
        '--json',
      ])) as AccountsMapResult;
      expect(result.saved?.failed).toEqual([
        {
          key: 'AWS:id:001Hs00000Wgb01AAA',
          errors: [
            {
              statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
              message: 'Pursuits on banks need a compliance review',
              fields: [],
            },
          ],
        },
      ]);
      expect(result.saved?.created).toBe(result.pursuits.length - 1);
      expect(ux.warn.getCalls().map((call) => call.args[0])).toContain(
        'The org refused pursuit AWS:id:001Hs00000Wgb01AAA: FIELD_CUSTOM_VALIDATION_EXCEPTION: Pursuits on banks need a compliance review',
      );
      expect(process.exitCode).toBe(1);
    });

    it('refuses --save without an org, and writes nothing when the run is invalid', async () => {
      const accounts = file(
        'accounts.csv',
        'Id,Name,Website,Owner Name,Type\n001Hs00000Nwh01AAA,Northwind Health,northwindhealth.com,Dana Whitfield,Customer\n',
      );
      expect(
        (
          await failure(
            runCommand(AccountsMap, [
              '--cloud',
              'aws',
              '--hyperscaler-list',
              ace,
              '--accounts',
              accounts,
              '--save',
            ]),
          )
        ).message,
      ).toMatch(/--save stores the pursuit list in an org: add --target-org/);
      const org = await fakeOrg($$, {
        describes: packagedOrgDescribes(),
        queries: [{ match: /FROM Account ORDER BY Id$/, records: ACCOUNTS }],
      });
      const evidence = file('evidence-ms.json', { cloud: 'Microsoft' });
      expect(
        (
          await failure(
            runCommand(AccountsMap, [
              '--cloud',
              'aws',
              '--hyperscaler-list',
              ace,
              '--target-org',
              org.username,
              '--save',
              '--evidence',
              evidence,
            ]),
          )
        ).message,
      ).toMatch(/has no entry for AWS/);
      expect(org.writes).toEqual([]);
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
