// Keeps a command's findings on disk instead of in memory, so a million-row export is linted in flat
// memory and the report is rendered from the file once the run is over. Each record is kept as JSON
// text, a NUL after each (JSON text never holds a raw control character): compact, or, for a JSON
// report, as `JSON.stringify(record, null, 2)` prints it, indented for where the report nests it, so
// the report copies the file's bytes out without decoding, parsing or printing them again.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Bytes gathered before one write: few system calls, and memory that does not grow with the run. */
const FLUSH_AT = 1 << 16;

/**
 * Bytes read back at a time, into one reused buffer. The text decoded from them stays under V8's
 * large-object size (128 KB) even when a character outside Latin-1 makes it two bytes a character:
 * large objects that outlive a young collection wait for a full one, and 1 MB pieces read back
 * that way held 30-45 MB more heap through the output of a 1M-row lint (scripts/bench/README.md).
 */
const READ_AT = 1 << 15;

/**
 * Pieces read back between two turns of the event loop (1 MB). Reading and writing a report are
 * synchronous underneath, so without a turn a signal (Ctrl-C, interrupt.ts) would wait for the
 * whole report: seconds at a million rows.
 */
const PIECES_A_TURN = 32;

/** Ends each record's text: JSON.stringify escapes every control character inside one. */
const END = '\u0000';

/** Spools not yet removed, so that exit (or removeSpools) can close and remove them. */
const open = new Set<RecordSpool<unknown>>();
let cleanupRegistered = false;

/** Spools outlive the command's run (the returned result reads them lazily): remove them at exit. */
function removeAtExit(spool: RecordSpool<unknown>): void {
  open.add(spool);
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  process.once('exit', removeSpools);
}

/**
 * Removes every spool this process still holds: at exit, or earlier for a caller that runs commands
 * in its own long-lived process (a test file's results are not read after it ends, and a test
 * runner may end its workers without their exit listeners).
 */
export function removeSpools(): void {
  for (const spool of [...open]) spool.remove();
}

export class RecordSpool<T> {
  readonly path: string;
  private readonly dir: string;
  private fd: number | undefined;
  /** Records' UTF-8 bytes waiting for one write, encoded as each is added (no joined string to build). */
  private readonly pending = Buffer.allocUnsafe(FLUSH_AT);
  private pendingBytes = 0;
  private total = 0;

  private readonly pretty: boolean;
  /** The nesting level a pretty spool's records are indented for (0: as JSON.stringify prints one). */
  readonly depth: number;
  /** A line break inside a kept record: a newline and the depth's indent. */
  private readonly lineBreak: string;

  /**
   * `pretty`: keep each record as `JSON.stringify(record, null, 2)` prints it, for texts() and
   * jsonBody(); `depth`: with its lines indented to sit that many levels deep in a JSON report.
   */
  constructor(options: { pretty?: boolean; depth?: number } = {}) {
    this.pretty = options.pretty ?? false;
    this.depth = this.pretty ? (options.depth ?? 0) : 0;
    if (!Number.isInteger(this.depth) || this.depth < 0)
      throw new RangeError(`RecordSpool: depth must be a whole number, not ${options.depth}`);
    this.lineBreak = `\n${'  '.repeat(this.depth)}`;
    this.dir = mkdtempSync(join(tmpdir(), 'cosell-spool-'));
    removeAtExit(this);
    this.path = join(this.dir, 'records');
    this.fd = openSync(this.path, 'w', 0o600);
  }

  get count(): number {
    return this.total;
  }

  add(record: T): void {
    if (this.fd === undefined) throw new Error('RecordSpool: add() after close()');
    let json = this.pretty ? JSON.stringify(record, null, 2) : JSON.stringify(record);
    // Every line break in JSON text is layout (one inside a string is escaped): indent each.
    if (this.depth > 0) json = json.replaceAll('\n', this.lineBreak);
    const text = `${json}${END}`;
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (this.pendingBytes + text.length * 3 > FLUSH_AT) this.flush();
    if (text.length * 3 > FLUSH_AT) writeSync(this.fd, text);
    else this.pendingBytes += this.pending.write(text, this.pendingBytes);
    this.total += 1;
  }

  /** Ends writing; reading is allowed from here on. */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** The records in the order added, streamed from disk. */
  async *records(): AsyncGenerator<T> {
    for await (const text of this.kept()) yield JSON.parse(text) as T;
  }

  /** Each record's text as `JSON.stringify(record, null, 2)` gives it, in the order added: a pretty spool's only. */
  texts(): AsyncGenerator<string> {
    if (!this.pretty) throw new Error('RecordSpool: texts() of a spool not made pretty');
    return this.depth === 0 ? this.kept() : this.unindented();
  }

