// cosell accounts map against an org (`--target-org`, the fake org): it reads the Accounts and with
// --save upserts the joint pursuit list into CoSell_Joint_Pursuit__c.
import { describe, expect, it } from '@jest/globals';
import AccountsMap, {
  type AccountsMapResult,
} from '../../../middleware/src/commands/cosell/accounts/map.js';
import { runCommand } from '../../support/cli.js';
import { $$, failure, scratchFolder, useCommandSandbox, ux } from './support/command-context.js';
import { fakeOrg, packagedOrgDescribes } from './support/fake-org.js';
import { schemaIssues } from './support/json-schema.js';

const { file } = scratchFolder('cosell-practices-org-');
const NOW = '2026-11-26T09:00:00Z';
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

describe('practice commands against an org', () => {
  useCommandSandbox();

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
        'Saved 3 joint pursuits to CoSell_Joint_Pursuit__c (3 new, 0 updated).',
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
});
