// Hyperscaler fiscal calendars on their edges (Microsoft's July start, leap years, labels, the
// year-end window) and the invariants: quarters partition each fiscal year, labels round-trip.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CLOUDS, type Cloud } from '../../middleware/src/core/model.js';
import {
  FiscalPeriodError,
  fiscalPeriodOf,
  isInPeriod,
  isInYearEndWindow,
  parsePeriodLabel,
  periodBounds,
  periodLabel,
  yearEndWindow,
  type Quarter,
} from '../../middleware/src/core/fiscal.js';

const label = (date: string | Date, cloud: Cloud) => periodLabel(fiscalPeriodOf(date, cloud));
const DAY_MS = 86_400_000;
const dayAfter = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const daysIn = ({ start, end }: { start: string; end: string }) =>
  (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;

describe('fiscalPeriodOf', () => {
  it.each([
    ['2026-06-30', 'FY2026Q4'],
    ['2026-07-01', 'FY2027Q1'],
    ['2026-08-15', 'FY2027Q1'],
    ['2026-09-30', 'FY2027Q1'],
    ['2026-10-01', 'FY2027Q2'],
    ['2026-12-31', 'FY2027Q2'],
    ['2027-01-01', 'FY2027Q3'],
    ['2027-03-31', 'FY2027Q3'],
    ['2027-04-01', 'FY2027Q4'],
  ])('Microsoft: %s is %s (July to June, named for the year it ends)', (date, expected) => {
    expect(label(date, 'Microsoft')).toBe(expected);
  });

  it.each([
    ['2026-01-01', 'FY2026Q1'],
    ['2026-03-31', 'FY2026Q1'],
    ['2026-04-01', 'FY2026Q2'],
    ['2026-07-01', 'FY2026Q3'],
    ['2026-12-31', 'FY2026Q4'],
  ])('AWS and Google follow the calendar year: %s is %s', (date, expected) => {
    expect(label(date, 'AWS')).toBe(expected);
    expect(label(date, 'Google')).toBe(expected);
  });

  it('places datetimes by their UTC day, as Salesforce stores them', () => {
    expect(label('2026-06-30T23:30:00Z', 'Microsoft')).toBe('FY2026Q4');
    expect(label('2026-07-01T00:30:00+02:00', 'Microsoft')).toBe('FY2026Q4');
    expect(label(new Date('2026-07-01T00:00:00Z'), 'Microsoft')).toBe('FY2027Q1');
  });

  it('handles 29 February', () => {
    expect(label('2028-02-29', 'Microsoft')).toBe('FY2028Q3');
    expect(label('2028-02-29', 'AWS')).toBe('FY2028Q1');
  });

  it('rejects dates that do not exist or do not parse', () => {
    expect(() => fiscalPeriodOf('2027-02-29', 'AWS')).toThrow(
      /"2027-02-29" is not a real calendar date/,
    );
    expect(() => fiscalPeriodOf('2026-13-01', 'Google')).toThrow(FiscalPeriodError);
    expect(() => fiscalPeriodOf('last Friday', 'AWS')).toThrow(/"last Friday" is not an ISO date/);
    expect(() => fiscalPeriodOf(new Date('nope'), 'Microsoft')).toThrow(/invalid date/);
  });
});

describe('periodBounds', () => {
  it('gives Microsoft FY2027 as 1 July 2026 to 30 June 2027, and its quarters', () => {
    expect(periodBounds('Microsoft', 2027, null)).toEqual({
      start: '2026-07-01',
      end: '2027-06-30',
    });
    expect(periodBounds('Microsoft', 2027, 1)).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodBounds('Microsoft', 2027, 3)).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodBounds('Microsoft', 2027, 4)).toEqual({ start: '2027-04-01', end: '2027-06-30' });
  });

  it('counts a leap day in the right quarter and year length', () => {
    expect(periodBounds('AWS', 2028, 1)).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(daysIn(periodBounds('AWS', 2028, 1))).toBe(91);
    expect(daysIn(periodBounds('Google', 2027, 1))).toBe(90);
    // Microsoft FY2028 (July 2027 to June 2028) holds 29 February 2028; FY2027 holds no leap day.
    expect(daysIn(periodBounds('Microsoft', 2028, null))).toBe(366);
    expect(daysIn(periodBounds('Microsoft', 2027, null))).toBe(365);
  });

  it('rejects a year or quarter the label format cannot hold', () => {
    expect(() => periodBounds('AWS', 27, 1)).toThrow(
      /fiscal year must be a four-digit year, got 27/,
    );
    expect(() => periodBounds('AWS', 2027.5, null)).toThrow(FiscalPeriodError);
    expect(() => periodBounds('AWS', 2027, 5 as Quarter)).toThrow(/quarter must be 1 to 4, got 5/);
  });
});

describe('isInPeriod', () => {
  it('checks quarter and whole-year membership', () => {
    expect(isInPeriod('2026-08-15', 'Microsoft', 2027, 1)).toBe(true);
    expect(isInPeriod('2026-08-15', 'Microsoft', 2027, null)).toBe(true);
    expect(isInPeriod('2026-08-15', 'Microsoft', 2026, null)).toBe(false);
    expect(isInPeriod('2026-08-15', 'AWS', 2026, 3)).toBe(true);
  });
});

