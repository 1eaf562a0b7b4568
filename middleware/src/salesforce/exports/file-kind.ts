// Tells a user what their --file is when it is not a CSV export (a workbook, JSON, a PDF, binary),
// and words CSV quoting errors by line, instead of leaving them a parser's internal error code.
import { CsvError } from 'csv-parse';

/** Enough of the file's start to recognise every kind below. */
export const SNIFF_BYTES = 4096;

const SIGNATURES: Array<[bytes: number[], kind: string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook (.xlsx) or another ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old-style Excel workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip-compressed file (unpack it first)'],
  [[0xff, 0xfe], 'UTF-16 text (save it as CSV UTF-8)'],
  [[0xfe, 0xff], 'UTF-16 text (save it as CSV UTF-8)'],
];

/** What the file is, when its first bytes show it is not a CSV export; undefined when it may be one. */
export function notCsvKind(head: Uint8Array): string | undefined {
  for (const [bytes, kind] of SIGNATURES)
    if (bytes.every((byte, index) => head[index] === byte)) return kind;
  if (head.includes(0)) return 'a binary file';
  const text = Buffer.from(head)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON';
  // Salesforce's "Details only" .xls export and saved web pages are HTML.
  if (text.startsWith('<')) return 'HTML or XML';
  return undefined;
}

/** A csv-parse error as a sentence naming the line, or undefined for an error that is not csv-parse's. */
export function csvErrorInWords(error: unknown): string | undefined {
  if (!(error instanceof CsvError)) return undefined;
  const { code } = error;
  const lines = (error as CsvError & { lines?: number }).lines;
  const line = lines === undefined ? '' : `line ${lines}: `;
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return `${line}a double quote appears inside a cell that does not start with one; quote the whole cell and double the quotes inside it.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${line}text follows the closing quote of a cell; double the quotes inside a quoted cell.`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted cell is never closed (the file ends inside it, ${line.replace(/: $/, '')}); check for a missing closing quote.`;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `${line}the row has a different number of cells from the header.`;
    default:
      return `${line}${error.message}`;
  }
}
