// bin/run.js switches on Node's compile cache before it loads the commands: a run leaves compiled
// code in the cache folder (under the temporary directory unless NODE_COMPILE_CACHE says otherwise),
// and NODE_DISABLE_COMPILE_CACHE still turns it off.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const COSELL = resolve('bin/run.js');

/** Every file below `dir`, or none when it does not exist. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

describe('bin/run.js and the compile cache', () => {
  let temp: string;
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  async function cosellHelp(extra: NodeJS.ProcessEnv): Promise<string> {
    temp = mkdtempSync(join(tmpdir(), 'cosell-compile-cache-'));
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp, ...extra };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_OPTIONS;
    if (!('NODE_DISABLE_COMPILE_CACHE' in extra)) delete env.NODE_DISABLE_COMPILE_CACHE;
    const { stdout } = await run(process.execPath, [COSELL, 'cosell', 'lint', '--help'], { env });
    return stdout;
  }

  it('caches the code it compiled, so the next run reuses it', async () => {
    expect(await cosellHelp({})).toContain('cosell lint');
    const cached = filesUnder(join(temp, 'node-compile-cache'));
    expect(cached.length).toBeGreaterThan(50);
  }, 60_000);

  it('leaves no cache when NODE_DISABLE_COMPILE_CACHE is set', async () => {
    expect(await cosellHelp({ NODE_DISABLE_COMPILE_CACHE: '1' })).toContain('cosell lint');
    expect(filesUnder(join(temp, 'node-compile-cache'))).toEqual([]);
  }, 60_000);
});
