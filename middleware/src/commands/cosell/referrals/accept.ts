// `cosell referrals accept`: accepts a hyperscaler referral; the service queues the acceptance to its portal.
import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { serviceFlags, serviceRowIdFlag } from '../../../cli/flags.js';
import {
  CoSellServiceClient,
  serviceSettings,
  type ReferralDecision,
} from '../../../cli/service-client.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.referrals.accept');

export type ReferralsAcceptResult = ReferralDecision;

export default class ReferralsAccept extends SfCommand<ReferralsAcceptResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    referral: serviceRowIdFlag({
      char: 'r',
      summary: messages.getMessage('flags.referral.summary'),
    }),
    ...serviceFlags,
  };

  public async run(): Promise<ReferralsAcceptResult> {
    const { flags } = await this.parse(ReferralsAccept);
    const result = await new CoSellServiceClient(serviceSettings(flags)).acceptReferral(
      flags.referral,
    );
    this.log(messages.getMessage('info.accepted', [result.referralId, result.jobId]));
    return result;
  }
}
