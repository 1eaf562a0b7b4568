// The state of the call budgets every engine instance shares: per rate limit, the theoretical
// arrival time of the next call (generic cell rate algorithm), and per account and UTC day, the
// calls spent. Each change is one atomic statement, so instances never hand out the same slot.
import { sql, type Kysely } from 'kysely';
import { findRow } from './rows.js';
import type { Database } from './schema.js';

/**
 * Moves a limit's arrival time on by `stepMs` when the call fits: the time, caught up to `now`,
 * is at most `latest`. Without `latest` the step is always taken. Returns the new arrival time,
 * or null when the call does not fit.
 */
export async function advanceArrivalTime(
  db: Kysely<Database>,
  key: string,
  now: Date,
  stepMs: number,
  latest?: Date,
): Promise<Date | null> {
  const fits = latest ? sql`where greatest(rate_limits.tat, ${now}) <= ${latest}` : sql``;
  // The store keeps microseconds and a Date only milliseconds: the step is added in SQL, rounded
  // up to a whole microsecond, so an interval like 333.33 ms is never shortened and the budget
  // can only err on the slow side.
  const step = sql`(${Math.ceil(stepMs * 1000)}::bigint * interval '1 microsecond')`;
  const { rows } = await sql<{ tat: Date }>`
    insert into rate_limits (key, tat) values (${key}, ${now}::timestamptz + ${step})
    on conflict (key) do update
      set tat = greatest(rate_limits.tat, ${now}) + ${step}
      ${fits}
    returning tat`.execute(db);
  return rows[0] ? new Date(rows[0].tat) : null;
}

/** A limit's current theoretical arrival time. */
export async function arrivalTime(db: Kysely<Database>, key: string): Promise<Date> {
  const row = await db
    .selectFrom('rate_limits')
    .select('tat')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return new Date(row.tat);
}

/** Adds `count` to a day's spend when the total stays within `perDay`; the new total, or null. */
export async function spendDay(
  db: Kysely<Database>,
  account: string,
  day: Date,
  count: number,
  perDay: number,
): Promise<number | null> {
  const { rows } = await sql<{ used: number }>`
    insert into rate_budgets (account, "window", window_start, used)
      select ${account}::text, 'day', ${day}::timestamptz, ${count}::integer where ${count}::integer <= ${perDay}::integer
    on conflict (account, "window", window_start) do update
      set used = rate_budgets.used + ${count}::integer
      where rate_budgets.used + ${count}::integer <= ${perDay}::integer
    returning used`.execute(db);
  return rows[0] ? Number(rows[0].used) : null;
}

/** Calls spent on one day. */
export async function daySpend(db: Kysely<Database>, account: string, day: Date): Promise<number> {
  const row = await findRow(db, 'rate_budgets', { account, window: 'day', window_start: day });
  return row ? Number(row.used) : 0;
}
