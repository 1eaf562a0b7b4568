// Tables fitted to the terminal: when it is too narrow for every column, the columns that matter
// least give way first, and a column of sentences (a finding's message) wraps instead of being cut,
// so what a person must read to act is always on screen.
import type { SfCommand } from '@salesforce/sf-plugins-core';
import { terminalSafeRows } from './terminal-safe.js';

export interface TableColumn {
  key: string;
  name: string;
  /** Lower is kept first when the terminal is narrow; 0 (the default) is always kept. */
  priority?: number;
  /** Left unless given: numbers read best right-aligned. */
  align?: 'left' | 'right';
  /** A column of sentences: it wraps, and needs only this many characters to be laid out. */
  wrapsAt?: number;
}

/** The oclif table options this module fills: the columns kept (a wrapping column with its width) and their cells. */
export interface TerminalTable {
  columns: Array<{
    key: string;
    name: string;
    horizontalAlignment: 'left' | 'right';
    /** Set on a wrapping column when the table must share the terminal's width: cells plus padding. */
    width?: number;
  }>;
  data: Array<Record<string, string>>;
}

/**
 * Rows a command shows in a terminal table before it counts the rest and points to --output: sf's
 * table lays out every row it is given at once, about 10 ms of CPU a row (scripts/bench/README.md).
 */
export const TABLE_ROWS_SHOWN = 100;

/** Width to fit when stdout is not a terminal (piped, redirected): COLUMNS if set, else a wide default. */
export const PIPED_WIDTH = 120;
/** Narrower than this nothing useful fits; the table is laid out for this width and the terminal wraps. */
const MIN_WIDTH = 40;

/** The terminal's width, or COLUMNS, or PIPED_WIDTH when output goes to a pipe or file. */
export function terminalWidth(
  stdout: { isTTY?: boolean; columns?: number } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const fromEnv = Number(env.COLUMNS);
  const width =
    stdout.isTTY && stdout.columns
      ? stdout.columns
      : Number.isInteger(fromEnv) && fromEnv > 0
        ? fromEnv
        : PIPED_WIDTH;
  return Math.max(MIN_WIDTH, width);
}

const visibleLength = (text: string) => [...text].length;

/** Columns drawn with a one-space pad each side and a border between: `│ a │ b │`. */
function drawnWidth(widths: number[]): number {
  return widths.reduce((sum, width) => sum + width + 3, 1);
}

/** Each column's widest cell or heading. */
function naturalWidths(
  columns: readonly TableColumn[],
  data: ReadonlyArray<Record<string, string>>,
): Map<string, number> {
  return new Map(
    columns.map((column) => [
      column.key,
      Math.max(
        visibleLength(column.name),
        ...data.map((row) => visibleLength(row[column.key] ?? '')),
      ),
    ]),
  );
}

/** The width a column needs to be laid out: its widest cell, or less for a column that wraps. */
const neededWidth = (column: TableColumn, natural: number) =>
  Math.min(natural, column.wrapsAt ?? natural);

/** The columns that fit `width`, most important first, shown in their original order. */
export function fitColumns(
  columns: readonly TableColumn[],
  data: ReadonlyArray<Record<string, string>>,
  width: number,
): TableColumn[] {
  return fitWithin(columns, naturalWidths(columns, data), width);
}

function fitWithin(
  columns: readonly TableColumn[],
  natural: Map<string, number>,
  width: number,
): TableColumn[] {
  const kept = new Set<TableColumn>();
  const priority = (column: TableColumn) => column.priority ?? 0;
  for (const column of [...columns].sort((a, b) => priority(a) - priority(b))) {
    const widths = [...kept, column].map((one) => neededWidth(one, natural.get(one.key)!));
    if (priority(column) === 0 || drawnWidth(widths) <= width) kept.add(column);
  }
  return columns.filter((column) => kept.has(column));
}

/**
 * Content widths for the wrapping columns when the table is wider than `width`: the room the other
 * columns leave, shared so that a narrow column keeps its own width and the wide ones split the rest.
 */
function wrapWidths(
  kept: readonly TableColumn[],
  natural: Map<string, number>,
  width: number,
): Map<string, number> {
  const wrapping = kept.filter((column) => column.wrapsAt !== undefined);
  const fixed = drawnWidth(
    kept.map((column) => (column.wrapsAt === undefined ? natural.get(column.key)! : 0)),
  );
  let room = width - fixed;
  const wanted = wrapping.reduce((sum, column) => sum + natural.get(column.key)!, 0);
  const widths = new Map<string, number>();
  if (wrapping.length === 0 || wanted <= room) return widths;
  const narrowestFirst = [...wrapping].sort((a, b) => natural.get(a.key)! - natural.get(b.key)!);
  narrowestFirst.forEach((column, index) => {
    const share = Math.floor(room / (narrowestFirst.length - index));
    const given = Math.max(1, Math.min(natural.get(column.key)!, share));
    widths.set(column.key, given);
    room -= given;
  });
  return widths;
}

/** The rows under the columns that fit `width`; wrapping columns share what the others leave. */
export function fittedTable(
  columns: readonly TableColumn[],
  data: Array<Record<string, string>>,
  width: number = terminalWidth(),
): TerminalTable {
  const natural = naturalWidths(columns, data);
  const kept = fitWithin(columns, natural, width);
  const wrapped = wrapWidths(kept, natural, width);
  return {
    columns: kept.map((column) => {
      const content = wrapped.get(column.key);
      return {
        key: column.key,
        name: column.name,
        horizontalAlignment: column.align ?? 'left',
        // oclif counts a column's padding (one space each side) in its width.
        ...(content === undefined ? {} : { width: content + 2 }),
      };
    }),
    data,
  };
}

/**
 * Prints a fitted table through sf's own table: cells wrap rather than being cut (unless the user's
 * SF_TABLE_OVERFLOW says otherwise), and escape sequences from the data never reach the terminal.
 */
export function printTable(command: Pick<SfCommand<unknown>, 'table'>, table: TerminalTable): void {
  const width = terminalWidth();
  withTableWidth(width, () =>
    command.table({
      data: terminalSafeRows(table.data),
      columns: table.columns,
      maxWidth: width,
      overflow: 'wrap',
    }),
  );
}

/**
 * oclif's table lays itself out in a virtual screen as wide as stdout's columns. Piped or redirected,
 * stdout has none: the screen falls back to 80 columns (asking the shell for a size on the way) and
 * every wrapped line but a cell's last loses the padding that carries its right border into place.
 * OCLIF_TABLE_COLUMN_OVERRIDE, oclif's own setting for that width, is given the width the table was
 * fitted to for this one call; a terminal, or a user's own setting, is left as it is.
 */
function withTableWidth(width: number, print: () => void): void {
  const key = 'OCLIF_TABLE_COLUMN_OVERRIDE';
  if (process.stdout.columns || process.env[key]) {
    print();
    return;
  }
  process.env[key] = String(width);
  try {
    print();
  } finally {
    delete process.env[key];
  }
}
