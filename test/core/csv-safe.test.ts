import { describe, expect, it } from '@jest/globals';
import { csvSafeCell, csvText } from '../../middleware/src/core/csv-safe.js';

describe('csvSafeCell', () => {
  it('turns every formula-leading cell into text with a leading apostrophe', () => {
    for (const hostile of [
      '=HYPERLINK("http://evil.example","x")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
    ]) {
      expect(csvSafeCell(hostile)).toBe(`'${hostile}`);
    }
  });

  it('leaves ordinary text and plain numbers, negative ones included, as they are', () => {
    for (const plain of ['Northwind Health', '', '-12.5', '-3', '1e-3', 'a=b', 'x+y'])
      expect(csvSafeCell(plain)).toBe(plain);
  });

  it('in the CSV writer, neutralises text cells and still quotes them', () => {
    const csv = csvText(
      [{ name: '=HYPERLINK("http://evil.example","x")', amount: -5 }],
      ['name', 'amount'],
      {
        header: true,
      },
    );
    expect(csv).toBe('name,amount\n"\'=HYPERLINK(""http://evil.example"",""x"")",-5\n');
  });

  it('writes a flag as true or false, never 1 and an empty cell', () => {
    const csv = csvText([{ smallSample: true }, { smallSample: false }], ['smallSample'], {
      header: true,
    });
    expect(csv).toBe('smallSample\ntrue\nfalse\n');
  });
});
