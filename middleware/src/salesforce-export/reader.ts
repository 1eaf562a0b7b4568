// Streams a Salesforce report / Data Loader export of Opportunities into canonical opportunities,
// row by row, so a 400k-row file never sits in memory. A missing column stops the read before the
// first row; a bad row becomes row-numbered findings and the rows after it are still read.
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CoSellOpportunity, type Finding } from '../core/model.js';
import { OPPORTUNITY_FIELDS, type OpportunityPath } from '../core/salesforce-fields.js';
import { COLUMN_KINDS, REQUIRED_COLUMNS, REQUIRED_VALUES } from './columns.js';
import { readCell } from './field-values.js';
import { csvErrorInWords, notCsvKind, SNIFF_BYTES } from './file-kind.js';

export const EXPORT_CODES = {
  missingValue: 'EXPORT_MISSING_VALUE',
  badValue: 'EXPORT_BAD_VALUE',
  badRow: 'EXPORT_BAD_ROW',
} as const;

/** A problem with one row of the export: row 1 is the header, so row numbers match a spreadsheet. */
export type ExportFinding = Finding & { row: number; opportunityId: string | null; field?: string };

export type ExportRow =
  | { kind: 'opportunity'; row: number; opportunity: CoSellOpportunity }
  | { kind: 'rejected'; row: number; findings: ExportFinding[] };

export class MissingColumnsError extends Error {
  readonly code = 'EXPORT_MISSING_COLUMNS';
  readonly columns: readonly string[];

  constructor(columns: readonly string[]) {
    super(
      `The export is missing required column${columns.length > 1 ? 's' : ''} ${columns.join(', ')} (header row, by field API name).`,
    );
    this.name = 'MissingColumnsError';
    this.columns = columns;
  }
}

/** The file is not a CSV the reader can follow (empty, or broken quoting). */
export class ExportFormatError extends Error {
  readonly code = 'EXPORT_UNREADABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExportFormatError';
  }
}

export interface ReadExportOptions {
  /** Columns the caller cannot work without (API names). Default REQUIRED_COLUMNS. */
  requiredColumns?: readonly string[];
  /** Currency of rows without CurrencyIsoCode (single-currency orgs export none). Default USD. */
  defaultCurrency?: string;
}

export type ExportSource = Readable | AsyncIterable<string | Buffer> | string;

const PATH_BY_COLUMN = new Map(
  (Object.entries(OPPORTUNITY_FIELDS) as Array<[OpportunityPath, string]>).map(([path, column]) => [
    column.toUpperCase(),
    path,
  ]),
);

/** Where each understood column sits in the header. Data Loader writes API names in upper case. */
function mapHeader(
  header: readonly string[],
  requiredColumns: readonly string[],
): Array<[number, OpportunityPath]> {
  const positions = new Map<OpportunityPath, number>();
  header.forEach((name, index) => {
    const path = PATH_BY_COLUMN.get(name.trim().toUpperCase());
    if (path && !positions.has(path)) positions.set(path, index);
  });
  const present = new Set(
    [...positions.keys()].map((path) => OPPORTUNITY_FIELDS[path].toUpperCase()),
  );
  const missing = requiredColumns.filter((column) => !present.has(column.toUpperCase()));
  if (missing.length > 0) throw new MissingColumnsError(missing);
  return [...positions.entries()].map(([path, index]) => [index, path]);
}

/** Each canonical path split once ('account.name' → ['account', 'name']): done per cell it shows in profiles. */
const PATH_PARTS = new Map(
  (Object.keys(OPPORTUNITY_FIELDS) as OpportunityPath[]).map((path) => [
    path,
    path.split('.', 2) as [string, string | undefined],
  ]),
);

