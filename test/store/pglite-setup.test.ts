import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { openStore } from '../../middleware/src/store/database.js';
import {
  initialiseDataDir,
  isInitialised,
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
    const one = await openStore({ dataDir: join(work, 'copy-one'), initdbCache: cache });
    await one.db
      .insertInto('sync_cursors')
      .values({ name: 'AWS:inbound', value: 'one', updated_at: new Date() })
      .execute();
    await one.close();
    const cached = readdirSync(work).filter((name) => name.startsWith('initdb-'));
    expect(cached).toHaveLength(1);
    expect(isInitialised(join(work, cached[0]!))).toBe(true);
    const cachedFiles = readdirSync(join(work, cached[0]!)).sort();

    const two = await openStore({ dataDir: join(work, 'copy-two'), initdbCache: cache });
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
  }, 120_000);

  it('says which folder it could not initialise', async () => {
    const blocked = join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the store should go');
    await expect(initialiseDataDir(blocked)).rejects.toThrow(
      `could not initialise the embedded store in ${blocked}`,
    );
  }, 60_000);
});
