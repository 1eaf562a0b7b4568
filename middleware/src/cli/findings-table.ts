// Findings as a terminal table: the message, which says what to fix, wraps and is never cut; on a
// narrow terminal the field, the cloud, the record's Id and the code give way, in that order.
import { fittedTable, type TableColumn, type TerminalTable } from './terminal-table.js';

export type FindingCell =
  | 'row'
  | 'opportunityId'
  | 'severity'
  | 'cloud'
  | 'field'
  | 'code'
  | 'message';
export type FindingRow = Partial<Record<FindingCell, string | number | null | undefined>>;

const FINDING_COLUMNS: ReadonlyArray<TableColumn & { key: FindingCell }> = [
  { key: 'row', name: 'Row', align: 'right' },
  { key: 'opportunityId', name: 'Opportunity Id', priority: 3 },
  { key: 'severity', name: 'Severity' },
  { key: 'cloud', name: 'Cloud', priority: 1 },
  { key: 'field', name: 'Field', priority: 2 },
  { key: 'code', name: 'Code', priority: 4 },
  { key: 'message', name: 'Message', wrapsAt: 40 },
];

/** The rows under the finding columns they fill (`keys`, else every one), fitted to `width`. */
export function findingsTable(
  rows: readonly FindingRow[],
  keys?: readonly FindingCell[],
  width?: number,
): TerminalTable {
  const columns = keys
    ? FINDING_COLUMNS.filter((column) => keys.includes(column.key))
    : FINDING_COLUMNS;
  const data = rows.map((row) =>
    Object.fromEntries(columns.map(({ key }) => [key, String(row[key] ?? '')])),
  );
  return fittedTable(columns, data, width);
}
