// `cosell opportunity submit`: queues a submission through the co-sell service and follows the
// engagement until the portal answers (shared, refused or failed) or `--wait` runs out.
import { setTimeout as sleep } from 'node:timers/promises';
import { SfError } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { cloudFlag, cloudFlagValue, serviceFlags } from '../../../cli/flags.js';
import { serviceClient, type EngagementView, type JobStatus } from '../../../cli/service-client.js';
import type { Cloud, Finding } from '../../../core/model.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { findingsTable } from '../../../cli/findings-table.js';
import { printTable } from '../../../cli/terminal-table.js';

const messages = commandMessages('cosell.opportunity.submit');

/**
 * shared: the portal took it (it has a portal id); refused: the portal wants changes or rejected it;
 * failed: the service could not deliver it (sync error); waiting: --wait ran out; queued: --wait 0.
 */
export type SubmitOutcome = 'shared' | 'refused' | 'failed' | 'waiting' | 'queued';

export type OpportunitySubmitResult = {
  opportunityId: string;
  cloud: Cloud;
  /** Null when nothing was queued: refused before queuing, or the portal already holds the deal. */
  jobId: string | null;
  /** False when the same Salesforce version was already queued: nothing new was sent. */
  queued: boolean;
  jobStatus: JobStatus | null;
  outcome: SubmitOutcome;
  /** Why the service refused the submission at once (error findings block it); empty otherwise. */
  findings: Finding[];
  engagement: EngagementView | null;
  waitedSeconds: number;
};

const REFUSED = new Set(['Action required', 'Rejected']);

/** Has the portal's answer reached the engagement since `before`? */
function portalAnswered(
  before: EngagementView | undefined,
  now: EngagementView | undefined,
): boolean {
  if (!now || now.status === 'Draft') return false;
  if (!before) return now.portalId !== null || now.syncError !== null || REFUSED.has(now.status);
  return (
    now.lastSyncedAt !== before.lastSyncedAt ||
    now.syncError !== before.syncError ||
    now.status !== before.status ||
    now.portalId !== before.portalId
  );
}

function outcomeOf(engagement: EngagementView): SubmitOutcome {
  if (engagement.syncError !== null) return 'failed';
  if (REFUSED.has(engagement.status)) return 'refused';
  return 'shared';
}

export default class OpportunitySubmit extends cosellCommand(messages)<OpportunitySubmitResult> {
  public static readonly flags = {
    opportunity: Flags.salesforceId({
      char: 'i',
      length: 'both',
      startsWith: '006',
      required: true,
      summary: messages.getMessage('flags.opportunity.summary'),
    }),
    cloud: cloudFlag({ required: true, summary: messages.getMessage('flags.cloud.summary') }),
    wait: Flags.integer({
      char: 'w',
      min: 0,
      max: 120,
      default: 5,
      summary: messages.getMessage('flags.wait.summary'),
    }),
    'poll-interval': Flags.integer({
      min: 0,
      max: 300,
      default: 5,
      hidden: true,
      summary: messages.getMessage('flags.poll-interval.summary'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<OpportunitySubmitResult> {
    const { flags } = await this.parse(OpportunitySubmit);
    const client = serviceClient(flags);
    const before = (await client.engagements(flags.opportunity)).engagements.find(
      (engagement) => engagement.cloud === flags.cloud,
    );
    let job;
    try {
      job = await client.submitOpportunity(flags.opportunity, flags.cloud);
    } catch (error) {
      const data = (error as SfError).data as { status?: number; findings?: Finding[] } | undefined;
      if (!(error instanceof SfError) || data?.status !== 422) throw error;
      // Refused before anything left: say so at once, with the findings, instead of waiting for a portal.
      const findings = data.findings ?? [];
      this.log(messages.getMessage('info.blocked', [flags.cloud, error.message]));
      this.findingsTable(findings);
      process.exitCode = EXIT_CODES.findings;
      return {
        opportunityId: flags.opportunity,
        cloud: flags.cloud,
        jobId: null,
        queued: false,
        jobStatus: null,
        outcome: 'refused',
        findings,
        engagement: before ?? null,
        waitedSeconds: 0,
      };
    }
    if ('portalId' in job) {
      this.log(
        messages.getMessage('info.alreadyShared', [
          flags.cloud,
          job.portalId,
          job.engagementStatus,
        ]),
      );
      return {
        opportunityId: job.opportunityId,
        cloud: flags.cloud,
        jobId: null,
        queued: false,
        jobStatus: null,
        outcome: 'shared',
        findings: [],
        engagement: before ?? null,
        waitedSeconds: 0,
      };
    }
    this.log(
      messages.getMessage(job.queued ? 'info.queued' : 'info.alreadyQueued', [
        flags.opportunity,
        flags.cloud,
        job.jobId,
      ]),
    );
    const base = {
      opportunityId: job.opportunityId,
      cloud: flags.cloud,
      jobId: job.jobId,
      queued: job.queued,
      jobStatus: job.status,
      findings: [],
    };
    if (flags.wait === 0)
      return { ...base, outcome: 'queued', engagement: before ?? null, waitedSeconds: 0 };

    const started = Date.now();
    const deadline = started + flags.wait * 60_000;
    let latest = before;
    this.spinner.start(
      messages.getMessage('info.waiting', [flags.cloud]),
      before?.status ?? 'queued',
    );
    try {
      for (;;) {
        latest = (await client.engagements(flags.opportunity)).engagements.find(
          (engagement) => engagement.cloud === flags.cloud,
        );
        if (latest) this.spinner.status = latest.status;
        if (latest && portalAnswered(before, latest)) break;
        if (Date.now() + flags['poll-interval'] * 1000 > deadline) break;
        await sleep(flags['poll-interval'] * 1000);
      }
    } finally {
      this.spinner.stop(latest?.status ?? 'queued');
    }
    const waitedSeconds = Math.round((Date.now() - started) / 1000);
    const answered = latest !== undefined && portalAnswered(before, latest);
    const outcome: SubmitOutcome = answered && latest ? outcomeOf(latest) : 'waiting';
    this.report(outcome, flags.cloud, latest, flags.opportunity);
    if (outcome === 'waiting') process.exitCode = EXIT_CODES.timedOut;
    else if (outcome !== 'shared') process.exitCode = EXIT_CODES.findings;
    return { ...base, outcome, engagement: latest ?? null, waitedSeconds };
  }

  private report(
    outcome: SubmitOutcome,
    cloud: Cloud,
    engagement: EngagementView | undefined,
    opportunityId: string,
  ): void {
    if (outcome === 'waiting') {
      this.warn(
        messages.getMessage('info.stillWaiting', [cloud, opportunityId, cloudFlagValue(cloud)]),
      );
      return;
    }
    if (!engagement) return;
    if (outcome === 'shared')
      this.log(
        messages.getMessage('info.shared', [cloud, engagement.portalId ?? '', engagement.status]),
      );
    if (outcome === 'failed')
      this.log(messages.getMessage('info.failed', [cloud, engagement.syncError ?? '']));
    if (outcome === 'refused')
      this.log(messages.getMessage('info.refused', [cloud, engagement.status]));
    this.findingsTable(engagement.findings);
  }

  private findingsTable(findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    const rows = findings.map((finding) => ({
      severity: finding.severity,
      field: finding.field ?? finding.path ?? '',
      code: finding.code,
      message: finding.message,
    }));
    printTable(this, findingsTable(rows, ['severity', 'field', 'code', 'message']));
  }
}
