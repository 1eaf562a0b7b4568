// `cosell readiness`: the ten-item co-sell readiness checklist per cloud, from the alliance team's
// evidence file and, with --target-org, what the org shows (named PDMs, traceability of co-sold deals).
import { Flags } from '@salesforce/sf-plugins-core';
import { attributionTraceability } from '../../core/attribution/traceability.js';
import { CLOUDS, cloudNamed, type Cloud, type CoSellOpportunity } from '../../core/model.js';
import {
  ReadinessEvidenceError,
  readinessChecklist,
  readinessEvidenceTemplate,
  type ReadinessChecklist,
} from '../../core/readiness/index.js';
import { EXIT_CODES } from '../../cli/exit-codes.js';
import { cloudFlag, nowFlag, whereFlag } from '../../cli/flags.js';
import { readJsonFlagFile } from '../../cli/json-file.js';
import { orgConnection } from '../../salesforce/org-reads/org-connection.js';
import { fittedTable, printTable, type TableColumn } from '../../cli/terminal-table.js';
import { readOrgCounterparts } from '../../salesforce/org-reads/counterparts.js';
import {
  planOpportunityQuery,
  readOrgOpportunities,
} from '../../salesforce/org-reads/opportunities.js';
import { orgReadError } from '../../cli/opportunity-read.js';
import type { OrgConnection } from '../../salesforce/org-reads/org-connection.js';
import { commandMessages, cosellCommand } from '../../cli/cosell-command.js';

const messages = commandMessages('cosell.readiness');

export type ReadinessResult = {
  evidenceFile: string | null;
  /** With --template: the blank evidence printed for the team to fill in; nothing is scored. */
  template: Array<Record<string, unknown>> | null;
  targetOrg: string | null;
  now: string;
  ready: boolean;
  checklists: ReadinessChecklist[];
  /** Org records left out of the measurement, each with why. */
  skipped: string[];
};

/** The evidence file holds one cloud's evidence object, or an array of them. */
function readEvidenceFile(file: string): Array<Record<string, unknown>> {
  const parsed = readJsonFlagFile(messages, file, 'error.notJson', {
    unreadableExitCode: EXIT_CODES.badFlags,
  });
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (
    entries.length === 0 ||
    entries.some((entry) => entry === null || typeof entry !== 'object' || Array.isArray(entry))
  ) {
    throw messages.createError('error.shape', [file]);
  }
  return entries as Array<Record<string, unknown>>;
}

export default class Readiness extends cosellCommand(messages)<ReadinessResult> {
  public static readonly flags = {
    evidence: Flags.file({
      char: 'e',
      exists: true,
      exactlyOne: ['evidence', 'template'],
      summary: messages.getMessage('flags.evidence.summary'),
    }),
    template: Flags.boolean({
      summary: messages.getMessage('flags.template.summary'),
      description: messages.getMessage('flags.template.description'),
    }),
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
    'api-version': Flags.orgApiVersion(),
    where: whereFlag(),
    now: nowFlag,
  };

