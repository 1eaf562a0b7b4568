// The export's quoting rules, checked on the raw text papaparse splits (csv-records.ts). papaparse
// takes a double quote inside a cell that does not start with one as text and lets text or spaces
// follow a closing quote, where a misplaced quote usually means a mis-exported cell: the reader
// refuses such a file, naming the line, instead of reading shifted cells.

/** A line ending the reader follows; one per file, found on the header row. */
export type Newline = '\n' | '\r\n' | '\r';

export type CsvSyntaxProblem =
  | 'stray-quote'
  | 'text-after-quote'
  | 'quote-not-closed'
  | 'row-too-long'
  | 'malformed';

/** Why the text is not CSV the reader can follow, with the line (1-based, as an editor counts). */
export class CsvSyntaxError extends Error {
  readonly problem: CsvSyntaxProblem;
  readonly line: number;

  constructor(problem: CsvSyntaxProblem, line: number, detail: string = problem) {
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
    this.problem = problem;
    this.line = line;
  }
}

const QUOTE = '"';

/** How many line ends sit in text before `end` (a CRLF file counts its "\n", a CR file its "\r"). */
export function countLines(text: string, newline: Newline, end = text.length): number {
  const mark = newline === '\r' ? '\r' : '\n';
  let count = 0;
  for (let at = text.indexOf(mark); at !== -1 && at < end; at = text.indexOf(mark, at + 1))
    count += 1;
  return count;
}

/**
 * Checks the quoting of `text`, which starts at the start of a row on line `line`: a cell either
 * starts with a quote and ends at the next quote that is not doubled, followed by a comma, the line
 * end or the end of the text, or holds no quote at all. Unless the file ends with `text`, `text` must
 * end with a whole row (as papaparse's cursor gives it). Throws at the first problem; costs one
 * search per quote, so a file without quotes is checked in a single pass.
 */
export function checkQuoting(text: string, newline: Newline, line: number): void {
  const at = (index: number) => line + countLines(text, newline, index);
  for (let open = text.indexOf(QUOTE); open !== -1; ) {
    const startsCell =
      open === 0 ||
      text[open - 1] === ',' ||
      (open >= newline.length && text.startsWith(newline, open - newline.length));
    if (!startsCell) throw new CsvSyntaxError('stray-quote', at(open));
    let close = text.indexOf(QUOTE, open + 1);
    while (close !== -1 && text[close + 1] === QUOTE) close = text.indexOf(QUOTE, close + 2);
    if (close === -1) throw new CsvSyntaxError('quote-not-closed', at(open));
    const next = close + 1;
    if (next < text.length && text[next] !== ',' && !text.startsWith(newline, next))
      throw new CsvSyntaxError('text-after-quote', at(next));
    open = text.indexOf(QUOTE, next);
  }
}
