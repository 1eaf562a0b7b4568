import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { COLUMN_KINDS, readCell } from '../../middleware/src/salesforce/exports/index.js';

describe('readCell', () => {
  it.each([
    ['2026-08-15T10:00:00.000Z', '2026-08-15T10:00:00.000Z'],
    ['2026-08-15T10:00:00.000+0000', '2026-08-15T10:00:00.000Z'],
    ['2026-08-15T12:00:00.000+02:00', '2026-08-15T10:00:00.000Z'],
    ['2026-08-15T10:00:00Z', '2026-08-15T10:00:00.000Z'],
    ['2026-08-15T10:00Z', '2026-08-15T10:00:00.000Z'],
    ['2026-08-15T10:00:00.5-0130', '2026-08-15T11:30:00.500Z'],
  ])('reads the datetime %s as %s', (raw, expected) => {
    expect(readCell(raw, COLUMN_KINDS.createdDate)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '2026-08-15',
    '2026-08-15 10:00:00',
    '2026-13-01T10:00:00.000Z',
    '2026-08-15T24:00:00.000Z',
    '15/08/2026 10:00',
  ])('refuses the datetime %s', (raw) => {
    expect(readCell(raw, COLUMN_KINDS.lastModifiedDate)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('is not a datetime'),
    });
  });

  it('reads booleans as true/false or 1/0 in any case, and nothing else', () => {
    expect(
      ['TRUE', 'false', '1', '0', ' True '].map((raw) => readCell(raw, COLUMN_KINDS.isWon)),
    ).toEqual([true, false, true, false, true].map((value) => ({ ok: true, value })));
    expect(readCell('Y', COLUMN_KINDS.isWon)).toEqual({
      ok: false,
      problem: '"Y" is not a boolean (true/false or 1/0)',
    });
  });

  it('reads plain decimal amounts and refuses formatted ones', () => {
    expect(readCell('240000.50', COLUMN_KINDS.amount)).toEqual({ ok: true, value: 240_000.5 });
    expect(readCell('-1500', COLUMN_KINDS.amount)).toEqual({ ok: true, value: -1500 });
    for (const raw of ['240,000', '$240000', '1e6', 'NaN', '12.5.1'])
      expect(readCell(raw, COLUMN_KINDS.amount)).toMatchObject({ ok: false });
  });

  it('splits multi-selects on ";", trimming and dropping duplicates and empty parts', () => {
    expect(readCell(' AWS ; Microsoft;;AWS ', COLUMN_KINDS['coSell.clouds'])).toEqual({
      ok: true,
      value: ['AWS', 'Microsoft'],
    });
    expect(readCell('AWS;GCP;Azure', COLUMN_KINDS['coSell.clouds'])).toEqual({
      ok: false,
      problem: '"GCP", "Azure" not among AWS, Microsoft, Google',
    });
  });

  it('checks picklists against the Salesforce values exactly', () => {
    expect(readCell('Microsoft MACC', COLUMN_KINDS['coSell.commitDrawdown'])).toEqual({
      ok: true,
      value: 'Microsoft MACC',
    });
    expect(readCell('MACC', COLUMN_KINDS['coSell.commitDrawdown'])).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"MACC" is not one of None, AWS EDP'),
    });
  });

  it('reads a date only when it is a calendar day', () => {
    const read = (raw: string) => readCell(raw, COLUMN_KINDS.closeDate).ok;
    expect(['2028-02-29', '2000-02-29', '2026-12-31', '0100-01-01'].map(read)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['2027-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'].map(
        read,
      ),
    ).toEqual([false, false, false, false, false, false]);
    // Years below 100 were never days here (a Date reads them as 19xx): still refused.
    expect(readCell('0050-01-01', COLUMN_KINDS.closeDate)).toEqual({
      ok: false,
      problem: '"0050-01-01" is not a date (YYYY-MM-DD)',
    });
  });

  it('reads a date exactly when a calendar holds that day, in years from 100 on', () => {
    const digits = (count: number) =>
      fc
        .array(fc.constantFrom(...'0123456789'), { minLength: count, maxLength: count })
        .map((list) => list.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(digits(4), digits(2), digits(2)),
          // Mostly plausible days, so leap days and month ends come up often.
          fc.tuple(
            fc.integer({ min: 0, max: 9999 }).map((year) => String(year).padStart(4, '0')),
            fc.integer({ min: 0, max: 13 }).map((month) => String(month).padStart(2, '0')),
            fc.integer({ min: 0, max: 32 }).map((day) => String(day).padStart(2, '0')),
          ),
        ),
        ([year, month, day]) => {
          const raw = `${year}-${month}-${day}`;
          const date = new Date(0);
          date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
          const onCalendar =
            Number(year) >= 100 && date.toISOString().slice(0, 10) === raw.padStart(10, '0');
          expect(readCell(raw, COLUMN_KINDS.closeDate)).toEqual(
            onCalendar
              ? { ok: true, value: raw }
              : { ok: false, problem: `"${raw}" is not a date (YYYY-MM-DD)` },
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads a multi-select with one value or several, and names the unknown ones', () => {
    const clouds = COLUMN_KINDS['coSell.clouds'];
    expect(readCell('AWS', clouds)).toEqual({ ok: true, value: ['AWS'] });
    expect(readCell('AWS; Google;AWS', clouds)).toEqual({ ok: true, value: ['AWS', 'Google'] });
    expect(readCell('Azure', clouds)).toEqual({
      ok: false,
      problem: '"Azure" not among AWS, Microsoft, Google',
    });
    expect(readCell('AWS;Azure', clouds)).toEqual({
      ok: false,
      problem: '"Azure" not among AWS, Microsoft, Google',
    });
  });

  it('leaves empty cells undefined so the model default applies', () => {
    expect(readCell('  ', COLUMN_KINDS.description)).toEqual({ ok: true, value: undefined });
    expect(readCell(undefined, COLUMN_KINDS['coSell.helpNeeded'])).toEqual({
      ok: true,
      value: undefined,
    });
  });
});
