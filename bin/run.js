#!/usr/bin/env node
// Runs the compiled `cosell` commands (lib/) without needing the `sf` executable.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
