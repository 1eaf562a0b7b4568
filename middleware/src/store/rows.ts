// The row operations most repositories share: read one row by its key columns (or just its decoded
// JSON document), and store a row by its key, replacing the stored one.
import type { Insertable, Kysely, Selectable, SelectType, Transaction } from 'kysely';
import { decodeJson } from './json-column.js';
import type { Database } from './schema.js';

/** The database or a transaction: every repository function runs in either. */
export type Executor = Kysely<Database> | Transaction<Database>;

type Table = keyof Database;
type Column<T extends Table> = keyof Database[T] & string;
/** Values for some of a table's columns, each compared with `=`. */
export type RowKey<T extends Table> = {
  [C in Column<T>]?: SelectType<Database[T][C]>;
};

// Kysely types a query builder per table; a helper over any table uses the untyped builder inside
// and keeps the types at its edges, where the table's own row types apply.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Executor) => db as unknown as Kysely<any>;

/**
 * The row whose key columns hold these values, or undefined; `lock` holds it for the caller's
 * transaction.
 */
export async function findRow<T extends Table>(
  db: Executor,
  table: T,
  key: RowKey<T>,
  options: { lock?: boolean } = {},
): Promise<Selectable<Database[T]> | undefined> {
  let query = untyped(db)
    .selectFrom(table as string)
    .selectAll();
  for (const [column, value] of Object.entries(key)) query = query.where(column, '=', value);
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as Selectable<Database[T]> | undefined;
}

/** The tables that hold one JSON document a row, in `data`. */
type DocumentTable = { [T in Table]: 'data' extends keyof Database[T] ? T : never }[Table];

/** The decoded `data` document of the row whose key columns hold these values, or null. */
export async function readDocument<T extends DocumentTable>(
  db: Executor,
  table: T,
  key: RowKey<T>,
): Promise<unknown> {
  const row = (await findRow(db, table, key)) as { data: unknown } | undefined;
  return row ? decodeJson(row.data) : null;
}

/** Inserts the row; when `keyColumn` clashes, overwrites the stored row's other columns with it. */
export async function upsertRow<T extends Table>(
  db: Executor,
  table: T,
  keyColumn: Column<T>,
  row: Insertable<Database[T]>,
): Promise<void> {
  const { [keyColumn]: _key, ...rest } = row as Record<string, unknown>;
  await untyped(db)
    .insertInto(table as string)
    .values(row)
    .onConflict((oc) => oc.column(keyColumn).doUpdateSet(rest))
    .execute();
}
