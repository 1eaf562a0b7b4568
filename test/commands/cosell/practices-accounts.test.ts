// The account practice rules from the CLI: the joint pursuit list from an accounts map, and
// relationship coverage from the service, each held to its published --json schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import AccountsMap, {
  type AccountsMapResult,
} from '../../../middleware/src/commands/cosell/accounts/map.js';
import Coverage, { type CoverageResult } from '../../../middleware/src/commands/cosell/coverage.js';
import { runCommand } from '../../support/cli.js';
import { $$, failure, scratchFolder, useCommandSandbox, ux } from './support/command-context.js';
import { SERVICE_URL, fakeService } from './support/fake-service.js';
import { schemaIssues } from './support/json-schema.js';

const { scratch, file } = scratchFolder('cosell-practices-');
const NOW = '2026-11-26T09:00:00Z';

describe('practice commands', () => {
  useCommandSandbox();

  describe('cosell accounts map', () => {
    const ace = file(
      'ace.csv',
      'Customer Company Name,Customer Website,AWS Account Manager\n"Northwind Health, Inc.",https://www.northwind-health.com,Marcus Lee\nFabrikam Health,,Jonas Berg\nWoodgrove Bank,woodgrovebank.com,Priya Raman\n',
    );
    const targets = file(
      'targets.csv',
      'Account Name,Website,Owner\nWoodgrove Bank,woodgrovebank.com,Leo Brandt\n',
    );
    const accounts = file(
      'accounts.csv',
      'Id,Name,Website,Owner Name,Type\n001Hs00000Nwh01AAA,Northwind Health,northwind-health.com,Dana Whitfield,Customer\n001Hs00000Fab01AAA,Fabrikam Health Group,,Leo Brandt,Prospect\n',
    );

    it('writes the joint pursuit list, lists weak matches for review and records the run date in the evidence file', async () => {
      const output = join(scratch, 'pursuits.csv');
      const evidence = file('evidence-map.json', [
        { cloud: 'AWS', listing: { live: true } },
        { cloud: 'Microsoft' },
      ]);
      const result = (await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        ace,
        '--target-list',
        targets,
        '--accounts',
        accounts,
        '--output',
        output,
        '--evidence',
        evidence,
        '--now',
        NOW,
        '--json',
      ])) as AccountsMapResult;
      expect(schemaIssues('cosell accounts map', result)).toEqual([]);
      expect(result.pursuits.map((pursuit) => [pursuit.accountName, pursuit.relationship])).toEqual(
        [
          ['Woodgrove Bank', 'not in Salesforce'],
          ['Northwind Health', 'customer'],
        ],
      );
      expect(result.review.map((match) => [match.name, match.reviewKey])).toEqual([
        ['Fabrikam Health', 'hyperscaler:fabrikam health@'],
      ]);
      expect(readFileSync(output, 'utf8').split('\n')[0]).toBe(
        'accountName,accountId,domain,cloud,relationship,onTargetList,hyperscalerOwner,hyperscalerOwnerEmail,isvOwner,confidence,nextStep',
      );
      expect(JSON.parse(readFileSync(evidence, 'utf8'))[0]).toEqual({
        cloud: 'AWS',
        listing: { live: true },
        accountMapping: { lastRunOn: '2026-11-26', jointPursuitListDefined: true },
      });
      expect(process.exitCode).toBe(1);

      const decisions = file('decisions.json', [
        { reviewKey: 'hyperscaler:fabrikam health@', accountId: '001Hs00000Fab01AAA' },
      ]);
      const confirmed = (await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        ace,
        '--accounts',
        accounts,
        '--decisions',
        decisions,
        '--now',
        NOW,
        '--json',
      ])) as AccountsMapResult;
      expect(confirmed.review).toEqual([]);
      expect(confirmed.pursuits.map((pursuit) => pursuit.accountName)).toContain(
        'Fabrikam Health Group',
      );
    });

    it('writes formula-like names from a hyperscaler list as text, and flags as true/false', async () => {
      const hostile = file(
        'ace-hostile.csv',
        'Customer Company Name,Customer Website,AWS Account Manager\n"=HYPERLINK(""http://evil.example"",""Contoso"")",contoso.example,Marcus Lee\n',
      );
      const onTarget = file(
        'targets-hostile.csv',
        'Account Name,Website,Owner\n"=HYPERLINK(""http://evil.example"",""Contoso"")",contoso.example,Leo Brandt\n',
      );
      const output = join(scratch, 'hostile-pursuits.csv');
      await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        hostile,
        '--target-list',
        onTarget,
        '--accounts',
        accounts,
        '--output',
        output,
        '--now',
        NOW,
      ]);
      const row = readFileSync(output, 'utf8').split('\n')[1] ?? '';
      expect(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""Contoso"")",`)).toBe(true);
      expect(row.split(',')).toContain('true');
    });

    it('changes no file when the evidence has no entry for the cloud, and names a list without a name column', async () => {
      const output = join(scratch, 'untouched.csv');
      const evidence = file('evidence-ms.json', { cloud: 'Microsoft' });
      const error = await failure(
        runCommand(AccountsMap, [
          '--cloud',
          'aws',
          '--hyperscaler-list',
          ace,
          '--accounts',
          accounts,
          '--output',
          output,
          '--evidence',
          evidence,
        ]),
      );
      expect(error.message).toMatch(/has no entry for AWS/);
      expect(() => readFileSync(output)).toThrow();
      expect(JSON.parse(readFileSync(evidence, 'utf8'))).toEqual({ cloud: 'Microsoft' });
      const noName = file('no-name.csv', 'Id,Revenue\n1,2\n');
      expect(
        (
          await failure(
            runCommand(AccountsMap, [
              '--cloud',
              'aws',
              '--hyperscaler-list',
              noName,
              '--accounts',
              accounts,
            ]),
          )
        ).message,
      ).toMatch(/^hyperscaler list: no company name column/);
    });
  });

  describe('cosell accounts map in a terminal', () => {
    it('shows the first 100 pursuits and points to --output for the rest', async () => {
      const names = Array.from({ length: 150 }, (_, index) => `Account ${1000 + index}`);
      const listed = file(
        'ace-150.csv',
        `Customer Company Name,Customer Website,AWS Account Manager\n${names
          .map((name, index) => `${name},account${1000 + index}.example.com,Marcus Lee`)
          .join('\n')}\n`,
      );
      const ours = file(
        'accounts-150.csv',
        `Id,Name,Website,Owner Name,Type\n${names
          .map(
            (name, index) =>
              `001Hs0000${String(1000 + index).padStart(6, '0')}AAA,${name},account${1000 + index}.example.com,Dana Whitfield,Customer`,
          )
          .join('\n')}\n`,
      );
      await runCommand(AccountsMap, [
        '--cloud',
        'aws',
        '--hyperscaler-list',
        listed,
        '--accounts',
        ours,
        '--now',
        NOW,
      ]);
      const table = ux.table.firstCall.args[0] as { data: Array<Record<string, string>> };
      expect(table.data).toHaveLength(100);
      expect(table.data[0]!.account).toBe('Account 1000');
      expect(
        ux.log
          .getCalls()
          .some((call) =>
            String(call.args[0]).includes(
              'Showing the first 100 of 150 pursuits; write them all with --output pursuits.csv.',
            ),
          ),
      ).toBe(true);
    });
  });

  describe('cosell coverage', () => {
    it('sends the records file and prints coverage per cloud with the archetype warning', async () => {
      const records = file('relationships.json', {
        jointAccountPlans: [{ cloud: 'AWS', account: 'Northwind Health' }],
        qbrs: [],
      });
      const body = {
        clouds: [
          {
            cloud: 'AWS',
            layers: {
              'Executive/Industry': [],
              'Regional/Segment': [],
              'Account Team': [],
              Specialist: [],
              'Partner Program': ['Priya Raman'],
            },
            covered: ['Partner Program'],
            missing: ['Executive/Industry', 'Regional/Segment', 'Account Team', 'Specialist'],
            coverage: 0.2,
            topAccounts: { considered: 1, withPlan: 1, share: 1, withoutPlan: [] },
            qbr: { lastHeldOn: null, daysSince: null, heldLast12Months: 0, onRhythm: false },
            findings: [
              {
                code: 'LINT_ARCHETYPE_MISMATCH',
                severity: 'warning',
                cloud: 'AWS',
                field: 'CoSell_Counterpart__c.Layer__c',
                message: 'AWS: only the PDM',
                evidence: {},
                opportunityId: null,
              },
            ],
          },
        ],
      };
      const sent = fakeService($$, { 'POST /api/v1/relationship-coverage': { status: 200, body } });
      const result = (await runCommand(Coverage, [
        '--service-url',
        SERVICE_URL,
        '--token',
        't',
        '--records',
        records,
        '--tenancy-archetype',
        'Customer-deployed',
        '--json',
      ])) as CoverageResult;
      expect(sent[0]?.body).toEqual({
        jointAccountPlans: [{ cloud: 'AWS', account: 'Northwind Health' }],
        qbrs: [],
        topAccounts: 50,
        tenancyArchetype: 'Customer-deployed',
      });
      expect(schemaIssues('cosell coverage', result)).toEqual([]);
      expect(ux.warn.getCalls().map((call) => call.args[0])).toContain('AWS: only the PDM');
    });
  });
});
