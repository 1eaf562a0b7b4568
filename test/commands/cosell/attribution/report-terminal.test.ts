// cosell attribution report in a terminal: money and rates in the locale given, the most telling
// columns on a narrow terminal, and the eight-quarter trend as a table, CSV or JSON.
import { afterEach, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { $$, printed, stubCommandUx, useCommandSandbox, ux } from '../support/command-context.js';
import { cleanFixture, NOW, report } from './report-fixtures.js';

describe('cosell attribution report', () => {
  useCommandSandbox();

  describe('in a terminal', () => {
    const columns = process.env.COLUMNS;
    afterEach(() => {
      if (columns === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = columns;
    });
    // Intl separates with no-break and narrow spaces; the tests read them as plain spaces.
    const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');
    const table = () => {
      const options = ux.table.firstCall.args[0] as {
        columns: Array<{ key: string }>;
        data: Array<Record<string, string>>;
      };
      return {
        columns: options.columns,
        data: options.data.map((row) =>
          Object.fromEntries(Object.entries(row).map(([key, cell]) => [key, plain(cell)])),
        ),
      };
    };

    it('writes money and rates for the locale given, while --json keeps machine numbers', async () => {
      process.env.COLUMNS = '200';
      const result = await report([
        '--file',
        cleanFixture(),
        '--rate',
        'EUR=1.08',
        '--now',
        NOW,
        '--locale',
        'de-DE',
      ]);
      const google = table().data.find(
        (row) => row.scope === 'Google' && row.period === 'FY2027Q1',
      )!;
      // 180,000 EUR at 1.08 = 194,400 USD, written the German way.
      expect(google.sourcedValue).toBe('194.400 $');
      expect(
        result.report.rows.find((row) => row.scope === 'Google' && row.period === 'FY2027Q1')!
          .sourced.value,
      ).toBe(194_400);
      $$.restore();
      stubCommandUx();
      await report([
        '--file',
        cleanFixture(),
        '--rate',
        'EUR=1.08',
        '--now',
        NOW,
        '--locale',
        'en-GB',
        '--format',
        'json',
      ]);
      expect(printed()).toContain('"value": 194400');
    });

    it('keeps the most telling columns when the terminal is narrow', async () => {
      process.env.COLUMNS = '200';
      await report([
        '--file',
        cleanFixture(),
        '--rate',
        'EUR=1.08',
        '--now',
        NOW,
        '--locale',
        'en-US',
      ]);
      expect(table().columns).toHaveLength(11);
      $$.restore();
      stubCommandUx();
      process.env.COLUMNS = '80';
      await report([
        '--file',
        cleanFixture(),
        '--rate',
        'EUR=1.08',
        '--now',
        NOW,
        '--locale',
        'en-US',
      ]);
      const keys = table().columns.map((column) => column.key);
      expect(keys).toEqual(
        expect.arrayContaining(['scope', 'period', 'sourcedValue', 'influencedValue']),
      );
      expect(keys.length).toBeLessThan(11);
      expect(keys).not.toContain('partnerAttachRateByCount');
    });

    it('prints the trend: eight fiscal quarters with dates, figures, samples and a direction marker', async () => {
      process.env.COLUMNS = '200';
      const result = await report([
        '--file',
        cleanFixture(),
        '--rate',
        'EUR=1.08',
        '--now',
        NOW,
        '--cloud',
        'microsoft',
        '--trend',
        '--locale',
        'en-US',
      ]);
      const rows = table().data;
      expect(rows.map((row) => row.period)).toEqual([
        'FY2025Q3',
        'FY2025Q4',
        'FY2026Q1',
        'FY2026Q2',
        'FY2026Q3',
        'FY2026Q4',
        'FY2027Q1',
        'FY2027Q2',
      ]);
      expect(rows.at(-1)).toMatchObject({
        dates: 'Oct 1 – Dec 31, 2026',
        influenced: expect.stringMatching(/^1 · \$100,000 (▲|\^)$/),
        acceptance: expect.stringContaining('(n=0, small)'),
      });
      expect(rows.at(-2)!.influenced).toMatch(/^0 · \$0 (▬|=)$/);
      // The series agrees with the report's own rows for every quarter.
      for (const point of result.trend!.points) {
        const row = result.rows.find(
          (candidate) => candidate.scope === 'Microsoft' && candidate.period === point.period,
        );
        expect([
          point.sourced.value,
          point.influenced.value,
          point.marketplaceTransactions.count,
        ]).toEqual([
          row?.sourcedValue ?? 0,
          row?.influencedValue ?? 0,
          row?.marketplaceTransactions ?? 0,
        ]);
      }
    });

    it('writes the trend as CSV or JSON with plain numbers, over the quarters asked', async () => {
      await report([
        '--file',
        cleanFixture(),
        '--rate',
        'EUR=1.08',
        '--now',
        NOW,
        '--trend',
        '--quarters',
        '4',
        '--format',
        'csv',
      ]);
      const lines = printed().split('\n');
      expect(
        lines[0]!.startsWith(
          'scope,calendar,period,periodStart,periodEnd,currency,sourcedCount,sourcedValue',
        ),
      ).toBe(true);
      expect(lines).toHaveLength(5);
      expect(lines.at(-1)).toContain('All clouds,Calendar year,FY2026Q4,2026-10-01,2026-12-31,USD');
      // Small-sample flags as the service's trend CSV writes them: true/false, not 1 and empty.
      const rows = parse(printed(), { columns: true }) as Array<Record<string, string>>;
      const flags = rows.flatMap((row) => [row.acceptanceSmallSample, row.timeToAcceptSmallSample]);
      expect(flags).toHaveLength(8);
      expect(flags.every((flag) => flag === 'true' || flag === 'false')).toBe(true);
      expect(flags).toContain('true');
    });
  });
});
