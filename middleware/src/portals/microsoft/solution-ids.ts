// The ISV's Partner Center co-sell solutions, as the service's MS_SOLUTION_IDS and the CLI's
// --microsoft-solution give them. Partner Center refuses to share a referral with Microsoft without
// one (map.ts sends them, rules.ts checks), so the service and the CLI read them alike.

/** Ids separated by commas (or given one by one), spaces and blanks ignored, each kept once. */
export function solutionIdList(values: string | readonly string[] | undefined): string[] {
  const given = typeof values === 'string' ? [values] : (values ?? []);
  const ids = given.flatMap((value) => value.split(',')).map((id) => id.trim());
  return [...new Set(ids.filter((id) => id !== ''))];
}
