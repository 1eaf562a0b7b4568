// `cosell sync status`: how far behind the service's outbox is, per target, and what sits in dead letters.
import { EXIT_CODES } from '../../../cli/exit-codes.js';
import { serviceFlags } from '../../../cli/flags.js';
import { serviceClient, type SyncState } from '../../../cli/service-client.js';
import { commandMessages, cosellCommand } from '../../../cli/cosell-command.js';
import { counted } from '../../../cli/counted.js';
import { fittedTable, printTable, type TableColumn } from '../../../cli/terminal-table.js';

const messages = commandMessages('cosell.sync.status');

export type SyncStatusResult = SyncState;

const TARGET_COLUMNS: TableColumn[] = [
  { key: 'target', name: 'Target' },
  { key: 'pending', name: 'Pending', align: 'right' },
  { key: 'running', name: 'Running', align: 'right' },
  { key: 'dead', name: 'Dead', align: 'right' },
];

/** The error says what to fix before a replay: it wraps, whole, and the rest gives way first. */
const DEAD_LETTER_COLUMNS: TableColumn[] = [
  { key: 'id', name: 'Id', align: 'right' },
  { key: 'kind', name: 'Kind', priority: 1 },
  { key: 'target', name: 'Target' },
  { key: 'attempts', name: 'Attempts', priority: 2, align: 'right' },
  { key: 'updated', name: 'Updated', priority: 3 },
  { key: 'error', name: 'Error', wrapsAt: 40 },
];

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
      const data = targets.map(([target, counts]) => ({
        target,
        pending: String(counts.pending),
        running: String(counts.running),
        dead: String(counts.dead),
      }));
      printTable(this, fittedTable(TARGET_COLUMNS, data));
    }
    if (state.deadLetters.length > 0) {
      this.styledHeader(
        messages.getMessage('info.deadLetters', [counted(state.deadLetters.length, 'deadLetter')]),
      );
      const data = state.deadLetters.map((job) => ({
        id: job.id,
        kind: job.kind,
        target: job.target,
        attempts: String(job.attempts),
        updated: job.updatedAt,
        error: job.lastError ?? '',
      }));
      printTable(this, fittedTable(DEAD_LETTER_COLUMNS, data));
      this.log(messages.getMessage('info.replayHint'));
      process.exitCode = EXIT_CODES.findings;
    }
    return state;
  }
}
