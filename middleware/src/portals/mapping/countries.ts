// Turns what a Salesforce org stores in BillingCountry (a picklist code or free text such as
// "Deutschland" or "United States") into the ISO 3166-1 alpha-2 code every portal wants.

/** Region codes the runtime names that are not countries, so no portal accepts them. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

function normalised(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** English country names from the runtime's ICU data, keyed by normalised name, built once. */
function englishNames(): Map<string, string> {
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const byName = new Map<string, string>();
  for (let first = 65; first <= 90; first += 1) {
    for (let second = 65; second <= 90; second += 1) {
      const code = String.fromCharCode(first, second);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = display.of(code);
      // Retired codes (UK, DD, SU) share a name with the current one; only current codes are named.
      if (name && name !== code && canonicalCode(code) === code) byName.set(normalised(name), code);
    }
  }
  return byName;
}

const canonicalCodes = new Map<string, string>();

/** The current code for a possibly retired one: UK → GB, DD → DE (asked of ICU once per code). */
function canonicalCode(code: string): string {
  let canonical = canonicalCodes.get(code);
  if (canonical === undefined) {
    canonical = (Intl.getCanonicalLocales(`und-${code}`)[0] ?? '').slice(4) || code;
    canonicalCodes.set(code, canonical);
  }
  return canonical;
}

let namesCache: Map<string, string> | undefined;
let codesCache: Set<string> | undefined;

/** Every alpha-2 code the runtime knows as a country. */
export function knownCountryCodes(): Set<string> {
  codesCache ??= new Set(englishNames().values());
  return codesCache;
}

export type CountryResolver = (value: string) => string | undefined;

/**
 * A resolver that accepts an alpha-2 code in any case, then the configured aliases
 * ("USA", "UK", "Deutschland"), then the English country name; undefined when none match.
 */
export function countryResolver(aliases: Readonly<Record<string, string>>): CountryResolver {
  namesCache ??= englishNames();
  const codes = knownCountryCodes();
  const byName = new Map(namesCache);
  for (const [alias, code] of Object.entries(aliases)) byName.set(normalised(alias), code);
  // Orgs repeat a handful of spellings, so answers are remembered (bounded, in case of junk data).
  const answers = new Map<string, string | undefined>();
  const resolve = (value: string): string | undefined => {
    const trimmed = value.trim();
    if (/^[a-z]{2}$/i.test(trimmed)) {
      const code = canonicalCode(trimmed.toUpperCase());
      if (codes.has(code)) return code;
    }
    return byName.get(normalised(trimmed));
  };
  return (value) => {
    if (answers.has(value)) return answers.get(value);
    const code = resolve(value);
    if (answers.size < 10_000) answers.set(value, code);
    return code;
  };
}
