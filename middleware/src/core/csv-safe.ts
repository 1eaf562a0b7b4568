// One rule for every CSV report a person may open in a spreadsheet: a cell whose text a spreadsheet
// would read as a formula (CSV injection) is written as text instead, and a flag reads true/false.

/** Leading characters that make Excel, Sheets or LibreOffice evaluate a cell (OWASP's list). */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** A plain number such as "-12.5" is data, not a formula, and keeps its sign. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The text to write for one CSV cell: a formula-leading value gets a leading apostrophe, which the
 * spreadsheet shows as text and does not evaluate. Quoting (commas, quotes, line breaks) stays the
 * CSV writer's job.
 */
export function csvSafeCell(value: string): string {
  return FORMULA_LEAD.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * csv-stringify's `cast` option for the service's CSV reports: csvSafeCell on every text cell, and a
 * flag as `true`/`false` (csv-stringify's own `1` and empty read as a number and a blank in a
 * spreadsheet, and a blank cannot be told from a missing value). The CLI's writer (`toCsv` in
 * cli/report-output.ts) casts the same way.
 */
export const csvSafeCast = {
  string: (value: string): string => csvSafeCell(value),
  boolean: (flag: boolean): string => String(flag),
};
