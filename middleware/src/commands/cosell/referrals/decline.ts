// `cosell referrals decline`: declines a referral with a listed reason and feedback the referrer can
// learn from; generic feedback is refused here first, exactly as the inbox UI refuses it.
import { SfError } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { serviceFlags, referralFlag } from '../../../cli/flags.js';
import { serviceClient, type ReferralDecision } from '../../../cli/service-client.js';
import { validateDecline, type ReferralContext } from '../../../core/feedback/index.js';
import { DECLINE_REASONS, type Finding } from '../../../core/model.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';

const messages = commandMessages('cosell.referrals.decline');

export type ReferralsDeclineResult = ReferralDecision;

/** The inbox page the service serves at most; the referral to decline is looked up in it for context. */
const INBOX_PAGE = 500;

export default class ReferralsDecline extends cosellCommand(messages)<ReferralsDeclineResult> {
  public static readonly flags = {
    referral: referralFlag,
    reason: Flags.option({
      options: DECLINE_REASONS,
      required: true,
      summary: messages.getMessage('flags.reason.summary'),
    })(),
    feedback: Flags.string({
      char: 'm',
      required: true,
      summary: messages.getMessage('flags.feedback.summary'),
      description: messages.getMessage('flags.feedback.description'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<ReferralsDeclineResult> {
    const { flags } = await this.parse(ReferralsDecline);
    const client = serviceClient(flags);
    const open = await client.listReferrals({ limit: INBOX_PAGE });
    const referral = open.referrals.find((candidate) => candidate.id === flags.referral);
    // Without the referral at hand the customer-specific check waits for the service; the rest runs here.
    const context: ReferralContext = referral
      ? {
          cloud: referral.cloud,
          customerName: referral.customerName,
          customerDomain: referral.customerDomain,
          title: referral.title,
          description: null,
        }
      : {
          cloud: 'AWS',
          customerName: messages.getMessage('info.thisCustomer'),
          customerDomain: null,
          title: null,
          description: null,
        };
    const findings = validateDecline({
      reason: flags.reason,
      feedback: flags.feedback,
      referral: context,
    }).map((finding) => (referral ? finding : withoutCloud(finding)));
    const blocking = findings.filter((finding) => finding.severity === 'error');
    if (blocking.length > 0) {
      throw SfError.create({
        name: 'FeedbackRefused',
        message: messages.getMessage('error.refused', [flags.referral]),
        actions: blocking.map((finding) => finding.message),
        exitCode: EXIT_CODES.findings,
        data: {
          findings: blocking.map((finding) => ({
            code: finding.code,
            field: finding.field ?? null,
            message: finding.message,
          })),
        },
      });
    }
    for (const finding of findings) this.warn(finding.message);
    const result = await client.declineReferral(flags.referral, {
      reason: flags.reason,
      feedback: flags.feedback,
    });
    for (const warning of result.warnings.filter(
      (finding) => !findings.some((local) => local.code === finding.code),
    ))
      this.warn(warning.message);
    this.log(messages.getMessage('info.declined', [result.referralId, result.jobId]));
    return result;
  }
}

/** A finding judged without the referral does not belong to any cloud. */
function withoutCloud({ cloud: _cloud, ...finding }: Finding): Finding {
  return finding;
}
