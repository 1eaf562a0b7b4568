// The table-driven reader from a Salesforce row to the canonical opportunity. Cells are read by the
// kind the column table gives them (field-values.ts), so an export file and an org query reject the
// same values with the same words; the gateway reads the same tables leniently (opportunity-record.ts).
import { CoSellOpportunity } from '../core/model.js';
import { OPPORTUNITY_FIELDS, type OpportunityPath } from '../core/salesforce-fields.js';
import { readCell } from './field-values.js';
import { CONTACT_COLUMNS, type FieldColumn } from './opportunity-columns.js';
import { CONTACT_ROLES_RELATIONSHIP } from './soql.js';

type Row = Record<string, unknown>;

/** `Account.Name` read out of `{ Account: { Name } }`; a null parent reads as undefined. */
export function valueAt(record: Row, steps: readonly string[]): unknown {
  let value: unknown = record;
  for (const step of steps)
    value = value !== null && typeof value === 'object' ? (value as Row)[step] : undefined;
  return value;
}

/** The text a CSV cell would hold for a queried value, so both sources meet the same cell rules. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** The records of a child subquery (`CoSell_Engagements__r`), none when the parent has none. */
export function childRecords(record: Row, relationship: string): Row[] {
  const child = record[relationship] as { records?: Row[] } | null | undefined;
  return child?.records ?? [];
}

/** Places a value at its model path (`account.name` → input.account.name). */
export function setPath(target: Row, column: FieldColumn, value: unknown): void {
  if (column.tail === undefined) target[column.head] = value;
  else (target[column.head] as Row)[column.tail] = value;
}

/** What one cell of a row cannot give: a value of the wrong form, or nothing where one is needed. */
export interface CellProblem {
  column: string;
  /** `is empty`, or what the value is not (`"x" is not a number ...`). */
  problem: string;
  raw: string;
  empty: boolean;
}

export interface CellRead {
  /** The canonical input so far: `account` and `coSell` are there to fill. */
  input: Row;
  problems: CellProblem[];
}

/**
 * Reads the cells of one row: `cells[index]` is the text of each listed column. An empty cell is
 * left out (the model's default applies) unless the column needs a value.
 */
export function readOpportunityCells(
  cells: readonly string[],
  columns: ReadonlyArray<readonly [index: number, column: FieldColumn<OpportunityPath>]>,
): CellRead {
  const input: Row = { account: {}, coSell: {} };
  const problems: CellProblem[] = [];
  for (const [index, column] of columns) {
    const raw = cells[index] ?? '';
    const cell = readCell(raw, column.kind);
    if (!cell.ok)
      problems.push({ column: column.column, problem: cell.problem, raw, empty: false });
    else if (cell.value !== undefined) setPath(input, column, cell.value);
    else if (column.required)
      problems.push({ column: column.column, problem: 'is empty', raw, empty: true });
  }
  return { input, problems };
}

/** Text of a queried value, or null when it holds none (blank, absent, not text). */
export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The Opportunity's contact roles as contacts; a role without a contact last name is skipped. */
export function contactsOf(record: Row): Row[] {
  return childRecords(record, CONTACT_ROLES_RELATIONSHIP).flatMap((role) => {
    const contact: Row = {};
    for (const column of CONTACT_COLUMNS) {
      const value = textOrNull(valueAt(role, column.steps));
      if (value === null && column.required) return [];
      // The Id is left out when absent (the model has none to give); the other fields are null.
      if (value !== null || column.path !== 'id') contact[column.path] = value;
    }
    return [contact];
  });
}

/** The Opportunity column a model issue path (['coSell', 'clouds', 0]) is about, if any. */
export function columnOfIssue(path: ReadonlyArray<PropertyKey>): string | undefined {
  const fields = OPPORTUNITY_FIELDS as Record<string, string>;
  return fields[path.slice(0, 2).map(String).join('.')] ?? fields[String(path[0] ?? '')];
}

export type ParsedOpportunity =
  | { ok: true; opportunity: CoSellOpportunity }
  | { ok: false; issues: Array<{ column: string | undefined; path: string; message: string }> };

/** The model's verdict on a read row, each issue with the column it is about. */
export function parseOpportunity(input: Row): ParsedOpportunity {
  const parsed = CoSellOpportunity.safeParse(input);
  if (parsed.success) return { ok: true, opportunity: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      column: columnOfIssue(issue.path),
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
