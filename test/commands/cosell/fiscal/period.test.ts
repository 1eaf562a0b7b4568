import { describe, expect, it } from '@jest/globals';
import FiscalPeriod from '../../../../middleware/src/commands/cosell/fiscal/period.js';
import { runCommand } from '../../../support/cli.js';
import { printed, useCommandSandbox } from '../support/command-context.js';

describe('cosell fiscal period', () => {
  useCommandSandbox();

  it('places a Microsoft date in its July-to-June fiscal year', async () => {
    const result = await runCommand(FiscalPeriod, ['--cloud', 'microsoft', '--date', '2026-08-15']);
    expect(result).toEqual({
      cloud: 'Microsoft',
      date: '2026-08-15',
      period: 'FY2027Q1',
      start: '2026-07-01',
      end: '2026-09-30',
      yearEndWindow: { start: '2027-05-17', end: '2027-06-30', inWindow: false },
    });
    expect(printed()).toContain('FY2027Q1');
  });

  it('reports the AWS calendar-year quarter and the year-end window', async () => {
    const result = await runCommand(FiscalPeriod, ['--cloud', 'aws', '--date', '2026-12-01']);
    expect(result.period).toBe('FY2026Q4');
    expect(result.yearEndWindow.inWindow).toBe(true);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(
      runCommand(FiscalPeriod, ['--cloud', 'aws', '--date', '15/08/2026']),
    ).rejects.toThrow(/not a calendar date/);
  });

  it('refuses an impossible calendar date', async () => {
    await expect(
      runCommand(FiscalPeriod, ['--cloud', 'aws', '--date', '2026-02-30']),
    ).rejects.toThrow(/not a calendar date/);
  });

  it('refuses an unknown cloud', async () => {
    await expect(
      runCommand(FiscalPeriod, ['--cloud', 'oracle', '--date', '2026-08-15']),
    ).rejects.toThrow(/aws, microsoft, google/);
  });
});
