// `cosell attribution report`: sourced vs influenced pipeline and RevOps metrics from a Salesforce export.
import { createReadStream } from 'node:fs';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { stringify } from 'csv-stringify/sync';
import {
  AttributionReportOptionError,
  ExchangeRateSettingError,
  MissingExchangeRateError,
  attributionReportRows,
  createAttributionReport,
  type AttributionReport,
  type ReportCell,
} from '../../../core/attribution/index.js';
import { parsePeriodLabel, type Quarter } from '../../../core/fiscal.js';
import { cloudFlag } from '../../../cli/flags.js';
import { ATTRIBUTION_COLUMNS, ExportFormatError, MissingColumnsError, readOpportunityExport, type ExportFinding } from '../../../salesforce-export/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.attribution.report');

export type AttributionReportResult = {
  file: string;
  report: AttributionReport;
  rows: Array<Record<string, ReportCell>>;
  rejectedRows: ExportFinding[];
};

/** `EUR=1.08`: reporting-currency units per one unit of the code. */
const RATE = /^[A-Z]{3}=\d+(?:\.\d+)?$/;

/** The columns a person reads first; CSV and JSON carry every column. */
const TABLE_COLUMNS = [
  'scope', 'period', 'currency', 'opportunities', 'sourcedCount', 'sourcedValue', 'influencedCount', 'influencedValue',
  'coSellOpenValue', 'winRateUpliftPoints', 'marketplaceTransactions', 'partnerAttachRateByCount',
] as const;

export default class AttributionReportCommand extends SfCommand<AttributionReportResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    file: Flags.file({ char: 'f', required: true, exists: true, summary: messages.getMessage('flags.file.summary') }),
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
    currency: Flags.string({ default: 'USD', summary: messages.getMessage('flags.currency.summary') }),
    rate: Flags.string({
      multiple: true,
      summary: messages.getMessage('flags.rate.summary'),
      parse: async (input: string) => {
        if (!RATE.test(input.trim()) || !(Number(input.split('=')[1]) > 0)) throw messages.createError('error.badRate', [input]);
        return input.trim();
      },
    }),
    format: Flags.option({ options: ['table', 'csv', 'json'] as const, default: 'table', summary: messages.getMessage('flags.format.summary') })(),
    now: Flags.string({
      summary: messages.getMessage('flags.now.summary'),
      parse: async (input: string) => {
        if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(input) || Number.isNaN(Date.parse(input))) throw messages.createError('error.badNow', [input]);
        return input;
      },
    }),
  };

  public async run(): Promise<AttributionReportResult> {
    const { flags } = await this.parse(AttributionReportCommand);
    const reportingCurrency = flags.currency;
    let builder: ReturnType<typeof createAttributionReport>;
    try {
      builder = createAttributionReport({
        ...(flags.cloud ? { cloud: flags.cloud } : {}),
        ...(flags.period ? { period: { fiscalYear: flags.period.fiscalYear, quarter: flags.period.quarter } } : {}),
        reportingCurrency,
        rates: Object.fromEntries((flags.rate ?? []).map((rate) => [rate.slice(0, 3), Number(rate.slice(4))])),
        now: flags.now ? new Date(flags.now) : new Date(),
      });
    } catch (error) {
      if (error instanceof AttributionReportOptionError || error instanceof ExchangeRateSettingError) {
        throw messages.createError('error.badOption', [error.message], [], error);
      }
      throw error;
    }
    const rejectedRows: ExportFinding[] = [];
    try {
      for await (const row of readOpportunityExport(createReadStream(flags.file), { requiredColumns: ATTRIBUTION_COLUMNS })) {
        if (row.kind === 'rejected') rejectedRows.push(...row.findings);
        else builder.add(row.opportunity);
      }
    } catch (error) {
      if (error instanceof MissingColumnsError) throw messages.createError('error.missingColumns', [error.columns.join(', ')], [], error);
      if (error instanceof ExportFormatError) throw messages.createError('error.unreadable', [error.message], [], error);
      if (error instanceof MissingExchangeRateError) {
        throw messages.createError('error.missingRate', [error.opportunityId, error.currency, reportingCurrency], [error.currency, error.currency], error);
      }
      throw error;
    }
    const report = builder.result();
    const rows = attributionReportRows(report);
    this.render(flags.format, report, rows);
    if (rejectedRows.length > 0) {
      for (const finding of rejectedRows) this.warn(finding.message);
      this.log(messages.getMessage('info.rejected', [new Set(rejectedRows.map((finding) => finding.row)).size]));
      process.exitCode = 1;
    }
    return { file: flags.file, report, rows, rejectedRows };
  }

  private render(format: 'table' | 'csv' | 'json', report: AttributionReport, rows: Array<Record<string, ReportCell>>): void {
    if (format === 'json') this.log(JSON.stringify(report, null, 2));
    else if (format === 'csv') this.log(stringify(rows, { header: true, columns: Object.keys(rows[0] ?? {}) }).trimEnd());
    else {
      this.table({
        data: rows.map((row) => Object.fromEntries(TABLE_COLUMNS.map((column) => [column, row[column] ?? '']))),
        columns: [...TABLE_COLUMNS],
      });
    }
  }
}
