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

/**
 * UTF-8 bytes of JSON text, each piece ending on a whole character, made terminal-safe as
 * terminalSafeLines makes text. JSON escapes every C0 control, so DEL and the C1 controls are the
 * only ones it can hold raw; the rare piece that has one is decoded and mended, the rest pass as
 * they are.
 */
export function jsonTerminalSafeBytes(bytes: Buffer): Buffer {
  let control = bytes.includes(0x7f);
  for (let at = bytes.indexOf(0xc2); !control && at !== -1; at = bytes.indexOf(0xc2, at + 1)) {
    const next = bytes[at + 1];
    control = next !== undefined && next >= 0x80 && next <= 0x9f;
  }
  return control ? Buffer.from(terminalSafeLines(bytes.toString('utf8'))) : bytes;
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
