// The value conversions a mapping rule can name: each turns a CRM value into the portal's form and,
// where the conversion loses nothing, the portal's form back into the CRM value.
import type { Transform } from './config.js';
import type { CountryResolver } from './countries.js';

/** Why a CRM value could not be sent; drives the finding's wording. */
export type Rejection = 'invalid' | 'unmapped' | 'negative';

export type Converted =
  | { ok: true; value: unknown; dropped?: string[] }
  | { ok: false; why: Rejection };

/** Precompiled lookups a rule's transform needs. */
export type TransformContext = {
  valueMap?: ReadonlyMap<string, string>;
  reverseMap?: ReadonlyMap<string, string>;
  passThrough: boolean;
  country: CountryResolver;
};

export type ValueTransform = {
  /** Canonical value (never null/empty: the engine filters those) → portal value. */
  toPortal(value: unknown, context: TransformContext): Converted;
  /** Portal value → canonical value; undefined when the portal value cannot be read back. */
  fromPortal(value: unknown, context: TransformContext): unknown;
};

const ok = (value: unknown): Converted => ({ ok: true, value });
const reject = (why: Rejection): Converted => ({ ok: false, why });
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const E164 = /^\+[1-9]\d{1,14}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function lookUp(value: string, context: TransformContext): string | undefined {
  const mapped = context.valueMap?.get(value);
  if (mapped !== undefined) return mapped;
  return context.passThrough ? value : undefined;
}

function readBack(value: unknown, context: TransformContext): string | undefined {
  if (typeof value !== 'string') return undefined;
  return context.reverseMap?.get(value) ?? (context.passThrough ? value : undefined);
}

/** Cents as an integer, so 1234.56 never becomes 1234.5599999. */
function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** A money amount as whole units and cents, written by `write`; not a finite number or below zero is refused. */
function inUnitsAndCents(
  value: unknown,
  write: (units: number, fraction: number) => unknown,
): Converted {
  if (typeof value !== 'number' || !Number.isFinite(value)) return reject('invalid');
  if (value < 0) return reject('negative');
  const whole = cents(value);
  const fraction = whole % 100;
  return ok(write((whole - fraction) / 100, fraction));
}