  /**
   * A pretty spool's records as the bytes between the brackets of a pretty JSON array at its depth:
   * each record as kept, and a comma and an indented line break between two. Nothing is decoded, so
   * a report goes out at about the cost of a file copy; every piece ends on a whole character. A
   * piece is valid until the reader asks for the next (one buffer serves them all: fresh ones for a
   * million-row report held 25 MB more outside the heap until a collection freed them).
   */
  async *jsonBody(): AsyncGenerator<Buffer> {
    if (!this.pretty) throw new Error('RecordSpool: jsonBody() of a spool not made pretty');
    this.close();
    const separator = Buffer.from(`,${this.lineBreak}`);
    const fd = openSync(this.path, 'r');
    const bytes = Buffer.allocUnsafe(READ_AT);
    const joined = { bytes: Buffer.allocUnsafe(READ_AT * 2), length: 0, separatorDue: false };
    let carried = 0;
    try {
      for (let piece = 1; ; piece += 1) {
        if (piece % PIECES_A_TURN === 0) await nextTurn();
        const read = readSync(fd, bytes, carried, READ_AT - carried, null);
        const filled = carried + read;
        // At the end of the file every character is whole; before it, a cut one waits for the next read.
        const end = read === 0 ? filled : wholeCharactersEnd(bytes, filled);
        joinRecords(bytes.subarray(0, end), separator, joined);
        if (joined.length > 0) yield joined.bytes.subarray(0, joined.length);
        if (read === 0) break;
        bytes.copy(bytes, 0, end, filled);
        carried = filled - end;
      }
    } finally {
      closeSync(fd);
    }
  }

  private async *unindented(): AsyncGenerator<string> {
    for await (const text of this.kept()) yield text.replaceAll(this.lineBreak, '\n');
  }

  /** Each record's JSON text as kept, in the order added. */
  private async *kept(): AsyncGenerator<string> {
    this.close();
    const fd = openSync(this.path, 'r');
    const bytes = Buffer.allocUnsafe(READ_AT);
    const decoder = new TextDecoder();
    let rest = '';
    try {
      for (let piece = 1; ; piece += 1) {
        if (piece % PIECES_A_TURN === 0) await nextTurn();
        const read = readSync(fd, bytes, 0, READ_AT, null);
        if (read === 0) break;
        const texts = (rest + decoder.decode(bytes.subarray(0, read), { stream: true })).split(END);
        rest = texts.pop() ?? '';
        yield* texts;
      }
    } finally {
      closeSync(fd);
    }
    rest += decoder.decode();
    if (rest) yield rest;
  }

  /** Every record at once: for a caller that asked for the whole result in memory. */
  all(): T[] {
    this.close();
    return readFileSync(this.path, 'utf8')
      .split(END)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as T);
  }

  remove(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
    open.delete(this);
  }

  private flush(): void {
    if (this.fd === undefined || this.pendingBytes === 0) return;
    writeSync(this.fd, this.pending, 0, this.pendingBytes);
    this.pendingBytes = 0;
  }
}

/**
 * A piece of kept records with each record's end (NUL) made `separator`, into `into.bytes` (grown
 * when a piece of short records needs more). The last record's end becomes nothing: a separator is
 * written only once another record follows, so one falling due at the piece's end is carried to the
 * next (`separatorDue`).
 */
function joinRecords(
  piece: Buffer,
  separator: Buffer,
  into: { bytes: Buffer; length: number; separatorDue: boolean },
): void {
  let ends = 0;
  for (let at = piece.indexOf(0); at !== -1; at = piece.indexOf(0, at + 1)) ends += 1;
  const needed = piece.length - ends + (ends + 1) * separator.length;
  if (into.bytes.length < needed) into.bytes = Buffer.allocUnsafe(needed);
  const out = into.bytes;
  let due = into.separatorDue;
  let length = 0;
  for (let start = 0; ; ) {
    const at = piece.indexOf(0, start);
    const stop = at === -1 ? piece.length : at;
    if (stop > start) {
      if (due) length += separator.copy(out, length);
      due = false;
      length += piece.copy(out, length, start, stop);
    }
    if (at === -1) break;
    due = true;
    start = at + 1;
  }
  into.length = length;
  into.separatorDue = due;
}

/** Where the last whole UTF-8 character of `bytes[0, filled)` ends: the bytes of a cut one follow. */
function wholeCharactersEnd(bytes: Buffer, filled: number): number {
  let lead = filled - 1;
  while (lead > filled - 4 && lead > 0 && (bytes[lead]! & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return filled;
  const first = bytes[lead]!;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + length > filled ? lead : filled;
}
