// Reads triage rules from the org's CoSell_Triage_Rule__mdt records (as SOQL returns them), so an
// admin tunes triage in Setup; the result feeds resolveTriageConfig like any other configuration.
import { TRIAGE_RULE_FIELDS } from '../salesforce-fields.js';
import type { TriageRuleInput } from './rules.js';

/** One CoSell_Triage_Rule__mdt record: DeveloperName plus the custom fields, by API name. */
export type TriageRuleRecord = { DeveloperName: string } & Record<string, unknown>;

const UNIT_BY_PICKLIST: Record<string, 'business-hours' | 'business-days'> = {
  'Business hours': 'business-hours',
  'Business days': 'business-days',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Turns a record into a rule input; resolveTriageConfig validates it (so a record with an unknown
 * unit or a missing amount fails startup with the rule id and field named). A blank archetype
 * means any archetype.
 */
export function triageRuleFromRecord(record: TriageRuleRecord): TriageRuleInput {
  const get = (key: keyof typeof TRIAGE_RULE_FIELDS) => record[TRIAGE_RULE_FIELDS[key]];
  const unitValue = text(get('responseUnit'));
  const unit = unitValue === null ? undefined : UNIT_BY_PICKLIST[unitValue];
  const amount = number(get('responseAmount'));
  const minimum = number(get('minimumBusinessHours'));
  const response =
    unit === 'business-hours'
      ? { unit, amount }
      : { unit: unit ?? unitValue, amount, ...(minimum === null ? {} : { minimumBusinessHours: minimum }) };
  return {
    id: record.DeveloperName,
    sourceLayer: text(get('sourceLayer')) as TriageRuleInput['sourceLayer'],
    tenancyArchetype: (text(get('tenancyArchetype')) ?? 'any') as TriageRuleInput['tenancyArchetype'],
    priority: text(get('priority')) as TriageRuleInput['priority'],
    response: response as TriageRuleInput['response'],
    outOfHoursAcknowledgeHours: number(get('acknowledgeWithinHours')),
    responder: text(get('responder')) ?? '',
    ownerQueue: text(get('ownerQueue')) ?? '',
  };
}

/** SOQL that reads every field triageRuleFromRecord needs. */
export function triageRuleQuery(): string {
  return `SELECT DeveloperName, ${Object.values(TRIAGE_RULE_FIELDS).join(', ')} FROM CoSell_Triage_Rule__mdt ORDER BY ${TRIAGE_RULE_FIELDS.sortOrder}`;
}