describe('period labels', () => {
  it('formats FY<year>Q<quarter>', () => {
    expect(periodLabel({ fiscalYear: 2027, quarter: 1 })).toBe('FY2027Q1');
  });

  it.each([
    ['FY2027Q1', { fiscalYear: 2027, quarter: 1 }],
    [' fy2027q3 ', { fiscalYear: 2027, quarter: 3 }],
    ['FY2027 Q2', { fiscalYear: 2027, quarter: 2 }],
    ['FY2027-Q4', { fiscalYear: 2027, quarter: 4 }],
    ['FY2027', { fiscalYear: 2027, quarter: null }],
  ])('parses %p', (text, expected) => {
    expect(parsePeriodLabel(text)).toEqual(expected);
  });

  it.each([
    'FY27Q1',
    'FY2027Q5',
    'FY2027Q0',
    'Q1 FY2027',
    '2027Q1',
    '',
    'FY2027Q1x',
    'FY 2027 Q1 extra',
  ])('rejects %p with the expected form', (text) => {
    expect(() => parsePeriodLabel(text)).toThrow(
      /use FY<year>Q<1-4> \(e\.g\. FY2027Q1\) or FY<year>/,
    );
  });
});

describe('year-end window', () => {
  it('defaults to the last 45 days of the fiscal year', () => {
    expect(yearEndWindow('Microsoft', 2027)).toEqual({ start: '2027-05-17', end: '2027-06-30' });
    expect(yearEndWindow('AWS', 2026)).toEqual({ start: '2026-11-17', end: '2026-12-31' });
  });

  it('reaches back across February correctly in leap and common years', () => {
    expect(yearEndWindow('Microsoft', 2028, 140)).toEqual({
      start: '2028-02-12',
      end: '2028-06-30',
    });
    expect(yearEndWindow('Microsoft', 2027, 140)).toEqual({
      start: '2027-02-11',
      end: '2027-06-30',
    });
    expect(yearEndWindow('Google', 2026, 1)).toEqual({ start: '2026-12-31', end: '2026-12-31' });
  });

  it('places dates inside or outside their own year-end window', () => {
    expect(isInYearEndWindow('2027-05-16', 'Microsoft')).toBe(false);
    expect(isInYearEndWindow('2027-05-17', 'Microsoft')).toBe(true);
    expect(isInYearEndWindow('2027-06-30T22:00:00Z', 'Microsoft')).toBe(true);
    expect(isInYearEndWindow('2027-07-01', 'Microsoft')).toBe(false);
    expect(isInYearEndWindow('2026-12-31', 'Microsoft')).toBe(false);
    expect(isInYearEndWindow('2026-12-31', 'AWS')).toBe(true);
  });

  it.each([0, -5, 367, 10.5])('rejects a window of %p days', (days) => {
    expect(() => yearEndWindow('AWS', 2026, days)).toThrow(/year-end window must be 1 to 366 days/);
  });
});

const cloudArbitrary = fc.constantFrom(...CLOUDS);
const yearArbitrary = fc.integer({ min: 1990, max: 2200 });
const quarterArbitrary = fc.constantFrom<Quarter>(1, 2, 3, 4);

describe('fiscal invariants', () => {
  it('quarters tile the fiscal year: Q1 starts it, Q4 ends it, each starts the day after the last ends', () => {
    fc.assert(
      fc.property(cloudArbitrary, yearArbitrary, (cloud, fiscalYear) => {
        const year = periodBounds(cloud, fiscalYear, null);
        const quarters = ([1, 2, 3, 4] as const).map((quarter) =>
          periodBounds(cloud, fiscalYear, quarter),
        );
        expect(quarters[0]?.start).toBe(year.start);
        expect(quarters[3]?.end).toBe(year.end);
        for (let index = 1; index < 4; index += 1)
          expect(quarters[index]?.start).toBe(dayAfter(quarters[index - 1]!.end));
        expect(quarters.reduce((days, quarter) => days + daysIn(quarter), 0)).toBe(daysIn(year));
        expect([365, 366]).toContain(daysIn(year));
        // Consecutive fiscal years leave no gap either.
        expect(periodBounds(cloud, fiscalYear + 1, null).start).toBe(dayAfter(year.end));
      }),
      { numRuns: 300 },
    );
  });

  it('every day of a fiscal year belongs to exactly one quarter, the one fiscalPeriodOf names', () => {
    fc.assert(
      fc.property(cloudArbitrary, yearArbitrary, (cloud, fiscalYear) => {
        const year = periodBounds(cloud, fiscalYear, null);
        const quarters = ([1, 2, 3, 4] as const).map((quarter) => ({
          quarter,
          ...periodBounds(cloud, fiscalYear, quarter),
        }));
        // Collected, then asserted once: an expect per day would dominate the run time.
        const misplaced: string[] = [];
        for (let day = year.start; day <= year.end; day = dayAfter(day)) {
          const containing = quarters.filter(
            (quarter) => quarter.start <= day && day <= quarter.end,
          );
          const placed = fiscalPeriodOf(day, cloud);
          if (
            containing.length !== 1 ||
            placed.fiscalYear !== fiscalYear ||
            placed.quarter !== containing[0]?.quarter
          ) {
            misplaced.push(
              `${day}: in ${containing.length} quarters, placed in ${periodLabel(placed)}`,
            );
          }
        }
        expect(misplaced).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('any instant lies inside the bounds of the period it is placed in', () => {
    fc.assert(
      fc.property(
        cloudArbitrary,
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2200-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (cloud, date) => {
          const period = fiscalPeriodOf(date, cloud);
          const bounds = periodBounds(cloud, period.fiscalYear, period.quarter);
          const day = date.toISOString().slice(0, 10);
          expect(bounds.start <= day && day <= bounds.end).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('parse(format(period)) is the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), quarterArbitrary, (fiscalYear, quarter) => {
        expect(parsePeriodLabel(periodLabel({ fiscalYear, quarter }))).toEqual({
          fiscalYear,
          quarter,
        });
      }),
      { numRuns: 500 },
    );
  });
});
