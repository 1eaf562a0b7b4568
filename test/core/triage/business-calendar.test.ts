// Business-time deadlines: weekends, holidays, DST changes in both directions, same-day and
// next-day budgets, bad calendars, and the invariant that a deadline never leaves business hours.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  BusinessCalendarError,
  addBusinessTime,
  isWithinBusinessHours,
  parseBusinessCalendar,
  type BusinessCalendar,
  type BusinessTimeBudget,
} from '../../../middleware/src/core/triage/business-calendar.js';

const london = parseBusinessCalendar({
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:30' },
  // Christmas 2026 falls on a Friday; Boxing Day's substitute holiday is Monday 28 December.
  holidays: ['2026-12-25', '2026-12-28'],
});

const hours = (amount: number): BusinessTimeBudget => ({ unit: 'business-hours', amount });
const days = (amount: number, minimumBusinessHours = 0): BusinessTimeBudget => ({
  unit: 'business-days',
  amount,
  minimumBusinessHours,
});
const due = (start: string, budget: BusinessTimeBudget, calendar: BusinessCalendar = london) =>
  addBusinessTime(start, budget, calendar).toISOString();

describe('addBusinessTime with business hours', () => {
  it('stays on the same day when the budget fits before close', () => {
    expect(due('2026-11-23T10:15:00Z', hours(4))).toBe('2026-11-23T14:15:00.000Z');
  });

  it('carries what is left past close into the next morning', () => {
    expect(due('2026-11-23T16:00:00Z', hours(4))).toBe('2026-11-24T11:30:00.000Z');
  });

  it('lands exactly on closing time when the budget ends there', () => {
    expect(due('2026-11-23T15:30:00Z', hours(2))).toBe('2026-11-23T17:30:00.000Z');
  });

  it('lands on closing time when a budget of fractional hours ends there exactly', () => {
    // 2090 minutes are 55 weeks of a 38-minute Friday window; in hours the sum is inexact in
    // floating point, and must not spill onto the next Friday's opening (found by the split property).
    const fridays = parseBusinessCalendar({
      timeZone: 'UTC',
      workingDays: [5],
      workingHours: { start: '05:00', end: '05:38' },
      holidays: [],
    });
    expect(due('2026-03-05T00:00:00Z', hours(2090 / 60), fridays)).toBe('2027-03-19T05:38:00.000Z');
    expect(due('2026-03-05T00:00:00Z', days(0, 2090 / 60), fridays)).toBe(
      '2027-03-19T05:38:00.000Z',
    );
    // The same on London hours: 4 h 10 min from 13:20 closes the day, not the next morning.
    expect(due('2026-11-23T13:20:00Z', hours(250 / 60))).toBe('2026-11-23T17:30:00.000Z');
  });

  it('starts the clock at opening time for an arrival before hours', () => {
    expect(due('2026-11-23T06:45:00Z', hours(1))).toBe('2026-11-23T10:00:00.000Z');
  });

  it('skips the weekend', () => {
    expect(due('2026-11-27T16:30:00Z', hours(2))).toBe('2026-11-30T10:00:00.000Z');
    expect(due('2026-11-28T11:00:00Z', hours(1))).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips holidays and the weekend between them', () => {
    expect(due('2026-12-24T17:00:00Z', hours(1))).toBe('2026-12-29T09:30:00.000Z');
  });

  it('keeps local opening time across the spring-forward change', () => {
    // Friday 26 March 2027 is GMT; Monday 29 March is BST, so 09:00 local is 08:00 UTC.
    expect(due('2027-03-26T16:30:00Z', hours(2))).toBe('2027-03-29T09:00:00.000Z');
  });

  it('keeps local opening time across the autumn change', () => {
    // Friday 23 October 2026 is BST (16:30 local = 15:30 UTC); Monday 26 October is GMT.
    expect(due('2026-10-23T15:30:00Z', hours(2))).toBe('2026-10-26T10:00:00.000Z');
  });

  it('counts real elapsed time when working hours straddle a DST change', () => {
    const overnightDesk = parseBusinessCalendar({
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: { start: '01:00', end: '05:00' },
    });
    // 8 March 2026: 01:00 EST is 06:00 UTC, 05:00 EDT is 09:00 UTC, so that day holds 3 hours, not 4.
    expect(due('2026-03-08T06:00:00Z', hours(3.5), overnightDesk)).toBe('2026-03-09T05:30:00.000Z');
  });

  it('works in a time zone with a half-hour offset', () => {
    const bengaluru = parseBusinessCalendar({
      timeZone: 'Asia/Kolkata',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:30', end: '18:30' },
    });
    // 09:30 IST is 04:00 UTC.
    expect(due('2026-11-23T00:00:00Z', hours(1), bengaluru)).toBe('2026-11-23T05:00:00.000Z');
  });
});

