// Tells a user what their --file is when it is not a CSV export (a workbook, JSON, a PDF, binary),
// and words CSV quoting errors by line, instead of leaving them a parser's internal error code.
import { CsvSyntaxError } from './csv-quoting.js';
import { MAX_ROW_CHARS } from './csv-records.js';

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

/** A CSV syntax error as a sentence naming the line, or undefined for any other error. */
export function csvErrorInWords(error: unknown): string | undefined {
  if (!(error instanceof CsvSyntaxError)) return undefined;
  const { line } = error;
  switch (error.problem) {
    case 'stray-quote':
      return `line ${line}: a double quote appears inside a cell that does not start with one; quote the whole cell and double the quotes inside it.`;
    case 'text-after-quote':
      return `line ${line}: text follows the closing quote of a cell; double the quotes inside a quoted cell.`;
    case 'quote-not-closed':
      return `a quoted cell is never closed (it opens on line ${line}); check for a missing closing quote.`;
    case 'row-too-long':
      return `line ${line}: a row runs past ${MAX_ROW_CHARS.toLocaleString('en-US')} characters without ending; check for a missing closing quote.`;
    default:
      return error.message;
  }
}
