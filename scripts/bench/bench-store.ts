// The store a benchmark runs on: embedded PGlite (in memory, or in a fresh data folder), or, when
// DATABASE_URL is set, a fresh database created on that server for this run and dropped after it,
// so every run starts empty and a previous run's rows never skew the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../middleware/src/store/database.js';

export async function benchStore(options: { pgliteFolder?: boolean } = {}): Promise<Store> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `cosell_bench_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const store = await openStore({ url: url.toString() });
    return {
      ...store,
      async close() {
        await store.close();
        const cleanup = new pg.Client({ connectionString: server });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name}`);
        await cleanup.end();
      },
    };
  }
  if (!options.pgliteFolder) return openStore({});
  const folder = mkdtempSync(join(tmpdir(), 'cosell-bench-'));
  const store = await openStore({ dataDir: join(folder, 'store') });
  return {
    ...store,
    async close() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
