// `cosell lint`: the submission-quality lint over a Salesforce export, printed for people or tools.
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { stringify } from 'csv-stringify/sync';
import { csvSafeCast } from '../../core/csv-safe.js';
import { createLinter, createLintSummary, type LintSummary } from '../../core/lint/index.js';
import { EXIT_CODES } from '../../cli/exit-codes.js';
import { nowFlag, reportFlags, reportFormat, type ReportFormat, whereFlag } from '../../cli/flags.js';
import { orgConnection } from '../../cli/org-connection.js';
import { readOpportunities, type OpportunitySource } from '../../cli/opportunity-source.js';
import { deliverReport } from '../../cli/report-output.js';
import { terminalSafeRows } from '../../cli/terminal-safe.js';
import { ExportFormatError, LINT_COLUMNS, MissingColumnsError } from '../../salesforce-export/index.js';
import { OrgSchemaError } from '../../salesforce-query/opportunities.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.lint');

export type ReportedFinding = {
  /**
   * Spreadsheet row of the export (header = 1), or the record's position in the query result with
   * --target-org; null for a finding about the whole pipeline.
   */
  row: number | null;
  opportunityId: string | null;
  code: string;
  severity: string;
  cloud: string | null;
  field: string | null;
  message: string;
  evidence: Record<string, unknown>;
};

export type LintResult = {
  /** The export read, or null when the opportunities came from an org. */
  file: string | null;
  /** The org's username with --target-org, else null. */
  targetOrg: string | null;
  now: string;
  summary: LintSummary & { rejectedRows: number };
  findings: ReportedFinding[];
};

export default class Lint extends SfCommand<LintResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    file: Flags.file({ char: 'f', exists: true, exclusive: ['target-org'], summary: messages.getMessage('flags.file.summary') }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    where: whereFlag(),
    ...reportFlags,
    now: nowFlag,
  };

  public async run(): Promise<LintResult> {
    const { flags } = await this.parse(Lint);
    const format = reportFormat(flags);
    const org = flags.file ? undefined : flags['target-org'];
    if (!flags.file && !org) throw messages.createError('error.noSource', [], [], EXIT_CODES.badFlags);
    if (flags.file && flags.where) throw messages.createError('error.whereNeedsOrg', [], [], EXIT_CODES.badFlags);
    const source: OpportunitySource = org
      ? { kind: 'org', connection: orgConnection(org.getConnection(flags['api-version'])), purpose: 'lint', ...(flags.where ? { where: flags.where } : {}) }
      : { kind: 'file', file: flags.file as string, requiredColumns: LINT_COLUMNS };
    const now = flags.now ? new Date(flags.now) : new Date();
    const linter = createLinter({ now });
    const tally = createLintSummary();
    const findings: ReportedFinding[] = [];
    let rejectedRows = 0;
    if (org) this.spinner.start(messages.getMessage('info.querying', [org.getUsername() ?? '']));
    try {
      for await (const row of readOpportunities(source)) {
        if (row.kind === 'rejected') {
          rejectedRows += 1;
          findings.push(...row.findings.map((finding) => reported({ ...finding, row: row.row })));
          continue;
        }
        const found = linter.add(row.opportunity);
        tally.countOpportunity(found);
        findings.push(...found.map((finding) => reported({ ...finding, row: row.row })));
      }
    } catch (error) {
      if (error instanceof MissingColumnsError) throw messages.createError('error.missingColumns', [error.columns.join(', ')], [], error);
      if (error instanceof ExportFormatError) throw messages.createError('error.unreadable', [error.message], [], error);
      if (error instanceof OrgSchemaError) throw messages.createError('error.orgNotReady', [error.message], [], EXIT_CODES.orgNotReady, error);
      throw error;
    } finally {
      if (org) this.spinner.stop();
    }
    const pipeline = linter.finish();
    tally.countPipeline(pipeline);
    findings.push(...pipeline.map((finding) => reported({ ...finding, row: null })));

    const summary = { ...tally.result(), rejectedRows };
    const result: LintResult = { file: flags.file ?? null, targetOrg: org?.getUsername() ?? null, now: now.toISOString(), summary, findings };
    this.render(format, findings, flags.output);
    if (flags.output) this.log(messages.getMessage('info.written', [findings.length, flags.output]));
    this.log(messages.getMessage('info.summary', [summary.opportunities, summary.bySeverity.error + rejectedRows, summary.bySeverity.warning, rejectedRows]));
    if (summary.bySeverity.error > 0 || rejectedRows > 0) process.exitCode = EXIT_CODES.findings;
    return result;
  }

  private render(format: ReportFormat, findings: ReportedFinding[], output: string | undefined): void {
    if (format === 'json') {
      deliverReport(this, JSON.stringify(findings, null, 2), output);
    } else if (format === 'csv') {
      const rows = findings.map(({ evidence, ...rest }) => ({ ...rest, evidence: JSON.stringify(evidence) }));
      deliverReport(this, stringify(rows, { header: true, columns: ['row', 'opportunityId', 'code', 'severity', 'cloud', 'field', 'message', 'evidence'], cast: csvSafeCast }).trimEnd(), output);
    } else if (findings.length === 0) {
      this.log(messages.getMessage('info.clean'));
    } else {
      this.table({
        data: terminalSafeRows(findings.map(({ row, opportunityId, severity, cloud, field, code, message }) => ({ row: row ?? '', opportunityId: opportunityId ?? '', severity, cloud: cloud ?? '', field: field ?? '', code, message }))),
        columns: ['row', 'opportunityId', 'severity', 'cloud', 'field', 'code', 'message'],
      });
    }
  }
}

function reported(finding: { row: number | null; opportunityId: string | null; code: string; severity: string; cloud?: string; field?: string; message: string; evidence?: Record<string, unknown> }): ReportedFinding {
  return {
    row: finding.row,
    opportunityId: finding.opportunityId,
    code: finding.code,
    severity: finding.severity,
    cloud: finding.cloud ?? null,
    field: finding.field ?? null,
    message: finding.message,
    evidence: finding.evidence ?? {},
  };
}
