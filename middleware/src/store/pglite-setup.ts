// How the embedded store runs PGlite lean: a new data folder is initialised (initdb) in a
// short-lived child process, and the server keeps a small buffer cache. initdb alone leaves about
// 500 MB resident in the process that ran it (WASM memory is never handed back), and PostgreSQL's
// default 128 MB of shared buffers is sized for a database server, not an embedded one whose files
// the operating system already caches.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

/** Shared buffers for the embedded server; the working set is the outbox and the rows in flight. */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** PGlite's own start parameters plus the embedded store's memory settings. */
export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}

/** A data folder PostgreSQL has initialised carries its major version in PG_VERSION. */
export function isInitialised(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/** The installed PGlite's version: an initdb copy is only reused by the PGlite that made it. */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (
    JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

/**
 * Runs initdb for a new data folder in a child Node process, so the memory it takes is returned to
 * the system when the child exits. A folder that is already initialised is left untouched.
 * With `cacheDir`, initdb runs once into that folder (per PGlite version) and every later new data
 * folder is a copy of it: well under a second instead of several, which the demo pays on each start
 * because it resets its store.
 */
export async function initialiseDataDir(dataDir: string, cacheDir?: string): Promise<void> {
  if (isInitialised(dataDir)) return;
  if (cacheDir) {
    const pristine = `${cacheDir}-${pgliteVersion()}`;
    if (!isInitialised(pristine)) {
      // Built aside and renamed, so a crash mid-initdb never leaves a half-made copy to reuse.
      const building = `${pristine}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await initialiseDataDir(building);
      rmSync(pristine, { recursive: true, force: true });
      renameSync(building, pristine);
    }
    cpSync(pristine, dataDir, { recursive: true });
    return;
  }
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(pglite)}).PGlite.create(${JSON.stringify(dataDir)}).then((db) => db.close())`;
  try {
    await promisify(execFile)(process.execPath, ['-e', script], {
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 1 << 20,
    });
  } catch (error) {
    const detail =
      (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' ') ||
      String(error);
    throw new Error(`could not initialise the embedded store in ${dataDir}: ${detail}`, {
      cause: error,
    });
  }
  if (!isInitialised(dataDir))
    throw new Error(
      `could not initialise the embedded store in ${dataDir}: initdb left no PG_VERSION`,
    );
}
