// The embedded store's own process: PGlite on a data folder, served over the PostgreSQL wire
// protocol on a Unix socket, so the service talks to it with the same `pg` driver and Kysely
// dialect it uses for a PostgreSQL server. PGlite's WebAssembly memory (which never shrinks) then
// lives here, not in the service. Started by pglite-process.ts with an IPC channel; it stops when
// that channel closes, so it never outlives the service, even one that was killed.
// Imports packages only: it is forked as a file, from lib/ or (in tests) as TypeScript source.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** What the parent passes as the one argument, JSON-encoded. */
export interface PgliteServerArgs {
  dataDir: string;
  socketPath: string;
  startParams: string[];
  /**
   * The socket's folder was made for this store alone: removed when it stops, so a service that was
   * killed (and so could not remove it) leaves nothing behind in the temporary folder.
   */
  ownSocketDir?: boolean;
}

/** Messages to the parent. */
export type PgliteServerMessage =
  | { ready: true }
  | { error: string }
  | { memory: NodeJS.MemoryUsage };

/** A protocol Terminate message: PGlite answers it without running anything. */
const TERMINATE = new Uint8Array([0x58, 0, 0, 0, 4]);

/**
 * PGlite as the socket server drives it. PGlite 0.4.6 adds every message a raw stream returns to a
 * list that only its non-streaming execProtocol empties, so a server relaying raw streams kept every
 * reply it ever sent (traced: the live heap grew about 1 kB per query, 197 MB after 10k synced
 * opportunities). An empty call after each stream empties the list.
 */
class RelayPGlite extends PGlite {
  override async execProtocolRawStream(
    message: Uint8Array,
    options: Parameters<PGlite['execProtocolRawStream']>[1],
  ): Promise<void> {
    try {
      await super.execProtocolRawStream(message, options);
    } finally {
      await this.execProtocol(TERMINATE, { syncToFs: false, throwOnError: false });
    }
  }
}

async function serve(args: PgliteServerArgs): Promise<void> {
  const db = new RelayPGlite({ dataDir: args.dataDir, startParams: args.startParams });
  // One connection, like PGlite itself: a second one would share its single session (and its
  // transaction) unawares.
  const server = new PGLiteSocketServer({ db, path: args.socketPath, maxConnections: 1 });
  await server.start();
  let stopping = false;
  process.on('disconnect', () => {
    if (stopping) return;
    stopping = true;
    // Closing PGlite checkpoints the data folder, so the next start needs no recovery.
    void server
      .stop()
      .then(() => db.close())
      .then(() => {
        if (args.ownSocketDir) rmSync(dirname(args.socketPath), { recursive: true, force: true });
      })
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`embedded store: could not close cleanly: ${String(error)}`);
          process.exit(1);
        },
      );
  });
  // Where this process's memory is (benchmarks ask: PGlite's WebAssembly memory is 'external').
  process.on('message', (message) => {
    if (message === 'memory')
      process.send?.({ memory: process.memoryUsage() } satisfies PgliteServerMessage);
  });
  process.send?.({ ready: true } satisfies PgliteServerMessage);
}

function parseArgs(raw: string | undefined): PgliteServerArgs {
  const args = JSON.parse(raw ?? '{}') as Partial<PgliteServerArgs>;
  if (typeof args.dataDir !== 'string' || typeof args.socketPath !== 'string')
    throw new Error('the store process needs a data folder and a socket path');
  return {
    dataDir: args.dataDir,
    socketPath: args.socketPath,
    startParams: args.startParams ?? [],
    ownSocketDir: args.ownSocketDir === true,
  };
}

if (!process.send) {
  // Without the channel it could never learn that its service has gone.
  console.error('pglite-server runs only as a child of the service (see pglite-process.ts)');
  process.exit(2);
}
Promise.resolve()
  .then(() => serve(parseArgs(process.argv[2])))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.send?.({ error: message } satisfies PgliteServerMessage, () => process.exit(1));
  });
