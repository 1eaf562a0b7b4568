// Reads one export cell into a canonical value. Salesforce writes datetimes as `...Z` or `...+0000`,
// booleans as true/false or 1/0 (Data Loader), multi-selects `;`-separated; each reader says
// precisely what was wrong so the row's finding can tell the admin what to fix.
import type { ColumnKind } from './opportunity-columns.js';

export type CellResult = { ok: true; value: unknown } | { ok: false; problem: string };

const ok = (value: unknown): CellResult => ({ ok: true, value });
/** An empty cell's result, shared: about half of an export's cells are empty. */
const EMPTY: CellResult = Object.freeze({ ok: true, value: undefined });
const bad = (problem: string): CellResult => ({ ok: false, problem });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether year-month-day is a calendar day, by arithmetic rather than a Date per cell (every row has
 * several dates). Years below 100 are refused, as the Date check this replaced refused them.
 */
function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The number written by `count` ASCII digits of `text` from `at` (the caller has matched them). */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index += 1)
    value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

function readDate(raw: string): CellResult {
  // Matched and then read digit by digit: every row has dates, and a match's groups were garbage.
  if (!DATE.test(raw) || !isRealDay(digitsAt(raw, 0, 4), digitsAt(raw, 5, 2), digitsAt(raw, 8, 2)))
    return bad(`"${raw}" is not a date (YYYY-MM-DD)`);
  return ok(raw);
}

const CANONICAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Whether text of CANONICAL_DATETIME's shape names a real instant, read digit by digit: every row has
 * several datetimes, and building a Date for each was a measurable share of a big export's read.
 */
function isRealCanonicalInstant(raw: string): boolean {
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 2);
  const day = digitsAt(raw, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return (
    day <= days &&
    digitsAt(raw, 11, 2) <= 23 &&
    digitsAt(raw, 14, 2) <= 59 &&
    digitsAt(raw, 17, 2) <= 59
  );
}

/** Any Salesforce datetime form, normalised to UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
function readDatetime(raw: string): CellResult {
  // Most cells are already canonical: a real calendar day and clock time keep the text as it is.
  if (CANONICAL_DATETIME.test(raw) && isRealCanonicalInstant(raw)) return ok(raw);
  const match = DATETIME.exec(raw);
  const problem = `"${raw}" is not a datetime (YYYY-MM-DDTHH:mm:ss.sssZ or +0000)`;
  if (!match) return bad(problem);
  const [day = '', hours, minutes, seconds = '00', fraction = '', zone = 'Z'] = match.slice(1);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (
    !isRealDay(year, month, date) ||
    Number(hours) > 23 ||
    Number(minutes) > 59 ||
    Number(seconds) > 59
  )
    return bad(problem);
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = fraction ? fraction.slice(0, 4).padEnd(4, '0') : '.000';
  return ok(new Date(`${day}T${hours}:${minutes}:${seconds}${millis}${offset}`).toISOString());
}

function readBoolean(raw: string): CellResult {
  const value = raw.toLowerCase();
  if (value === 'true' || value === '1') return ok(true);
  if (value === 'false' || value === '0') return ok(false);
  return bad(`"${raw}" is not a boolean (true/false or 1/0)`);
}

function readNumber(raw: string): CellResult {
  if (!DECIMAL.test(raw))
    return bad(
      `"${raw}" is not a number (digits with an optional "." and no currency sign or thousands separator)`,
    );
  return ok(Number(raw));
}

function readPicklist(raw: string, values: readonly string[]): CellResult {
  if (values.includes(raw)) return ok(raw);
  return bad(`"${raw}" is not one of ${values.join(', ')}`);
}

function readMultiselect(raw: string, values: readonly string[]): CellResult {
  // Most cells hold one value: no list to split, trim and de-duplicate.
  if (!raw.includes(';'))
    return values.includes(raw) ? ok([raw]) : bad(`"${raw}" not among ${values.join(', ')}`);
  const chosen = [
    ...new Set(
      raw
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    ),
  ];
  const unknown = chosen.filter((value) => !values.includes(value));
  if (unknown.length > 0)
    return bad(`${unknown.map((value) => `"${value}"`).join(', ')} not among ${values.join(', ')}`);
  return ok(chosen);
}

/**
 * The canonical value of a cell. An empty cell is `undefined`: the model's default applies (null,
 * nothing chosen, 'None'), and the reader's required-value check catches the ones that cannot be empty.
 */
export function readCell(raw: string | undefined, kind: ColumnKind): CellResult {
  const value = (raw ?? '').trim();
  if (value === '') return EMPTY;
  switch (kind.type) {
    case 'text':
      return ok(value);
    case 'number':
      return readNumber(value);
    case 'date':
      return readDate(value);
    case 'datetime':
      return readDatetime(value);
    case 'boolean':
      return readBoolean(value);
    case 'picklist':
      return readPicklist(value, kind.values);
    case 'multiselect':
      return readMultiselect(value, kind.values);
  }
}
