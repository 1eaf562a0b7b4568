// `cosell lint`: the submission-quality lint over a Salesforce export, printed for people or tools.
import type { AnyJson } from '@salesforce/ts-types';
import type { Finding } from '../../core/model.js';
import { createLinter, createLintSummary, type LintSummary } from '../../core/lint/index.js';
import { EXIT_CODES } from '../../cli/exit-codes.js';
import { nowFlag, reportFlags, reportFormat, type ReportFormat } from '../../cli/flags.js';
import { OpportunityRead, type ReadSource } from '../../cli/opportunity-read.js';
import { RecordSpool } from '../../cli/record-spool.js';
import { CsvReport } from '../../cli/csv-report.js';
import {
  ENVELOPE_ITEM_DEPTH,
  reportTarget,
  stdoutTarget,
  writeJsonArray,
  writeJsonEnvelope,
  type ReportTarget,
} from '../../cli/report-output.js';
import { LINT_COLUMNS } from '../../salesforce/exports/index.js';
import { commandMessages, cosellCommand } from '../../cli/cosell-command.js';
import { findingsTable } from '../../cli/findings-table.js';
import { TABLE_ROWS_SHOWN, printTable } from '../../cli/terminal-table.js';
import { counted } from '../../cli/counted.js';

const messages = commandMessages('cosell.lint');

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

export type LintResult = ReadSource & {
  now: string;
  summary: LintSummary & { rejectedRows: number };
  findings: ReportedFinding[];
};

export default class Lint extends cosellCommand(messages)<LintResult> {
  public static readonly flags = {
    ...OpportunityRead.flags(messages),
    ...reportFlags,
    now: nowFlag,
  };

  /** Set once run() has written the --json envelope itself, streamed from the spool. */
  private envelopeWritten = false;

  public async run(): Promise<LintResult> {
    const { flags } = await this.parse(Lint);
    const format = reportFormat(flags);
    const org = OpportunityRead.chosenOrg(flags, messages);
    const read = new OpportunityRead(flags, org, {
      purpose: 'lint',
      requiredColumns: LINT_COLUMNS,
    });
    const now = flags.now ? new Date(flags.now) : new Date();
    const linter = createLinter({ now });
    const tally = createLintSummary();
    // Findings go to disk as they are found, so memory stays flat however big the export; kept as
    // a JSON report prints them when there will be one.
    const findings = new RecordSpool<ReportedFinding>(
      keptAs(format, flags.output, this.jsonEnabled()),
    );
    // A CSV report to a file is written as the findings come: nothing to read back at the end.
    const csvFile =
      format === 'csv' && flags.output !== undefined
        ? new CsvReport(reportTarget(this, flags.output), CSV_COLUMNS)
        : undefined;
    const keep = (finding: ReportedFinding) => {
      findings.add(finding);
      csvFile?.add(finding);
    };
    let rejectedRows = 0;
    try {
      await read.rows(this, messages, {
        row(row) {
          if (row.kind === 'rejected') {
            rejectedRows += 1;
            for (const finding of row.findings) keep(reported(finding, row.row));
            return;
          }
          const found = linter.add(row.opportunity);
          tally.countOpportunity(found);
          for (const finding of found) keep(reported(finding, row.row));
        },
        async batchDone() {
          if (csvFile?.due) await csvFile.write();
        },
      });
      const pipeline = linter.finish();
      tally.countPipeline(pipeline);
      for (const finding of pipeline) keep(reported(finding, null));
      findings.close();
      await csvFile?.end();
    } catch (error) {
      // A failed run keeps nothing: no spool, and --output as it was.
      findings.remove();
      csvFile?.abort();
      throw error;
    }

    const summary = { ...tally.result(), rejectedRows };
    const head = {
      ...read.origin,
      now: now.toISOString(),
      summary,
    };
    // The whole list is read back only if a caller in this process asks for it.
    const result = Object.defineProperty({ ...head }, 'findings', {
      enumerable: true,
      get: () => findings.all(),
    }) as LintResult;
    if (!csvFile) await this.render(format, findings, flags.output);
    if (flags.output)
      this.log(
        messages.getMessage('info.written', [counted(findings.count, 'finding'), flags.output]),
      );
    this.log(
      messages.getMessage('info.summary', [
        counted(summary.opportunities, 'opportunity'),
        counted(summary.bySeverity.error + rejectedRows, 'error'),
        counted(summary.bySeverity.warning, 'warning'),
        counted(rejectedRows, 'unreadableRow'),
      ]),
    );
    if (summary.bySeverity.error > 0 || rejectedRows > 0) process.exitCode = EXIT_CODES.findings;
    if (this.jsonEnabled()) {
      const { status, warnings } = this.toSuccessJson(head as LintResult);
      const stdout = stdoutTarget();
      await writeJsonEnvelope(stdout, { status, result: head, warnings }, 'findings', findings);
      await stdout.commit();
      this.envelopeWritten = true;
    }
    return result;
  }

