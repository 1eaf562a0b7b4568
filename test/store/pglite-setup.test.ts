import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { openStore } from '../../middleware/src/store/database.js';
import {
  initialiseDataDir,
  installedInitdb,
  isInitialised,
  preparePristine,
  PGLITE_SHARED_BUFFERS,
} from '../../middleware/src/store/pglite-setup.js';

const work = mkdtempSync(join(tmpdir(), 'cosell-pglite-setup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('embedded store data folder', () => {
  it('is initialised once, outside this process, and keeps what was committed when reopened', async () => {
    const dataDir = join(work, 'store');
    expect(isInitialised(dataDir)).toBe(false);
    const first = await openStore({ dataDir });
    expect(isInitialised(dataDir)).toBe(true);
    // Customer data: the folder is readable by its owner only.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await first.db
      .insertInto('sync_cursors')
      .values({ name: 'AWS:inbound', value: '2026-11-26T09:00:00.000Z', updated_at: new Date() })
      .execute();
    const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(first.db);
    expect(rows[0]!.shared_buffers).toBe(PGLITE_SHARED_BUFFERS);
    await first.close();

    const reopened = await openStore({ dataDir });
    const cursor = await reopened.db
      .selectFrom('sync_cursors')
      .select('value')
      .where('name', '=', 'AWS:inbound')
      .executeTakeFirst();
    await reopened.close();
    expect(cursor?.value).toBe('2026-11-26T09:00:00.000Z');
  }, 120_000);

  it('leaves an initialised folder alone', async () => {
    const dataDir = join(work, 'store');
    const files = () =>
      readdirSync(dataDir)
        .map((name) => `${name}@${statSync(join(dataDir, name)).mtimeMs}`)
        .sort();
    const before = files();
    await initialiseDataDir(dataDir);
    expect(files()).toEqual(before);
  });

  it('copies new data folders from one cached initdb, and each copy is a store of its own', async () => {
    const cache = join(work, 'initdb');
    // No install-time folder here, so the cache is made (by initdb) and used.
    const noInstall = join(work, 'no-install');
    await initialiseDataDir(join(work, 'copy-one'), cache, noInstall);
    const one = await openStore({ dataDir: join(work, 'copy-one') });
    await one.db
      .insertInto('sync_cursors')
      .values({ name: 'AWS:inbound', value: 'one', updated_at: new Date() })
      .execute();
    await one.close();
    const cached = readdirSync(work).filter((name) => name.startsWith('initdb-'));
    expect(cached).toHaveLength(1);
    expect(isInitialised(join(work, cached[0]!))).toBe(true);
    const cachedFiles = readdirSync(join(work, cached[0]!)).sort();

    await initialiseDataDir(join(work, 'copy-two'), cache, noInstall);
    const two = await openStore({ dataDir: join(work, 'copy-two') });
    const cursor = await two.db
      .selectFrom('sync_cursors')
      .select('value')
      .where('name', '=', 'AWS:inbound')
      .executeTakeFirst();
    await two.close();
    expect(cursor).toBeUndefined();
    // The cache is a bare initdb, untouched by the stores copied from it.
    expect(readdirSync(join(work, cached[0]!)).sort()).toEqual(cachedFiles);
    expect(readdirSync(work).filter((name) => name.includes('.building-'))).toEqual([]);
    expect(existsSync(noInstall)).toBe(false);
  }, 120_000);

  it('copies the folder the install initialised, without initdb or a cache of its own', async () => {
    // The cache made above stands in for the install's folder (npm run build:store makes the same).
    const installed = join(work, readdirSync(work).find((name) => name.startsWith('initdb-'))!);
    const dataDir = join(work, 'from-install');
    const cache = join(work, 'unused-cache');
    await initialiseDataDir(dataDir, cache, installed);
    expect(isInitialised(dataDir)).toBe(true);
    expect(readdirSync(dataDir).sort()).toEqual(readdirSync(installed).sort());
    expect(readdirSync(work).filter((name) => name.startsWith('unused-cache'))).toEqual([]);
    const store = await openStore({ dataDir });
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(store.db);
    await store.close();
    expect(rows[0]!.one).toBe(1);
  }, 120_000);

  it('keeps an install-time folder that is already made, and keeps it beside the installed PGlite', async () => {
    // The cache made above was built by the same preparePristine that npm run build:store runs.
    const installed = join(work, readdirSync(work).find((name) => name.startsWith('initdb-'))!);
    const stamp = statSync(join(installed, 'PG_VERSION')).mtimeMs;
    await preparePristine(installed);
    expect(statSync(join(installed, 'PG_VERSION')).mtimeMs).toBe(stamp);
    expect(installedInitdb()).toMatch(
      /node_modules[\\/]\.cache[\\/]cosell-pglite-initdb-\d+\.\d+\.\d+$/,
    );
  });

  it('makes the folders above the install-time folder, as on a fresh install without node_modules/.cache', async () => {
    const installed = join(work, 'fresh-install', 'node_modules', '.cache', 'cosell-pglite-initdb');
    await preparePristine(installed);
    expect(isInitialised(installed)).toBe(true);
    expect(readdirSync(join(work, 'fresh-install', 'node_modules', '.cache'))).toEqual([
      'cosell-pglite-initdb',
    ]);
  }, 120_000);

  it('says which folder it could not initialise', async () => {
    const blocked = join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the store should go');
    await expect(initialiseDataDir(blocked)).rejects.toThrow(
      `could not initialise the embedded store in ${blocked}`,
    );
  }, 60_000);
});
