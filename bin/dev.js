#!/usr/bin/env node
// Development entry point: rebuilds lib/ from middleware/src and the oclif manifest (a command added
// since the last build must be found), then runs the command.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { execute } from '@oclif/core';

execSync('npx tsc -p tsconfig.build.json && node scripts/write-oclif-manifest.mjs', {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
});
await execute({ development: true, dir: import.meta.url });
