// Cells from exports, orgs and portals reach the terminal in tables: control characters in them
// (ANSI escapes, carriage returns, bells) could repaint or hide what the user reads, so they go.
import { stripVTControlCharacters } from 'node:util';

/** C0 and C1 control characters and DEL; a tab or line break in a cell becomes a space. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The cell as plain printable text: escape sequences removed, other control characters as spaces. */
export function terminalSafeText(value: string): string {
  return stripVTControlCharacters(value).replace(CONTROL, ' ');
}

/** Every string cell of every row made terminal-safe; numbers and other values pass unchanged. */
export function terminalSafeRows<T extends Record<string, unknown>>(rows: readonly T[]): T[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' ? terminalSafeText(value) : value])) as T);
}
