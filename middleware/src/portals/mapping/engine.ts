// Applies a compiled mapping: canonical opportunity → portal payload with findings (the fallback chain:
// CRM value, else expression, else default, else finding), and portal read-back → canonical fields.
// Pure and deterministic: the only notion of time is the `now` passed in.
import type { CoSellOpportunity, Contact, Finding } from '../../core/model.js';
import type { CompiledContactList, CompiledField, CompiledMapping } from './compile.js';
import {
  generateToPortal,
  type GeneratedToPortal,
  type MapperRuntime,
} from './generated-mapper.js';
import { parsePath, put, readPath, writePath } from './paths.js';
import {
  mappingFinding,
  type FindingDetails,
  type FindingSite,
  type Unusable,
} from './mapping-findings.js';

export type PortalPayload = Record<string, unknown>;

export type MappingResult = { payload: PortalPayload; findings: Finding[] };

/** What a portal read-back says about the canonical opportunity: only the fields the mapping covers. */
export type CanonicalReadBack = Record<string, unknown> & { contacts?: Array<Partial<Contact>> };

const DAY_MS = 86_400_000;

// A batch maps many opportunities at the same `now`; remembering the last answers keeps date
// arithmetic off the hot path without changing any result.
let lastInstant = Number.NaN;
let lastToday = '';
const shiftedDays = new Map<string, string>();

/** The calendar day of `now` in UTC: portals compare dates without a time zone. */
export function todayOf(now: Date): string {
  const instant = now.getTime();
  if (Number.isNaN(instant)) throw new RangeError('now is not a valid instant');
  if (instant !== lastInstant) {
    lastInstant = instant;
    lastToday = now.toISOString().slice(0, 10);
  }
  return lastToday;
}

function addDays(isoDate: string, days: number): string {
  const key = `${isoDate}+${days}`;
  let shifted = shiftedDays.get(key);
  if (shifted === undefined) {
    shifted = new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS)
      .toISOString()
      .slice(0, 10);
    if (shiftedDays.size > 1_000) shiftedDays.clear();
    shiftedDays.set(key, shifted);
  }
  return shifted;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export type Run = {
  mapping: CompiledMapping;
  opportunity: CoSellOpportunity;
  today: string;
  findings: Finding[];
  /** Portal paths a later rule's `onlyWith` waits for; only mappings that have such rules need it. */
  written: Set<string> | undefined;
};

/** A rule's own site, built once: findings only read it, and a rule belongs to one mapping. */
const ruleSites = new WeakMap<CompiledField, FindingSite>();

function site(run: Run, rule: CompiledField, jsonPath: string): FindingSite {
  const own = jsonPath === rule.jsonPath;
  const known = own ? ruleSites.get(rule) : undefined;
  if (known) return known;
  const result: FindingSite = {
    portal: run.mapping.portal,
    cloud: run.mapping.cloud,
    path: jsonPath,
  };
  if (rule.field) result.field = rule.field;
  if (own) ruleSites.set(rule, result);
  return result;
}

function report(run: Run, rule: CompiledField, jsonPath: string, details: FindingDetails): void {
  // `details` is always a fresh literal from the caller, so it takes the transform name itself.
  details.transform = rule.transformName;
  run.findings.push(mappingFinding(site(run, rule, jsonPath), details));
}

function expressionValue(
  rule: CompiledField,
  run: Run,
): { value: unknown; how: string } | undefined {
  const expression = rule.expression;
  if (!expression) return undefined;
  if (expression.kind === 'daysFromNow')
    return { value: addDays(run.today, expression.days), how: `today + ${expression.days} days` };
  const source = readPath(run.opportunity, rule.expressionSteps ?? []);
  if (typeof source === 'number' && expression.divideBy !== undefined) {
    return {
      value: source / expression.divideBy,
      how: `${rule.expressionField?.label ?? expression.from} ÷ ${expression.divideBy}`,
    };
  }
  return isEmpty(source)
    ? undefined
    : { value: source, how: `from ${rule.expressionField?.label ?? expression.from}` };
}

/** Length limits apply to the text the portal receives; over-long text is cut only when the rule says so. */
function fitLength(rule: CompiledField, value: unknown, jsonPath: string, run: Run): unknown {
  if (typeof value !== 'string') return value;
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    const details = { length: value.length, limit: rule.maxLength };
    if (rule.truncate) {
      report(run, rule, jsonPath, { kind: 'TRUNCATED', severity: 'warning', ...details });
      return value.slice(0, rule.maxLength);
    }
    report(run, rule, jsonPath, { kind: 'TOO_LONG', severity: 'error', ...details });
  }
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    report(run, rule, jsonPath, {
      kind: 'TOO_SHORT',
      severity: rule.severity,
      length: value.length,
      limit: rule.minLength,
      ...(rule.why ? { why: rule.why } : {}),
    });
  }
  return value;
}

