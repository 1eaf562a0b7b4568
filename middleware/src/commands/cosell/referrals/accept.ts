// `cosell referrals accept`: accepts a hyperscaler referral; the service queues the acceptance to its portal.
import { serviceFlags, referralFlag } from '../../../cli/flags.js';
import { serviceClient, type ReferralDecision } from '../../../cli/service-client.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';

const messages = commandMessages('cosell.referrals.accept');

export type ReferralsAcceptResult = ReferralDecision;

export default class ReferralsAccept extends cosellCommand(messages)<ReferralsAcceptResult> {
  public static readonly flags = {
    referral: referralFlag,
    ...serviceFlags,
  };

  public async run(): Promise<ReferralsAcceptResult> {
    const { flags } = await this.parse(ReferralsAccept);
    const result = await serviceClient(flags).acceptReferral(flags.referral);
    this.log(messages.getMessage('info.accepted', [result.referralId, result.jobId]));
    return result;
  }
}
