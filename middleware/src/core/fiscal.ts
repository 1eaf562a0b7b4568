// Hyperscaler fiscal calendars: RevOps reports co-sell by the hyperscaler's fiscal period, not the
// ISV's. AWS and Google Cloud run on the calendar year; Microsoft's year runs July to June and is
// named for the year it ends in (2026-08-15 falls in FY2027 Q1).
import type { Cloud } from './model.js';

export type Quarter = 1 | 2 | 3 | 4;

export interface FiscalPeriod {
  cloud: Cloud;
  fiscalYear: number;
  quarter: Quarter;
}

export interface DateRange {
  /** First day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  end: string;
}

/** First calendar month (1-12) of each cloud's fiscal year. */
const FISCAL_YEAR_START_MONTH: Record<Cloud, number> = { AWS: 1, Google: 1, Microsoft: 7 };

/** Days before fiscal year end that count as the year-end acceleration window, unless configured. */
export const DEFAULT_YEAR_END_WINDOW_DAYS = 45;

export class FiscalPeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FiscalPeriodError';
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** Calendar year, month and day of a date: the UTC day for a Date or datetime, as written for a plain date. */
function calendarDay(date: string | Date): { year: number; month: number; day: number } {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new FiscalPeriodError('invalid date');
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const parsed = plain ? null : new Date(date);
  if (parsed && Number.isNaN(parsed.getTime())) {
    throw new FiscalPeriodError(`"${date}" is not an ISO date (YYYY-MM-DD) or datetime`);
  }
  if (parsed) return calendarDay(parsed);
  const match = ISO_DAY.exec(date);
  if (!match) throw new FiscalPeriodError(`"${date}" is not an ISO date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new FiscalPeriodError(`"${date}" is not a real calendar date`);
  }
  return { year, month, day };
}

function isoDay(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** The fiscal period (year and quarter) a date falls in for a cloud. */
export function fiscalPeriodOf(date: string | Date, cloud: Cloud): FiscalPeriod {
  const { year, month } = calendarDay(date);
  const startMonth = FISCAL_YEAR_START_MONTH[cloud];
  const monthsIntoYear = (month - startMonth + 12) % 12;
  const fiscalYear = startMonth === 1 || month < startMonth ? year : year + 1;
  return { cloud, fiscalYear, quarter: (Math.floor(monthsIntoYear / 3) + 1) as Quarter };
}

/** `FY2027Q1`: the label reports and CLI flags use. */
export function periodLabel(period: Pick<FiscalPeriod, 'fiscalYear' | 'quarter'>): string {
  return `FY${period.fiscalYear}Q${period.quarter}`;
}

const LABEL = /^FY(\d{4})(?:\s*-?\s*Q([1-4]))?$/i;

/**
 * Parses `FY2027Q1` (a quarter) or `FY2027` (the whole year, quarter null). Throws with the
 * expected form when the label is malformed.
 */
export function parsePeriodLabel(label: string): { fiscalYear: number; quarter: Quarter | null } {
  const match = LABEL.exec(label.trim());
  if (!match) {
    throw new FiscalPeriodError(
      `"${label}" is not a fiscal period: use FY<year>Q<1-4> (e.g. FY2027Q1) or FY<year>`,
    );
  }
  return { fiscalYear: Number(match[1]), quarter: match[2] ? (Number(match[2]) as Quarter) : null };
}

/** First and last day of a fiscal quarter, or of the whole fiscal year when `quarter` is null. */
export function periodBounds(cloud: Cloud, fiscalYear: number, quarter: Quarter | null): DateRange {
  // Callers pass numbers read from flags and files: refuse what the label format could never hold.
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1000 || fiscalYear > 9999) {
    throw new FiscalPeriodError(`fiscal year must be a four-digit year, got ${fiscalYear}`);
  }
  if (quarter !== null && ![1, 2, 3, 4].includes(quarter)) {
    throw new FiscalPeriodError(`quarter must be 1 to 4, got ${String(quarter)}`);
  }
  const startMonth = FISCAL_YEAR_START_MONTH[cloud];
  // Calendar year in which the fiscal year starts: Microsoft's FY2027 starts in July 2026.
  const startYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const firstMonthOffset = quarter === null ? 0 : (quarter - 1) * 3;
  const lengthInMonths = quarter === null ? 12 : 3;
  const first = new Date(Date.UTC(startYear, startMonth - 1 + firstMonthOffset, 1));
  const afterLast = new Date(
    Date.UTC(startYear, startMonth - 1 + firstMonthOffset + lengthInMonths, 1),
  );
  const last = new Date(afterLast.getTime() - 86_400_000);
  return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
}

/** Whether a date falls inside a period (a quarter, or a whole fiscal year when quarter is null). */
export function isInPeriod(
  date: string | Date,
  cloud: Cloud,
  fiscalYear: number,
  quarter: Quarter | null,
): boolean {
  const period = fiscalPeriodOf(date, cloud);
  return period.fiscalYear === fiscalYear && (quarter === null || period.quarter === quarter);
}

/** The closing days of a fiscal year, when hyperscaler field teams push hardest to land deals. */
export function yearEndWindow(
  cloud: Cloud,
  fiscalYear: number,
  days = DEFAULT_YEAR_END_WINDOW_DAYS,
): DateRange {
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new FiscalPeriodError(`year-end window must be 1 to 366 days, got ${days}`);
  }
  const { end } = periodBounds(cloud, fiscalYear, null);
  const { year, month, day } = calendarDay(end);
  return { start: isoDay(year, month, day - days + 1), end };
}

/** Whether a date is inside its own fiscal year's year-end acceleration window for a cloud. */
export function isInYearEndWindow(
  date: string | Date,
  cloud: Cloud,
  days = DEFAULT_YEAR_END_WINDOW_DAYS,
): boolean {
  const { fiscalYear } = fiscalPeriodOf(date, cloud);
  const window = yearEndWindow(cloud, fiscalYear, days);
  const { year, month, day } = calendarDay(date);
  const iso = isoDay(year, month, day);
  return iso >= window.start && iso <= window.end;
}
