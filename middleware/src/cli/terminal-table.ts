// Tables fitted to the terminal: when it is too narrow for every column, the columns that matter
// least give way first, and a column of sentences (a finding's message) wraps instead of being cut,
// so what a person must read to act is always on screen.
import type { SfCommand } from '@salesforce/sf-plugins-core';
import { terminalSafeRows } from './terminal-safe.js';

export interface TableColumn {
  key: string;
  name: string;
  /** Lower is kept first when the terminal is narrow; 0 is always kept. */
  priority: number;
  align: 'left' | 'right';
  /** A column of sentences: it wraps, and needs only this many characters to be laid out. */
  wrapsAt?: number;
}

/** The oclif table options this module fills: the columns kept and their cells. */
export interface TerminalTable {
  columns: Array<{ key: string; name: string; horizontalAlignment: 'left' | 'right' }>;
  data: Array<Record<string, string>>;
}

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

/** The columns that fit `width`, most important first, shown in their original order. */
export function fitColumns(
  columns: readonly TableColumn[],
  data: ReadonlyArray<Record<string, string>>,
  width: number,
): TableColumn[] {
  const needed = new Map(
    columns.map((column) => {
      const natural = Math.max(
        visibleLength(column.name),
        ...data.map((row) => visibleLength(row[column.key] ?? '')),
      );
      return [column.key, Math.min(natural, column.wrapsAt ?? natural)];
    }),
  );
  const kept = new Set<string>();
  for (const column of [...columns].sort((a, b) => a.priority - b.priority)) {
    const widths = [...kept, column.key].map((key) => needed.get(key)!);
    if (column.priority === 0 || drawnWidth(widths) <= width) kept.add(column.key);
  }
  return columns.filter((column) => kept.has(column.key));
}

/** The rows under the columns that fit `width`. */
export function fittedTable(
  columns: readonly TableColumn[],
  data: Array<Record<string, string>>,
  width: number = terminalWidth(),
): TerminalTable {
  return {
    columns: fitColumns(columns, data, width).map((column) => ({
      key: column.key,
      name: column.name,
      horizontalAlignment: column.align,
    })),
    data,
  };
}

/**
 * Prints a fitted table through sf's own table: cells wrap rather than being cut (unless the user's
 * SF_TABLE_OVERFLOW says otherwise), and escape sequences from the data never reach the terminal.
 */
export function printTable(command: Pick<SfCommand<unknown>, 'table'>, table: TerminalTable): void {
  command.table({
    data: terminalSafeRows(table.data),
    columns: table.columns,
    maxWidth: terminalWidth(),
    overflow: 'wrap',
  });
}
