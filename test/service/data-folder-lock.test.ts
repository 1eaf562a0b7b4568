import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  DataFolderInUseError,
  LOCK_FILE_NAME,
  lockDataFolder,
} from '../../middleware/src/service/data-folder-lock.js';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cosell-lock-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A process that runs until killed, and one that has already exited (its pid is free). */
function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill() };
}
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('data folder lock', () => {
  it('lets one holder in, refuses a second naming the holder, and frees the folder on release', () => {
    const dir = folder();
    const first = lockDataFolder(dir, () => new Date('2026-12-06T03:00:00.000Z'));
    expect(JSON.parse(readFileSync(first.file, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
      started: '2026-12-06T03:00:00.000Z',
    });

    let refusal: unknown;
    try {
      lockDataFolder(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    expect((refusal as Error).message).toContain(
      `pid ${process.pid} on this machine, started 2026-12-06T03:00:00.000Z`,
    );
    expect((refusal as Error).message).toContain('COSELL_DATA_DIR');

    first.release();
    expect(existsSync(first.file)).toBe(false);
    const second = lockDataFolder(dir);
    second.release();
    first.release(); // a second release does not remove someone else's lock
  });

  it('refuses while another live process on this machine holds the folder', () => {
    const dir = folder();
    const other = sleeper();
    try {
      writeFileSync(
        join(dir, LOCK_FILE_NAME),
        JSON.stringify({ pid: other.pid, host: hostname(), started: '2026-12-06T02:00:00.000Z' }),
      );
      expect(() => lockDataFolder(dir)).toThrow(`pid ${other.pid} on this machine`);
    } finally {
      other.stop();
    }
  });

  it('replaces a lock left by a process that has exited', async () => {
    const dir = folder();
    const gone = await exitedPid();
    writeFileSync(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: gone, host: hostname(), started: '2026-12-06T02:00:00.000Z' }),
    );
    const lock = lockDataFolder(dir);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('replaces a lock whose pid now belongs to a different process (pid reused after a crash)', () => {
    const dir = folder();
    const other = sleeper();
    try {
      writeFileSync(
        join(dir, LOCK_FILE_NAME),
        JSON.stringify({
          pid: other.pid,
          host: hostname(),
          started: '2026-12-06T02:00:00.000Z',
          processStart: '1',
        }),
      );
      const lock = lockDataFolder(dir);
      lock.release();
    } finally {
      other.stop();
    }
  });

  it('never takes over a lock held from another host, and says which host', () => {
    const dir = folder();
    writeFileSync(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: 4242, host: 'desk-2.example', started: '2026-12-06T02:00:00.000Z' }),
    );
    expect(() => lockDataFolder(dir)).toThrow(
      `pid 4242 on host desk-2.example, started 2026-12-06T02:00:00.000Z`,
    );
    expect(() => lockDataFolder(dir)).toThrow(`delete ${join(dir, LOCK_FILE_NAME)}`);
  });
});
