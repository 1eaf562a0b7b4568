import { describe, expect, it } from '@jest/globals';
import SetupCheckCommand, {
  type SetupCheckResult,
} from '../../../../middleware/src/commands/cosell/setup/check.js';
import { INTEGRATION_ACCESS } from '../../../../middleware/src/core/integration-access.js';
import { PACKAGE_PERMISSION_SETS } from '../../../../middleware/src/salesforce/org-reads/package-check.js';
import { runCommand } from '../../../support/cli.js';
import {
  fakeOrg,
  packagedOrgDescribes,
  plainOrgDescribes,
  type SoqlRecord,
} from '../support/fake-org.js';
import { schemaIssues } from '../support/json-schema.js';
import { $$, printed, useCommandSandbox, ux } from '../support/command-context.js';

const check = async (argv: string[]) =>
  (await runCommand(SetupCheckCommand, argv)) as SetupCheckResult;

/** CoSell_Integration exactly as the package grants it. */
function integrationGrants(): { objects: SoqlRecord[]; fields: SoqlRecord[] } {
  const objects: SoqlRecord[] = [];
  const fields: SoqlRecord[] = [];
  for (const [object, access] of Object.entries(INTEGRATION_ACCESS)) {
    objects.push({
      SobjectType: object,
      PermissionsRead: true,
      PermissionsCreate: access.create,
      PermissionsEdit: access.update,
    });
    const editable = new Set<string>(access.editFields);
    for (const field of access.readFields)
      fields.push({
        Field: `${object}.${field}`,
        PermissionsRead: true,
        PermissionsEdit: editable.has(field),
      });
  }
  return { objects, fields };
}

