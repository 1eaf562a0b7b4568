// Google's common value types on the opportunity wire (google.type.Money, google.type.Date, customer
// domain, E.164 phone) and their exact conversions to and from the canonical numbers and ISO dates.

export interface GoogleMoney {
  currencyCode: string;
  /** Whole units; int64, so JSON carries it as a string. */
  units: string;
  /** Billionths of a unit, same sign as `units`, |nanos| < 1e9. */
  nanos: number;
}

export interface GoogleDate {
  year: number;
  month: number;
  day: number;
}

const NANOS_DIGITS = 9;

/**
 * An amount as Money. Goes through the decimal text of the number (9 fraction digits) rather than
 * float arithmetic, so 1234.56 becomes units "1234" and nanos 560000000 exactly.
 */
export function moneyFromAmount(amount: number, currencyCode: string): GoogleMoney {
  if (!Number.isFinite(amount) || Math.abs(amount) >= 1e21) {
    throw new RangeError(`amount ${amount} cannot be expressed as Google Money`);
  }
  if (!/^[A-Z]{3}$/.test(currencyCode))
    throw new RangeError(`currency "${currencyCode}" is not a three-letter ISO 4217 code`);
  const negative = amount < 0;
  const [whole = '0', fraction = ''] = Math.abs(amount).toFixed(NANOS_DIGITS).split('.');
  const nanos = Number(fraction.padEnd(NANOS_DIGITS, '0'));
  const units = whole.replace(/^0+(?=\d)/, '');
  return {
    currencyCode,
    units: negative && units !== '0' ? `-${units}` : units,
    nanos: negative && nanos !== 0 ? -nanos : nanos,
  };
}

/** Money as a canonical number (the nearest double to units.nanos). */
export function amountFromMoney(money: {
  units?: string | number | null;
  nanos?: number | null;
}): number {
  const units = BigInt(money.units ?? 0);
  const nanos = money.nanos ?? 0;
  // Mixed signs are invalid Money; still give the arithmetic value rather than a wrong sign.
  if ((units > 0n && nanos < 0) || (units < 0n && nanos > 0)) return Number(units) + nanos / 1e9;
  const negative = units < 0n || nanos < 0;
  const whole = (units < 0n ? -units : units).toString();
  const fraction = String(Math.abs(nanos)).padStart(NANOS_DIGITS, '0');
  const value = Number(`${whole}.${fraction}`);
  return negative ? -value : value;
}

/**
 * `amountFromMoney(money) < 0`, without building the number when neither units nor nanos can carry a
 * sign: whole-number units (text of digits only, or a non-negative integer) with nanos absent or not
 * negative are never below zero. Anything else is answered (or thrown) by amountFromMoney itself.
 */
export function moneyBelowZero(money: {
  units?: string | number | null;
  nanos?: number | null;
}): boolean {
  const { units, nanos } = money;
  const unsignedUnits =
    units === undefined ||
    units === null ||
    (typeof units === 'string' ? /^\d+$/.test(units) : Number.isInteger(units) && units >= 0);
  if (unsignedUnits && (nanos === undefined || nanos === null || nanos >= 0)) return false;
  return amountFromMoney(money) < 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Whether a Date names one real calendar day (Google also allows partial dates; an opportunity date may not be one). */
export function isCalendarDate(date: GoogleDate): boolean {
  const { year, month, day } = date;
  return (
    [year, month, day].every(Number.isInteger) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `2026-12-18` → `{ year: 2026, month: 12, day: 18 }`; throws on anything but a real calendar date. */
export function dateFromIso(iso: string): GoogleDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : null;
  if (!date || !isCalendarDate(date))
    throw new RangeError(`"${iso}" is not a calendar date (YYYY-MM-DD)`);
  return date;
}

/** `{ year: 2026, month: 12, day: 18 }` → `2026-12-18`; throws on a partial or impossible date. */
export function isoFromDate(date: GoogleDate): string {
  if (!isCalendarDate(date))
    throw new RangeError(`${JSON.stringify(date)} is not a full calendar date`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** A bare registrable host name: lower case, no scheme, path, port or `www.`. */
export const CUSTOMER_DOMAIN =
  /^(?!www\.)(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The customer domain Google keys customers by, from an Account website; null when there is none. */
export function customerDomainFromWebsite(website: string | null | undefined): string | null {
  const text = website?.trim();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    return CUSTOMER_DOMAIN.test(host) ? host : null;
  } catch {
    return null;
  }
}

/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;
