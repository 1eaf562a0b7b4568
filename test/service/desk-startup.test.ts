// How `npm start` begins: the data folder's lock and the port come before any data is touched, so
// a port clash or a second instance stops at once with the reason, and changes nothing.
import { createServer, type Server } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../middleware/src/service/config.js';
import {
  DataFolderInUseError,
  LOCK_FILE_NAME,
} from '../../middleware/src/service/data-folder-lock.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { PortUnavailableError } from '../../middleware/src/service/listener.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';

const quiet = createServiceLogger({ level: 'silent' });
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cosell-start-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function occupiedPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  return (blocker.address() as { port: number }).port;
}

describe('starting the desk', () => {
  it('stops at once on a port in use, naming it, and leaves the data folder as it was', async () => {
    const dir = dataFolder();
    const sentinel = join(dir, 'pglite', 'PG_VERSION');
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(sentinel, '17\n');
    const port = await occupiedPort();

    const start = startDemoDesk({
      config: loadConfig({ PORT: String(port), COSELL_DATA_DIR: dir }),
      logger: quiet,
    });
    await expect(start).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(start).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    // Not reset, not seeded, no token generated, and the folder is free for the next start.
    expect(existsSync(sentinel)).toBe(true);
    expect(existsSync(join(dir, 'admin-token'))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a second instance on the same data folder, naming the holder, while the first keeps serving; the folder is private', async () => {
    const dir = join(dataFolder(), 'data');
    const first: Desk = await startDemoDesk({
      config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dir, COSELL_DEMO: 'false' }),
      logger: quiet,
    });
    cleanup.push(() => first.stop());

    const second = startDemoDesk({
      config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dir, COSELL_DEMO: 'false' }),
      logger: quiet,
    });
    await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
    await expect(second).rejects.toThrow(
      `in use by another co-sell service (pid ${process.pid} on this machine`,
    );
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'pglite')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'admin-token')).mode & 0o777).toBe(0o600);

    await cleanup.pop()!();
    const again: Desk = await startDemoDesk({
      config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dir, COSELL_DEMO: 'false' }),
      logger: quiet,
    });
    cleanup.push(() => again.stop());
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