describe('cosell setup check', () => {
  useCommandSandbox();

  it('passes an org with the whole package and an integration user holding its permission set', async () => {
    const grants = integrationGrants();
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      pageSize: 50,
      queries: [
        {
          match: /FROM PermissionSet WHERE/,
          records: PACKAGE_PERMISSION_SETS.map((Name) => ({ Name })),
        },
        { match: /FROM ObjectPermissions/, records: grants.objects },
        { match: /FROM FieldPermissions/, records: grants.fields },
        { match: /FROM CoSell_Value_Map__mdt/, records: [] },
        {
          match: /FROM User WHERE Username = 'cosell-integration@acme\.com'/,
          records: [{ Id: '005Hs00000Int01AAA' }],
        },
        { match: /FROM PermissionSetAssignment/, records: [{ Id: '0PaHs00000Asg01AAA' }] },
      ],
    });
    const result = await check([
      '--target-org',
      org.username,
      '--integration-user',
      'cosell-integration@acme.com',
      '--json',
    ]);
    expect(result.missing).toEqual([]);
    expect(result.ready).toBe(true);
    expect(result.checked).toBeGreaterThan(80);
    expect(process.exitCode).toBeUndefined();
    expect(schemaIssues('cosell setup check', result)).toEqual([]);
  });

  it('lists every value of the picklists the mappings read that maps to nothing, per portal, counting the org value maps', async () => {
    const grants = integrationGrants();
    const describes = packagedOrgDescribes();
    describes.Opportunity!.fields.push('StageName', 'Type');
    describes.Opportunity!.picklists = {
      StageName: ['Prospecting', 'Solution Proposed', 'Verbal Commit', 'Closed Won'],
    };
    describes.Account!.picklists = { Industry: ['Healthcare', 'Financial Services'] };
    const org = await fakeOrg($$, {
      describes,
      pageSize: 50,
      queries: [
        {
          match: /FROM PermissionSet WHERE/,
          records: PACKAGE_PERMISSION_SETS.map((Name) => ({ Name })),
        },
        { match: /FROM ObjectPermissions/, records: grants.objects },
        { match: /FROM FieldPermissions/, records: grants.fields },
        {
          match: /FROM CoSell_Value_Map__mdt/,
          records: [
            {
              DeveloperName: 'Microsoft_salesStage_Verbal_Commit',
              Portal__c: 'Microsoft',
              Value_Map__c: 'salesStage',
              Salesforce_Value__c: 'Verbal Commit',
              Portal_Value__c: 'Close',
            },
          ],
        },
      ],
    });
    const result = await check(['--target-org', org.username, '--json']);
    const gaps = Object.fromEntries(
      result.missing
        .filter((item) => item.area === 'value map')
        .map((item) => [item.item, item.problem]),
    );
    expect(Object.keys(gaps).sort()).toEqual([
      'AWS Account.Industry',
      'AWS Opportunity.StageName',
      'Microsoft Account.Industry',
    ]);
    expect(gaps['AWS Account.Industry']).toMatch(/^"Financial Services" maps to nothing/);
    expect(gaps['AWS Opportunity.StageName']).toMatch(
      /^"Verbal Commit" maps to nothing in AWS's "stage" map: add CoSell_Value_Map__mdt records/,
    );
    expect(gaps['Microsoft Account.Industry']).toContain('"Healthcare", "Financial Services"');
    // Google maps both industries now; the org's record covers Microsoft's stage.
    expect(
      result.checks.filter((item) => item.area === 'value map' && item.ok).map((item) => item.item),
    ).toEqual(
      expect.arrayContaining(['Google Account.Industry', 'Microsoft Opportunity.StageName']),
    );
    expect(result.ready).toBe(false);
    expect(schemaIssues('cosell setup check', result)).toEqual([]);
  });

  it('lists everything missing from an org without the package, and exits 1', async () => {
    const org = await fakeOrg($$, {
      describes: plainOrgDescribes(),
      queries: [{ match: /FROM PermissionSet WHERE/, records: [] }],
    });
    const result = await check(['--target-org', org.username]);
    const missing = result.missing.map((item) => `${item.area}: ${item.item}`);
    expect(missing).toEqual(
      expect.arrayContaining([
        'object: CoSell_Engagement__c',
        'object: CoSell_Triage_Rule__mdt',
        'field: Opportunity.CoSell_Clouds__c',
        'permission set: CoSell_Integration',
        'permission set: CoSell_RevOps',
      ]),
    );
    // Fields of absent objects are not listed one by one, and access is not judged without the permission set.
    expect(missing.some((item) => item.startsWith('field: CoSell_Engagement__c.'))).toBe(false);
    expect(result.missing.some((item) => item.area === 'field access')).toBe(false);
    expect(process.exitCode).toBe(1);
    expect(printed()).toMatch(/\d+ of \d+ checks failed/);
    const table = ux.table.firstCall.args[0];
    expect(table.columns?.map((column) => (column as { key: string }).key)).toEqual([
      'area',
      'item',
      'problem',
    ]);
    expect(table.overflow).toBe('wrap');
  });

  it('names each grant the integration permission set lacks and an unassigned integration user', async () => {
    const grants = integrationGrants();
    const fields = grants.fields
      .filter((grant) => grant.Field !== 'CoSell_Referral__c.Customer_Domain__c')
      .map((grant) =>
        grant.Field === 'Opportunity.CoSell_Attribution__c'
          ? { ...grant, PermissionsEdit: false }
          : grant,
      );
    const objects = grants.objects.map((grant) =>
      grant.SobjectType === 'CoSell_Metric__c' ? { ...grant, PermissionsCreate: false } : grant,
    );
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      pageSize: 50,
      queries: [
        {
          match: /FROM PermissionSet WHERE/,
          records: PACKAGE_PERMISSION_SETS.map((Name) => ({ Name })),
        },
        { match: /FROM ObjectPermissions/, records: objects },
        { match: /FROM FieldPermissions/, records: fields },
        { match: /FROM CoSell_Value_Map__mdt/, records: [] },
        { match: /FROM User WHERE/, records: [{ Id: '005Hs00000Int01AAA' }] },
        { match: /FROM PermissionSetAssignment/, records: [] },
      ],
    });
    const result = await check([
      '--target-org',
      org.username,
      '--integration-user',
      'cosell-integration@acme.com',
    ]);
    expect(
      result.missing.map(({ area, item, problem }) => `${area} | ${item} | ${problem}`),
    ).toEqual([
      "field access | Opportunity.CoSell_Attribution__c | CoSell_Integration cannot edit it: the service's write-back would fail",
      'field access | CoSell_Referral__c.Customer_Domain__c | CoSell_Integration cannot read it: the service would not see it',
      'object access | CoSell_Metric__c | CoSell_Integration does not grant create',
      'integration user | cosell-integration@acme.com | not assigned CoSell_Integration: assign it (sf org assign permset --name CoSell_Integration --on-behalf-of cosell-integration@acme.com)',
    ]);
  });

  it('refuses to run without an org', async () => {
    await expect(check([])).rejects.toThrow(/target-org|No default environment/i);
  });
});
