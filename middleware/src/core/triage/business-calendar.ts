// Response deadlines count business time in the alliance team's own time zone: working days, working
// hours and holidays, computed from wall-clock time through Intl so DST changes never shift them.
import { z } from 'zod';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);

// 24:00 is not accepted: a deadline at midnight would belong to the next (possibly non-working) day.
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function minutesOf(wall: string): number {
  const [hours, minutes] = wall.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export const BusinessCalendar = z
  .object({
    /** IANA time zone the team works in, e.g. "Europe/London". */
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as "Europe/London"' }),
    workingDays: z
      .array(IsoWeekday)
      .min(1, 'needs at least one working day (1 = Monday ... 7 = Sunday)')
      .refine((days) => new Set(days).size === days.length, 'lists a weekday twice'),
    /** Same hours every working day; an overnight shift is not supported (start must be before end). */
    workingHours: z.object({
      start: z.string().regex(WALL_TIME, 'must be HH:MM on a 24-hour clock, e.g. "09:00"'),
      end: z.string().regex(WALL_TIME, 'must be HH:MM on a 24-hour clock, e.g. "17:30"'),
    }),
    /** Local calendar dates with no business time (public holidays, company shutdowns). */
    holidays: z.array(z.iso.date()).default([]),
  })
  .superRefine((calendar, ctx) => {
    const { start, end } = calendar.workingHours;
    if (WALL_TIME.test(start) && WALL_TIME.test(end) && minutesOf(start) >= minutesOf(end)) {
      ctx.addIssue({
        code: 'custom',
        path: ['workingHours', 'end'],
        message: `must be after workingHours.start (${start}); overnight shifts are not supported`,
      });
    }
  });
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;
export type BusinessCalendarInput = z.input<typeof BusinessCalendar>;

/** Used when no calendar is configured: Monday to Friday, 09:00 to 17:00 UTC, no holidays. */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = BusinessCalendar.parse({
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: [],
});

/**
 * How much business time a response may take.
 * - `business-hours`: that many working hours, counted only inside working hours.
 * - `business-days`: close of business on the Nth business day after the day the clock starts
 *   (0 = the same business day; arriving after close or on a day off starts the clock on the next
 *   business day). `minimumBusinessHours` stops a late arrival getting a five-minute deadline.
 */
export const BusinessTimeBudget = z.discriminatedUnion('unit', [
  z.object({
    unit: z.literal('business-hours'),
    amount: z
      .number()
      .positive()
      .max(24 * 366),
  }),
  z.object({
    unit: z.literal('business-days'),
    amount: z.number().int().min(0).max(366),
    minimumBusinessHours: z
      .number()
      .min(0)
      .max(24 * 366)
      .default(0),
  }),
]);
export type BusinessTimeBudget = z.infer<typeof BusinessTimeBudget>;

export class BusinessCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BusinessCalendarError';
  }
}

interface LocalDay {
  year: number;
  month: number;
  day: number;
}

// Building an Intl formatter is costly and a formatter holds no state between calls, so one per
// time zone is memoised; results stay a pure function of the inputs.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(
  instant: number,
  timeZone: string,
): LocalDay & { hour: number; minute: number; second: number } {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Offset from UTC (ms) in force at an instant, whole seconds (Intl reports no milliseconds). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local wall time names. Ambiguous times (clocks going back) resolve to the earlier
 * instant; times skipped by clocks going forward resolve to the same distance after the jump,
 * as Temporal's "compatible" disambiguation does.
 */
function instantOfWallTime(day: LocalDay, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minuteOfDay);
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  const valid = [before, after]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  if (valid.length > 0) return Math.min(...valid);
  return wall - before;
}

function nextDay(day: LocalDay): LocalDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoDate(day: LocalDay): string {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).toISOString().slice(0, 10);
}

