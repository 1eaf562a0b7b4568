#!/usr/bin/env node
// Development entry point: rebuilds lib/ from middleware/src, removes what a deleted source left
// there, and rewrites the oclif manifest (a command added or removed since the last build must be
// found or gone), then runs the command.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { execute } from '@oclif/core';

execSync(
  'npx tsc -p tsconfig.build.json && node scripts/prune-lib.mjs && node scripts/write-oclif-manifest.mjs',
  {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  },
);
await execute({ development: true, dir: import.meta.url });
