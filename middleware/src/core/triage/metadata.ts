// Reads triage rules from the org's CoSell_Triage_Rule__mdt records (as SOQL returns them), so an
// admin tunes triage in Setup. An admin's record replaces the default rule covering the same source
// layer and archetype; the defaults still cover what the org leaves open, so nothing goes unrouted.
import { TRIAGE_RULE_FIELDS, TRIAGE_RULE_OBJECT } from '../salesforce-fields.js';
import { resolveTriageConfig, TriageConfigError, type ResolvedTriageConfig } from './config.js';
import { DEFAULT_TRIAGE_RULES, type TriageRule, type TriageRuleInput } from './rules.js';

/** One CoSell_Triage_Rule__mdt record: DeveloperName plus the custom fields, by API name. */
export type TriageRuleRecord = Record<string, unknown>;
type Row = TriageRuleRecord;

function coverageKey(rule: Pick<TriageRule, 'sourceLayer' | 'tenancyArchetype'>): string {
  return `${String(rule.sourceLayer)}|${rule.tenancyArchetype}`;
}

function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : (value ?? null);
}

/** `Response_Unit__c` picklist values and the core's time-budget units. */
const RESPONSE_UNITS: Record<string, 'business-hours' | 'business-days'> = {
  'Business hours': 'business-hours',
  'Business days': 'business-days',
};

/**
 * One record as a rule input. A blank archetype means "any" (the field's help text says so); a
 * blank source layer is the rule for referrals whose source is unknown. The metadata type has no
 * rationale field, so a record keeps the rationale of the default it replaces.
 */
export function triageRuleFromRecord(
  row: Row,
  defaults: readonly TriageRule[] = DEFAULT_TRIAGE_RULES,
): TriageRuleInput {
  const sourceLayer = blankToNull(row[TRIAGE_RULE_FIELDS.sourceLayer]);
  const archetype = blankToNull(row[TRIAGE_RULE_FIELDS.tenancyArchetype]);
  const unitValue = blankToNull(row[TRIAGE_RULE_FIELDS.responseUnit]);
  const unit = typeof unitValue === 'string' ? (RESPONSE_UNITS[unitValue] ?? unitValue) : unitValue;
  const amount = row[TRIAGE_RULE_FIELDS.responseAmount];
  const minimum = blankToNull(row[TRIAGE_RULE_FIELDS.minimumBusinessHours]);
  const response =
    unit === 'business-days'
      ? { unit, amount, minimumBusinessHours: minimum ?? 0 }
      : { unit, amount };
  const input = {
    id: String(row.DeveloperName ?? ''),
    sourceLayer,
    tenancyArchetype: archetype ?? 'any',
    priority: row[TRIAGE_RULE_FIELDS.priority],
    response,
    outOfHoursAcknowledgeHours: blankToNull(row[TRIAGE_RULE_FIELDS.acknowledgeWithinHours]),
    responder: row[TRIAGE_RULE_FIELDS.responder],
    ownerQueue: row[TRIAGE_RULE_FIELDS.ownerQueue],
  } as TriageRuleInput;
  const replaced =
    defaults.find((rule) => rule.id === input.id) ??
    defaults.find((rule) => coverageKey(rule) === coverageKey(input as TriageRule));
  return {
    ...input,
    rationale: replaced?.rationale ?? 'configured in Setup (CoSell_Triage_Rule__mdt)',
  };
}

/** Merges the org's records over the defaults; a bad record fails with its DeveloperName and field. */
export function triageConfigFromRecords(
  rows: readonly Row[],
  defaults: readonly TriageRule[] = DEFAULT_TRIAGE_RULES,
): ResolvedTriageConfig {
  const rules = rows.map((row) => triageRuleFromRecord(row, defaults));
  const covered = new Set(rules.map((rule) => coverageKey(rule as TriageRule)));
  const ids = new Set(rules.map((rule) => rule.id));
  // Defaults covering the same case as an org record step aside, unless the record overrides them by id.
  const disable = defaults
    .filter((rule) => covered.has(coverageKey(rule)) && !ids.has(rule.id))
    .map((rule) => rule.id);
  try {
    return resolveTriageConfig({ rules, disable });
  } catch (error) {
    if (error instanceof TriageConfigError) {
      const named = error.issues.map((issue) => {
        const match = /^rules\.(\d+)(?:\.(.*))?$/.exec(issue.path);
        if (!match) return issue;
        const record = rows[Number(match[1])];
        const field = match[2] ? (fieldForPath(match[2]) ?? match[2]) : 'record';
        return {
          path: `${String(record?.DeveloperName ?? match[1])}.${field}`,
          message: issue.message,
        };
      });
      throw new TriageConfigError(named);
    }
    throw error;
  }
}

function fieldForPath(path: string): string | null {
  const top = path.split('.')[0] ?? '';
  if (top === 'response') {
    const leaf = path.split('.')[1];
    return leaf === 'unit'
      ? TRIAGE_RULE_FIELDS.responseUnit
      : leaf === 'minimumBusinessHours'
        ? TRIAGE_RULE_FIELDS.minimumBusinessHours
        : TRIAGE_RULE_FIELDS.responseAmount;
  }
  if (top === 'outOfHoursAcknowledgeHours') return TRIAGE_RULE_FIELDS.acknowledgeWithinHours;
  if (top === 'id') return 'DeveloperName';
  return (TRIAGE_RULE_FIELDS as Record<string, string>)[top] ?? null;
}

/** SOQL that reads every field triageRuleFromRecord needs. */
export function triageRuleQuery(): string {
  return `SELECT DeveloperName, ${Object.values(TRIAGE_RULE_FIELDS).join(', ')} FROM ${TRIAGE_RULE_OBJECT} ORDER BY ${TRIAGE_RULE_FIELDS.sortOrder} ASC NULLS LAST`;
}
