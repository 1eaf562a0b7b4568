// `cosell attribution report`: sourced vs influenced pipeline and RevOps metrics from a Salesforce export.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  DEFAULT_TREND_QUARTERS,
  MAX_TREND_QUARTERS,
  attributionReportRows,
  attributionTrend,
  attributionTrendRows,
  createAttributionReport,
  type AttributionReport,
  type AttributionTrend,
  type ReportCell,
} from '../../../core/attribution/index.js';
import {
  ASCII_MARKERS,
  UNICODE_MARKERS,
  reportTable,
  terminalWidth,
  trendTable,
} from '../../../cli/attribution-tables.js';
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
  nowFlag,
  reportFlags,
  reportFormat,
  type ReportFormat,
  whereFlag,
} from '../../../cli/flags.js';
import { orgConnection } from '../../../salesforce/org-reads/org-connection.js';
import {
  readMeter,
  readOpportunities,
  type OpportunitySource,
} from '../../../cli/opportunity-source.js';
import { boundHeapGrowth } from '../../../cli/heap-budget.js';
import { readProgress } from '../../../cli/read-progress.js';
import { deliverReport, toCsv } from '../../../cli/report-output.js';
import { terminalSafeRows } from '../../../cli/terminal-safe.js';
import {
  ATTRIBUTION_COLUMNS,
  ExportFormatError,
  MissingColumnsError,
  type ExportFinding,
} from '../../../salesforce/exports/index.js';
import { OrgSchemaError } from '../../../salesforce/org-reads/opportunities.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.attribution.report');

export type AttributionReportResult = {
  /** The export read, or null when the opportunities came from an org. */
  file: string | null;
  /** The org's username with --target-org, else null. */
  targetOrg: string | null;
  report: AttributionReport;
  rows: Array<Record<string, ReportCell>>;
  /** With --trend: the last --quarters fiscal quarters of the cloud (or all clouds), else null. */
  trend: AttributionTrend | null;
  rejectedRows: ExportFinding[];
};

/** `EUR=1.08`: reporting-currency units per one unit of the code. */
const RATE = /^[A-Z]{3}=\d+(?:\.\d+)?$/;

