// How the embedded store runs PGlite lean: a new data folder is initialised (initdb) in a
// short-lived child process, and the server keeps a small buffer cache. initdb alone leaves about
// 500 MB resident in the process that ran it (WASM memory is never handed back), and PostgreSQL's
// default 128 MB of shared buffers is sized for a database server, not an embedded one whose files
// the operating system already caches.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
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
 * Where `npm install` leaves one initialised data folder (`npm run build:store`), beside the
 * installed PGlite, so the first start copies it instead of waiting for initdb (about 20 s on a
 * busy machine). A reinstall replaces node_modules and makes it afresh for the PGlite installed.
 */
export function installedInitdb(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  // entry: <node_modules>/@electric-sql/pglite/dist/index.cjs
  const nodeModules = join(dirname(entry), '..', '..', '..');
  return join(nodeModules, '.cache', `cosell-pglite-initdb-${pgliteVersion()}`);
}

/** Makes `pristine` a bare initialised folder if it is not one; built aside and renamed, so a crash mid-initdb never leaves a half-made copy to reuse. */
export async function preparePristine(pristine: string): Promise<void> {
  if (isInitialised(pristine)) return;
  const building = `${pristine}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  // PGlite makes only the last folder of the path; on a fresh install node_modules/.cache is absent.
  mkdirSync(dirname(building), { recursive: true });
  await runInitdb(building);
  rmSync(pristine, { recursive: true, force: true });
  renameSync(building, pristine);
}

/**
 * Initialises a new data folder; one that is already initialised is left untouched. It is a copy of
 * the install's initialised folder when there is one (`installed`), else of `cacheDir` (made once,
 * per PGlite version, by initdb): well under a second instead of several, which the demo pays on each
 * start because it resets its store. With neither, initdb runs for this folder alone.
 */
export async function initialiseDataDir(
  dataDir: string,
  cacheDir?: string,
  installed: string = installedInitdb(),
): Promise<void> {
  if (isInitialised(dataDir)) return;
  const cached = cacheDir ? `${cacheDir}-${pgliteVersion()}` : undefined;
  const source = [cached, installed].find((folder) => folder && isInitialised(folder)) ?? cached;
  if (source) {
    await preparePristine(source);
    try {
      cpSync(source, dataDir, { recursive: true });
    } catch (error) {
      throw new Error(`could not initialise the embedded store in ${dataDir}: ${String(error)}`, {
        cause: error,
      });
    }
    return;
  }
  await runInitdb(dataDir);
}

/**
 * Runs initdb for a new data folder in a child Node process, so the memory it takes is returned to
 * the system when the child exits.
 */
async function runInitdb(dataDir: string): Promise<void> {
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
