// Lists of portal ids from a setting or a flag, read alike by the service and the CLI: the ISV's
// Partner Center co-sell solutions (MS_SOLUTION_IDS, --microsoft-solution; Partner Center refuses to
// share a referral with Microsoft without one) and its Google product families
// (GOOGLE_PRODUCT_FAMILIES; Google refuses a submission without one).

/** Ids separated by commas (or given one by one), spaces and blanks ignored, each kept once. */
export function idList(values: string | readonly string[] | undefined): string[] {
  const given = typeof values === 'string' ? [values] : (values ?? []);
  const ids = given.flatMap((value) => value.split(',')).map((id) => id.trim());
  return [...new Set(ids.filter((id) => id !== ''))];
}
