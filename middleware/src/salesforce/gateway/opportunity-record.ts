// Turns an Opportunity row as the intake query returns it (parent fields nested, engagements and
// contact roles as child query results) into the canonical opportunity the engine records. It walks
// the same column tables as the CLI's readers, but leniently: values pass as read, and the engine's
// CoSellOpportunity.parse names any the model refuses (audited with the row).
import { Finding, type CoSellOpportunityInput } from '../../core/model.js';
import { ENGAGEMENT_FIELDS } from '../../core/salesforce-fields.js';
import {
  ENGAGEMENT_COLUMNS,
  OPPORTUNITY_COLUMNS,
  type ColumnKind,
  type FieldColumn,
} from '../opportunity-columns.js';
import {
  childRecords,
  contactsOf,
  setPath,
  textOrNull as text,
  valueAt,
} from '../opportunity-reader.js';
import { ENGAGEMENTS_RELATIONSHIP } from '../soql.js';

type Row = Record<string, unknown>;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Salesforce datetimes come as `2026-03-02T09:15:00.000+0000`; the model wants a plain ISO instant. */
function instant(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const parsed = new Date(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(parsed.getTime()) ? raw : parsed.toISOString();
}

/** Multi-select picklists arrive as `AWS;Microsoft`; values are kept as read so validation names unknown ones. */
function multiSelect(value: unknown): string[] {
  return (text(value) ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A queried value as the model input takes it; null when it holds none. Picklists pass as read. */
const LENIENT: Record<ColumnKind['type'], (value: unknown) => unknown> = {
  text,
  picklist: text,
  date: text,
  datetime: instant,
  number: num,
  boolean: (value) => value === true,
  multiselect: multiSelect,
};

/**
 * One row through a column table. An empty required field reads as '' (false for a flag) so the
 * model names it; an empty optional one is left to the model's default.
 */
function readLeniently(row: Row, columns: readonly FieldColumn[], into: Row): Row {
  for (const column of columns) {
    const raw = valueAt(row, column.steps);
    let value = LENIENT[column.kind.type](raw);
    if (value === null && column.required)
      value = column.kind.type === 'datetime' ? '' : String(raw ?? '');
    if (value !== null) setPath(into, column, value);
  }
  return into;
}

/** `Findings__c` holds JSON the service wrote; anything else (a person's edit, truncation) reads as none. */
function findingsOf(value: unknown): Finding[] {
  const raw = text(value);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item) => {
      const finding = Finding.safeParse(item);
      return finding.success ? [finding.data] : [];
    });
  } catch {
    return [];
  }
}

export interface OpportunityRecordOptions {
  /** Used when the org has a single currency (no CurrencyIsoCode field). */
  corporateCurrency: string;
}

/** The canonical input for one Opportunity row; `CoSellOpportunity.parse` (in the engine) validates it. */
export function opportunityFromRecord(
  row: Row,
  options: OpportunityRecordOptions,
): CoSellOpportunityInput {
  const input = readLeniently(row, OPPORTUNITY_COLUMNS, { account: {}, coSell: {} });
  input.currencyIsoCode ??= options.corporateCurrency;
  input.contacts = contactsOf(row);
  input.engagements = childRecords(row, ENGAGEMENTS_RELATIONSHIP).map((engagement) => ({
    ...readLeniently(engagement, ENGAGEMENT_COLUMNS, {}),
    findings: findingsOf(engagement[ENGAGEMENT_FIELDS.findings]),
  }));
  // Picklist values are passed through as read: the engine's CoSellOpportunity.parse names any the model refuses.
  return input as unknown as CoSellOpportunityInput;
}

/** SystemModstamp of a row, for the intake cursor. */
export function systemModstampOf(row: Row): Date | null {
  const value = instant(row.SystemModstamp);
  return value ? new Date(value) : null;
}