describe('addBusinessTime with business days', () => {
  it('same business day means close of today when received in hours', () => {
    expect(due('2026-11-23T10:00:00Z', days(0))).toBe('2026-11-23T17:30:00.000Z');
  });

  it('same business day after close means close of the next business day', () => {
    expect(due('2026-11-23T18:00:00Z', days(0))).toBe('2026-11-24T17:30:00.000Z');
    expect(due('2026-11-27T19:00:00Z', days(0))).toBe('2026-11-30T17:30:00.000Z');
  });

  it('a minimum of business hours protects a late arrival from a minutes-long deadline', () => {
    expect(due('2026-11-23T17:00:00Z', days(0, 2))).toBe('2026-11-24T10:30:00.000Z');
    expect(due('2026-11-23T10:00:00Z', days(0, 2))).toBe('2026-11-23T17:30:00.000Z');
  });

  it('one and two business days count working days only', () => {
    expect(due('2026-11-23T10:00:00Z', days(1))).toBe('2026-11-24T17:30:00.000Z');
    expect(due('2026-11-26T10:00:00Z', days(2))).toBe('2026-11-30T17:30:00.000Z');
    expect(due('2026-12-23T12:00:00Z', days(2))).toBe('2026-12-29T17:30:00.000Z');
  });

  it('a weekend arrival starts counting on Monday', () => {
    expect(due('2026-11-28T12:00:00Z', days(1))).toBe('2026-12-01T17:30:00.000Z');
  });
});

describe('isWithinBusinessHours', () => {
  it('includes opening and closing times', () => {
    expect(isWithinBusinessHours('2026-11-23T09:00:00Z', london)).toBe(true);
    expect(isWithinBusinessHours('2026-11-23T17:30:00Z', london)).toBe(true);
    expect(isWithinBusinessHours('2026-11-23T17:30:01Z', london)).toBe(false);
    expect(isWithinBusinessHours('2026-11-23T08:59:59Z', london)).toBe(false);
  });

  it('excludes weekends and holidays', () => {
    expect(isWithinBusinessHours('2026-11-28T12:00:00Z', london)).toBe(false);
    expect(isWithinBusinessHours('2026-12-25T12:00:00Z', london)).toBe(false);
  });
});

describe('bad calendars and inputs', () => {
  const valid = {
    timeZone: 'Europe/London',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:30' },
  };

  it('names an unknown time zone', () => {
    expect(() => parseBusinessCalendar({ ...valid, timeZone: 'Europe/Londn' })).toThrow(
      /calendar\.timeZone: must be an IANA time zone/,
    );
  });

  it('rejects closing before opening, and says overnight shifts are not supported', () => {
    expect(() =>
      parseBusinessCalendar({ ...valid, workingHours: { start: '18:00', end: '09:00' } }),
    ).toThrow(/calendar\.workingHours\.end: must be after workingHours\.start \(18:00\)/);
  });

  it('rejects malformed hours, no working days and a repeated weekday', () => {
    expect(() =>
      parseBusinessCalendar({ ...valid, workingHours: { start: '9am', end: '17:30' } }),
    ).toThrow(/calendar\.workingHours\.start/);
    expect(() => parseBusinessCalendar({ ...valid, workingDays: [] })).toThrow(
      /calendar\.workingDays: needs at least one working day/,
    );
    expect(() => parseBusinessCalendar({ ...valid, workingDays: [1, 1] })).toThrow(
      /lists a weekday twice/,
    );
    expect(() => parseBusinessCalendar({ ...valid, holidays: ['2026-02-30'] })).toThrow(
      /calendar\.holidays\.0/,
    );
  });

  it('rejects a start that is not an instant', () => {
    expect(() => addBusinessTime('next Tuesday', hours(1), london)).toThrow(BusinessCalendarError);
  });

  it('reports a calendar that never has working time instead of looping', () => {
    const mondays: string[] = [];
    for (
      let day = new Date(Date.UTC(2026, 10, 23));
      day.getUTCFullYear() < 2038;
      day = new Date(day.getTime() + 7 * 86_400_000)
    ) {
      mondays.push(day.toISOString().slice(0, 10));
    }
    const mondaysOnlyAllHolidays = parseBusinessCalendar({
      ...valid,
      workingDays: [1],
      holidays: mondays,
    });
    expect(() => addBusinessTime('2026-11-23T10:00:00Z', hours(1), mondaysOnlyAllHolidays)).toThrow(
      /no working time/,
    );
  });
});

// Zones chosen for awkward offsets and DST rules (southern hemisphere, half and quarter hours,
// 30-minute DST on Lord Howe, Morocco's Ramadan changes).
const TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Africa/Casablanca',
];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

