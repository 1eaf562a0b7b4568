// Streams a Salesforce report / Data Loader export of Opportunities into canonical opportunities,
// row by row, so a 400k-row file never sits in memory. A missing column stops the read before the
// first row; a bad row becomes row-numbered findings and the rows after it are still read.
import type { Readable } from 'node:stream';
import type { CoSellOpportunity, Finding } from '../../core/model.js';
import type { OpportunityPath } from '../../core/salesforce-fields.js';
import { OPPORTUNITY_COLUMNS, type FieldColumn } from '../opportunity-columns.js';
import { parseOpportunity, readOpportunityCells } from '../opportunity-reader.js';
import { REQUIRED_COLUMNS } from './columns.js';
import { csvRecords } from './csv-records.js';
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

type HeaderColumns = ReadonlyArray<readonly [index: number, column: FieldColumn<OpportunityPath>]>;

const COLUMN_BY_NAME = new Map(
  OPPORTUNITY_COLUMNS.map((column) => [column.column.toUpperCase(), column]),
);

/** What the header row tells every later row: where each understood column sits, where the Id is, how many cells. */
interface ExportHeader {
  columns: HeaderColumns;
  idIndex: number | undefined;
  width: number;
}

function readHeader(header: readonly string[], requiredColumns: readonly string[]): ExportHeader {
  const columns = mapHeader(header, requiredColumns);
  const idIndex = columns.find(([, column]) => column.path === 'id')?.[0];
  return { columns, idIndex, width: header.length };
}

/** Where each understood column sits in the header. Data Loader writes API names in upper case. */
function mapHeader(header: readonly string[], requiredColumns: readonly string[]): HeaderColumns {
  const positions = new Map<FieldColumn<OpportunityPath>, number>();
  header.forEach((name, index) => {
    const column = COLUMN_BY_NAME.get(name.trim().toUpperCase());
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const present = new Set([...positions.keys()].map(({ column }) => column.toUpperCase()));
  const missing = requiredColumns.filter((column) => !present.has(column.toUpperCase()));
  if (missing.length > 0) throw new MissingColumnsError(missing);
  return [...positions.entries()].map(([column, index]) => [index, column] as const);
}

function rowToOpportunity(
  record: readonly string[],
  row: number,
  { columns, idIndex, width }: ExportHeader,
  defaultCurrency: string,
): ExportRow {
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
  const { input, problems } = readOpportunityCells(record, columns);
  if (problems.length > 0) {
    const findings = problems.map(({ column, problem, raw, empty }) =>
      finding(
        empty ? EXPORT_CODES.missingValue : EXPORT_CODES.badValue,
        `${column} ${problem}.`,
        column,
        raw,
      ),
    );
    return { kind: 'rejected', row, findings };
  }
  input.currencyIsoCode ??= defaultCurrency;
  const parsed = parseOpportunity(input);
  if (parsed.ok) return { kind: 'opportunity', row, opportunity: parsed.opportunity };
  return {
    kind: 'rejected',
    row,
    findings: parsed.issues.map(({ column, path, message }) =>
      finding(EXPORT_CODES.badValue, `${column ?? path}: ${message}.`, column),
    ),
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
  for await (const rows of readOpportunityExportBatches(source, options)) yield* rows;
}

/**
 * The same rows as readOpportunityExport, a batch for each piece of the file the splitter reads (a
 * few dozen rows): a big export's reader then pays the asynchronous hand-over per batch, not per row.
 */
export async function* readOpportunityExportBatches(
  source: ExportSource,
  options: ReadExportOptions = {},
): AsyncGenerator<ExportRow[]> {
  const records = csvRecords(refuseNonCsv(typeof source === 'string' ? [source] : source));
  const defaultCurrency = options.defaultCurrency ?? 'USD';
  let header: ExportHeader | undefined;
  let row = 0;
  try {
    for await (const batch of records) {
      const rows: ExportRow[] = [];
      for (const record of batch) {
        row += 1;
        if (header === undefined) {
          header = readHeader(record, options.requiredColumns ?? REQUIRED_COLUMNS);
          continue;
        }
        rows.push(rowToOpportunity(record, row, header, defaultCurrency));
      }
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    const words = csvErrorInWords(error);
    if (words === undefined) throw error;
    throw new ExportFormatError(`The export is not valid CSV: ${words}`, { cause: error });
  }
  if (header === undefined)
    throw new ExportFormatError('The export is empty: expected a header row of field API names.');
}
