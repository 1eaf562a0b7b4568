// tsc never deletes an output: scripts/prune-lib.mjs removes what lib/ holds for a source that is
// gone (a renamed command would otherwise stay on offer), and keeps everything else.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
// @ts-expect-error: a plain ES module script, without declarations
import { pruneStaleOutputs } from '../../scripts/prune-lib.mjs';

const prune = pruneStaleOutputs as (lib: string, src: string) => string[];

function write(root: string, files: string[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
  }
}

/** Every file and folder below `dir`, relative, sorted; folders end in a slash. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
      return entry.isDirectory() ? `${path}/` : path;
    })
    .sort();
}

describe('pruning lib/ of outputs whose source is gone', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('removes every output of a deleted or renamed source and the folders left empty, and nothing else', () => {
    root = mkdtempSync(join(tmpdir(), 'cosell-prune-'));
    const lib = join(root, 'lib');
    const src = join(root, 'src');
    write(src, ['index.ts', 'commands/cosell/lint.ts', 'commands/cosell/renamed/new.ts']);
    const kept = [
      '.tsbuildinfo',
      'index.js',
      'index.js.map',
      'index.d.ts',
      'index.d.ts.map',
      'commands/cosell/lint.js',
      'commands/cosell/renamed/new.js',
      'commands/cosell/notes.txt',
    ];
    const gone = [
      'old.js',
      'old.d.ts.map',
      'commands/cosell/lint-old.js.map',
      'commands/cosell/ghost/probe.js',
      'commands/cosell/ghost/probe.d.ts',
    ];
    write(lib, [...kept, ...gone]);

    expect(prune(lib, src).sort()).toEqual([...gone, 'commands/cosell/ghost/'].sort());
    expect(tree(lib)).toEqual(
      [...kept, 'commands/', 'commands/cosell/', 'commands/cosell/renamed/'].sort(),
    );
    // Run again, nothing more goes.
    expect(prune(lib, src)).toEqual([]);
  });

  it('does nothing when there is no lib/ yet', () => {
    root = mkdtempSync(join(tmpdir(), 'cosell-prune-'));
    expect(prune(join(root, 'lib'), join(root, 'src'))).toEqual([]);
  });
});
