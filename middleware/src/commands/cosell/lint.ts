// `cosell lint`: the submission-quality lint over a Salesforce export, printed for people or tools.
import { createReadStream } from 'node:fs';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { stringify } from 'csv-stringify/sync';
import { createLinter, createLintSummary, type LintSummary } from '../../core/lint/index.js';
import { ExportFormatError, LINT_COLUMNS, MissingColumnsError, readOpportunityExport } from '../../salesforce-export/index.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.lint');

export type ReportedFinding = {
  /** Spreadsheet row of the export (header = 1), or null for a finding about the whole pipeline. */
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
  file: string;
  now: string;
  summary: LintSummary & { rejectedRows: number };
  findings: ReportedFinding[];
};

export default class Lint extends SfCommand<LintResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    file: Flags.file({ char: 'f', required: true, exists: true, summary: messages.getMessage('flags.file.summary') }),
    format: Flags.option({ options: ['table', 'csv', 'json'] as const, default: 'table', summary: messages.getMessage('flags.format.summary') })(),
    now: Flags.string({
      summary: messages.getMessage('flags.now.summary'),
      parse: async (input: string) => {
        if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(input) || Number.isNaN(Date.parse(input))) throw messages.createError('error.badNow', [input]);
        return input;
      },
    }),
  };

  public async run(): Promise<LintResult> {
    const { flags } = await this.parse(Lint);
    const now = flags.now ? new Date(flags.now) : new Date();
    const linter = createLinter({ now });
    const tally = createLintSummary();
    const findings: ReportedFinding[] = [];
    let rejectedRows = 0;
    try {
      for await (const row of readOpportunityExport(createReadStream(flags.file), { requiredColumns: LINT_COLUMNS })) {
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
      throw error;
    }
    const pipeline = linter.finish();
    tally.countPipeline(pipeline);
    findings.push(...pipeline.map((finding) => reported({ ...finding, row: null })));

    const summary = { ...tally.result(), rejectedRows };
    const result: LintResult = { file: flags.file, now: now.toISOString(), summary, findings };
    this.render(flags.format, findings);
    this.log(messages.getMessage('info.summary', [summary.opportunities, summary.bySeverity.error + rejectedRows, summary.bySeverity.warning, rejectedRows]));
    if (summary.bySeverity.error > 0 || rejectedRows > 0) process.exitCode = 1;
    return result;
  }

  private render(format: 'table' | 'csv' | 'json', findings: ReportedFinding[]): void {
    if (format === 'json') {
      this.log(JSON.stringify(findings, null, 2));
    } else if (format === 'csv') {
      const rows = findings.map(({ evidence, ...rest }) => ({ ...rest, evidence: JSON.stringify(evidence) }));
      this.log(stringify(rows, { header: true, columns: ['row', 'opportunityId', 'code', 'severity', 'cloud', 'field', 'message', 'evidence'] }).trimEnd());
    } else if (findings.length === 0) {
      this.log(messages.getMessage('info.clean'));
    } else {
      this.table({
        data: findings.map(({ row, opportunityId, severity, cloud, field, code, message }) => ({ row: row ?? '', opportunityId: opportunityId ?? '', severity, cloud: cloud ?? '', field: field ?? '', code, message })),
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
