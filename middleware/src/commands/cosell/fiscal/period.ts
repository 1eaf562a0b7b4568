// `cosell fiscal period`: which hyperscaler fiscal period a date falls in, with its boundaries.
import { Flags } from '@salesforce/sf-plugins-core';
import {
  fiscalPeriodOf,
  isInYearEndWindow,
  periodBounds,
  periodLabel,
  yearEndWindow,
} from '../../../core/fiscal.js';
import { cloudFlag } from '../../../cli/flags.js';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';

const messages = commandMessages('cosell.fiscal.period');

export type FiscalPeriodResult = {
  cloud: string;
  date: string;
  period: string;
  start: string;
  end: string;
  yearEndWindow: { start: string; end: string; inWindow: boolean };
};

export default class FiscalPeriod extends cosellCommand(messages)<FiscalPeriodResult> {
  public static readonly flags = {
    cloud: cloudFlag({ required: true, summary: messages.getMessage('flags.cloud.summary') }),
    date: Flags.string({
      char: 'd',
      summary: messages.getMessage('flags.date.summary'),
      required: true,
      parse: async (input: string) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input))
          throw messages.createError('error.badDate', [input]);
        return input;
      },
    }),
  };

  public async run(): Promise<FiscalPeriodResult> {
    const { flags } = await this.parse(FiscalPeriod);
    let period;
    try {
      period = fiscalPeriodOf(flags.date, flags.cloud);
    } catch (error) {
      throw messages.createError(
        'error.badDate',
        [flags.date],
        [],
        EXIT_CODES.badFlags,
        error as Error,
      );
    }
    const bounds = periodBounds(flags.cloud, period.fiscalYear, period.quarter);
    const window = yearEndWindow(flags.cloud, period.fiscalYear);
    const result: FiscalPeriodResult = {
      cloud: flags.cloud,
      date: flags.date,
      period: periodLabel(period),
      start: bounds.start,
      end: bounds.end,
      yearEndWindow: { ...window, inWindow: isInYearEndWindow(flags.date, flags.cloud) },
    };
    this.log(
      messages.getMessage('info.period', [
        result.date,
        result.cloud,
        result.period,
        result.start,
        result.end,
      ]),
    );
    if (result.yearEndWindow.inWindow) this.log(messages.getMessage('info.yearEnd', [window.end]));
    return result;
  }
}
