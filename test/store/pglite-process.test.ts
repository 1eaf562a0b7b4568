import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { openStore } from '../../middleware/src/store/database.js';
import { initialiseDataDir, pgliteStartParams } from '../../middleware/src/store/pglite-setup.js';
import { startPgliteProcess } from '../../middleware/src/store/pglite-process.js';

const work = mkdtempSync(join(tmpdir(), 'cosell-pglite-process-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (alive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  return !alive(pid);
}

describe('embedded store in its own process', () => {
  it('serves the data folder from another process over a socket only its owner may reach, and stops on close', async () => {
    const dataDir = join(work, 'served');
    await initialiseDataDir(dataDir);
    const server = await startPgliteProcess(dataDir, pgliteStartParams());
    expect(server.pid).not.toBe(process.pid);
    expect(alive(server.pid)).toBe(true);
    expect(statSync(server.connection.host).mode & 0o777).toBe(0o700);
    const memory = await server.memoryUsage();
    expect(memory.rss).toBeGreaterThan(0);
    await server.stop();
    expect(alive(server.pid)).toBe(false);
    expect(() => statSync(server.connection.host)).toThrow();
  }, 120_000);

  it('keeps PGlite single-session: a rolled-back transaction leaves nothing, and other queries wait for a transaction to end', async () => {
    const store = await openStore({ dataDir: join(work, 'sessions') });
    try {
      expect(store.process?.pid).toBeGreaterThan(0);
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('sync_cursors')
            .values({ name: 'rolled-back', value: 'x', updated_at: new Date() })
            .execute();
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
      let outside: Promise<unknown[]> | undefined;
      await store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('sync_cursors')
          .values({ name: 'committed', value: 'y', updated_at: new Date() })
          .execute();
        // Issued mid-transaction; it must run after the commit, not inside this transaction.
        outside = store.db.selectFrom('sync_cursors').select('name').execute();
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
      expect(await outside).toEqual([{ name: 'committed' }]);
      const { rows } = await sql<{
        at: Date;
        doc: { a: number };
      }>`select timestamptz '2026-12-06T10:00:00Z' as at, '{"a":1}'::jsonb as doc`.execute(
        store.db,
      );
      expect(rows[0]!.at).toEqual(new Date('2026-12-06T10:00:00Z'));
      expect(rows[0]!.doc).toEqual({ a: 1 });
    } finally {
      await store.close();
    }
    expect(alive(store.process!.pid)).toBe(false);
  }, 120_000);

  it('stops by itself when the process that started it dies, removing its socket folder', async () => {
    const dataDir = join(work, 'orphan');
    await initialiseDataDir(dataDir);
    const entry = join(process.cwd(), 'middleware/src/store/pglite-server.ts');
    const socketPath = join(mkdtempSync(join(tmpdir(), 'cosell-orphan-')), 'socket');
    const args = JSON.stringify({
      dataDir,
      socketPath,
      startParams: pgliteStartParams(),
      ownSocketDir: true,
    });
    // A stand-in service: starts the store process, reports its id once ready, then waits.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').fork(${JSON.stringify(entry)}, [${JSON.stringify(args)}], { detached: true, execArgv: ['--disable-warning=ExperimentalWarning'] });
         c.on('message', (m) => { if (m.ready) console.log(c.pid); });
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const storePid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    expect(alive(storePid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await gone(storePid, 30_000)).toBe(true);
    // The dead service could not remove the folder it made for the socket: the store did.
    expect(existsSync(dirname(socketPath))).toBe(false);
  }, 120_000);

  it('says which data folder it could not serve, and leaves nothing running', async () => {
    const blocked = join(work, 'not-a-folder');
    writeFileSync(blocked, 'a file where the store should be');
    await expect(startPgliteProcess(blocked, pgliteStartParams())).rejects.toThrow(
      `could not start the embedded store on ${blocked}`,
    );
  }, 120_000);
});
