// cosell attribution report from an export: influenced and sourced pipeline with converted amounts,
// small-sample uplift, CSV, unreadable rows and missing columns, and refused flags.
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { printed, useCommandSandbox, ux } from '../support/command-context.js';
import { cleanFixture, FIXTURE, NOW, report, scratch } from './report-fixtures.js';

describe('cosell attribution report', () => {
  useCommandSandbox();

  it('reports Microsoft FY2027 Q2 influenced pipeline from an export', async () => {
    const result = await report([
      '--file',
      cleanFixture(),
      '--cloud',
      'microsoft',
      '--period',
      'FY2027Q2',
      '--rate',
      'EUR=1.08',
      '--now',
      NOW,
    ]);
    expect(result.report).toMatchObject({
      cloud: 'Microsoft',
      period: 'FY2027Q2',
      reportingCurrency: 'USD',
    });
    // Fabrikam (Microsoft;AWS, partner-led, closing 2026-10-31) is the one Microsoft deal in Oct–Dec.
    expect(result.rows).toEqual([
      expect.objectContaining({
        scope: 'Microsoft',
        period: 'FY2027Q2',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        opportunities: 1,
        influencedCount: 1,
        influencedValue: 100_000,
        sourcedCount: 0,
      }),
    ]);
    expect(result.rejectedRows).toEqual([]);
    expect(process.exitCode).toBeUndefined();
    expect(
      (ux.table.firstCall.args[0].columns as Array<{ key: string }>).map((column) => column.key),
    ).toEqual(expect.arrayContaining(['scope', 'period', 'sourcedCount', 'influencedCount']));
  });

  it('separates sourced from influenced and converts euro amounts', async () => {
    const result = await report([
      '--file',
      cleanFixture(),
      '--rate',
      'EUR=1.08',
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    const google = result.report.rows.filter((row) => row.scope === 'Google');
    const sourced = google.reduce((sum, row) => sum + row.sourced.value, 0);
    const influenced = google.reduce((sum, row) => sum + row.influenced.value, 0);
    expect(sourced).toBeCloseTo(180_000 * 1.08); // Contoso, referred by Google, in EUR
    expect(influenced).toBe(60_000); // Tailspin, partner-led
    expect(JSON.parse(ux.log.firstCall.args[0] ?? '')).toEqual(
      JSON.parse(JSON.stringify(result.report)),
    );
  });

  it('shows a small-sample win-rate uplift with its sample sizes and a low-confidence marker', async () => {
    const header = readFileSync(FIXTURE, 'utf8').split('\n')[0];
    const deal = (id: string, won: boolean, cloud: string, origin: string) =>
      `006Hs00001${id}AAA,Deal ${id} analytics,100000,USD,${won ? 'Closed Won' : 'Closed Lost'},true,${won},2026-05-15,2026-02-01T10:00:00.000Z,2026-05-15T10:00:00.000Z,Customer ${id} data platform,Customer ${id},New Business,${cloud},${origin},,Architecture validation,,,,Data`;
    const lines = [
      deal('Cos01', true, 'AWS', 'Partner-led'),
      deal('Cos02', true, 'AWS', 'Partner-led'),
      deal('Cos03', false, 'AWS', 'Partner-led'),
      deal('Dir01', true, '', ''),
      deal('Dir02', false, '', ''),
      deal('Dir03', false, '', ''),
      deal('Dir04', false, '', ''),
    ];
    const path = join(scratch, 'small.csv');
    writeFileSync(path, [header, ...lines].join('\n'));
    const result = await report([
      '--file',
      path,
      '--cloud',
      'aws',
      '--now',
      NOW,
      '--locale',
      'en-US',
    ]);
    expect(result.report.rows[0]?.conversion.uplift.winRatePoints).toMatchObject({
      status: 'measured',
      lowConfidence: true,
      coSoldSample: 3,
      directOnlySample: 4,
      value: 41.6667,
    });
    const cell = ux.table.firstCall.args[0].data[0]?.winRateUpliftPoints;
    expect(cell).toBe('+41.7 pts (3/4 closed, low confidence)');
  });

  it('prints every flattened row as CSV with a header', async () => {
    const result = await report([
      '--file',
      cleanFixture(),
      '--rate',
      'EUR=1.08',
      '--now',
      NOW,
      '--format',
      'csv',
    ]);
    const lines = printed().split('\n');
    expect(
      lines[0]?.startsWith('scope,calendar,period,periodStart,periodEnd,currency,opportunities'),
    ).toBe(true);
    expect(lines).toHaveLength(result.rows.length + 1);
  });

  it('stops with the opportunity and currency when a rate is missing', async () => {
    await expect(report(['--file', cleanFixture(), '--now', NOW])).rejects.toThrow(
      'Opportunity 006Hs00001Cts02AAA is in EUR, which has no exchange rate into USD.',
    );
  });

  it('lists unreadable rows, still reports the others, and exits non-zero', async () => {
    const result = await report(['--file', FIXTURE, '--rate', 'EUR=1.08', '--now', NOW, '--json']);
    expect(result.rejectedRows.map((finding) => [finding.row, finding.field])).toEqual([
      [6, 'Amount'],
      [6, 'CloseDate'],
      [6, 'CoSell_Clouds__c'],
    ]);
    expect(result.report.totals.reduce((sum, row) => sum + row.opportunities.count, 0)).toBe(5);
    expect(process.exitCode).toBe(1);
  });

  it('names the missing columns', async () => {
    const thin = join(scratch, 'thin.csv');
    writeFileSync(
      thin,
      'Id,Name,Amount,StageName,IsClosed,IsWon,CloseDate,CreatedDate,LastModifiedDate,Account.Name,CoSell_Clouds__c\n',
    );
    await expect(report(['--file', thin, '--now', NOW])).rejects.toThrow(
      'The export has no column CoSell_Origin__c, CoSell_Originating_Cloud__c.',
    );
  });

  it('refuses a locale it cannot write, and --trend with --period or --quarters without --trend', async () => {
    await expect(
      report(['--file', cleanFixture(), '--rate', 'EUR=1.08', '--locale', 'not a locale!']),
    ).rejects.toThrow(/is not a locale/);
    await expect(
      report(['--file', cleanFixture(), '--trend', '--period', 'FY2027Q1']),
    ).rejects.toThrow(
      /--period=FY2027Q1 cannot also be provided when using --trend|cannot also be provided/,
    );
    await expect(report(['--file', cleanFixture(), '--quarters', '4'])).rejects.toThrow(/--trend/);
    await expect(report(['--file', cleanFixture(), '--trend', '--quarters', '41'])).rejects.toThrow(
      /40/,
    );
  });

  it('refuses bad flags: period, rate, currency, cloud and format', async () => {
    await expect(report(['--file', FIXTURE, '--period', '2027-Q1'])).rejects.toThrow(
      /not a fiscal period/,
    );
    await expect(report(['--file', FIXTURE, '--rate', 'EUR:1.08'])).rejects.toThrow(
      /not an exchange rate/,
    );
    await expect(report(['--file', FIXTURE, '--rate', 'EUR=0'])).rejects.toThrow(
      /not an exchange rate/,
    );
    await expect(report(['--file', FIXTURE, '--currency', 'dollars'])).rejects.toThrow(
      /reportingCurrency/,
    );
    await expect(report(['--file', FIXTURE, '--cloud', 'oracle'])).rejects.toThrow(
      /aws, microsoft, google/,
    );
    await expect(report(['--file', FIXTURE, '--format', 'xlsx'])).rejects.toThrow(
      /table, csv, json/,
    );
  });
});
