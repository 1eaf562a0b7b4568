// Files named on a flag are read with the command's own errors: unreadable (with the system's
// reason and, when asked, an exit code) and not JSON (under the key the command chooses).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { commandMessages } from '../../middleware/src/cli/cosell-command.js';
import { readFlagFile, readJsonFlagFile } from '../../middleware/src/cli/json-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'cosell-json-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const messages = commandMessages('cosell.triage.preview');

describe('readFlagFile and readJsonFlagFile', () => {
  it('reads text and JSON', () => {
    const file = join(scratch, 'ok.json');
    writeFileSync(file, '{"a":1}');
    expect(readFlagFile(messages, file)).toBe('{"a":1}');
    expect(readJsonFlagFile(messages, file, 'error.notJson')).toEqual({ a: 1 });
  });

  it('refuses a missing file with the system reason, exit 1 unless told otherwise', () => {
    const missing = join(scratch, 'missing.json');
    expect(() => readFlagFile(messages, missing)).toThrow(
      expect.objectContaining({ message: `Cannot read ${missing} (ENOENT).`, exitCode: 1 }),
    );
    expect(() =>
      readJsonFlagFile(messages, missing, 'error.notJson', { unreadableExitCode: 2 }),
    ).toThrow(expect.objectContaining({ exitCode: 2 }));
    // A bundle whose error.unreadable words another file names its own key.
    expect(() =>
      readJsonFlagFile(commandMessages('cosell.maturity'), missing, 'error.notJson', {
        unreadableKey: 'error.unreadableEvidence',
      }),
    ).toThrow(
      expect.objectContaining({ message: `Cannot read the evidence file ${missing} (ENOENT).` }),
    );
  });

  it('refuses text that is not JSON under the given key', () => {
    const file = join(scratch, 'bad.json');
    writeFileSync(file, '{not json');
    expect(() => readJsonFlagFile(messages, file, 'error.notJson')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(new RegExp(`^The referral file ${file} is not JSON: `)),
        exitCode: 1,
      }),
    );
  });
});
