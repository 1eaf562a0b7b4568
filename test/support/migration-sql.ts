// The SQL a migration sends, recorded without a database: Kysely's PostgreSQL compiler over a
// driver that answers every query with no rows.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { Migration } from 'kysely/migration';

/** Each statement `up` and `down` send, in order, with its parameters. */
export async function migrationSql(
  migration: Migration,
): Promise<{ up: string[]; down: string[] }> {
  const record = async (step: (db: Kysely<unknown>) => Promise<void>) => {
    const statements: string[] = [];
    const db = new Kysely<unknown>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (inner) => new PostgresIntrospector(inner),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
      log: (event) => {
        const { sql, parameters } = event.query;
        statements.push(parameters.length ? `${sql} -- ${JSON.stringify(parameters)}` : sql);
      },
    });
    await step(db);
    await db.destroy();
    return statements;
  };
  return {
    up: await record((db) => migration.up(db)),
    down: migration.down ? await record((db) => migration.down!(db)) : [],
  };
}
