// `cosell attribution report`: sourced vs influenced pipeline and RevOps metrics from a Salesforce export.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
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
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { cloudFlag, nowFlag, reportFlags, reportFormat, type ReportFormat, whereFlag } from '../../../cli/flags.js';
import { orgConnection } from '../../../cli/org-connection.js';
import { readMeter, readOpportunities, type OpportunitySource } from '../../../cli/opportunity-source.js';
import { boundHeapGrowth } from '../../../cli/heap-budget.js';
import { readProgress } from '../../../cli/read-progress.js';
import { deliverReport, toCsv } from '../../../cli/report-output.js';
import { terminalSafeRows } from '../../../cli/terminal-safe.js';
import { ATTRIBUTION_COLUMNS, ExportFormatError, MissingColumnsError, type ExportFinding } from '../../../salesforce-export/index.js';
import { OrgSchemaError } from '../../../salesforce-query/opportunities.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.attribution.report');

export type AttributionReportResult = {
  /** The export read, or null when the opportunities came from an org. */
  file: string | null;
  /** The org's username with --target-org, else null. */
  targetOrg: string | null;
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

/** The win-rate uplift with its samples, marked when either side is below the minimum: `+30 (4/6 closed, low confidence)`. */
function winRateCell(row: Record<string, ReportCell>): string {
  const value = row.winRateUpliftPoints;
  const samples = `${row.coSoldClosed}/${row.directOnlyClosed} closed`;
  if (typeof value !== 'number') return `${value ?? ''} (${samples})`;
  const figure = `${value > 0 ? '+' : ''}${value}`;
  return row.winRateUpliftConfidence === 'low' ? `${figure} (${samples}, low confidence)` : `${figure} (${samples})`;
}

export default class AttributionReportCommand extends SfCommand<AttributionReportResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    file: Flags.file({ char: 'f', exists: true, exclusive: ['target-org'], summary: messages.getMessage('flags.file.summary') }),
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
    currency: Flags.string({ default: 'USD', summary: messages.getMessage('flags.currency.summary') }),
    rate: Flags.string({
      multiple: true,
      summary: messages.getMessage('flags.rate.summary'),
      parse: async (input: string) => {
        if (!RATE.test(input.trim()) || !(Number(input.split('=')[1]) > 0)) throw messages.createError('error.badRate', [input]);
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
    if (!flags.file && !org) throw messages.createError('error.noSource', [], [], EXIT_CODES.badFlags);
    if (flags.file && flags.where) throw messages.createError('error.whereNeedsOrg', [], [], EXIT_CODES.badFlags);
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
        throw messages.createError('error.badOption', [error.message], [], EXIT_CODES.badFlags, error);
      }
      throw error;
    }
    const source: OpportunitySource = org
      ? { kind: 'org', connection: orgConnection(org.getConnection(flags['api-version'])), purpose: 'attribution', defaultCurrency: reportingCurrency, ...(flags.where ? { where: flags.where } : {}) }
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
      if (error instanceof MissingColumnsError) throw messages.createError('error.missingColumns', [error.columns.join(', ')], [], error);
      if (error instanceof ExportFormatError) throw messages.createError('error.unreadable', [error.message], [], error);
      if (error instanceof MissingExchangeRateError) {
        throw messages.createError('error.missingRate', [error.opportunityId, error.currency, reportingCurrency], [error.currency, error.currency], error);
      }
      if (error instanceof OrgSchemaError) throw messages.createError('error.orgNotReady', [error.message], [], EXIT_CODES.orgNotReady, error);
      throw error;
    } finally {
      progress.stop();
      if (org) this.spinner.stop();
    }
    const report = builder.result();
    const rows = attributionReportRows(report);
    this.render(format, report, rows, flags.output);
    if (flags.output) this.log(messages.getMessage('info.written', [rows.length, flags.output]));
    if (rejectedRows.length > 0) {
      for (const finding of rejectedRows) this.warn(finding.message);
      this.log(messages.getMessage('info.rejected', [new Set(rejectedRows.map((finding) => finding.row)).size]));
      process.exitCode = EXIT_CODES.findings;
    }
    return { file: flags.file ?? null, targetOrg: org?.getUsername() ?? null, report, rows, rejectedRows };
  }

  private render(format: ReportFormat, report: AttributionReport, rows: Array<Record<string, ReportCell>>, output: string | undefined): void {
    if (format === 'json') deliverReport(this, JSON.stringify(report, null, 2), output);
    else if (format === 'csv') deliverReport(this, toCsv(rows, Object.keys(rows[0] ?? {}), { header: true }).trimEnd(), output);
    else {
      this.table({
        data: terminalSafeRows(rows.map((row) => Object.fromEntries(TABLE_COLUMNS.map((column) => [column, column === 'winRateUpliftPoints' ? winRateCell(row) : (row[column] ?? '')])))),
        columns: [...TABLE_COLUMNS],
      });
    }
  }
}
