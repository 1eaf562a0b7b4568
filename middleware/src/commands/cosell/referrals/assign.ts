// `cosell referrals assign`: gives an open referral an owner (a user or queue); written back to Salesforce.
import { ownerFlag, serviceFlags, referralFlag } from '../../../cli/flags.js';
import { serviceClient, type ReferralAssignment } from '../../../cli/service-client.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';

const messages = commandMessages('cosell.referrals.assign');

export type ReferralsAssignResult = ReferralAssignment;

export default class ReferralsAssign extends cosellCommand(messages)<ReferralsAssignResult> {
  public static readonly flags = {
    referral: referralFlag,
    owner: ownerFlag({
      char: 'o',
      required: true,
      summary: messages.getMessage('flags.owner.summary'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<ReferralsAssignResult> {
    const { flags } = await this.parse(ReferralsAssign);
    const result = await serviceClient(flags).assignReferral(flags.referral, flags.owner);
    this.log(
      result.jobId === null
        ? messages.getMessage('info.unchanged', [result.referralId, result.ownerId])
        : messages.getMessage('info.assigned', [
            result.referralId,
            result.ownerId,
            result.previousOwnerId ?? messages.getMessage('info.nobody'),
            result.jobId,
          ]),
    );
    return result;
  }
}
