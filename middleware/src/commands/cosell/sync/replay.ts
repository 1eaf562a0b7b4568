// `cosell sync replay`: puts one dead-letter job back in the service's queue with a fresh attempt budget.
import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { serviceFlags, serviceRowIdFlag } from '../../../cli/flags.js';
import { CoSellServiceClient, serviceSettings } from '../../../cli/service-client.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.sync.replay');

export type SyncReplayResult = { jobId: string; status: 'pending' };

export default class SyncReplay extends SfCommand<SyncReplayResult> {
  public static readonly summary = messages.getMessage('summary');
  public static readonly description = messages.getMessage('description');
  public static readonly examples = messages.getMessages('examples');

  public static readonly flags = {
    job: serviceRowIdFlag({ char: 'j', summary: messages.getMessage('flags.job.summary') }),
    ...serviceFlags,
  };

  public async run(): Promise<SyncReplayResult> {
    const { flags } = await this.parse(SyncReplay);
    const result = await new CoSellServiceClient(serviceSettings(flags)).replayJob(flags.job);
    this.log(messages.getMessage('info.replayed', [result.jobId]));
    return result;
  }
}
