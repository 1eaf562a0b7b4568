// `npm start` runs this first: it rebuilds lib/ only when a source or build setting is newer than the
// last build, and then only what changed (tsc --incremental keeps lib/.tsbuildinfo), so an unchanged
// checkout starts without compiling.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'lib/.tsbuildinfo';
const INPUTS = ['middleware/src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = INPUTS.some((input) => newestMtime(input) > built);
if (changed) {
  const tsc = spawnSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
    { stdio: 'inherit' },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // The commands may have changed: the oclif manifest follows the build.
  const manifest = spawnSync(process.execPath, ['scripts/write-oclif-manifest.mjs'], {
    stdio: 'inherit',
  });
  if (manifest.status !== 0) process.exit(manifest.status ?? 1);
  // tsc leaves the stamp alone when a touched file compiled to the same output: mark it current.
  const now = new Date();
  utimesSync(STAMP, now, now);
}
