#!/usr/bin/env node
// Runs the compiled `cosell` commands (lib/) without needing the `sf` executable. Node's on-disk
// compile cache is switched on before oclif and the commands load, so every run after the first
// skips compiling them again (about 0.1 s a command). NODE_COMPILE_CACHE picks its folder
// and NODE_DISABLE_COMPILE_CACHE=1 turns it off, as Node documents.
import module from 'node:module';

// Optional: a Node without the cache (before 22.1) still runs the commands.
module.enableCompileCache?.();
// sf's tables are drawn with React (ink), which loads its development build, with its checks and
// warnings, unless NODE_ENV says production: a 100-row findings table cost about 0.3 s more CPU
// (scripts/bench/README.md, round 14). oclif already reads an unset NODE_ENV as production; a
// NODE_ENV the caller set is kept.
process.env.NODE_ENV ??= 'production';
const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });
