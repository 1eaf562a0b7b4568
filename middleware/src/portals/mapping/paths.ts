// Reads and writes values at the dotted paths the mapping configuration speaks in, on both sides:
// canonical paths (`account.billingCountry`) and portal paths (`Project.ExpectedCustomerSpend[0].Amount`).

/** One step of a path: an object key or an array index. */
export type PathStep = string | number;

/** `Project.ExpectedCustomerSpend[0].Amount` → ['Project', 'ExpectedCustomerSpend', 0, 'Amount']. */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match)
      throw new Error(
        `"${path}" is not a valid path: "${part}" should be a name optionally followed by [index]`,
      );
    steps.push(match[1] as string);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/** The JSON path findings carry: `$.Customer.Contacts[0].Email`. */
export function jsonPathOf(steps: ReadonlyArray<PathStep>): string {
  let out = '$';
  for (const step of steps) out += typeof step === 'number' ? `[${step}]` : `.${step}`;
  return out;
}

export function readPath(source: unknown, steps: ReadonlyArray<PathStep>): unknown {
  let current: unknown = source;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[step];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Writes `value` at `steps`, creating objects and arrays on the way. An object written where an
 * object already stands is merged into it, so `dealSize` {units, nanos} and `dealSize.currencyCode`
 * can come from two rules in either order.
 */
export function writePath(
  target: Record<string, unknown>,
  steps: ReadonlyArray<PathStep>,
  value: unknown,
): void {
  let current: Record<PropertyKey, unknown> = target;
  for (let i = 0; i < steps.length - 1; i += 1) {
    const step = steps[i] as PathStep;
    let next = current[step];
    if (next === null || typeof next !== 'object') {
      next = typeof steps[i + 1] === 'number' ? [] : {};
      current[step] = next;
    }
    current = next as Record<PropertyKey, unknown>;
  }
  const last = steps[steps.length - 1] as PathStep;
  const existing = current[last];
  current[last] =
    isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value;
}

export type PathReader = (source: unknown) => unknown;

type Indexable = Record<PropertyKey, unknown> | null | undefined;

/**
 * A reader specialised for its path: most mapped paths are one to three steps deep, and a fixed
 * chain of property reads is several times cheaper on the hot path than walking a step array.
 */
export function pathReader(steps: ReadonlyArray<PathStep>): PathReader {
  const [a, b, c] = steps as [PathStep, PathStep, PathStep];
  const step = (value: unknown, key: PathStep): unknown =>
    value !== null && typeof value === 'object' ? (value as Indexable)?.[key] : undefined;
  switch (steps.length) {
    case 0:
      return (source) => source;
    case 1:
      return (source) => step(source, a);
    case 2:
      return (source) => step(step(source, a), b);
    case 3:
      return (source) => step(step(step(source, a), b), c);
    default:
      return (source) => readPath(source, steps);
  }
}

export type PathWriter = (target: Record<string, unknown>, value: unknown) => void;

function child(
  parent: Record<PropertyKey, unknown>,
  key: PathStep,
  nextIsIndex: boolean,
): Record<PropertyKey, unknown> {
  const existing = parent[key];
  if (existing !== null && typeof existing === 'object')
    return existing as Record<PropertyKey, unknown>;
  const created = nextIsIndex ? [] : {};
  parent[key] = created;
  return created as Record<PropertyKey, unknown>;
}

export function put(parent: Record<PropertyKey, unknown>, key: PathStep, value: unknown): void {
  const existing = parent[key];
  parent[key] = isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value;
}

/** A writer specialised for its path, with the same merge rule as `writePath`. */
export function pathWriter(steps: ReadonlyArray<PathStep>): PathWriter {
  const [a, b, c] = steps as [PathStep, PathStep, PathStep];
  const isIndex = steps.map((step) => typeof step === 'number');
  switch (steps.length) {
    case 1:
      return (target, value) => put(target, a, value);
    case 2:
      return (target, value) => put(child(target, a, isIndex[1] as boolean), b, value);
    case 3:
      return (target, value) =>
        put(child(child(target, a, isIndex[1] as boolean), b, isIndex[2] as boolean), c, value);
    default:
      return (target, value) => writePath(target, steps, value);
  }
}
