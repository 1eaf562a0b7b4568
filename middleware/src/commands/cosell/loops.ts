// `cosell loops`: the referrers left in silence (accepted without a debrief, declined without
// feedback, undecided past the response SLA) and the risk per referrer, from the service.
import { Flags } from '@salesforce/sf-plugins-core';
import { DEBRIEF_DAYS } from '../../api-contract/practices.js';
import { EXIT_CODES } from '../../cli/exit-codes.js';
import { cloudFlag, serviceFlags } from '../../cli/flags.js';
import { serviceClient } from '../../cli/service-client.js';
import type { FeedbackLoopReport } from '../../core/feedback/index.js';
import { commandMessages, cosellCommand } from '../../cli/cosell-command.js';
import { counted } from '../../cli/counted.js';
import { fittedTable, printTable, type TableColumn } from '../../cli/terminal-table.js';

const messages = commandMessages('cosell.loops');

export type LoopsResult = FeedbackLoopReport;

const LOOP_COLUMNS: TableColumn[] = [
  { key: 'referral', name: 'Referral', align: 'right' },
  { key: 'cloud', name: 'Cloud', priority: 1 },
  { key: 'customer', name: 'Customer', wrapsAt: 20 },
  { key: 'referrer', name: 'Referrer', wrapsAt: 20 },
  { key: 'loop', name: 'Loop' },
  { key: 'days', name: 'Days', align: 'right' },
];

const REFERRER_COLUMNS: TableColumn[] = [
  { key: 'referrer', name: 'Referrer', wrapsAt: 24 },
  { key: 'cloud', name: 'Cloud' },
  { key: 'layer', name: 'Layer', priority: 2 },
  { key: 'silences', name: 'Silences', priority: 1, align: 'right' },
  { key: 'referrals', name: 'Referrals', priority: 3, align: 'right' },
  { key: 'risk', name: 'Risk' },
];

export default class Loops extends cosellCommand(messages)<LoopsResult> {
  public static readonly flags = {
    cloud: cloudFlag({ summary: messages.getMessage('flags.cloud.summary') }),
    'debrief-days': Flags.integer({
      ...DEBRIEF_DAYS,
      summary: messages.getMessage('flags.debrief-days.summary'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<LoopsResult> {
    const { flags } = await this.parse(Loops);
    const report = await serviceClient(flags).feedbackLoops({
      ...(flags.cloud ? { cloud: flags.cloud } : {}),
      debriefDays: flags['debrief-days'],
    });
    if (report.loops.length === 0) {
      this.log(messages.getMessage('info.none'));
      return report;
    }
    const loops = report.loops.map((loop) => ({
      referral: loop.referralId,
      cloud: loop.cloud,
      customer: loop.customerName,
      referrer: loop.referrer.name ?? loop.referrer.email ?? '',
      loop: loop.kind,
      days: String(loop.ageDays),
    }));
    printTable(this, fittedTable(LOOP_COLUMNS, loops));
    this.styledHeader(messages.getMessage('info.referrers'));
    const referrers = report.referrers.map((entry) => ({
      referrer: entry.referrer.name ?? entry.referrer.email ?? '(unknown)',
      cloud: entry.cloud,
      layer: entry.layer ?? '',
      silences: String(entry.silences),
      referrals: String(entry.referrals),
      risk: entry.risk,
    }));
    printTable(this, fittedTable(REFERRER_COLUMNS, referrers));
    this.log(
      messages.getMessage('info.summary', [
        counted(report.loops.length, 'openLoop'),
        counted(report.summary.referrersAtRisk, 'referrer'),
      ]),
    );
    process.exitCode = EXIT_CODES.findings;
    return report;
  }
}
