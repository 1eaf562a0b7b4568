// Splits a CSV export into records with papaparse, one piece of the file at a time (1 MB pieces from
// the CLI's file stream), so memory holds a piece and never the file. papaparse was chosen on
// measured speed (scripts/bench/README.md); its leniencies about quotes are closed by csv-quoting.ts,
// which checks each piece's whole rows before they are handed on. A record's cells are views on the
// piece they were cut from: whatever keeps a cell past its row copies it (core/own-string.ts).
import { TextDecoder } from 'node:util';
import Papa from 'papaparse';
import { checkQuoting, countLines, CsvSyntaxError, type Newline } from './csv-quoting.js';

/**
 * A row longer than this cannot come from Salesforce (a long text area holds 131,072 characters);
 * past it the file is refused rather than held in memory to its end.
 */
export const MAX_ROW_CHARS = 1 << 24;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The line end of the first row, or undefined while `text` holds no line end outside quotes. */
export function headerNewline(text: string): Newline | undefined {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (code === LF) return '\n';
    else if (code === CR) {
      if (index + 1 === text.length) return undefined; // "\r" or "\r\n": the next piece tells
      return text.charCodeAt(index + 1) === LF ? '\r\n' : '\r';
    }
  }
  return undefined;
}

/**
 * papaparse splits 16k characters at a time: records that small die young, where a 1 MB piece's
 * outlived a young-generation collection and cost 1-2 s of CPU more per 200k rows; and the text
 * (up to 32 KB as UTF-16) stays a regular heap object, where 64k-character slices went to V8's
 * large-object space and raised a 1M-row lint's peak RSS by 10-15 MB (bench notes).
 */
const SLICE = 1 << 14;

/**
 * A piece of the source as text of at most SLICE characters at a time; bytes are decoded SLICE at a
 * time, so no string ever holds a whole 1 MB piece (as UTF-16, a large object V8 frees only in a
 * full collection).
 */
function* slicesOf(chunk: string | Buffer, decoder: TextDecoder): Generator<string> {
  for (let from = 0; from < chunk.length; from += SLICE)
    yield typeof chunk === 'string'
      ? chunk.slice(from, from + SLICE)
      : decoder.decode(chunk.subarray(from, from + SLICE), { stream: true });
}

const isEmptyLine = (record: readonly string[]) => record.length === 1 && record[0] === '';

/**
 * The file's records, a batch per piece read, without its byte-order mark and empty lines. Throws
 * CsvSyntaxError, naming the line, at the first quoting problem.
 */
export async function* csvRecords(
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): AsyncGenerator<string[][]> {
  // TextDecoder keeps a character cut between pieces for the next one, and decodes faster than
  // StringDecoder; it also drops a leading byte-order mark.
  const decoder = new TextDecoder();
  let pending = '';
  let started = false;
  let newline: Newline | undefined;
  let parser: Papa.Parser | undefined;
  let line = 1;

  /** Splits the whole rows of `text` (all of it when the file ends there); keeps the rest pending. */
  const split = (text: string, final: boolean, ends: Newline): string[][] => {
    parser ??= new Papa.Parser({ delimiter: ',', newline: ends, quoteChar: '"' });
    const result = parser.parse(text, 0, !final) as Papa.ParseResult<string[]>;
    const end = final ? text.length : result.meta.cursor;
    const whole = end === text.length ? text : text.slice(0, end);
    checkQuoting(whole, ends, line);
    // papaparse also flags a quote it takes as text; checkQuoting has refused such a row by the time
    // it is whole, so only the file's end could still hold one.
    const [error] = final ? result.errors : [];
    if (error)
      throw new CsvSyntaxError(
        'malformed',
        line + countLines(text, ends, error.index ?? 0),
        error.message,
      );
    line += countLines(whole, ends);
    pending = end === text.length ? '' : text.slice(end);
    if (pending.length > MAX_ROW_CHARS) {
      checkQuoting(pending, ends, line);
      throw new CsvSyntaxError('row-too-long', line);
    }
    const records = result.data;
    return records.some(isEmptyLine) ? records.filter((record) => !isEmptyLine(record)) : records;
  };

  // Slices wait here while a row longer than one is pending, so it is split again only once the text
  // after it is as long as itself, not every 16k characters.
  const held: string[] = [];
  let heldLength = 0;
  for await (const chunk of source) {
    for (const slice of slicesOf(chunk, decoder)) {
      held.push(slice);
      heldLength += slice.length;
      if (pending.length > SLICE && heldLength < pending.length) continue;
      let text = pending + (held.length === 1 ? slice : held.join(''));
      held.length = 0;
      heldLength = 0;
      if (!started && text.length > 0) {
        started = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      newline ??= headerNewline(text);
      if (newline === undefined) {
        if (text.length > MAX_ROW_CHARS) throw new CsvSyntaxError('row-too-long', 1);
        pending = text;
        continue;
      }
      const records = split(text, false, newline);
      if (records.length > 0) yield records;
    }
  }
  let text = pending + held.join('') + decoder.decode();
  if (!started && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  newline ??= text.endsWith('\r') ? '\r' : '\n';
  const records = split(text, true, newline);
  if (records.length > 0) yield records;
}
