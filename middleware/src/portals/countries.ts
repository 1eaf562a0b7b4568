// ISO 3166-1 alpha-2 country codes as the portals judge them (Partner Center's customer address,
// Cloud Channel's region code), answered from the runtime's ICU data.

/**
 * Region names the runtime knows. ICU also names aliases (UK → GB, YU → RS) and groupings (EU, UN,
 * ZZ) that are not ISO 3166-1 countries, so a code must be its own canonical form and not a grouping.
 */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);
/** Answers per code, kept because Intl lookups cost more than the rest of a validation (at most 26² codes). */
const knownCountryCache = new Map<string, boolean>();
export function isKnownCountry(code: string): boolean {
  const cached = knownCountryCache.get(code);
  if (cached !== undefined) return cached;
  const known =
    /^[A-Z]{2}$/.test(code) &&
    !NOT_COUNTRIES.has(code) &&
    regionNames.of(code) !== undefined &&
    Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  if (/^[A-Z]{2}$/.test(code)) knownCountryCache.set(code, known);
  return known;
}