  public async run(): Promise<ReadinessResult> {
    const { flags } = await this.parse(Readiness);
    const now = new Date(flags.now ?? Date.now());
    if (flags.template || !flags.evidence) {
      const template = readinessEvidenceTemplate(
        flags.cloud ? [flags.cloud as Cloud] : CLOUDS,
      ) as Array<Record<string, unknown>>;
      if (!this.jsonEnabled()) this.log(JSON.stringify(template, null, 2));
      return {
        evidenceFile: null,
        template,
        targetOrg: null,
        now: now.toISOString(),
        ready: false,
        checklists: [],
        skipped: [],
      };
    }
    const entries = readEvidenceFile(flags.evidence);
    // Evidence files are hand-written: their cloud may be in any case, as the evidence schema accepts.
    const selected = flags.cloud
      ? entries.filter((entry) => cloudNamed(String(entry.cloud ?? '')) === flags.cloud)
      : entries;
    if (selected.length === 0)
      throw messages.createError('error.noCloud', [flags.evidence, flags.cloud ?? '']);
    const org = flags['target-org'];
    const skipped: string[] = [];
    const checklists: ReadinessChecklist[] = [];
    const connection = org ? orgConnection(org.getConnection(flags['api-version'])) : undefined;
    const opportunities = connection
      ? await this.loadOpportunities(connection, flags.where, skipped, org?.getUsername())
      : undefined;
    for (const [index, entry] of selected.entries()) {
      try {
        const cloud = cloudNamed(String(entry.cloud ?? '')) ?? (entry.cloud as Cloud);
        const data =
          connection && opportunities
            ? await this.orgData(connection, cloud, opportunities, skipped)
            : {};
        checklists.push(readinessChecklist(entry, { now, ...data }));
      } catch (error) {
        if (error instanceof ReadinessEvidenceError) {
          throw messages.createError(
            'error.badEvidence',
            [
              flags.evidence,
              selected.length > 1 ? `[${index}].${error.field}` : error.field,
              error.message,
            ],
            [],
            EXIT_CODES.findings,
          );
        }
        throw error;
      }
    }
    for (const note of skipped) this.warn(note);
    for (const checklist of checklists) this.render(checklist);
    const ready = checklists.every((checklist) => checklist.ready);
    if (!ready) process.exitCode = EXIT_CODES.findings;
    return {
      evidenceFile: flags.evidence,
      template: null,
      targetOrg: org?.getUsername() ?? null,
      now: now.toISOString(),
      ready,
      checklists,
      skipped,
    };
  }

  private async loadOpportunities(
    connection: OrgConnection,
    where: string | undefined,
    skipped: string[],
    username: string | undefined,
  ): Promise<CoSellOpportunity[]> {
    this.spinner.start(messages.getMessage('info.querying', [username ?? '']));
    const opportunities: CoSellOpportunity[] = [];
    try {
      const plan = await planOpportunityQuery(connection, 'attribution');
      for await (const record of readOrgOpportunities(connection, plan, where ? { where } : {})) {
        if (record.kind === 'opportunity') opportunities.push(record.opportunity);
        else
          skipped.push(
            messages.getMessage('info.skippedOpportunity', [
              record.opportunityId ?? `#${record.position}`,
              record.findings.map((finding) => finding.message).join(' '),
            ]),
          );
      }
    } catch (error) {
      throw orgReadError(messages, error);
    } finally {
      this.spinner.stop();
    }
    return opportunities;
  }

  private async orgData(
    connection: OrgConnection,
    cloud: Cloud,
    opportunities: CoSellOpportunity[],
    skipped: string[],
  ) {
    if (!['AWS', 'Microsoft', 'Google'].includes(cloud)) return {};
    const { counterparts, skipped: badCounterparts } = await readOrgCounterparts(connection, cloud);
    for (const bad of badCounterparts)
      skipped.push(messages.getMessage('info.skippedCounterpart', [bad.id ?? '?', bad.reason]));
    return { counterparts, traceability: attributionTraceability(opportunities, cloud) };
  }

  private render(checklist: ReadinessChecklist): void {
    this.styledHeader(
      messages.getMessage('info.header', [
        checklist.cloud,
        checklist.summary.met,
        checklist.summary.notMet,
        checklist.summary.unknown,
      ]),
    );
    const rows = checklist.items.map((item) => ({
      number: String(item.number),
      status: item.status,
      item: item.title,
      evidence: item.evidence.join('; '),
    }));
    printTable(this, fittedTable(CHECKLIST_COLUMNS, rows));
  }
}

/** The item and its evidence are sentences: both wrap, so neither is cut on a narrow terminal. */
const CHECKLIST_COLUMNS: TableColumn[] = [
  { key: 'number', name: '#', priority: 0, align: 'right' },
  { key: 'status', name: 'Status', priority: 0, align: 'left' },
  { key: 'item', name: 'Item', priority: 0, align: 'left', wrapsAt: 30 },
  { key: 'evidence', name: 'Evidence', priority: 0, align: 'left', wrapsAt: 30 },
];
