// The two stores every engine test runs against: embedded PGlite and a real PostgreSQL server
// (a fresh database per call, on the server the jest global setup provides).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { StoreOptions } from '../../middleware/src/store/database.js';

export interface StoreVariant {
  name: 'PGlite' | 'PostgreSQL';
  options: () => Promise<StoreOptions>;
}

/** Creates an empty database on the test server and returns its URL. */
export async function freshPostgresDatabase(): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'TEST_DATABASE_URL is not set: the jest global setup should have started PostgreSQL',
    );
  const name = `cosell_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Options for an in-memory PGlite store started from the run's initialised template (fast). */
export function pgliteOptions(): StoreOptions {
  const template = process.env.COSELL_TEST_PGLITE_TEMPLATE;
  return template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {};
}

export function storeVariants(): StoreVariant[] {
  return [
    { name: 'PGlite', options: async () => pgliteOptions() },
    { name: 'PostgreSQL', options: async () => ({ url: await freshPostgresDatabase() }) },
  ];
}

/** Empties every engine table, so one store (costly to open on PGlite) serves a whole test file. */
export async function truncateAll(
  db: import('kysely').Kysely<import('../../middleware/src/store/schema.js').Database>,
): Promise<void> {
  const { sql } = await import('kysely');
  await sql`truncate opportunities, engagements, referrals, counterparts, outbox, idempotency_keys, inbound_events, sync_cursors, audit_log, rate_budgets, rate_limits, readiness_evidence, account_mapping_runs restart identity`.execute(
    db,
  );
}
