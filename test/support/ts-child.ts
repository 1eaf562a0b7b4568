// Runs a TypeScript file of this repository in a child Node process the way the benchmarks run theirs:
// types stripped by Node, `.js` specifiers resolved to the `.ts` sources by scripts/bench/ts-resolve.mjs.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Node's arguments before the script: for spawn, fork's execArgv, or a command line. */
export const TS_EXEC_ARGV = [
  '--experimental-transform-types',
  '--no-warnings',
  '--import',
  pathToFileURL(`${REPOSITORY_ROOT}scripts/bench/ts-resolve.mjs`).href,
];

/** Runs `script` with `args` to its end from the repository root (NODE_OPTIONS cleared): its exit and its text. */
export function runTsChild(script: string, args: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...TS_EXEC_ARGV, script, ...args], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
}
