// Removes what lib/ still holds for a source that is gone. tsc writes its outputs but never deletes
// one, so a module renamed or deleted since the last build would live on in lib/: a command above
// all, since oclif finds commands by their files and would keep offering the old one. Both builds
// (`npm run build`, and `npm start`'s build-if-stale.mjs) run this before writing oclif's manifest.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What tsc writes for one `name.ts`: the JavaScript, the declarations, and a map of each. */
const OUTPUT = /^(.+)\.(?:js|d\.ts)(?:\.map)?$/;

/**
 * Deletes each output in `lib` whose source `.ts` is not in `src` at the same place, and each folder
 * left empty. Files tsc does not write (its own state, dotfiles) are kept. Returns what was removed,
 * relative to `lib`.
 */
export function pruneStaleOutputs(lib, src) {
  const removed = [];
  const walk = (relative) => {
    let entries;
    try {
      entries = readdirSync(join(lib, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(path);
        if (readdirSync(join(lib, path)).length === 0) {
          rmSync(join(lib, path), { recursive: true });
          removed.push(`${path}/`);
        }
        continue;
      }
      const output = OUTPUT.exec(entry.name);
      if (!output || entry.name.startsWith('.')) continue;
      const source = join(src, relative, `${output[1]}.ts`);
      if (statSync(source, { throwIfNoEntry: false })?.isFile()) continue;
      rmSync(join(lib, path));
      removed.push(path);
    }
  };
  walk('');
  return removed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const removed = pruneStaleOutputs(join(root, 'lib'), join(root, 'middleware/src'));
  if (removed.length > 0)
    console.log(`lib/: removed ${removed.length} output(s) of sources that are gone`);
}
