import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import Lint, { type LintResult } from '../../../middleware/src/commands/cosell/lint.js';
import { runCommand } from '../../support/cli.js';
import { $$, printed, stubCommandUx, useCommandSandbox, ux } from './support/command-context.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/opportunities-export.csv', import.meta.url));
const NOW = '2026-11-10T09:00:00Z';
const lint = async (argv: string[]): Promise<LintResult> =>
  (await runCommand(Lint, argv)) as LintResult;
const scratch = mkdtempSync(join(tmpdir(), 'cosell-lint-'));

/** Runs `work` as if the output went to a terminal `columns` wide (COLUMNS, as the table reads it when piped). */
async function atWidth<T>(columns: number, work: () => Promise<T>): Promise<T> {
  const before = process.env.COLUMNS;
  process.env.COLUMNS = String(columns);
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = before;
  }
}

function csvFile(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('cosell lint', () => {
  useCommandSandbox();
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports lint findings and unreadable rows from an export, and exits non-zero', async () => {
    const result = await atWidth(200, () => lint(['--file', FIXTURE, '--now', NOW]));
    expect(result.summary).toMatchObject({
      opportunities: 5,
      rejectedRows: 1,
      bySeverity: { error: 5, warning: 8, info: 0 },
    });
    const fabrikam = result.findings.filter(
      (finding) => finding.opportunityId === '006Hs00001Fab03AAA',
    );
    expect(new Set(fabrikam.map((finding) => finding.code))).toEqual(
      new Set([
        'LINT_TEMPLATE_NAME',
        'LINT_THIN_DESCRIPTION',
        'LINT_MISSING_USE_CASE',
        'LINT_STALE_RECORD',
        'LINT_PAST_CLOSE_DATE',
        'LINT_NO_HYPERSCALER_ASK',
      ]),
    );
    expect(fabrikam[0]).toMatchObject({
      row: 4,
      cloud: 'Microsoft',
      field: 'Name',
      severity: 'warning',
    });
    // Tagged for two clouds: each cloud's engagement gets its own copy of every finding.
    expect(fabrikam.filter((finding) => finding.cloud === 'AWS')).toHaveLength(6);
    expect(
      result.findings.filter((finding) => finding.row === 6).map((finding) => finding.field),
    ).toEqual(['Amount', 'CloseDate', 'CoSell_Clouds__c']);
    expect(
      result.findings.find((finding) => finding.code === 'LINT_WON_DEAL_FOR_CREDIT'),
    ).toMatchObject({ opportunityId: '006Hs00001Ltw04AAA', cloud: 'AWS' });
    expect(process.exitCode).toBe(1);
    const table = ux.table.firstCall.args[0];
    expect(table.columns?.map((column) => (column as { key: string }).key)).toEqual([
      'row',
      'opportunityId',
      'severity',
      'cloud',
      'field',
      'code',
      'message',
    ]);
    expect(table.overflow).toBe('wrap');
    expect(printed()).toContain('Linted 5 opportunities: 6 errors, 8 warnings, 1 unreadable row.');
  });

  it('keeps the row, severity and whole message on a narrow terminal, giving up the other columns', async () => {
    const result = await atWidth(60, () => lint(['--file', FIXTURE, '--now', NOW]));
    const table = ux.table.firstCall.args[0];
    expect(table.columns?.map((column) => (column as { key: string }).key)).toEqual([
      'row',
      'severity',
      'message',
    ]);
    // Every message whole, to be wrapped by the table rather than cut.
    expect(table.data.map((row) => row.message)).toEqual(
      result.findings.map((finding) => finding.message),
    );
  });

  it('exits zero with a clean message when nothing is wrong', async () => {
    const clean = csvFile(
      'clean.csv',
      [
        'Id,Name,Amount,StageName,IsClosed,IsWon,CloseDate,CreatedDate,LastModifiedDate,Description,Account.Name,CoSell_Clouds__c,CoSell_Origin__c,CoSell_Help_Needed__c,CoSell_Use_Case__c',
        '006Hs00001Nwh01AAA,Northwind Health – lakehouse migration,240000,Solution Proposed,false,false,2027-03-31,2026-09-02T14:20:00.000Z,2026-11-03T16:45:00.000Z,"Northwind Health runs claims analytics on ageing Teradata and wants a governed lakehouse on Azure, funded from its MACC.",Northwind Health,Microsoft,Partner-led,Architecture validation,Data platform modernisation',
      ].join('\n'),
    );
    const result = await lint(['--file', clean, '--now', NOW]);
    expect(result.findings).toEqual([]);
    expect(process.exitCode).toBeUndefined();
    expect(printed()).toContain('No findings');
  });

  it('prints CSV with a header and one line per finding', async () => {
    const result = await lint(['--file', FIXTURE, '--now', NOW, '--format', 'csv']);
    const lines = printed().split('\n');
    expect(lines[0]).toBe('row,opportunityId,code,severity,cloud,field,message,evidence');
    expect(lines.filter((line) => /^\d+,|^,/.test(line))).toHaveLength(result.findings.length);
    expect(ux.table.called).toBe(false);
  });

  it('writes formula-like cells as text in CSV and strips terminal escapes from table cells', async () => {
    const header =
      'Id,Name,Amount,StageName,IsClosed,IsWon,CloseDate,CreatedDate,LastModifiedDate,Description,Account.Name,CoSell_Clouds__c,CoSell_Origin__c,CoSell_Help_Needed__c,CoSell_Use_Case__c';
    const hostile = csvFile(
      'hostile.csv',
      [
        header,
        '"=HYPERLINK(""http://evil.example"",""x"")",Northwind,240000,Solution Proposed,false,false,2020-03-31,2026-09-02T14:20:00.000Z,2026-11-03T16:45:00.000Z,short,Northwind Health,Microsoft,Partner-led,,',
      ].join('\n'),
    );
    await lint(['--file', hostile, '--now', NOW, '--format', 'csv']);
    const cells = printed().split('\n').slice(1).join('\n');
    expect(cells).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(cells).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")`);

    $$.restore();
    stubCommandUx();
    const escaped = csvFile(
      'escaped.csv',
      [
        header,
        '\u001b[2J\u001b[31m006Hs00001Nwh01\u0007,Northwind,240000,Solution Proposed,false,false,2020-03-31,2026-09-02T14:20:00.000Z,2026-11-03T16:45:00.000Z,short,Northwind Health,Microsoft,Partner-led,,',
      ].join('\n'),
    );
    const result = await lint(['--file', escaped, '--now', NOW]);
    expect(result.findings.some((finding) => finding.opportunityId?.includes('\u001b'))).toBe(true);
    const table = ux.table.firstCall.args[0] as { data: Array<Record<string, unknown>> };
    expect(JSON.stringify(table.data)).not.toMatch(/\\u00(1b|07)/);
    // Made inert, not hidden: the rest of the sequence shows as text next to the Id.
    expect(table.data[0]!.opportunityId).toBe(' [2J [31m006Hs00001Nwh01 ');

    $$.restore();
    stubCommandUx();
    await lint(['--file', escaped, '--now', NOW, '--format', 'csv']);
    expect(printed()).toContain('006Hs00001Nwh01');
    expect(printed()).not.toContain('\u001b[');
  });

  it('prints the findings as JSON with --format json', async () => {
    const result = await lint(['--file', FIXTURE, '--now', NOW, '--format', 'json']);
    const json = ux.log.firstCall.args[0] ?? '';
    expect(JSON.parse(json)).toEqual(result.findings);
  });

  it('returns the --json envelope payload with file, now, summary and findings', async () => {
    const result = await lint(['--file', FIXTURE, '--now', NOW, '--json']);
    expect(Object.keys(result)).toEqual(['file', 'targetOrg', 'now', 'summary', 'findings']);
    expect(result.now).toBe('2026-11-10T09:00:00.000Z');
    expect(result.findings[0]).toEqual({
      row: 4,
      opportunityId: '006Hs00001Fab03AAA',
      code: 'LINT_TEMPLATE_NAME',
      severity: 'warning',
      cloud: 'Microsoft',
      field: 'Name',
      message: expect.any(String),
      evidence: {
        name: 'Co-sell with Microsoft opp',
        genericWords: ['co', 'sell', 'with', 'microsoft', 'opp'],
      },
    });
  });

  it('streams the --json envelope to stdout: the same JSON SfCommand prints, findings included', async () => {
    const written: string[] = [];
    const write = $$.SANDBOX.stub(process.stdout, 'write').callsFake(
      (chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      },
    );
    let result: LintResult;
    try {
      result = await lint(['--file', FIXTURE, '--now', NOW, '--json']);
    } finally {
      write.restore();
    }
    const envelope = JSON.parse(written.join(''));
    expect(Object.keys(envelope)).toEqual(['status', 'result', 'warnings']);
    expect(envelope.status).toBe(1);
    expect(envelope.result).toEqual(JSON.parse(JSON.stringify(result)));
    // Every lint finding plus the three about the unreadable row 6.
    expect(envelope.result.findings).toHaveLength(
      result.summary.bySeverity.error +
        result.summary.bySeverity.warning +
        result.summary.bySeverity.info +
        3,
    );
  });

  it('leaves an existing --output file alone when the export turns out unreadable', async () => {
    const output = csvFile('kept.csv', 'the previous report\n');
    // Good rows first: the quoting breaks after findings were already produced.
    const broken = csvFile(
      'broken-late.csv',
      `${readFileSync(FIXTURE, 'utf8').trimEnd()}\n"006Hs00001Nwh01AAA,Northwind\n`,
    );
    await expect(lint(['--file', broken, '--now', NOW, '--output', output])).rejects.toThrow(
      /cannot be read as a Salesforce export/,
    );
    expect(readFileSync(output, 'utf8')).toBe('the previous report\n');
    // The CSV was being written beside it as the findings came: that partial file is gone too.
    expect(readdirSync(scratch).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('shows the first hundred findings in the table and points to --output for the rest', async () => {
    const header = readFileSync(FIXTURE, 'utf8').split('\n')[0] ?? '';
    const columns = header.split(',');
    const row = (n: number) =>
      columns
        .map(
          (column) =>
            ({
              Id: `006Hs0000${String(n).padStart(6, '0')}AAA`,
              Name: 'Opportunity',
              Amount: '1',
              StageName: 'Prospecting',
              IsClosed: 'false',
              IsWon: 'false',
              CloseDate: '2026-01-01',
              CreatedDate: '2026-01-01T00:00:00.000Z',
              LastModifiedDate: '2026-01-01T00:00:00.000Z',
              'Account.Name': 'Acme',
              CoSell_Clouds__c: 'AWS',
            })[column] ?? '',
        )
        .join(',');
    const many = csvFile(
      'many.csv',
      [header, ...Array.from({ length: 60 }, (_, n) => row(n))].join('\n'),
    );
    const result = await lint(['--file', many, '--now', NOW]);
    expect(result.findings.length).toBeGreaterThan(100);
    expect(ux.table.firstCall.args[0].data).toHaveLength(100);
    expect(printed()).toContain(`Showing the first 100 of ${result.findings.length} findings`);
  });

  it('names every missing column and fails', async () => {
    const thin = csvFile('thin.csv', 'Id,Name,Amount\n006Hs00001Nwh01AAA,Northwind,1\n');
    await expect(lint(['--file', thin, '--now', NOW])).rejects.toThrow(
      'The export has no column StageName, IsClosed, IsWon, CloseDate, CreatedDate, LastModifiedDate, Account.Name, CoSell_Clouds__c, Description, CoSell_Origin__c, CoSell_Help_Needed__c, CoSell_Use_Case__c.',
    );
  });

  it('refuses a missing file, an unknown format and a bad --now', async () => {
    await expect(lint(['--file', join(scratch, 'absent.csv')])).rejects.toThrow(/absent\.csv/);
    await expect(lint(['--file', FIXTURE, '--format', 'xml'])).rejects.toThrow(/table, csv, json/);
    await expect(lint(['--file', FIXTURE, '--now', '10/11/2026'])).rejects.toThrow(
      /not an ISO date/,
    );
  });

  it('refuses an --output it cannot write in that format, writing nothing (exit 2)', async () => {
    const workbook = join(scratch, 'findings.xlsx');
    const run = lint(['--file', FIXTURE, '--now', NOW, '--output', workbook]);
    await expect(run).rejects.toThrow(
      `Cannot write ${workbook}: reports can be written as CSV (.csv) or JSON (.json), not XLSX.`,
    );
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(existsSync(workbook)).toBe(false);
    await expect(
      lint([
        '--file',
        FIXTURE,
        '--now',
        NOW,
        '--format',
        'json',
        '--output',
        join(scratch, 'findings.csv'),
      ]),
    ).rejects.toThrow('does not name a json file');
    const plain = join(scratch, 'findings');
    await lint(['--file', FIXTURE, '--now', NOW, '--format', 'json', '--output', plain]);
    expect(Array.isArray(JSON.parse(readFileSync(plain, 'utf8')))).toBe(true);
  });

  it('refuses a file that is not CSV', async () => {
    const header = readFileSync(FIXTURE, 'utf8').split('\n')[0];
    const broken = csvFile('broken.csv', `${header}\n"006Hs00001Nwh01AAA,Northwind\n`);
    await expect(lint(['--file', broken, '--now', NOW])).rejects.toThrow(
      /cannot be read as a Salesforce export/,
    );
    const json = csvFile(
      'export.json',
      JSON.stringify({ records: [{ Id: '006Hs00001Nwh01AAA' }] }),
    );
    await expect(lint(['--file', json, '--now', NOW])).rejects.toThrow(
      'The file cannot be read as a Salesforce export: The file is JSON, not a CSV export.',
    );
    const workbook = csvFile(
      'export.xlsx',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]).toString('latin1'),
    );
    await expect(lint(['--file', workbook, '--now', NOW])).rejects.toThrow(
      'The file is an Excel workbook (.xlsx) or another ZIP archive, not a CSV export.',
    );
  });
});
