import { describe, expect, it } from '@jest/globals';
import { Ux } from '@salesforce/sf-plugins-core';
import { findingsTable } from '../../middleware/src/cli/findings-table.js';
import {
  PIPED_WIDTH,
  fitColumns,
  fittedTable,
  printTable,
  terminalWidth,
  type TableColumn,
} from '../../middleware/src/cli/terminal-table.js';

/** What sf's own table prints for `run`, with stdout piped (as under jest) and the environment as given. */
function printedPiped(env: Record<string, string | undefined>, run: () => void): string {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const columns = process.stdout.columns;
  const write = process.stdout.write;
  let printed = '';
  Object.assign(process.stdout, { columns: undefined });
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  for (const [key, value] of Object.entries(env))
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  try {
    run();
  } finally {
    process.stdout.write = write;
    Object.assign(process.stdout, { columns });
    for (const [key, value] of Object.entries(saved))
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  }
  return printed;
}

describe('terminal tables', () => {
  it('uses the terminal width, or COLUMNS, or a wide default when piped', () => {
    expect(terminalWidth({ isTTY: true, columns: 90 }, {})).toBe(90);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '70' })).toBe(70);
    expect(terminalWidth({ isTTY: false }, {})).toBe(PIPED_WIDTH);
  });

  it('keeps columns by importance until the table would be wider than the terminal, in their own order', () => {
    const columns: TableColumn[] = [
      { key: 'a', name: 'A', priority: 0, align: 'left' },
      { key: 'b', name: 'B', priority: 2, align: 'left' },
      { key: 'c', name: 'C', priority: 1, align: 'left' },
    ];
    const data = [{ a: 'x'.repeat(10), b: 'y'.repeat(10), c: 'z'.repeat(10) }];
    // Each column draws its width plus three (pad, pad, border), plus one closing border.
    expect(fitColumns(columns, data, 27).map((column) => column.key)).toEqual(['a', 'c']);
    expect(fitColumns(columns, data, 40).map((column) => column.key)).toEqual(['a', 'b', 'c']);
    expect(fitColumns(columns, data, 5).map((column) => column.key)).toEqual(['a']);
  });

  it('lays a column of sentences out at its wrapping width, so a long message does not push every other column out', () => {
    const columns: TableColumn[] = [
      { key: 'severity', name: 'Severity', priority: 0, align: 'left' },
      { key: 'message', name: 'Message', priority: 0, align: 'left', wrapsAt: 40 },
      { key: 'code', name: 'Code', priority: 1, align: 'left' },
    ];
    const data = [{ severity: 'error', message: 'word '.repeat(60), code: 'LINT_PAST_CLOSE_DATE' }];
    // 8 + 40 + 20 wide, plus 3 a column and 1: 78 fits all three, 77 drops the code.
    expect(fittedTable(columns, data, 78).columns.map((column) => column.key)).toEqual([
      'severity',
      'message',
      'code',
    ]);
    expect(fittedTable(columns, data, 77).columns.map((column) => column.key)).toEqual([
      'severity',
      'message',
    ]);
    // Without a wrapping width the message alone is wider than any terminal.
    const unwrapped = columns.map(({ wrapsAt: _, ...column }) => column);
    expect(fittedTable(unwrapped, data, 200).columns.map((column) => column.key)).toEqual([
      'severity',
      'message',
    ]);
  });

  it('shares the width the other columns leave between the wrapping ones, a narrow one keeping its own width', () => {
    const columns: TableColumn[] = [
      { key: 'n', name: '#', priority: 0, align: 'right' },
      { key: 'short', name: 'Short', priority: 0, align: 'left', wrapsAt: 20 },
      { key: 'long', name: 'Long', priority: 0, align: 'left', wrapsAt: 20 },
    ];
    const data = [{ n: '10', short: 'ten chars.', long: 'x'.repeat(200) }];
    // The number column draws 2 + 3, the borders 1 and 3 a wrapping column: 48 of 60 remain;
    // "short" keeps its 10 and "long" gets the other 38 (oclif's widths count the padding).
    expect(fittedTable(columns, data, 60).columns.map(({ key, width }) => [key, width])).toEqual([
      ['n', undefined],
      ['short', 12],
      ['long', 40],
    ]);
    // Wide enough for every cell: no width is imposed.
    expect(fittedTable(columns, data, 300).columns.every(({ width }) => width === undefined)).toBe(
      true,
    );
  });

  it('draws every line of a wrapped table to the same width when the output is piped', () => {
    const message =
      'Not updated for 246 days: confirm the stage, amount and close date before Microsoft sees them again.';
    const rows = [1, 2, 3].map((row) => ({
      row,
      opportunityId: `006Gn000000000${row}AAA`,
      severity: 'warning',
      cloud: 'Microsoft',
      field: 'StageName',
      code: 'LINT_STALE_RECORD',
      message,
    }));
    const ux = new Ux();
    // No COLUMNS, no CI (where oclif prints its plain table): the table fits PIPED_WIDTH.
    const env = { COLUMNS: undefined, CI: undefined, OCLIF_TABLE_COLUMN_OVERRIDE: undefined };
    const printed = printedPiped(env, () =>
      printTable({ table: (options) => ux.table(options) }, findingsTable(rows)),
    );
    const drawn = printed.split('\n').filter((line) => /^[┌│├└]/.test(line));
    // The top, the heading, the rule under it and the bottom, and each row's message on two lines or more.
    expect(drawn.length).toBeGreaterThanOrEqual(4 + 3 * 2);
    expect(drawn.some((line) => line.includes('confirm the'))).toBe(true);
    expect(new Set(drawn.map((line) => [...line].length))).toEqual(
      new Set([[...drawn[0]!].length]),
    );
    expect([...drawn[0]!].length).toBeLessThanOrEqual(PIPED_WIDTH);
    // The width is oclif's for this call only.
    expect(process.env.OCLIF_TABLE_COLUMN_OVERRIDE).toBeUndefined();
  });
});