// Half the starts fall in the DST seasons (early March to mid April, late September to early
// November) so clock changes inside a budget are common, not a rare accident of sampling.
const dstSeasonStart = fc
  .record({
    year: fc.integer({ min: 2026, max: 2034 }),
    seasonStart: fc.constantFrom([2, 5], [8, 25]),
    dayOffset: fc.integer({ min: 0, max: 42 }),
    minuteOfDay: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  })
  .map(
    ({ year, seasonStart, dayOffset, minuteOfDay }) =>
      new Date(Date.UTC(year, seasonStart[0]!, seasonStart[1]! + dayOffset, 0, minuteOfDay)),
  );
const startArbitrary = fc.oneof(
  fc.date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2034-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
  dstSeasonStart,
);

// Working hours from 05:00 to 23:00: every DST change in these zones happens outside that span,
// so a deadline's wall-clock time can be checked directly against the configured hours. Holidays
// fall in the weeks after the start, where deadlines land, so skipping them is really exercised.
const scenarioArbitrary = fc
  .record({
    start: startArbitrary,
    timeZone: fc.constantFrom(...TIME_ZONES),
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    openMinute: fc.integer({ min: 5 * 60, max: 12 * 60 }),
    lengthMinutes: fc.integer({ min: 30, max: 11 * 60 }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 30 }), { maxLength: 15 }),
  })
  .map(({ start, timeZone, workingDays, openMinute, lengthMinutes, holidayOffsets }) => {
    const wall = (minute: number) =>
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const calendar = parseBusinessCalendar({
      timeZone,
      workingDays,
      workingHours: {
        start: wall(openMinute),
        end: wall(Math.min(openMinute + lengthMinutes, 23 * 60)),
      },
      holidays: holidayOffsets.map((offset) =>
        isoDay(new Date(start.getTime() + offset * 86_400_000)),
      ),
    });
    return { start, calendar };
  });

const budgetArbitrary: fc.Arbitrary<BusinessTimeBudget> = fc.oneof(
  fc
    .integer({ min: 1, max: 40 * 60 })
    .map((minutes) => ({ unit: 'business-hours' as const, amount: minutes / 60 })),
  fc.record({
    unit: fc.constant('business-days' as const),
    amount: fc.integer({ min: 0, max: 10 }),
    minimumBusinessHours: fc.integer({ min: 0, max: 16 }),
  }),
);

/** Local date, ISO weekday and millisecond of the day, computed independently of the module. */
function localWallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const weekday =
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(String(parts.weekday)) + 1;
  const msOfDay =
    ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 +
    instant.getUTCMilliseconds();
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, msOfDay };
}

const minuteOf = (wall: string) => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));

// Generous: the machine running the suite is shared, and a property run is hundreds of cases.
const PROPERTY_TIMEOUT_MS = 60_000;

describe('business-time invariants', () => {
  it(
    'a deadline is never before its start and always inside working hours on a working day',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary, budgetArbitrary, ({ start, calendar }, budget) => {
          const deadline = addBusinessTime(start, budget, calendar);
          const local = localWallClock(deadline, calendar.timeZone);
          expect(deadline.getTime()).toBeGreaterThan(start.getTime() - 1);
          expect(calendar.workingDays).toContain(local.weekday);
          expect(calendar.holidays).not.toContain(local.date);
          expect(local.msOfDay).toBeGreaterThanOrEqual(
            minuteOf(calendar.workingHours.start) * 60_000,
          );
          expect(local.msOfDay).toBeLessThanOrEqual(minuteOf(calendar.workingHours.end) * 60_000);
          expect(isWithinBusinessHours(deadline, calendar)).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a bigger budget never gives an earlier deadline',
    () => {
      fc.assert(
        fc.property(
          scenarioArbitrary,
          fc.integer({ min: 1, max: 80 * 60 }),
          fc.integer({ min: 0, max: 40 * 60 }),
          ({ start, calendar }, minutes, extra) => {
            const shorter = addBusinessTime(
              start,
              { unit: 'business-hours', amount: minutes / 60 },
              calendar,
            );
            const longer = addBusinessTime(
              start,
              { unit: 'business-hours', amount: (minutes + extra) / 60 },
              calendar,
            );
            expect(longer.getTime()).toBeGreaterThanOrEqual(shorter.getTime());
          },
        ),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'splitting a business-hours budget in two reaches the same deadline',
    () => {
      fc.assert(
        fc.property(
          scenarioArbitrary,
          fc.integer({ min: 1, max: 40 * 60 }),
          fc.integer({ min: 1, max: 40 * 60 }),
          ({ start, calendar }, first, second) => {
            const inOneGo = addBusinessTime(
              start,
              { unit: 'business-hours', amount: (first + second) / 60 },
              calendar,
            );
            const halfway = addBusinessTime(
              start,
              { unit: 'business-hours', amount: first / 60 },
              calendar,
            );
            const inTwoSteps = addBusinessTime(
              halfway,
              { unit: 'business-hours', amount: second / 60 },
              calendar,
            );
            expect(inTwoSteps.toISOString()).toBe(inOneGo.toISOString());
          },
        ),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
