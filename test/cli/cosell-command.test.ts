// Every command's texts come from its own messages bundle through the shared base, as oclif reads
// them off the class; two commands never share them.
import { describe, expect, it } from '@jest/globals';
import { commandMessages, cosellCommand } from '../../middleware/src/cli/cosell-command.js';
import SyncReplay from '../../middleware/src/commands/cosell/sync/replay.js';
import SyncStatus from '../../middleware/src/commands/cosell/sync/status.js';

describe('cosellCommand', () => {
  it("sets summary, description and examples from the command's bundle", () => {
    const messages = commandMessages('cosell.sync.replay');
    expect(SyncReplay.summary).toBe(messages.getMessage('summary'));
    expect(SyncReplay.description).toBe(messages.getMessage('description'));
    expect(SyncReplay.examples).toEqual(messages.getMessages('examples'));
    expect(SyncReplay.examples.length).toBeGreaterThan(0);
  });

  it('gives each command its own texts', () => {
    expect(SyncStatus.summary).toBe(commandMessages('cosell.sync.status').getMessage('summary'));
    expect(SyncStatus.summary).not.toBe(SyncReplay.summary);
  });

  it('leaves flags and run to the command', () => {
    const Base = cosellCommand(commandMessages('cosell.sync.replay'));
    expect(Object.hasOwn(Base, 'flags')).toBe(false);
    expect(Object.hasOwn(SyncReplay, 'flags')).toBe(true);
  });
});