export default class AttributionReportCommand extends SfCommand<AttributionReportResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    file: Flags.file({
      char: 'f',
      exists: true,
      exclusive: ['target-org'],
      summary: messages.getMessage('flags.file.summary'),
    }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    where: whereFlag(),
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
    currency: Flags.string({
      default: 'USD',
      summary: messages.getMessage('flags.currency.summary'),
    }),
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
    rate: Flags.string({
      multiple: true,
      summary: messages.getMessage('flags.rate.summary'),
      parse: async (input: string) => {
        if (!RATE.test(input.trim()) || !(Number(input.split('=')[1]) > 0))
          throw messages.createError('error.badRate', [input]);
        return input.trim();
      },
    }),
    ...reportFlags,
    now: nowFlag,
  };

  public async run(): Promise<AttributionReportResult> {
    const { flags } = await this.parse(AttributionReportCommand);
    const format = reportFormat(flags);
    const org = flags.file ? undefined : flags['target-org'];
    if (!flags.file && !org)
      throw messages.createError('error.noSource', [], [], EXIT_CODES.badFlags);
    if (flags.file && flags.where)
      throw messages.createError('error.whereNeedsOrg', [], [], EXIT_CODES.badFlags);
    const reportingCurrency = flags.currency;
    let locale: string;
    try {
      locale = userLocale(flags.locale);
    } catch (error) {
      if (error instanceof LocaleError)
        throw messages.createError(
          'error.badLocale',
          [flags.locale],
          [],
          EXIT_CODES.badFlags,
          error,
        );
      throw error;
    }
    let builder: ReturnType<typeof createAttributionReport>;
    try {
      builder = createAttributionReport({
        ...(flags.cloud ? { cloud: flags.cloud } : {}),
        ...(flags.period
          ? { period: { fiscalYear: flags.period.fiscalYear, quarter: flags.period.quarter } }
          : {}),
        reportingCurrency,
        rates: Object.fromEntries(
          (flags.rate ?? []).map((rate) => [rate.slice(0, 3), Number(rate.slice(4))]),
        ),
        now: flags.now ? new Date(flags.now) : new Date(),
      });
    } catch (error) {
      if (
        error instanceof AttributionReportOptionError ||
        error instanceof ExchangeRateSettingError
      ) {
        throw messages.createError(
          'error.badOption',
          [error.message],
          [],
          EXIT_CODES.badFlags,
          error,
        );
      }
      throw error;
    }
    const source: OpportunitySource = org
      ? {
          kind: 'org',
          connection: orgConnection(org.getConnection(flags['api-version'])),
          purpose: 'attribution',
          defaultCurrency: reportingCurrency,
          ...(flags.where ? { where: flags.where } : {}),
        }
      : { kind: 'file', file: flags.file as string, requiredColumns: ATTRIBUTION_COLUMNS };
    const rejectedRows: ExportFinding[] = [];
    boundHeapGrowth(); // a long read: keep the heap near what it holds
    const meter = readMeter(source);
    const progress = readProgress(this, meter, messages.getMessage('info.progress'));
    if (org) this.spinner.start(messages.getMessage('info.querying', [org.getUsername() ?? '']));
    try {
      for await (const row of readOpportunities(source, meter)) {
        progress.tick();
        if (row.kind === 'rejected') rejectedRows.push(...row.findings);
        else builder.add(row.opportunity);
      }
    } catch (error) {
      if (error instanceof MissingColumnsError)
        throw messages.createError('error.missingColumns', [error.columns.join(', ')], [], error);
      if (error instanceof ExportFormatError)
        throw messages.createError('error.unreadable', [error.message], [], error);
      if (error instanceof MissingExchangeRateError) {
        throw messages.createError(
          'error.missingRate',
          [error.opportunityId, error.currency, reportingCurrency],
          [error.currency, error.currency],
          error,
        );
      }
      if (error instanceof OrgSchemaError)
        throw messages.createError(
          'error.orgNotReady',
          [error.message],
          [],
          EXIT_CODES.orgNotReady,
          error,
        );
      throw error;
    } finally {
      progress.stop();
      if (org) this.spinner.stop();
    }
    const report = builder.result();
    const rows = attributionReportRows(report);
    const trend = flags.trend
      ? attributionTrend(report, flags.quarters ?? DEFAULT_TREND_QUARTERS)
      : null;
    const written = trend
      ? this.renderTrend(format, trend, locale, flags.output)
      : this.render(format, report, rows, locale, flags.output);
    if (flags.output) this.log(messages.getMessage('info.written', [written, flags.output]));
    if (rejectedRows.length > 0) {
      for (const finding of rejectedRows) this.warn(finding.message);
      this.log(
        messages.getMessage('info.rejected', [
          new Set(rejectedRows.map((finding) => finding.row)).size,
        ]),
      );
      process.exitCode = EXIT_CODES.findings;
    }
    return {
      file: flags.file ?? null,
      targetOrg: org?.getUsername() ?? null,
      report,
      rows,
      trend,
      rejectedRows,
    };
  }

  /** Prints or writes the report; returns how many rows were written. */
  private render(
    format: ReportFormat,
    report: AttributionReport,
    rows: Array<Record<string, ReportCell>>,
    locale: string,
    output: string | undefined,
  ): number {
    if (format === 'json') deliverReport(this, JSON.stringify(report, null, 2), output);
    else if (format === 'csv')
      deliverReport(
        this,
        toCsv(rows, Object.keys(rows[0] ?? {}), { header: true }).trimEnd(),
        output,
      );
    else
      this.printTable(
        reportTable(rows, figureFormat(locale, report.reportingCurrency), terminalWidth()),
      );
    return rows.length;
  }

  /** Prints or writes the trend, one row per quarter; returns how many quarters were written. */
  private renderTrend(
    format: ReportFormat,
    trend: AttributionTrend,
    locale: string,
    output: string | undefined,
  ): number {
    const rows = attributionTrendRows(trend);
    if (format === 'json') deliverReport(this, JSON.stringify(trend, null, 2), output);
    else if (format === 'csv')
      deliverReport(
        this,
        toCsv(rows, Object.keys(rows[0] ?? {}), { header: true }).trimEnd(),
        output,
      );
    else {
      const markers = terminalIsUnicode() ? UNICODE_MARKERS : ASCII_MARKERS;
      this.printTable(
        trendTable(trend, figureFormat(locale, trend.reportingCurrency), terminalWidth(), markers),
      );
    }
    return rows.length;
  }

  private printTable(table: ReturnType<typeof reportTable>): void {
    // Cells come from the data (stage names, scopes): escape sequences must not drive the terminal.
    this.table({
      data: terminalSafeRows(table.data),
      columns: table.columns,
      maxWidth: terminalWidth(),
      overflow: 'wrap',
    });
  }
}
