// One writer and one rule for every CSV report a person may open in a spreadsheet, the CLI's and the
// service's: a cell whose text a spreadsheet would read as a formula (CSV injection) is written as
// text instead, and a flag reads true/false.
import Papa from 'papaparse';

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
 * CSV text for records (objects read by `columns`; a missing or null value is an empty cell), with
 * the header row when asked. papaparse's
 * writer, which the export reader already uses: 2.3 times as fast as csv-stringify on the lint's
 * findings, the same text but that a cell starting or ending with a space is quoted
 * (scripts/bench/README.md, round 12).
 */
export function csvText(
  records: readonly object[],
  columns: readonly string[],
  options: { header: boolean },
): string {
  const data = records.map((record) =>
    columns.map((column) => csvCell((record as Record<string, unknown>)[column])),
  );
  const text = Papa.unparse(
    { fields: [...columns], data },
    { header: options.header, newline: '\n', escapeFormulae: false },
  );
  // papaparse ends a header with no rows after it with a line break, and nothing else.
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * One cell's text: a formula-like one written as text, so a spreadsheet never runs it; a flag as
 * true/false (a blank could not be told from a missing value); an object as its JSON.
 */
function csvCell(value: unknown): string | number {
  if (typeof value === 'string') return csvSafeCell(value);
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return csvSafeCell(JSON.stringify(value));
  return csvSafeCell(String(value));
}
