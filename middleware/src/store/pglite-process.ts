// Runs the embedded store in a child process (pglite-server.ts) and hands back where to connect.
// The socket sits in a fresh folder only this user may enter: the store has no password, so the
// folder's permissions are what keep other local users out (a loopback TCP port would not).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgliteServerArgs, PgliteServerMessage } from './pglite-server.js';

/** The port number in the socket's file name, as the `pg` driver derives it from host + port. */
const SOCKET_PORT = 5432;

export interface PgliteProcess {
  /** The child's process id (its memory is its own, outside the service's). */
  pid: number;
  /** Connection settings for `pg`: a socket folder as host. */
  connection: { host: string; port: number; user: string; database: string };
  /** The child's own account of its memory (`process.memoryUsage()` there). */
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  /** Stops the child (it closes PGlite cleanly first) and removes the socket folder. */
  stop(): Promise<void>;
}

/** The child's entry: the compiled file next to this one, or the TypeScript source when run from it. */
function serverEntry(): string {
  const compiled = fileURLToPath(new URL('./pglite-server.js', import.meta.url));
  return existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts');
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts PGlite on an initialised data folder in its own process; resolves once it accepts connections. */
export async function startPgliteProcess(
  dataDir: string,
  startParams: string[],
): Promise<PgliteProcess> {
  const socketDir = mkdtempSync(join(tmpdir(), 'cosell-store-'));
  const args: PgliteServerArgs = {
    dataDir,
    socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    startParams,
    ownSocketDir: true,
  };
  const child = fork(serverEntry(), [JSON.stringify(args)], {
    // Its own process group: Ctrl-C reaches the service, which closes the store when it is done with
    // it, rather than stopping the store under a shutdown still writing to it.
    detached: true,
    execArgv: [
      '--disable-warning=ExperimentalWarning',
      // Its JavaScript only relays protocol messages, which die young: a small young generation
      // and a heap held close to what survives keep the process near PGlite's own memory.
      '--max-semi-space-size=1',
      '--heap-growing-percent=25',
    ],
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let onMessage: (message: PgliteServerMessage) => void = () => undefined;
  let onExit: (code: number | null, signal: string | null) => void = () => undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onMessage = (message) => {
        if ('ready' in message) resolve();
        else if ('error' in message) reject(new Error(message.error));
      };
      onExit = (code, signal) =>
        reject(new Error(`its process exited (${signal ?? `code ${code}`}) before it was ready`));
      child.once('message', onMessage).once('error', reject).once('exit', onExit);
    });
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(socketDir, { recursive: true, force: true });
    throw new Error(
      `could not start the embedded store on ${dataDir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    child.off('message', onMessage).off('exit', onExit);
  }
  // A store nobody closed must not keep the service (or a test run) alive; the child still stops
  // when this process ends, because that closes the channel.
  child.unref();
  child.channel?.unref();
  let stopped: Promise<void> | undefined;
  return {
    pid: child.pid!,
    connection: { host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' },
    memoryUsage() {
      return new Promise((resolve, reject) => {
        const answer = (message: PgliteServerMessage) => {
          if (!('memory' in message)) return;
          child.off('message', answer);
          resolve(message.memory);
        };
        child.on('message', answer);
        child.send('memory', (error) => {
          if (error) {
            child.off('message', answer);
            reject(error);
          }
        });
      });
    },
    stop() {
      stopped ??= (async () => {
        // Waited for: held again, or an idle process would end before the store has closed.
        child.ref();
        const done = exited(child);
        if (child.connected) child.disconnect();
        await done;
        rmSync(socketDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
