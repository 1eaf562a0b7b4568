// Opens the engine's store: embedded PGlite in a data folder by default, a PostgreSQL server when a
// connection URL is given. Same Kysely API and SQL either way; migrations run on open. PGlite on a
// data folder runs in a process of its own (pglite-process.ts) and is reached like a server; in
// memory (tests) it runs inside this process.
import { chmodSync, mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.js';
import * as initial from './migrations/0001-initial.js';
import * as rateLimits from './migrations/0002-rate-limits.js';
import * as sandboxState from './migrations/0003-sandbox-state.js';
import * as readinessEvidence from './migrations/0004-readiness-evidence.js';
import * as accountMappingRuns from './migrations/0005-account-mapping-runs.js';
import { initialiseDataDir, pgliteStartParams } from './pglite-setup.js';
import { startPgliteProcess } from './pglite-process.js';

export type StoreKind = 'pglite' | 'postgres';

export interface StoreOptions {
  /** PostgreSQL connection URL (`DATABASE_URL`); when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; absent = in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
  /** An initialised PGlite data folder (a `dumpDataDir` tarball) to start from instead of running initdb. */
  pgliteTemplate?: Blob | undefined;
  /** Where to keep one freshly initialised PGlite folder that new data folders are copied from (see initialiseDataDir). */
  initdbCache?: string | undefined;
}

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** PGlite's own process when it runs in one (a data folder): its id and memory, for benchmarks. */
  process?: { pid: number; memoryUsage(): Promise<NodeJS.MemoryUsage> } | undefined;
  close(): Promise<void>;
}

/**
 * Versioned migrations, in order. A new migration is a new module added here, and the SQL it sends
 * to test/fixtures/migration-sql.json (a released migration's SQL never changes).
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-rate-limits': rateLimits,
  '0003-sandbox-state': sandboxState,
  '0004-readiness-evidence': readinessEvidence,
  '0005-account-mapping-runs': accountMappingRuns,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export class MigrationError extends Error {
  constructor(migration: string | undefined, cause: unknown) {
    super(
      `store migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'MigrationError';
  }
}

/**
 * Whether the store already ran exactly the migrations this version knows. Checked first because
 * Kysely's migrator introspects the whole catalog on every start, which takes seconds on PGlite.
 */
async function isUpToDate(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean;
  }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!rows[0]?.present) return false;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return (
    names.size === Object.keys(MIGRATIONS).length &&
    Object.keys(MIGRATIONS).every((name) => names.has(name))
  );
}

/** Brings the schema to the latest version; safe to run concurrently from several instances. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  // Numbers are handed out per branch (0003, 0004...), so a store may have run a later number before an
  // earlier one is merged: each missing migration still runs, in name order.
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, error);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Kysely on a `pg` pool: a PostgreSQL server, or the embedded store's own process. */
function poolDatabase(config: pg.PoolConfig): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(config) }) });
}

/** Opens the embedded store: in its own process on a data folder, else in this one. */
async function openPglite(options: StoreOptions): Promise<Pick<Store, 'db' | 'close' | 'process'>> {
  if (options.dataDir) {
    // The database files hold customer data: the folder is the owner's alone, as PostgreSQL wants.
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(options.dataDir, 0o700);
    if (!options.pgliteTemplate) {
      await initialiseDataDir(options.dataDir, options.initdbCache);
      const server = await startPgliteProcess(options.dataDir, pgliteStartParams());
      // One connection, held: PGlite has a single session, so transactions queue here as they would
      // on the in-process dialect.
      const db = poolDatabase({ ...server.connection, max: 1, idleTimeoutMillis: 0 });
      return {
        db,
        process: { pid: server.pid, memoryUsage: () => server.memoryUsage() },
        close: async () => {
          await db.destroy();
          await server.stop();
        },
      };
    }
  }
  const pglite = new PGlite({
    startParams: pgliteStartParams(),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, close: () => db.destroy() };
}

/** Opens (and migrates) the store described by the options. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const kind: StoreKind = options.url ? 'postgres' : 'pglite';
  const {
    db,
    close,
    process: own,
  } = options.url
    ? (() => {
        const db = poolDatabase({ connectionString: options.url, max: options.poolSize ?? 10 });
        return { db, close: () => db.destroy(), process: undefined };
      })()
    : await openPglite(options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, kind, close, ...(own ? { process: own } : {}) };
}
