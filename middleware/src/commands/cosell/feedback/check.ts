// `cosell feedback check`: whether decline feedback is specific enough to send to the referrer, by the
// same rule the service and the Salesforce panel apply, before anyone sends it.
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { cloudFlag } from '../../../cli/flags.js';
import { checkFeedback } from '../../../core/feedback/check.js';
import type { Finding } from '../../../core/model.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { findingsTable } from '../../../cli/findings-table.js';
import { printTable } from '../../../cli/terminal-table.js';

const messages = commandMessages('cosell.feedback.check');

export type FeedbackCheckResult = { ok: boolean; findings: Finding[] };

export default class FeedbackCheck extends cosellCommand(messages)<FeedbackCheckResult> {
  public static readonly flags = {
    text: Flags.string({
      char: 't',
      required: true,
      summary: messages.getMessage('flags.text.summary'),
    }),
    cloud: cloudFlag({ required: true, summary: messages.getMessage('flags.cloud.summary') }),
    reason: Flags.string({ char: 'r', summary: messages.getMessage('flags.reason.summary') }),
    customer: Flags.string({ summary: messages.getMessage('flags.customer.summary') }),
    workload: Flags.string({ summary: messages.getMessage('flags.workload.summary') }),
  };

  public async run(): Promise<FeedbackCheckResult> {
    const { flags } = await this.parse(FeedbackCheck);
    const findings = checkFeedback({
      text: flags.text,
      cloud: flags.cloud,
      reason: flags.reason,
      customerName: flags.customer,
      title: flags.workload,
    });
    const ok = !findings.some((finding) => finding.severity === 'error');
    if (findings.length === 0) this.log(messages.getMessage('info.ok'));
    else {
      printTable(this, findingsTable(findings, ['severity', 'code', 'message']));
      this.log(messages.getMessage(ok ? 'info.okWithWarnings' : 'info.refused'));
    }
    if (!ok) process.exitCode = EXIT_CODES.findings;
    return { ok, findings };
  }
}