function isoWeekday(day: LocalDay): number {
  return ((new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7) + 1;
}

/** A working day's opening and closing instants, or null for a weekend day or holiday. */
interface BusinessWindow {
  opens: number;
  closes: number;
}

/** Walks local days from the one containing `from`, yielding each working day's window. */
function* businessWindows(from: number, calendar: BusinessCalendar): Generator<BusinessWindow> {
  const holidays = new Set(calendar.holidays);
  const workingDays = new Set(calendar.workingDays);
  const opensAt = minutesOf(calendar.workingHours.start);
  const closesAt = minutesOf(calendar.workingHours.end);
  const start = wallClock(from, calendar.timeZone);
  let day: LocalDay = { year: start.year, month: start.month, day: start.day };
  // Ten years of days without business time means the calendar has none at all (everything a holiday).
  for (let walked = 0; walked < 3_660; walked += 1) {
    if (workingDays.has(isoWeekday(day)) && !holidays.has(isoDate(day))) {
      yield {
        opens: instantOfWallTime(day, opensAt, calendar.timeZone),
        closes: instantOfWallTime(day, closesAt, calendar.timeZone),
      };
    }
    day = nextDay(day);
  }
  throw new BusinessCalendarError(
    'the business calendar has no working time in the next ten years: check workingDays and holidays',
  );
}

function toInstant(start: Date | string): number {
  const instant = typeof start === 'string' ? Date.parse(start) : start.getTime();
  if (Number.isNaN(instant))
    throw new BusinessCalendarError(`start "${String(start)}" is not a valid instant`);
  return instant;
}

/**
 * Hours as whole milliseconds, a Date's precision. Hours come as fractions (2090 minutes are
 * 34.8333... hours), and the product's float error (125,400,000.00000001 ms) would spill past the
 * close of a window the budget ends on exactly, onto the next window's opening.
 */
function hoursInMilliseconds(hours: number): number {
  return Math.round(hours * 3_600_000);
}

function addBusinessMilliseconds(from: number, budget: number, calendar: BusinessCalendar): number {
  let remaining = budget;
  for (const window of businessWindows(from, calendar)) {
    const opensFrom = Math.max(from, window.opens);
    if (opensFrom >= window.closes) continue;
    const available = window.closes - opensFrom;
    if (remaining <= available) return opensFrom + remaining;
    remaining -= available;
  }
  throw new BusinessCalendarError('unreachable: business windows ran out');
}

/** Close of business on the Nth business day counted from the one the clock starts on. */
function closeOfBusinessDay(
  from: number,
  businessDaysAfter: number,
  calendar: BusinessCalendar,
): number {
  let counted = 0;
  for (const window of businessWindows(from, calendar)) {
    if (from >= window.closes) continue;
    if (counted === businessDaysAfter) return window.closes;
    counted += 1;
  }
  throw new BusinessCalendarError('unreachable: business windows ran out');
}

/**
 * The deadline reached by spending `budget` of business time from `start`. Always an instant inside
 * working hours (opening and closing times included) on a working, non-holiday day.
 */
export function addBusinessTime(
  start: Date | string,
  budget: BusinessTimeBudget,
  calendar: BusinessCalendar,
): Date {
  const from = toInstant(start);
  if (budget.unit === 'business-hours') {
    return new Date(addBusinessMilliseconds(from, hoursInMilliseconds(budget.amount), calendar));
  }
  const closing = closeOfBusinessDay(from, budget.amount, calendar);
  const minimumHours = budget.minimumBusinessHours ?? 0;
  const floor =
    minimumHours > 0
      ? addBusinessMilliseconds(from, hoursInMilliseconds(minimumHours), calendar)
      : closing;
  return new Date(Math.max(closing, floor));
}

/** Whether an instant falls inside working hours (bounds included) on a working, non-holiday day. */
export function isWithinBusinessHours(instant: Date | string, calendar: BusinessCalendar): boolean {
  const at = toInstant(instant);
  const wall = wallClock(at, calendar.timeZone);
  const day = { year: wall.year, month: wall.month, day: wall.day };
  if (!calendar.workingDays.includes(isoWeekday(day)) || calendar.holidays.includes(isoDate(day)))
    return false;
  const opens = instantOfWallTime(day, minutesOf(calendar.workingHours.start), calendar.timeZone);
  const closes = instantOfWallTime(day, minutesOf(calendar.workingHours.end), calendar.timeZone);
  return at >= opens && at <= closes;
}

/** Parses a calendar, throwing one error that names every bad key and how to fix it. */
export function parseBusinessCalendar(input: unknown): BusinessCalendar {
  const result = BusinessCalendar.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => `calendar.${issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  throw new BusinessCalendarError(`invalid business calendar: ${details}`);
}
