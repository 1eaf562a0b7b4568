// `cosell maturity`: where the co-sell motion stands (month 1 to 24+), with the evidence behind every
// marker, from the same deals the attribution report reads plus the readiness evidence file.
import { readFileSync } from 'node:fs';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../cli/exit-codes.js';
import { cloudFlag, nowFlag, whereFlag } from '../../cli/flags.js';
import { orgConnection } from '../../salesforce/org-reads/org-connection.js';
import {
  readMeter,
  readOpportunities,
  type OpportunitySource,
} from '../../cli/opportunity-source.js';
import { readProgress } from '../../cli/read-progress.js';
import { boundHeapGrowth } from '../../cli/heap-budget.js';
import {
  ExchangeRateSettingError,
  MissingExchangeRateError,
  createAttributionReport,
} from '../../core/attribution/index.js';
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
import {
  ATTRIBUTION_COLUMNS,
  ExportFormatError,
  MissingColumnsError,
} from '../../salesforce/exports/index.js';
import { OrgSchemaError } from '../../salesforce/org-reads/opportunities.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.maturity');

export type MaturityResult = {
  file: string | null;
  targetOrg: string | null;
  evidenceFile: string | null;
  now: string;
  metrics: MaturityMetrics;
  assessment: MaturityAssessment;
  rejectedRows: number;
};

const RATE = /^[A-Z]{3}=\d+(?:\.\d+)?$/;

function readEvidence(file: string, cloud: string | undefined): ReadinessEvidence[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw messages.createError('error.badEvidence', [file, '', (error as Error).message]);
  }
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

export default class Maturity extends SfCommand<MaturityResult> {
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
    evidence: Flags.file({
      char: 'e',
      exists: true,
      summary: messages.getMessage('flags.evidence.summary'),
    }),
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    currency: Flags.string({
      default: 'USD',
      summary: messages.getMessage('flags.currency.summary'),
    }),
    rate: Flags.string({
      multiple: true,
      summary: messages.getMessage('flags.rate.summary'),
      parse: async (input: string) => {
        if (!RATE.test(input.trim()) || !(Number(input.split('=')[1]) > 0))
          throw messages.createError('error.badRate', [input]);
        return input.trim();
      },
    }),
    now: nowFlag,
  };

  public async run(): Promise<MaturityResult> {
    const { flags } = await this.parse(Maturity);
    const org = flags.file ? undefined : flags['target-org'];
    if (!flags.file && !org) throw messages.createError('error.noSource');
    const now = flags.now ? new Date(flags.now) : new Date();
    const evidence = flags.evidence ? readEvidence(flags.evidence, flags.cloud) : [];
    let builder: ReturnType<typeof createAttributionReport>;
    try {
      builder = createAttributionReport({
        ...(flags.cloud ? { cloud: flags.cloud } : {}),
        reportingCurrency: flags.currency,
        rates: Object.fromEntries(
          (flags.rate ?? []).map((rate) => [rate.slice(0, 3), Number(rate.slice(4))]),
        ),
        now,
      });
    } catch (error) {
      if (error instanceof ExchangeRateSettingError)
        throw messages.createError('error.badOption', [error.message], [], error);
      throw error;
    }
    const connection = org ? orgConnection(org.getConnection(flags['api-version'])) : undefined;
    const source: OpportunitySource = connection
      ? {
          kind: 'org',
          connection,
          purpose: 'attribution',
          defaultCurrency: flags.currency,
          ...(flags.where ? { where: flags.where } : {}),
        }
      : { kind: 'file', file: flags.file as string, requiredColumns: ATTRIBUTION_COLUMNS };
    let rejectedRows = 0;
    let counterparts: Counterpart[] | undefined;
    boundHeapGrowth(); // a long read: keep the heap near what it holds
    const meter = readMeter(source);
    const progress = readProgress(this, meter, messages.getMessage('info.progress'));
    if (org) this.spinner.start(messages.getMessage('info.querying', [org.getUsername() ?? '']));
    try {
      for await (const row of readOpportunities(source, meter)) {
        progress.tick();
        if (row.kind === 'rejected') rejectedRows += 1;
        else builder.add(row.opportunity);
      }
      if (connection) {
        counterparts = [];
        for (const cloud of flags.cloud ? [flags.cloud] : (['AWS', 'Microsoft', 'Google'] as const))
          counterparts.push(...(await readOrgCounterparts(connection, cloud)).counterparts);
      }
    } catch (error) {
      if (error instanceof MissingColumnsError)
        throw messages.createError('error.missingColumns', [error.columns.join(', ')], [], error);
      if (error instanceof ExportFormatError)
        throw messages.createError('error.unreadable', [error.message], [], error);
      if (error instanceof MissingExchangeRateError)
        throw messages.createError(
          'error.missingRate',
          [error.opportunityId, error.currency, flags.currency],
          [],
          error,
        );
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
    const metrics = maturityMetricsFromReport(builder.result(), now, {
      ...(counterparts ? { counterparts } : {}),
      evidence,
    });
    const assessment = maturityStage(metrics);
    this.styledHeader(messages.getMessage('info.header', [assessment.stage]));
    this.table({
      data: assessment.evidence.flatMap((stage) =>
        stage.markers.map((marker) => ({
          stage: `${stage.typicalMonth} ${stage.name}`,
          marker: marker.marker,
          status: marker.met ? 'met' : 'not met',
          actual: marker.actual === null ? 'unknown' : String(marker.actual),
          target: String(marker.target),
          source: marker.note ? `${marker.source}; ${marker.note}` : marker.source,
        })),
      ),
      columns: ['stage', 'marker', 'status', 'actual', 'target', 'source'],
    });
    if (assessment.next)
      this.log(
        messages.getMessage('info.next', [
          `${assessment.next.typicalMonth} ${assessment.next.name}`,
          assessment.next.gaps.map((gap) => gap.marker).join('; '),
        ]),
      );
    if (rejectedRows > 0) this.warn(messages.getMessage('info.rejected', [rejectedRows]));
    return {
      file: flags.file ?? null,
      targetOrg: org?.getUsername() ?? null,
      evidenceFile: flags.evidence ?? null,
      now: now.toISOString(),
      metrics,
      assessment,
      rejectedRows,
    };
  }
}