/** Runs one field rule's fallback chain and writes what it yields into `target`. */
export function applyField(
  rule: CompiledField,
  source: unknown,
  target: PortalPayload,
  jsonPath: string,
  run: Run,
): void {
  if (rule.onlyWith !== undefined && !run.written?.has(rule.onlyWith)) return;
  if (rule.hasConstant) {
    rule.writePortal(target, rule.constant);
    if (rule.awaited) (run.written ??= new Set()).add(rule.portalPath);
    return;
  }
  const raw = rule.readCanonical(source);
  let reason: Unusable | undefined;
  let value: unknown;
  if (isEmpty(raw)) reason = 'empty';
  else if (rule.guard === 'dateNotInPast' && typeof raw === 'string' && raw < run.today)
    reason = 'inPast';
  else {
    const converted = rule.transform.toPortal(raw, rule.context);
    if (converted.ok) {
      value = converted.value;
      if (converted.dropped && converted.dropped.length > 0)
        report(run, rule, jsonPath, {
          kind: 'ITEMS_NOT_SENT',
          severity: 'info',
          raw: converted.dropped,
        });
    } else reason = converted.why;
  }
  if (value === undefined && reason !== undefined) {
    const why = rule.why ? { why: rule.why } : {};
    const valueMap = rule.valueMapName ? { valueMap: rule.valueMapName } : {};
    const computed = expressionValue(rule, run);
    const converted = computed ? rule.transform.toPortal(computed.value, rule.context) : undefined;
    if (computed && converted?.ok) {
      value = converted.value;
      report(run, rule, jsonPath, {
        kind: 'VALUE_REPLACED',
        severity: 'warning',
        reason,
        raw,
        sent: value,
        how: computed.how,
      });
    } else if (rule.hasDefault) {
      value = rule.defaultValue;
      if (rule.otherSteps && typeof raw === 'string' && reason !== 'empty')
        writePath(target, rule.otherSteps, raw);
      report(run, rule, jsonPath, {
        kind: 'DEFAULT_USED',
        severity: reason === 'empty' ? 'info' : 'warning',
        reason,
        raw,
        sent: value,
        ...valueMap,
      });
    } else if (rule.required) {
      const kind =
        reason === 'empty'
          ? 'REQUIRED_MISSING'
          : reason === 'unmapped'
            ? 'VALUE_UNMAPPED'
            : 'VALUE_INVALID';
      report(run, rule, jsonPath, {
        kind,
        severity: rule.severity,
        reason,
        ...(reason === 'empty' ? {} : { raw }),
        ...why,
        ...valueMap,
      });
      return;
    } else {
      if (reason !== 'empty')
        report(run, rule, jsonPath, {
          kind: 'VALUE_NOT_SENT',
          severity: 'warning',
          reason,
          raw,
          ...valueMap,
        });
      return;
    }
  }
  rule.writePortal(target, fitLength(rule, value, jsonPath, run));
  if (rule.awaited) (run.written ??= new Set()).add(rule.portalPath);
}

/** Fills one portal list item from one contact; the generated mapper passes its own, specialised filler. */
export type ContactFiller = (
  contact: Contact,
  item: PortalPayload,
  index: number,
  run: Run,
) => void;

function fillContact(list: CompiledContactList): ContactFiller {
  return (contact, item, index, run) => {
    const base = list.single ? list.jsonPath : `${list.jsonPath}[${index}]`;
    for (const field of list.fields)
      applyField(field, contact, item, `${base}${field.jsonPath.slice(1)}`, run);
  };
}

/** Whether an object has an own key, without building the key list. */
function hasKeys(item: PortalPayload): boolean {
  for (const _key in item) return true;
  return false;
}

