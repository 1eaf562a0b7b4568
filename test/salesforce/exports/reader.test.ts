import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import {
  ExportFormatError,
  LINT_COLUMNS,
  MissingColumnsError,
  readOpportunityExport,
  type ExportRow,
} from '../../../middleware/src/salesforce/exports/index.js';

const FIXTURE = new URL('../../fixtures/opportunities-export.csv', import.meta.url);

async function readAll(
  source: Parameters<typeof readOpportunityExport>[0],
  options?: Parameters<typeof readOpportunityExport>[1],
): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const row of readOpportunityExport(source, options)) rows.push(row);
  return rows;
}

const HEADER =
  'Id,Name,Amount,StageName,IsClosed,IsWon,CloseDate,CreatedDate,LastModifiedDate,Account.Name,CoSell_Clouds__c';
const GOOD =
  '006Hs00001Nwh01AAA,Northwind Health – lakehouse,240000,Prospecting,false,false,2027-03-31,2026-09-02T14:20:00.000Z,2026-11-03T16:45:00.000Z,Northwind Health,Microsoft';

describe('readOpportunityExport', () => {
  it('reads a report export into canonical opportunities, multi-selects split and datetimes normalised', async () => {
    const rows = await readAll(readFileSync(FIXTURE, 'utf8'));
    expect(rows.map((row) => [row.row, row.kind])).toEqual([
      [2, 'opportunity'],
      [3, 'opportunity'],
      [4, 'opportunity'],
      [5, 'opportunity'],
      [6, 'rejected'],
      [7, 'opportunity'],
    ]);
    const first = rows[0];
    if (first?.kind !== 'opportunity') throw new Error('row 2 should be an opportunity');
    expect(first.opportunity).toMatchObject({
      id: '006Hs00001Nwh01AAA',
      amount: 240_000,
      isClosed: false,
      account: { name: 'Northwind Health' },
      coSell: {
        clouds: ['Microsoft'],
        origin: 'Partner-led',
        originatingCloud: null,
        helpNeeded: ['Architecture validation', 'Customer introduction'],
        commitDrawdown: 'Microsoft MACC',
      },
    });
    const contoso = rows[1];
    if (contoso?.kind !== 'opportunity') throw new Error('row 3 should be an opportunity');
    expect(contoso.opportunity).toMatchObject({
      currencyIsoCode: 'EUR',
      createdDate: '2026-10-12T08:05:00.000Z',
      coSell: { helpNeeded: [] },
    });
    const won = rows[3];
    expect(
      won?.kind === 'opportunity' && [won.opportunity.isClosed, won.opportunity.isWon],
    ).toEqual([true, true]);
  });

  it('reports every bad value of a bad row with its row number and column, and keeps reading', async () => {
    const rows = await readAll(readFileSync(FIXTURE, 'utf8'));
    const rejected = rows.find((row) => row.kind === 'rejected');
    expect(rejected).toEqual({
      kind: 'rejected',
      row: 6,
      findings: [
        expect.objectContaining({
          code: 'EXPORT_BAD_VALUE',
          severity: 'error',
          field: 'Amount',
          row: 6,
          opportunityId: '006Hs00001Bad05AAA',
          evidence: { row: 6, value: '$120,000' },
        }),
        expect.objectContaining({
          field: 'CloseDate',
          message: 'Row 6: CloseDate "15/01/2027" is not a date (YYYY-MM-DD).',
        }),
        expect.objectContaining({
          field: 'CoSell_Clouds__c',
          message: expect.stringContaining('"Azure" not among AWS, Microsoft, Google'),
        }),
      ],
    });
  });

  it('names every missing required column at once, before any row', async () => {
    const rows = readOpportunityExport('Id,Name,Amount\n006Hs00001Nwh01AAA,Northwind,1\n', {
      requiredColumns: LINT_COLUMNS,
    });
    const error = await rows.next().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingColumnsError);
    expect((error as MissingColumnsError).columns).toEqual([
      'StageName',
      'IsClosed',
      'IsWon',
      'CloseDate',
      'CreatedDate',
      'LastModifiedDate',
      'Account.Name',
      'CoSell_Clouds__c',
      'Description',
      'CoSell_Origin__c',
      'CoSell_Help_Needed__c',
      'CoSell_Use_Case__c',
    ]);
    expect((error as Error).message).toMatch(
      /^The export is missing required columns StageName, IsClosed/,
    );
  });

  it('matches Data Loader upper-case headers and a byte-order mark; booleans as 1/0', async () => {
    const loader = `\uFEFF${HEADER.toUpperCase()}\n${GOOD.replace('false,false', '1,0')}\n`;
    const [row] = await readAll(loader);
    expect(row).toMatchObject({
      kind: 'opportunity',
      opportunity: { isClosed: true, isWon: false, name: 'Northwind Health – lakehouse' },
    });
  });

  it('accepts both Salesforce datetime forms and rejects impossible ones', async () => {
    const offset = GOOD.replace('2026-09-02T14:20:00.000Z', '2026-09-02T16:20:00.000+0200');
    const impossible = GOOD.replace('2026-09-02T14:20:00.000Z', '2026-02-30T10:00:00.000Z');
    const rows = await readAll(`${HEADER}\n${offset}\n${impossible}\n`);
    expect(rows[0]).toMatchObject({ opportunity: { createdDate: '2026-09-02T14:20:00.000Z' } });
    expect(rows[1]).toMatchObject({
      kind: 'rejected',
      findings: [expect.objectContaining({ field: 'CreatedDate' })],
    });
  });

  it('rejects empty required values, unknown booleans, bad Ids and a won-but-open row, naming the column', async () => {
    const rows = await readAll(
      [
        HEADER,
        GOOD.replace('Northwind Health – lakehouse', ''),
        GOOD.replace('false,false', 'yes,false'),
        GOOD.replace('006Hs00001Nwh01AAA', '006-bad'),
        GOOD.replace('false,false', 'false,true'),
      ].join('\n'),
    );
    const messages = rows.map((row) =>
      row.kind === 'rejected' ? row.findings.map((finding) => finding.message) : [],
    );
    expect(messages).toEqual([
      ['Row 2: Name is empty.'],
      ['Row 3: IsClosed "yes" is not a boolean (true/false or 1/0).'],
      ['Row 4: Id: must be a 15 or 18 character Salesforce Id.'],
      ['Row 5: IsWon: a won opportunity must also be closed.'],
    ]);
  });

  it('flags a row with the wrong number of cells and counts rows past quoted line breaks', async () => {
    const quoted = GOOD.replace('Northwind Health – lakehouse', '"Northwind\nHealth, lakehouse"');
    const rows = await readAll(`${HEADER}\n${quoted}\n${GOOD},extra\n${GOOD}\n`);
    expect(rows.map((row) => [row.row, row.kind])).toEqual([
      [2, 'opportunity'],
      [3, 'rejected'],
      [4, 'opportunity'],
    ]);
    expect(rows[1]).toMatchObject({
      findings: [
        {
          code: 'EXPORT_BAD_ROW',
          message:
            'Row 3: has 12 cells but the header has 11; check for an unquoted comma or a cut-off line.',
        },
      ],
    });
  });

  it('uses the default currency when the org exports no CurrencyIsoCode', async () => {
    const [row] = await readAll(`${HEADER}\n${GOOD}\n`, { defaultCurrency: 'GBP' });
    expect(row).toMatchObject({
      opportunity: {
        currencyIsoCode: 'GBP',
        amount: 240_000,
        coSell: { marketplaceRoute: 'None', helpNeeded: [] },
      },
    });
  });

  it('refuses an empty file and broken quoting with a format error', async () => {
    await expect(readAll('')).rejects.toThrow(ExportFormatError);
    await expect(readAll(`${HEADER}\n"unterminated,${GOOD}\n`)).rejects.toThrow(
      /not valid CSV: a quoted cell is never closed \(it opens on line 2\); check for a missing closing quote\.$/,
    );
  });

  it("says in words where a stray quote sits, never the parser's raw error code", async () => {
    const attempt = readAll(`${HEADER}\n006Hs00001Nwh01AAA,Northwind "Health",240000\n`);
    await expect(attempt).rejects.toThrow(
      'The export is not valid CSV: line 2: a double quote appears inside a cell that does not start with one',
    );
    await expect(attempt).rejects.not.toThrow(/INVALID_OPENING_QUOTE|Invalid Opening Quote/);
  });

  it('says what a file is when it is not a CSV export: JSON, a workbook, binary, UTF-16, HTML', async () => {
    const cases: Array<[string | Buffer, string]> = [
      [
        JSON.stringify([{ Id: '006Hs00001Nwh01AAA', Name: 'Northwind' }]),
        'The file is JSON, not a CSV export.',
      ],
      ['  \n{"records": []}', 'The file is JSON, not a CSV export.'],
      [
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
        'The file is an Excel workbook (.xlsx) or another ZIP archive, not a CSV export.',
      ],
      [
        Buffer.from([0x00, 0x01, 0x02, 0x03, 0x22, 0x7b]),
        'The file is a binary file, not a CSV export.',
      ],
      [
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]),
        'The file is UTF-16 text (save it as CSV UTF-8), not a CSV export.',
      ],
      [
        '<table><tr><td>Opportunity Name</td></tr></table>',
        'The file is HTML or XML, not a CSV export.',
      ],
    ];
    for (const [content, message] of cases) {
      await expect(readAll(Readable.from([content]))).rejects.toThrow(
        new ExportFormatError(message),
      );
    }
  });

  it('still reads a large export whose first chunk is smaller than the sniffed prefix', async () => {
    const lines = [HEADER, ...Array.from({ length: 200 }, () => GOOD)].join('\n');
    const chunks = lines.match(/[\s\S]{1,100}/g)!.map((chunk) => Buffer.from(chunk));
    const rows = await readAll(Readable.from(chunks));
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.kind === 'opportunity')).toBe(true);
  });
});
