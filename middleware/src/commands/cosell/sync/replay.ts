// `cosell sync replay`: puts one dead-letter job back in the service's queue with a fresh attempt budget.
import { serviceFlags, serviceRowIdFlag } from '../../../cli/flags.js';
import { serviceClient } from '../../../cli/service-client.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';

const messages = commandMessages('cosell.sync.replay');

export type SyncReplayResult = { jobId: string; status: 'pending' };

export default class SyncReplay extends cosellCommand(messages)<SyncReplayResult> {
  public static readonly flags = {
    job: serviceRowIdFlag({ char: 'j', summary: messages.getMessage('flags.job.summary') }),
    ...serviceFlags,
  };

  public async run(): Promise<SyncReplayResult> {
    const { flags } = await this.parse(SyncReplay);
    const result = await serviceClient(flags).replayJob(flags.job);
    this.log(messages.getMessage('info.replayed', [result.jobId]));
    return result;
  }
}
