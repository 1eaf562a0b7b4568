// Cells from exports, orgs and portals reach the terminal: control characters in them (ANSI
// escapes, carriage returns, bells) could repaint or hide what the user reads, so each becomes a
// space. The rest of an escape sequence then shows as plain text ("[31m"), so nothing is hidden.

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** As CONTROL, but keeping line feeds and tabs, which lay out multi-line text such as CSV. */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** One cell as printable text: every control character a space. */
export function terminalSafeText(value: string): string {
  return value.replace(CONTROL, ' ');
}

/** Printed text (a CSV report) with its lines kept: every other control character a space. */
export function terminalSafeLines(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, ' ');
}

/** Every string cell of every row made terminal-safe; numbers and other values pass unchanged. */
export function terminalSafeRows<T extends Record<string, unknown>>(rows: readonly T[]): T[] {
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === 'string' ? terminalSafeText(value) : value,
        ]),
      ) as T,
  );
}
