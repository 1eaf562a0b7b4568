// bin/run.js runs sf's tables (ink, on React) on React's production build unless the caller chose
// a NODE_ENV: observed through Node's own module-load trace (NODE_DEBUG=module), which names every
// CommonJS file a run loads.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const run = promisify(execFile);
const COSELL = resolve('bin/run.js');
const EXPORT = resolve('test/fixtures/opportunities-export.csv');

/** The React builds (`production`, `development`) a `cosell lint` table run loaded. */
async function reactBuildsLoaded(nodeEnv: string | undefined): Promise<string[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_DEBUG: 'module' };
  delete env.NODE_OPTIONS;
  // No CI (where oclif prints its plain table, without React), as a person's terminal has none.
  delete env.CI;
  if (nodeEnv === undefined) delete env.NODE_ENV;
  else env.NODE_ENV = nodeEnv;
  // lint exits 1 when it finds errors; the trace is on stderr either way.
  const { stdout, stderr } = await run(
    process.execPath,
    [COSELL, 'cosell', 'lint', '--file', EXPORT, '--now', '2026-11-10T09:00:00.000Z'],
    { env, maxBuffer: 1 << 26 },
  ).catch((error: { stdout: string; stderr: string }) => error);
  expect(stdout).toContain('│'); // the findings table was drawn
  return [...new Set([...stderr.matchAll(/react\/cjs\/react\.(\w+)\.js/g)].map((m) => m[1]!))];
}

describe('bin/run.js and React', () => {
  it('draws tables with React’s production build when NODE_ENV is unset', async () => {
    expect(await reactBuildsLoaded(undefined)).toEqual(['production']);
  }, 60_000);

  it('keeps a NODE_ENV the caller set', async () => {
    expect(await reactBuildsLoaded('development')).toEqual(['development']);
  }, 60_000);
});
