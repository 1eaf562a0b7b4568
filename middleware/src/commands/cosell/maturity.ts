// `cosell maturity`: where the co-sell motion stands (month 1 to 24+), with the evidence behind every
// marker, from the same deals the attribution report reads plus the readiness evidence file.
import { Flags } from '@salesforce/sf-plugins-core';
import { cloudFlag, currencyFlags, nowFlag, ratesOf } from '../../cli/flags.js';
import { OpportunityRead, type ReadSource } from '../../cli/opportunity-read.js';
import { attributionBuilder, missingRateError } from '../../cli/attribution-builder.js';
import { EXIT_CODES } from '../../cli/exit-codes.js';
import { readJsonFlagFile } from '../../cli/json-file.js';
import type { Counterpart } from '../../core/model.js';
import {
  ReadinessEvidenceError,
  maturityMetricsFromReport,
  maturityStage,
  parseReadinessEvidence,
  type MaturityAssessment,
  type MaturityMetrics,
  type ReadinessEvidence,
} from '../../core/readiness/index.js';
import { readOrgCounterparts } from '../../salesforce/org-reads/counterparts.js';
import { ATTRIBUTION_COLUMNS } from '../../salesforce/exports/index.js';
import { figureFormat, userLocale } from '../../cli/locale-format.js';
import { maturityTable } from '../../cli/maturity-table.js';
import { printTable } from '../../cli/terminal-table.js';
import { commandMessages, cosellCommand } from '../../cli/cosell-command.js';
import { counted } from '../../cli/counted.js';

const messages = commandMessages('cosell.maturity');

export type MaturityResult = ReadSource & {
  evidenceFile: string | null;
  now: string;
  metrics: MaturityMetrics;
  assessment: MaturityAssessment;
  rejectedRows: number;
};

/** The evidence file, read and refused as `cosell readiness` reads it; `error.unreadable` is the export's. */
function readEvidence(file: string, cloud: string | undefined): ReadinessEvidence[] {
  const parsed = readJsonFlagFile(messages, file, 'error.notJson', {
    unreadableExitCode: EXIT_CODES.badFlags,
    unreadableKey: 'error.unreadableEvidence',
  });
  const entries = (Array.isArray(parsed) ? parsed : [parsed]) as unknown[];
  return entries.flatMap((entry, index) => {
    try {
      const evidence = parseReadinessEvidence(entry);
      return !cloud || evidence.cloud === cloud ? [evidence] : [];
    } catch (error) {
      if (error instanceof ReadinessEvidenceError)
        throw messages.createError('error.badEvidence', [
          file,
          entries.length > 1 ? `[${index}].` : '',
          error.message,
        ]);
      throw error;
    }
  });
}

export default class Maturity extends cosellCommand(messages)<MaturityResult> {
  public static readonly flags = {
    ...OpportunityRead.flags(messages),
    evidence: Flags.file({
      char: 'e',
      exists: true,
      summary: messages.getMessage('flags.evidence.summary'),
    }),
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    ...currencyFlags(messages),
    now: nowFlag,
  };

  public async run(): Promise<MaturityResult> {
    const { flags } = await this.parse(Maturity);
    const org = OpportunityRead.chosenOrg(flags, messages);
    const now = flags.now ? new Date(flags.now) : new Date();
    const evidence = flags.evidence ? readEvidence(flags.evidence, flags.cloud) : [];
    const builder = attributionBuilder(messages, {
      ...(flags.cloud ? { cloud: flags.cloud } : {}),
      reportingCurrency: flags.currency,
      rates: ratesOf(flags.rate),
      now,
    });
    const read = new OpportunityRead(flags, org, {
      purpose: 'attribution',
      requiredColumns: ATTRIBUTION_COLUMNS,
      currency: flags.currency,
    });
    let rejectedRows = 0;
    let counterparts: Counterpart[] | undefined;
    await read.rows(this, messages, {
      row(row) {
        if (row.kind === 'rejected') rejectedRows += 1;
        else builder.add(row.opportunity);
      },
      async after() {
        if (read.source.kind !== 'org') return;
        counterparts = [];
        for (const cloud of flags.cloud ? [flags.cloud] : (['AWS', 'Microsoft', 'Google'] as const))
          counterparts.push(
            ...(await readOrgCounterparts(read.source.connection, cloud)).counterparts,
          );
      },
      error: (error) => missingRateError(messages, flags.currency, error),
    });
    const metrics = maturityMetricsFromReport(builder.result(), now, {
      ...(counterparts ? { counterparts } : {}),
      evidence,
    });
    const assessment = maturityStage(metrics);
    this.styledHeader(messages.getMessage('info.header', [assessment.stage]));
    printTable(
      this,
      maturityTable(assessment, figureFormat(userLocale(undefined), flags.currency)),
    );
    if (assessment.next)
      this.log(
        messages.getMessage('info.next', [
          `${assessment.next.typicalMonth} ${assessment.next.name}`,
          assessment.next.gaps.map((gap) => gap.marker).join('; '),
        ]),
      );
    if (rejectedRows > 0)
      this.warn(messages.getMessage('info.rejected', [counted(rejectedRows, 'exportRow')]));
    return {
      ...read.origin,
      evidenceFile: flags.evidence ?? null,
      now: now.toISOString(),
      metrics,
      assessment,
      rejectedRows,
    };
  }
}
