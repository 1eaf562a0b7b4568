// `cosell referrals assign`: gives an open referral an owner (a user or queue); written back to Salesforce.
import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { ownerFlag, serviceFlags, serviceRowIdFlag } from '../../../cli/flags.js';
import {
  CoSellServiceClient,
  serviceSettings,
  type ReferralAssignment,
} from '../../../cli/service-client.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.referrals.assign');

export type ReferralsAssignResult = ReferralAssignment;

export default class ReferralsAssign extends SfCommand<ReferralsAssignResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    referral: serviceRowIdFlag({
      char: 'r',
      summary: messages.getMessage('flags.referral.summary'),
    }),
    owner: ownerFlag({
      char: 'o',
      required: true,
      summary: messages.getMessage('flags.owner.summary'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<ReferralsAssignResult> {
    const { flags } = await this.parse(ReferralsAssign);
    const result = await new CoSellServiceClient(serviceSettings(flags)).assignReferral(
      flags.referral,
      flags.owner,
    );
    this.log(
      messages.getMessage('info.assigned', [
        result.referralId,
        result.ownerId,
        result.previousOwnerId ?? messages.getMessage('info.nobody'),
        result.jobId,
      ]),
    );
    return result;
  }
}
