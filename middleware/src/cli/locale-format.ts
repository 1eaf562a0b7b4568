// Figures in a terminal table read the way the user's locale writes them ($1,147,031,733 or
// 1.147.031.733 €, 42.5% or 42,5 %), with the locale taken from --locale or the POSIX environment.
// JSON and CSV keep machine numbers; only what a person reads is formatted.

/** Which locale setting wins: POSIX gives LC_ALL precedence, then the money category, then LANG. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MONETARY', 'LANG'] as const;

/** The locale when neither a flag nor the environment names one (or names `C`/`POSIX`). */
export const FALLBACK_LOCALE = 'en-US';

export class LocaleError extends Error {
  readonly code = 'INVALID_LOCALE';
  constructor(readonly locale: string) {
    super(
      `"${locale}" is not a locale this runtime can format for: use a BCP 47 tag such as en-GB or de-DE`,
    );
    this.name = 'LocaleError';
  }
}

/** `de_DE.UTF-8@euro` → `de-DE`; null for `C`, `POSIX` or an empty value. */
export function posixLocaleTag(value: string | undefined): string | null {
  if (!value) return null;
  const base = value.split(/[.@]/)[0]!.trim();
  if (base === '' || base === 'C' || base === 'POSIX') return null;
  return base.replaceAll('_', '-');
}

function supported(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0
      ? canonical
      : null;
  } catch {
    return null;
  }
}

/**
 * The locale to format for: the flag when given (refused when the runtime cannot format it), else the
 * first usable locale in LC_ALL, LC_MONETARY, LANG (an unusable one is skipped: the environment is
 * not the user's typing), else en-US.
 */
export function userLocale(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined) {
    const chosen = supported(flag.trim());
    if (!chosen) throw new LocaleError(flag);
    return chosen;
  }
  for (const variable of LOCALE_VARIABLES) {
    const tag = posixLocaleTag(env[variable]);
    const chosen = tag ? supported(tag) : null;
    if (chosen) return chosen;
  }
  return FALLBACK_LOCALE;
}

/** Whether the terminal's character set can show ▲ ▼ ▬: a UTF-8 locale, or Windows' own terminals. */
export function terminalIsUnicode(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): boolean {
  if (platform === 'win32') return Boolean(env.WT_SESSION) || env.TERM_PROGRAM === 'vscode';
  const charset = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(charset);
}

/** Formats one kind of figure for a locale; null or undefined reads as `–` (no figure). */
export interface FigureFormat {
  locale: string;
  money(value: number | null | undefined): string;
  count(value: number | null | undefined): string;
  /** A ratio (0.425 = 42.5 %). */
  percent(value: number | null | undefined): string;
  /** A plain number with up to `fractionDigits` decimals. */
  number(value: number | null | undefined, fractionDigits?: number): string;
  /** Percentage points with a sign: `+41.7`. */
  signedPoints(value: number): string;
  /** First and last day of a period: `1 Oct – 31 Dec 2026`. */
  dateRange(start: string, end: string): string;
}

export const NO_FIGURE = '–';

export function figureFormat(locale: string, currency: string): FigureFormat {
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const days = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const or = (value: number | null | undefined, format: (n: number) => string) =>
    value === null || value === undefined ? NO_FIGURE : format(value);
  return {
    locale,
    money: (value) => or(value, (n) => money.format(n)),
    count: (value) => or(value, (n) => count.format(n)),
    percent: (value) => or(value, (n) => percent.format(n)),
    number: (value, fractionDigits = 1) =>
      or(value, (n) =>
        new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(n),
      ),
    signedPoints: (value) => points.format(value),
    dateRange: (start, end) =>
      days.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`)),
  };
}
