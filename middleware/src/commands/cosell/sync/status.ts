// `cosell sync status`: how far behind the service's outbox is, per target, and what sits in dead letters.
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { serviceFlags } from '../../../cli/flags.js';
import { serviceClient, type SyncState } from '../../../cli/service-client.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';

const messages = commandMessages('cosell.sync.status');

export type SyncStatusResult = SyncState;

export default class SyncStatus extends cosellCommand(messages)<SyncStatusResult> {
  public static readonly flags = { ...serviceFlags };

  public async run(): Promise<SyncStatusResult> {
    const { flags } = await this.parse(SyncStatus);
    const state = await serviceClient(flags).syncStatus();
    const { queue } = state;
    this.log(
      messages.getMessage('info.queue', [
        queue.pending,
        queue.running,
        queue.done,
        queue.dead,
        queue.lagSeconds.toFixed(1),
      ]),
    );
    const targets = Object.entries(queue.byTarget);
    if (targets.length > 0) {
      this.table({
        data: targets.map(([target, counts]) => ({ target, ...counts })),
        columns: ['target', 'pending', 'running', 'dead'],
      });
    }
    if (state.deadLetters.length > 0) {
      this.styledHeader(
        messages.getMessage('info.deadLetters', [counted(state.deadLetters.length, 'deadLetter')]),
      );
      this.table({
        data: state.deadLetters.map((job) => ({
          id: job.id,
          kind: job.kind,
          target: job.target,
          attempts: job.attempts,
          updated: job.updatedAt,
          error: job.lastError ?? '',
        })),
        columns: ['id', 'kind', 'target', 'attempts', 'updated', 'error'],
      });
      this.log(messages.getMessage('info.replayHint'));
      process.exitCode = EXIT_CODES.findings;
    }
    return state;
  }
}
