// The one CSV writer of the CLI and the service: quoting that any CSV reader undoes, formula-like cells written as text,
// flags as true/false, and a header only when asked.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvSafeCell, csvText } from '../../middleware/src/core/csv-safe.js';

describe('CSV', () => {
  it('writes a header once and quotes what needs quoting', () => {
    const columns = ['row', 'message'];
    const first = csvText([{ row: 2, message: 'has, a comma' }], columns, { header: true });
    const next = csvText([{ row: 3, message: 'says "hi"' }], columns, { header: false });
    expect(first + next).toBe('row,message\n2,"has, a comma"\n3,"says ""hi"""\n');
  });

  it('writes formula-like text as text, flags as true/false, nothing for a missing value, objects as JSON', () => {
    const csv = csvText(
      [
        { name: '=HYPERLINK("http://x.example","click")', flag: true, amount: -12.5, note: null },
        { name: '+44 20 7946 0000', flag: false, amount: 3, note: { a: [1] } },
      ],
      ['name', 'flag', 'amount', 'note'],
      { header: true },
    );
    expect(csv).toBe(
      [
        'name,flag,amount,note',
        `"'=HYPERLINK(""http://x.example"",""click"")",true,-12.5,`,
        `'+44 20 7946 0000,false,3,"{""a"":[1]}"`,
        '',
      ].join('\n'),
    );
  });

  it('gives a header line alone for no records, and nothing without a header', () => {
    expect(csvText([], ['a', 'b'], { header: true })).toBe('a,b\n');
    expect(csvText([], ['a', 'b'], { header: false })).toBe('');
  });

  it('reads back as the cells it was given, whatever they hold', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(' padded ', 'a,b', '"', '\r\n', '\n', '-1', '=1+1', '@x', ''),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (pairs) => {
        const records = pairs.map(([a, b]) => ({ a, b }));
        const csv = csvText(records, ['a', 'b'], { header: true });
        const back = parse(csv, { columns: true, relax_quotes: false }) as Array<
          Record<string, string>
        >;
        expect(back).toEqual(records.map(({ a, b }) => ({ a: csvSafeCell(a), b: csvSafeCell(b) })));
      }),
      { numRuns: 300 },
    );
  });
});
