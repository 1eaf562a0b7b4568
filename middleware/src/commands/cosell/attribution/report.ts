// `cosell attribution report`: sourced vs influenced pipeline and RevOps metrics from a Salesforce export.
import { Flags } from '@salesforce/sf-plugins-core';
import { csvText } from '../../../core/csv-safe.js';
import {
  DEFAULT_TREND_QUARTERS,
  MAX_TREND_QUARTERS,
  attributionReportRows,
  attributionTrend,
  attributionTrendRows,
  type AttributionReport,
  type AttributionTrend,
  type ReportCell,
} from '../../../core/attribution/index.js';
import {
  ASCII_MARKERS,
  UNICODE_MARKERS,
  reportTable,
  trendTable,
} from '../../../cli/attribution-tables.js';
import { printTable, terminalWidth, type TerminalTable } from '../../../cli/terminal-table.js';
import { attributionBuilder, missingRateError } from '../../../cli/attribution-builder.js';
import {
  LocaleError,
  figureFormat,
  terminalIsUnicode,
  userLocale,
} from '../../../cli/locale-format.js';
import { parsePeriodLabel, type Quarter } from '../../../core/fiscal.js';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import {
  cloudFlag,
  currencyFlags,
  nowFlag,
  ratesOf,
  reportFlags,
  reportFormat,
  type ReportFormat,
} from '../../../cli/flags.js';
import { ATTRIBUTION_HEAP_GROWING_PERCENT } from '../../../cli/heap-budget.js';
import { OpportunityRead, type ReadSource } from '../../../cli/opportunity-read.js';
import { deliverReport } from '../../../cli/report-output.js';
import { ATTRIBUTION_COLUMNS, type ExportFinding } from '../../../salesforce/exports/index.js';
import { commandMessages, cosellCommand, wordedError } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';

const messages = commandMessages('cosell.attribution.report');

export type AttributionReportResult = ReadSource & {
  report: AttributionReport;
  rows: Array<Record<string, ReportCell>>;
  /** With --trend: the last --quarters fiscal quarters of the cloud (or all clouds), else null. */
  trend: AttributionTrend | null;
  rejectedRows: ExportFinding[];
};

const { currency, rate } = currencyFlags(messages);

export default class AttributionReportCommand extends cosellCommand(
  messages,
)<AttributionReportResult> {
  public static readonly flags = {
    ...OpportunityRead.flags(messages),
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    period: Flags.custom<{ fiscalYear: number; quarter: Quarter | null; label: string }>({
      summary: messages.getMessage('flags.period.summary'),
      parse: async (input: string) => {
        try {
          return { ...parsePeriodLabel(input), label: input };
        } catch (error) {
          throw messages.createError('error.badPeriod', [input], [], error as Error);
        }
      },
    })(),
    currency,
    trend: Flags.boolean({
      exclusive: ['period'],
      summary: messages.getMessage('flags.trend.summary'),
    }),
    quarters: Flags.integer({
      min: 1,
      max: MAX_TREND_QUARTERS,
      dependsOn: ['trend'],
      summary: messages.getMessage('flags.quarters.summary', [DEFAULT_TREND_QUARTERS]),
    }),
    locale: Flags.string({ summary: messages.getMessage('flags.locale.summary') }),
    rate,
    ...reportFlags,
    now: nowFlag,
  };

  public async run(): Promise<AttributionReportResult> {
    const { flags } = await this.parse(AttributionReportCommand);
    const format = reportFormat(flags);
    const org = OpportunityRead.chosenOrg(flags, messages);
    const reportingCurrency = flags.currency;
    let locale: string;
    try {
      locale = userLocale(flags.locale);
    } catch (error) {
      throw wordedError(messages, error, [LocaleError], 'error.badLocale', EXIT_CODES.badFlags, [
        flags.locale,
      ]);
    }
    const builder = attributionBuilder(messages, {
      ...(flags.cloud ? { cloud: flags.cloud } : {}),
      ...(flags.period
        ? { period: { fiscalYear: flags.period.fiscalYear, quarter: flags.period.quarter } }
        : {}),
      reportingCurrency,
      rates: ratesOf(flags.rate),
      now: flags.now ? new Date(flags.now) : new Date(),
    });
    const read = new OpportunityRead(flags, org, {
      purpose: 'attribution',
      requiredColumns: ATTRIBUTION_COLUMNS,
      currency: reportingCurrency,
      heapGrowingPercent: ATTRIBUTION_HEAP_GROWING_PERCENT,
      // Its CPU is at its goal's edge and its peak well under 300 MB: V8 keeps its own young size.
      semiSpaceMb: null,
    });
    const rejectedRows: ExportFinding[] = [];
    await read.rows(this, messages, {
      row(row) {
        if (row.kind === 'rejected') rejectedRows.push(...row.findings);
        else builder.add(row.opportunity);
      },
      error: (error) => missingRateError(messages, reportingCurrency, error),
    });
    const report = builder.result();
    const rows = attributionReportRows(report);
    const trend = flags.trend
      ? attributionTrend(report, flags.quarters ?? DEFAULT_TREND_QUARTERS)
      : null;
    const written = trend
      ? this.render(format, trend, attributionTrendRows(trend), flags.output, () =>
          trendTable(
            trend,
            figureFormat(locale, trend.reportingCurrency),
            terminalWidth(),
            terminalIsUnicode() ? UNICODE_MARKERS : ASCII_MARKERS,
          ),
        )
      : this.render(format, report, rows, flags.output, () =>
          reportTable(rows, figureFormat(locale, report.reportingCurrency), terminalWidth()),
        );
    if (flags.output)
      this.log(messages.getMessage('info.written', [counted(written, 'reportRow'), flags.output]));
    if (rejectedRows.length > 0) {
      for (const finding of rejectedRows) this.warn(finding.message);
      this.log(
        messages.getMessage('info.rejected', [
          counted(new Set(rejectedRows.map((finding) => finding.row)).size, 'unreadableRow'),
        ]),
      );
      process.exitCode = EXIT_CODES.findings;
    }
    return {
      ...read.origin,
      report,
      rows,
      trend,
      rejectedRows,
    };
  }

  /**
   * Writes the report or trend as JSON (`data`) or CSV (`rows`), or prints its table for the
   * terminal; returns how many rows (report lines or quarters) were written.
   */
  private render(
    format: ReportFormat,
    data: AttributionReport | AttributionTrend,
    rows: ReadonlyArray<Record<string, unknown>>,
    output: string | undefined,
    table: () => TerminalTable,
  ): number {
    if (format === 'json') deliverReport(this, JSON.stringify(data, null, 2), output);
    else if (format === 'csv')
      deliverReport(
        this,
        csvText(rows, Object.keys(rows[0] ?? {}), { header: true }).trimEnd(),
        output,
      );
    else printTable(this, table());
    return rows.length;
  }
}
