import { describe, expect, it } from '@jest/globals';
import {
  PIPED_WIDTH,
  fitColumns,
  fittedTable,
  terminalWidth,
  type TableColumn,
} from '../../middleware/src/cli/terminal-table.js';

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
});
