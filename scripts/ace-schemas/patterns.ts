// Smithy patterns in JavaScript: translated to an equivalent RegExp source and flags (or refused when
// JavaScript cannot express them), and described the way a finding tells a sales rep what to type.

/**
 * Smithy patterns are ECMA-262 regexes that are NOT implicitly anchored: a value is valid when the
 * regex finds a match anywhere, which is exactly `RegExp.prototype.test`. AWS models also open some
 * patterns with Java's `(?s)` (dot matches line breaks), which JS spells as the `s` flag. Patterns
 * are compiled with `u` so `.` and `{m,n}` count code points (as Smithy's @length does) and `\p{L}` works.
 */
export function translatePattern(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = 'u';
  const leading = /^(\^?)\(\?s\)/.exec(source);
  if (leading) {
    source = `${leading[1] ?? ''}${source.slice(leading[0].length)}`;
    flags = 'su';
  }
  if (/\(\?[a-zA-Z]/.test(source.replace(/\\./g, ''))) {
    throw new Error(
      `Smithy pattern ${JSON.stringify(pattern)} uses an inline flag group JavaScript cannot express`,
    );
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new Error(
      `Smithy pattern ${JSON.stringify(pattern)} is not a valid JavaScript regex: ${(error as Error).message}`,
    );
  }
  return { source, flags };
}

/** Well-known ACE formats, said the way a sales rep would fix them; any other pattern is quoted as is. */
const PATTERN_WORDS: Record<string, string> = {
  '^\\+[1-9]\\d{1,14}$': 'an international phone number such as +14155550123',
  '^[0-9]{9}$': 'a 9-digit DUNS number',
  '^([0-9]{12}|\\w{1,12})$':
    'a 12-digit AWS account ID (or an account alias of up to 12 letters or digits)',
  '^O[0-9]{1,19}$': 'an ACE opportunity ID such as O1234567',
  '^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$': 'a date written YYYY-MM-DD',
  '^(0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?$':
    'an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)',
  '^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$':
    'an amount such as 12500 or 12500.50 (no currency sign, at most 2 decimals)',
  '^[a-zA-Z]+$': 'letters only, e.g. AWS or Sandbox',
};

/** How a finding describes a pattern: pure length patterns read as lengths, known formats by name. */
export function describePattern(pattern: string): string {
  const known = PATTERN_WORDS[pattern];
  if (known) return known;
  const lengthOnly = /^\^(?:\(\?s\))?\.\{(\d+),(\d+)\}\$$/.exec(pattern);
  if (lengthOnly) return `${lengthOnly[1]} to ${lengthOnly[2]} characters long`;
  return `text matching ${pattern}`;
}
