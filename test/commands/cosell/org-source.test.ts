import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import AttributionReportCommand, {
  type AttributionReportResult,
} from '../../../middleware/src/commands/cosell/attribution/report.js';
import Lint, { type LintResult } from '../../../middleware/src/commands/cosell/lint.js';
import { runCommand } from '../../support/cli.js';
import { fakeOrg, packagedOrgDescribes, plainOrgDescribes } from './support/fake-org.js';
import { schemaIssues } from './support/json-schema.js';
import { CONTOSO, FABRIKAM_BAD_PICKLIST, NORTHWIND } from './support/opportunities.js';
import { $$, printed, useCommandSandbox, ux } from './support/command-context.js';

const NOW = '2026-11-10T09:00:00Z';
const scratch = mkdtempSync(join(tmpdir(), 'cosell-org-source-'));

describe('cosell lint and attribution report with --target-org', () => {
  useCommandSandbox();
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('lints every page of the org query, reading only the lint fields, and flags the unreadable record', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [
        {
          match: /FROM Opportunity WHERE \(IsClosed = false\)/,
          records: [NORTHWIND, CONTOSO, FABRIKAM_BAD_PICKLIST],
        },
      ],
      pageSize: 1,
    });
    const result = (await runCommand(Lint, [
      '--target-org',
      org.username,
      '--where',
      'IsClosed = false',
      '--now',
      NOW,
      '--json',
    ])) as LintResult;
    expect(result.summary.opportunities).toBe(2);
    expect(result.summary.rejectedRows).toBe(1);
    expect(result.targetOrg).toBe(org.username);
    expect(result.file).toBeNull();
    expect(result.findings.find((finding) => finding.code === 'ORG_BAD_VALUE')).toMatchObject({
      row: 3,
      opportunityId: '006Hs00001Fab03AAA',
      field: 'CoSell_Clouds__c',
    });
    expect(
      result.findings.some(
        (finding) =>
          finding.opportunityId === '006Hs00001Con02AAA' && finding.code === 'LINT_TEMPLATE_NAME',
      ),
    ).toBe(true);
    const [statement] = org.soql;
    expect(statement).toContain('CoSell_Use_Case__c');
    expect(statement).not.toContain('Account.BillingStreet');
    expect(statement).not.toContain('OpportunityContactRoles');
    expect(process.exitCode).toBe(1);
    expect(schemaIssues('cosell lint', result)).toEqual([]);
  });

  it('writes lint findings to --output as CSV and says so', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [{ match: /FROM Opportunity ORDER BY Id$/, records: [CONTOSO] }],
    });
    const output = join(scratch, 'findings.csv');
    const result = (await runCommand(Lint, [
      '--target-org',
      org.username,
      '--now',
      NOW,
      '--output',
      output,
    ])) as LintResult;
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('row,opportunityId,code,severity,cloud,field,message,evidence');
    expect(lines).toHaveLength(result.findings.length + 1);
    expect(printed()).toContain(`Wrote ${result.findings.length} findings to ${output}.`);
    expect(ux.table.called).toBe(false);
  });

  it('reports attribution from the org in the reporting currency, with engagements for portal health', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes({ multiCurrency: true }),
      queries: [
        { match: /FROM Opportunity/, records: [NORTHWIND, { ...CONTOSO, CurrencyIsoCode: 'USD' }] },
      ],
    });
    const output = join(scratch, 'attribution.json');
    const result = (await runCommand(AttributionReportCommand, [
      '--target-org',
      org.username,
      '--now',
      NOW,
      '--output',
      output,
    ])) as AttributionReportResult;
    expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(result.report)),
    );
    expect(org.soql[0]).toContain('CurrencyIsoCode');
    expect(org.soql[0]).toContain('Submitted_At__c, Accepted_At__c FROM CoSell_Engagements__r');
    const aws = result.rows.filter((row) => row.scope === 'AWS');
    expect(aws.reduce((sum, row) => sum + Number(row.sourcedCount ?? 0), 0)).toBe(1);
    expect(schemaIssues('cosell attribution report', result)).toEqual([]);
  });

  it('refuses an org without the package, naming the missing fields, with exit code 6', async () => {
    const org = await fakeOrg($$, { describes: plainOrgDescribes(), queries: [] });
    const error = (await runCommand(AttributionReportCommand, ['--target-org', org.username]).catch(
      (caught: unknown) => caught,
    )) as Error & { exitCode: number };
    expect(error.message).toContain('Opportunity.CoSell_Origin__c');
    expect(error.exitCode).toBe(6);
    expect(org.soql).toEqual([]);
  });

  it('refuses a source that is missing or doubled, --where on a file, and a table to a file', async () => {
    const org = await fakeOrg($$, { describes: packagedOrgDescribes(), queries: [] });
    const fixture = new URL('../../fixtures/opportunities-export.csv', import.meta.url).pathname;
    await expect(runCommand(Lint, ['--now', NOW])).rejects.toThrow(
      /give --file with an export, or --target-org/,
    );
    await expect(
      runCommand(Lint, ['--file', fixture, '--target-org', org.username]),
    ).rejects.toThrow(/cannot also be provided when using --file/);
    await expect(
      runCommand(Lint, ['--file', fixture, '--where', 'IsClosed = false']),
    ).rejects.toThrow(/does not apply to --file/);
    await expect(
      runCommand(AttributionReportCommand, [
        '--file',
        fixture,
        '--format',
        'table',
        '--output',
        join(scratch, 'x.csv'),
      ]),
    ).rejects.toThrow(/A table cannot be written/);
    await expect(
      runCommand(AttributionReportCommand, [
        '--target-org',
        org.username,
        '--where',
        'Id != null LIMIT 5',
      ]),
    ).rejects.toThrow(/holds a whole query/);
    expect(org.soql).toEqual([]);
  });
});