  /** The envelope was already written by run(), findings streamed; an error envelope still goes the usual way. */
  public logJson(json: AnyJson): void {
    if (this.envelopeWritten) return;
    super.logJson(json);
  }

  private async render(
    format: ReportFormat,
    findings: RecordSpool<ReportedFinding>,
    output: string | undefined,
  ): Promise<void> {
    if (format === 'table' && output === undefined) {
      await this.renderTable(findings);
      return;
    }
    // Without --output, --json prints only the envelope: the report goes nowhere (as `log` would drop it).
    if (output === undefined && this.jsonEnabled()) return;
    const target = reportTarget(this, output);
    try {
      if (format === 'json') {
        await writeJsonArray(target, findings);
        await target.commit();
      } else await writeFindingsCsv(target, findings.records());
    } catch (error) {
      target.abort();
      throw error;
    }
  }

  /**
   * A person reads the first findings in a table; sf's table lays out every row at once, so a big
   * run's table would take minutes and gigabytes. Past TABLE_ROWS_SHOWN the rest is counted and
   * --output offered.
   */
  private async renderTable(findings: RecordSpool<ReportedFinding>): Promise<void> {
    if (findings.count === 0) {
      this.log(messages.getMessage('info.clean'));
      return;
    }
    const data: ReportedFinding[] = [];
    for await (const finding of findings.records()) {
      if (data.length === TABLE_ROWS_SHOWN) break;
      data.push(finding);
    }
    printTable(this, findingsTable(data));
    if (findings.count > data.length)
      this.log(messages.getMessage('info.tableCut', [data.length, findings.count]));
  }
}

/**
 * How the findings are kept: indented for where a JSON report puts them, so the report copies the
 * spool's bytes (sf's envelope on stdout, or the array in --output); printed to the terminal, a JSON
 * array goes line by line through the command's log, as JSON.stringify prints each finding.
 */
function keptAs(
  format: ReportFormat,
  output: string | undefined,
  json: boolean,
): { pretty?: boolean; depth?: number } {
  if (json) return { pretty: true, depth: ENVELOPE_ITEM_DEPTH };
  if (format === 'json') return { pretty: true, depth: output === undefined ? 0 : 1 };
  return {};
}

const CSV_COLUMNS = [
  'row',
  'opportunityId',
  'code',
  'severity',
  'cloud',
  'field',
  'message',
  'evidence',
] as const;

/** Findings read back from the spool as a CSV report, completed (the evidence is printed as its JSON). */
async function writeFindingsCsv(
  target: ReportTarget,
  findings: AsyncIterable<ReportedFinding>,
): Promise<void> {
  const csv = new CsvReport(target, CSV_COLUMNS);
  for await (const finding of findings) {
    csv.add(finding);
    if (csv.due) await csv.write();
  }
  await csv.end();
}

/** A finding of the lint or of the reader, with the row it was found on, as the report lists it. */
function reported(
  finding: Finding & { opportunityId: string | null },
  row: number | null,
): ReportedFinding {
  return {
    row,
    opportunityId: finding.opportunityId,
    code: finding.code,
    severity: finding.severity,
    cloud: finding.cloud ?? null,
    field: finding.field ?? null,
    message: finding.message,
    evidence: finding.evidence ?? {},
  };
}