function setPath(target: Record<string, unknown>, path: OpportunityPath, value: unknown): void {
  const [head, tail] = PATH_PARTS.get(path) ?? [path, undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  (target[head] as Record<string, unknown>)[tail] = value;
}

/** The canonical field an issue path (['coSell', 'clouds', 0]) is about, as its column name. */
function columnOfIssue(path: ReadonlyArray<PropertyKey>): string | undefined {
  const two = path.slice(0, 2).map(String).join('.');
  const one = String(path[0] ?? '');
  return (
    (OPPORTUNITY_FIELDS as Record<string, string>)[two] ??
    (OPPORTUNITY_FIELDS as Record<string, string>)[one]
  );
}

function rowToOpportunity(
  record: readonly string[],
  row: number,
  columns: ReadonlyArray<[number, OpportunityPath]>,
  width: number,
  defaultCurrency: string,
): ExportRow {
  const idIndex = columns.find(([, path]) => path === 'id')?.[0];
  const opportunityId = (idIndex === undefined ? '' : (record[idIndex] ?? '').trim()) || null;
  const finding = (
    code: string,
    message: string,
    field?: string,
    value?: string,
  ): ExportFinding => ({
    code,
    severity: 'error',
    message: `Row ${row}: ${message}`,
    ...(field ? { field } : {}),
    evidence: { row, ...(value === undefined ? {} : { value }) },
    row,
    opportunityId,
  });
  if (record.length !== width) {
    return {
      kind: 'rejected',
      row,
      findings: [
        finding(
          EXPORT_CODES.badRow,
          `has ${record.length} cells but the header has ${width}; check for an unquoted comma or a cut-off line.`,
        ),
      ],
    };
  }
  const input: Record<string, unknown> = { account: {}, coSell: {} };
  const findings: ExportFinding[] = [];
  for (const [index, path] of columns) {
    const column = OPPORTUNITY_FIELDS[path];
    const raw = record[index] ?? '';
    const cell = readCell(raw, COLUMN_KINDS[path]);
    if (!cell.ok)
      findings.push(finding(EXPORT_CODES.badValue, `${column} ${cell.problem}.`, column, raw));
    else if (cell.value === undefined && REQUIRED_VALUES.has(path))
      findings.push(finding(EXPORT_CODES.missingValue, `${column} is empty.`, column, raw));
    else if (cell.value !== undefined) setPath(input, path, cell.value);
  }
  if (findings.length > 0) return { kind: 'rejected', row, findings };
  input.currencyIsoCode ??= defaultCurrency;
  const parsed = CoSellOpportunity.safeParse(input);
  if (parsed.success) return { kind: 'opportunity', row, opportunity: parsed.data };
  return {
    kind: 'rejected',
    row,
    findings: parsed.error.issues.map((issue) => {
      const column = columnOfIssue(issue.path);
      return finding(
        EXPORT_CODES.badValue,
        `${column ?? issue.path.join('.')}: ${issue.message}.`,
        column,
      );
    }),
  };
}

/** Passes the source through, first checking its opening bytes are not a workbook, JSON or binary. */
async function* refuseNonCsv(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<Buffer> {
  let head: Buffer | undefined = Buffer.alloc(0);
  const held: Buffer[] = [];
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (head === undefined) {
      yield bytes;
      continue;
    }
    held.push(bytes);
    head = Buffer.concat([head, bytes]);
    if (head.length < SNIFF_BYTES) continue;
    const kind = notCsvKind(head);
    if (kind) throw new ExportFormatError(`The file is ${kind}, not a CSV export.`);
    head = undefined;
    yield* held.splice(0);
  }
  if (head !== undefined) {
    const kind = notCsvKind(head);
    if (kind) throw new ExportFormatError(`The file is ${kind}, not a CSV export.`);
    yield* held;
  }
}

/**
 * Reads the export row by row. The first iteration throws MissingColumnsError (naming every missing
 * column) or ExportFormatError before any row; afterwards each row is an opportunity or its findings.
 */
export async function* readOpportunityExport(
  source: ExportSource,
  options: ReadExportOptions = {},
): AsyncGenerator<ExportRow> {
  const input = Readable.from(
    refuseNonCsv(
      source instanceof Readable ? source : typeof source === 'string' ? [source] : source,
    ),
  );
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  pipeline(input, parser, () => undefined); // errors surface through the parser we iterate
  let columns: Array<[number, OpportunityPath]> | undefined;
  let width = 0;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (columns === undefined) {
        columns = mapHeader(record, options.requiredColumns ?? REQUIRED_COLUMNS);
        width = record.length;
        continue;
      }
      yield rowToOpportunity(record, row, columns, width, options.defaultCurrency ?? 'USD');
    }
  } catch (error) {
    const words = csvErrorInWords(error);
    if (words === undefined) throw error;
    throw new ExportFormatError(`The export is not valid CSV: ${words}`, { cause: error });
  } finally {
    parser.destroy();
  }
  if (columns === undefined)
    throw new ExportFormatError('The export is empty: expected a header row of field API names.');
}
