import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvSyntaxError } from '../../../middleware/src/salesforce/exports/csv-quoting.js';
import {
  csvRecords,
  headerNewline,
  MAX_ROW_CHARS,
} from '../../../middleware/src/salesforce/exports/csv-records.js';

type Outcome = { records: string[][] } | { error: string; line: number };

/** The text's records when read in pieces cut at the given byte offsets. */
async function read(text: string, cuts: number[] = []): Promise<Outcome> {
  const bytes = Buffer.from(text);
  const pieces: Buffer[] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(Math.max(cut, at), bytes.length);
    pieces.push(bytes.subarray(at, end));
    at = end;
  }
  pieces.push(bytes.subarray(at));
  try {
    const records: string[][] = [];
    for await (const batch of csvRecords(pieces)) records.push(...batch);
    return { records };
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { error: error.problem, line: error.line };
    throw error;
  }
}

const CSV_PARSE_PROBLEMS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'stray-quote',
  CSV_INVALID_CLOSING_QUOTE: 'text-after-quote',
  CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
};

/** What csv-parse, the reader's former parser, makes of the same text, in the same terms. */
function csvParseOutcome(text: string): Outcome {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    // A line holding only "" is one empty cell to csv-parse and an empty line to papaparse.
    return { records: records.filter((record) => !(record.length === 1 && record[0] === '')) };
  } catch (error) {
    const { code, lines } = error as { code: string; lines: number };
    return { error: CSV_PARSE_PROBLEMS[code] ?? code, line: lines };
  }
}

describe('csvRecords', () => {
  it('agrees with csv-parse on records and quoting errors, however the file is cut into pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
        fc.array(fc.constantFrom('a', 'b', ',', '"', '""', 'NEWLINE', 'é', ' '), {
          maxLength: 24,
        }),
        fc.array(fc.nat(48), { maxLength: 4 }),
        async (newline, parts, cuts) => {
          const body = parts.map((part) => (part === 'NEWLINE' ? newline : part)).join('');
          const text = `h,i${newline}${body}`;
          const ours = await read(text, cuts);
          const theirs = csvParseOutcome(text);
          if ('records' in theirs) return expect(ours).toEqual(theirs);
          expect(ours).toMatchObject({ error: theirs.error });
          // csv-parse names the line where the file ends for an open quote (we name where it opens),
          // and counts a quoted "\r\n" as two lines.
          if (theirs.error !== 'quote-not-closed' && newline !== '\r\n')
            expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads quoted commas, doubled quotes and line breaks, a BOM cut between pieces, and CRLF rows', async () => {
    const text = '\uFEFFId,Name\r\n1,"Northwind, ""lakehouse""\nphase 2"\r\n\r\n2,Contoso\r\n';
    for (const cut of [1, 2, 3, 15, 17, 40, 41])
      expect(await read(text, [cut])).toEqual({
        records: [
          ['Id', 'Name'],
          ['1', 'Northwind, "lakehouse"\nphase 2'],
          ['2', 'Contoso'],
        ],
      });
    expect(await read('a,b\r1,"x\ry"\r2,3')).toEqual({
      records: [
        ['a', 'b'],
        ['1', 'x\ry'],
        ['2', '3'],
      ],
    });
  });

  it('reads a piece far longer than the slices papaparse splits, rows and quotes across their seams', async () => {
    const rows = Array.from({ length: 6000 }, (_, index) =>
      [
        `006Gn${String(index).padStart(13, '0')}`,
        index % 3 === 0 ? `"Deal ${index}, ""phase ${index % 7}""\r\nnext line"` : `Deal ${index}`,
        index % 5 === 0 ? '""' : String(index * 17),
      ].join(','),
    );
    const text = `Id,Name,Amount\r\n${rows.join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(4 * 65_536);
    const expected = csvParseOutcome(text);
    expect(await read(text)).toEqual(expected);
    expect(await read(text, [70_000, 140_001])).toEqual(expected);
    // Header, 6,000 rows and the 2,000 line breaks inside quoted names: the stray quote is on 8,002.
    expect(await read(`${text}9,Contoso "EMEA",1\r\n`, [200_000])).toEqual({
      error: 'stray-quote',
      line: 8002,
    });
  });

  it('refuses what papaparse would let through: a stray quote, spaces after a closing quote', async () => {
    expect(await read('a,b\n"1\n2",3\n4,x"y\n', [9])).toEqual({ error: 'stray-quote', line: 4 });
    expect(await read('a,b\n1,"x" ,3\n')).toEqual({ error: 'text-after-quote', line: 2 });
  });

  it('names the line an unclosed quote opens on, and stops a row that never ends', async () => {
    expect(await read('a,b\n1,2\n3,"x\n4,5\n6,7\n')).toEqual({
      error: 'quote-not-closed',
      line: 3,
    });
    const endless = `a,b\n1,2\n3,"${'x'.repeat(MAX_ROW_CHARS)}`;
    expect(await read(endless, [MAX_ROW_CHARS / 2, MAX_ROW_CHARS])).toEqual({
      error: 'quote-not-closed',
      line: 3,
    });
    expect(await read(`a,b\n1,2\n${'x'.repeat(MAX_ROW_CHARS + 1)}`, [8, MAX_ROW_CHARS])).toEqual({
      error: 'row-too-long',
      line: 3,
    });
  });

  it("takes the header row's line end, outside quotes, as the file's", () => {
    expect(headerNewline('a,b\r\n1,2')).toBe('\r\n');
    expect(headerNewline('"a\r\nb",c\n1,2')).toBe('\n');
    expect(headerNewline('a,b\r1,2')).toBe('\r');
    expect(headerNewline('a,b\r')).toBeUndefined();
    expect(headerNewline('a,b')).toBeUndefined();
  });
});