export function applyContacts(
  list: CompiledContactList,
  run: Run,
  payload: PortalPayload,
  fill: ContactFiller = fillContact(list),
): void {
  const contacts = run.opportunity.contacts;
  const limit = list.single ? 1 : list.maxItems;
  const listSite: FindingSite = {
    portal: run.mapping.portal,
    cloud: run.mapping.cloud,
    path: list.jsonPath,
  };
  if (contacts.length < list.minItems) {
    run.findings.push(
      mappingFinding(listSite, {
        kind: 'LIST_TOO_SHORT',
        severity: list.severity,
        length: contacts.length,
        limit: list.minItems,
        ...(list.why ? { why: list.why } : {}),
      }),
    );
  }
  if (!list.single && limit !== undefined && contacts.length > limit) {
    run.findings.push(
      mappingFinding(listSite, {
        kind: 'LIST_TRUNCATED',
        severity: 'warning',
        length: contacts.length,
        limit,
      }),
    );
  }
  const items: PortalPayload[] = [];
  const count = limit === undefined ? contacts.length : Math.min(contacts.length, limit);
  for (let index = 0; index < count; index += 1) {
    const item: PortalPayload = {};
    fill(contacts[index] as Contact, item, index, run);
    if (hasKeys(item)) items.push(item);
  }
  if (items.length === 0) return;
  writePath(payload, list.portalSteps, list.single ? items[0] : items);
  // Only a path some rule's `onlyWith` waits for is recorded: no set for a mapping without one.
  if (list.awaited) (run.written ??= new Set()).add(list.portalPath);
}

const generated = new WeakMap<CompiledMapping, GeneratedToPortal>();

/** What the generated mapper calls back into: the rule-by-rule path for every case off the common one. */
const RUNTIME: MapperRuntime = {
  applyField,
  applyContacts,
  fitLength,
  reportDropped: (rule, jsonPath, run, dropped) =>
    report(run, rule, jsonPath, { kind: 'ITEMS_NOT_SENT', severity: 'info', raw: dropped }),
  put,
};

/** Canonical opportunity → portal payload plus findings. Deterministic for the same opportunity and `now`. */
export function mapToPortal(
  mapping: CompiledMapping,
  opportunity: CoSellOpportunity,
  now: Date,
): MappingResult {
  let toPortal = generated.get(mapping);
  if (toPortal === undefined) {
    toPortal = generateToPortal(mapping, RUNTIME);
    generated.set(mapping, toPortal);
  }
  const run: Run = { mapping, opportunity, today: todayOf(now), findings: [], written: undefined };
  const payload: PortalPayload = {};
  toPortal(run, payload);
  return { payload, findings: run.findings };
}

/** The same mapping rule by rule, without generated code: the reference the generated mapper is tested against. */
export function interpretToPortal(
  mapping: CompiledMapping,
  opportunity: CoSellOpportunity,
  now: Date,
): MappingResult {
  const run: Run = { mapping, opportunity, today: todayOf(now), findings: [], written: undefined };
  const payload: PortalPayload = {};
  for (const rule of mapping.rules) {
    if (rule.kind === 'contacts') applyContacts(rule, run, payload);
    else applyField(rule, opportunity, payload, rule.jsonPath, run);
  }
  return { payload, findings: run.findings };
}

function readBackField(rule: CompiledField, wire: unknown): unknown {
  if (!rule.canonicalSteps) return undefined;
  const value = rule.readPortal(wire);
  if (value === undefined || value === null) return undefined;
  // A default the mapping filled in stands for the CRM value kept in the "other" field (ACE OtherIndustry).
  if (rule.otherSteps && rule.hasDefault && value === rule.defaultValue) {
    const other = readPath(wire, rule.otherSteps);
    if (typeof other === 'string' && other !== '') return other;
  }
  return rule.transform.fromPortal(value, rule.context);
}

/** Portal read-back → the canonical fields the mapping covers (for round-trip checks and sync comparison). */
export function mapFromPortal(mapping: CompiledMapping, wire: unknown): CanonicalReadBack {
  const canonical: CanonicalReadBack = {};
  for (const rule of mapping.rules) {
    if (rule.kind === 'contacts') {
      const found = readPath(wire, rule.portalSteps);
      const items = rule.single
        ? found && typeof found === 'object' && !Array.isArray(found)
          ? [found]
          : []
        : Array.isArray(found)
          ? found
          : [];
      const contacts = items.map((item) => {
        const contact: Record<string, unknown> = {};
        for (const field of rule.fields) {
          const back = readBackField(field, item);
          if (back !== undefined)
            writePath(contact, field.canonicalSteps ?? parsePath(field.canonicalPath ?? ''), back);
        }
        return contact as Partial<Contact>;
      });
      if (contacts.length > 0) canonical.contacts = contacts;
      continue;
    }
    const back = readBackField(rule, wire);
    if (back !== undefined && rule.canonicalSteps) writePath(canonical, rule.canonicalSteps, back);
  }
  return canonical;
}
