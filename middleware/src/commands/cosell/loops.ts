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

const messages = commandMessages('cosell.loops');

export type LoopsResult = FeedbackLoopReport;

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
    this.table({
      data: report.loops.map((loop) => ({
        referral: loop.referralId,
        cloud: loop.cloud,
        customer: loop.customerName,
        referrer: loop.referrer.name ?? loop.referrer.email ?? '',
        loop: loop.kind,
        days: loop.ageDays,
      })),
      columns: ['referral', 'cloud', 'customer', 'referrer', 'loop', 'days'],
    });
    this.styledHeader(messages.getMessage('info.referrers'));
    this.table({
      data: report.referrers.map((entry) => ({
        referrer: entry.referrer.name ?? entry.referrer.email ?? '(unknown)',
        cloud: entry.cloud,
        layer: entry.layer ?? '',
        silences: entry.silences,
        referrals: entry.referrals,
        risk: entry.risk,
      })),
      columns: ['referrer', 'cloud', 'layer', 'silences', 'referrals', 'risk'],
    });
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
