// Day arithmetic the lint rules share, in UTC so a verdict does not depend on where the CLI runs.

const DAY_MS = 86_400_000;

/** Whole days from `from` (date or datetime) to `now`; negative when `from` is in the future. */
export function daysSince(from: string, now: Date): number {
  return Math.floor(
    (now.getTime() - Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from)) / DAY_MS,
  );
}

let lastDayBefore = { time: Number.NaN, days: Number.NaN, day: '' };

/** The calendar day (YYYY-MM-DD, UTC) `days` before `now`. */
export function dayBefore(now: Date, days: number): string {
  // A run asks the same question for every row: keep the last answer.
  const time = now.getTime();
  if (time !== lastDayBefore.time || days !== lastDayBefore.days)
    lastDayBefore = { time, days, day: new Date(time - days * DAY_MS).toISOString().slice(0, 10) };
  return lastDayBefore.day;
}
