// `npm start` runs this first: it rebuilds lib/ only when a source or build setting is newer than the
// last build, and then only what changed, so an unchanged checkout starts without compiling.
// This build writes JavaScript only (tsc --noCheck, no declarations): with isolatedModules and
// verbatimModuleSyntax that JavaScript is byte for byte what a checked build writes, in about a
// third of the time. `npm test` type-checks; `npm run build` (at install) writes the declarations.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** The checked build's incremental state (`npm run build`). */
const CHECKED_INFO = 'lib/.tsbuildinfo';
/** This build's own incremental state, apart from the checked build's so neither undoes the other. */
const START_INFO = 'lib/.start.tsbuildinfo';
const INPUTS = ['middleware/src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const built = Math.max(newestMtime(CHECKED_INFO), newestMtime(START_INFO));
const changed = INPUTS.some((input) => newestMtime(input) > built);
if (changed) {
  const tsc = spawnSync(
    process.execPath,
    [
      'node_modules/typescript/bin/tsc',
      '-p',
      'tsconfig.build.json',
      '--noCheck',
      '--declaration',
      'false',
      '--tsBuildInfoFile',
      START_INFO,
    ],
    { stdio: 'inherit' },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // A source deleted or renamed leaves its old output behind: remove it before oclif looks.
  const prune = spawnSync(process.execPath, ['scripts/prune-lib.mjs'], { stdio: 'inherit' });
  if (prune.status !== 0) process.exit(prune.status ?? 1);
  // The commands may have changed: the oclif manifest follows the build.
  const manifest = spawnSync(process.execPath, ['scripts/write-oclif-manifest.mjs'], {
    stdio: 'inherit',
  });
  if (manifest.status !== 0) process.exit(manifest.status ?? 1);
  // tsc leaves its state file alone when a touched file compiled to the same output: mark it current.
  if (existsSync(START_INFO)) {
    const now = new Date();
    utimesSync(START_INFO, now, now);
  }
}
