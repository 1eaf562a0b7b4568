#!/usr/bin/env node
// Development entry point: runs the package's build (lib/ from middleware/src, what a deleted source
// left there removed, the oclif manifest rewritten so a command added or removed since the last
// build is found or gone), then the command.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { execute } from '@oclif/core';

execSync('npm run --silent build', {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
});
await execute({ development: true, dir: import.meta.url });
