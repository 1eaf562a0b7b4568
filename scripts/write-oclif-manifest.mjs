// Writes oclif.manifest.json from the compiled commands in lib/ (run after every build). With it,
// oclif finds a command without importing all of them first: each `cosell` run loads only its own
// command's modules, about 0.2 s of CPU less per run (scripts/bench/README.md).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const plugin = new Plugin({
  root,
  type: 'core',
  isRoot: true,
  ignoreManifest: true,
  errorOnManifestCreate: true,
  respectNoCacheDefault: true,
});
await plugin.load();
writeFileSync(`${root}oclif.manifest.json`, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