export const TRANSFORM_IMPLEMENTATIONS: Record<Transform, ValueTransform> = {
  text: {
    toPortal: (value) => (typeof value === 'string' ? ok(value.trim()) : ok(String(value))),
    fromPortal: (value) => asString(value),
  },
  email: {
    // ACE accepts lower-case addresses only; mail systems treat them case-insensitively anyway.
    toPortal: (value) =>
      typeof value === 'string' && value.includes('@')
        ? ok(value.trim().toLowerCase())
        : reject('invalid'),
    fromPortal: (value) => asString(value),
  },
  phone: {
    toPortal: (value) => {
      if (typeof value !== 'string') return reject('invalid');
      let digits = value.replace(/[\s().\-/]/g, '');
      if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
      return E164.test(digits) ? ok(digits) : reject('invalid');
    },
    fromPortal: (value) => asString(value),
  },
  country: {
    toPortal: (value, context) => {
      const code = typeof value === 'string' ? context.country(value) : undefined;
      return code ? ok(code) : reject('invalid');
    },
    fromPortal: (value) => asString(value),
  },
  isoDate: {
    toPortal: (value) =>
      typeof value === 'string' && ISO_DATE.test(value) ? ok(value) : reject('invalid'),
    fromPortal: (value) => asString(value),
  },
  utcDateTime: {
    toPortal: (value) =>
      typeof value === 'string' && ISO_DATE.test(value)
        ? ok(`${value}T00:00:00Z`)
        : reject('invalid'),
    fromPortal: (value) =>
      typeof value === 'string' && ISO_DATE.test(value.slice(0, 10))
        ? value.slice(0, 10)
        : undefined,
  },
  googleDate: {
    toPortal: (value) => {
      const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      if (!match) return reject('invalid');
      return ok({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
    },
    fromPortal: (value) => {
      const date = value as { year?: unknown; month?: unknown; day?: unknown } | null;
      if (
        !date ||
        typeof date.year !== 'number' ||
        typeof date.month !== 'number' ||
        typeof date.day !== 'number'
      )
        return undefined;
      return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    },
  },
  decimalString: {
    // ACE amounts are decimal strings with at most two decimals and no sign.
    toPortal: (value) =>
      inUnitsAndCents(value, (units, fraction) =>
        fraction === 0
          ? String(units)
          : `${units}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`,
      ),
    fromPortal: (value) =>
      typeof value === 'string' && value !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : undefined,
  },
  number: {
    toPortal: (value) =>
      typeof value === 'number' && Number.isFinite(value) ? ok(value) : reject('invalid'),
    fromPortal: (value) => (typeof value === 'number' ? value : undefined),
  },
  googleMoney: {
    // google.type.Money: whole units as a string, nanos as a signed 9-digit integer.
    toPortal: (value) =>
      inUnitsAndCents(value, (units, fraction) => ({
        units: String(units),
        nanos: fraction * 10_000_000,
      })),
    fromPortal: (value) => {
      const money = value as { units?: unknown; nanos?: unknown } | null;
      if (!money || (typeof money.units !== 'string' && typeof money.units !== 'number'))
        return undefined;
      const nanos = typeof money.nanos === 'number' ? money.nanos : 0;
      return Number(`${money.units}.${String(Math.abs(nanos)).padStart(9, '0')}`);
    },
  },
  domain: {
    // Google keys customers by bare domain: "https://www.northwind.example/about" → "northwind.example".
    toPortal: (value) => {
      if (typeof value !== 'string') return reject('invalid');
      const host = value
        .trim()
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/[/?#:].*$/, '')
        .replace(/^www\./, '');
      return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? ok(host) : reject('invalid');
    },
    fromPortal: (value) => asString(value),
  },
  wrapList: {
    toPortal: (value) => (typeof value === 'string' ? ok([value.trim()]) : reject('invalid')),
    fromPortal: (value) =>
      Array.isArray(value) && typeof value[0] === 'string' ? value.join(', ') : undefined,
  },
  picklist: {
    toPortal: (value, context) => {
      const mapped = typeof value === 'string' ? lookUp(value, context) : undefined;
      return mapped === undefined ? reject('unmapped') : ok(mapped);
    },
    fromPortal: readBack,
  },
  picklistList: {
    // Values without a portal equivalent are dropped and reported; the rest still go.
    toPortal: (value, context) => {
      if (!Array.isArray(value)) return reject('invalid');
      const mapped: string[] = [];
      const dropped: string[] = [];
      for (const item of value as unknown[]) {
        const portalValue = typeof item === 'string' ? lookUp(item, context) : undefined;
        if (portalValue === undefined) dropped.push(String(item));
        else if (!mapped.includes(portalValue)) mapped.push(portalValue);
      }
      return mapped.length === 0 ? reject('unmapped') : { ok: true, value: mapped, dropped };
    },
    fromPortal: (value, context) => {
      if (!Array.isArray(value)) return undefined;
      const back = value
        .map((item) => readBack(item, context))
        .filter((item): item is string => item !== undefined);
      return back.length > 0 ? back : undefined;
    },
  },
  picklistFirst: {
    // A portal that takes one value (Microsoft's assistanceRequestCode) gets the first one it knows.
    toPortal: (value, context) => {
      if (!Array.isArray(value)) return reject('invalid');
      const dropped: string[] = [];
      let chosen: string | undefined;
      for (const item of value as unknown[]) {
        const portalValue = typeof item === 'string' ? lookUp(item, context) : undefined;
        if (chosen === undefined && portalValue !== undefined) chosen = portalValue;
        else if (portalValue !== chosen) dropped.push(String(item));
      }
      return chosen === undefined ? reject('unmapped') : { ok: true, value: chosen, dropped };
    },
    fromPortal: (value, context) => {
      const back = readBack(value, context);
      return back === undefined ? undefined : [back];
    },
  },
};
