// Sends a rendered CSV or JSON report to the terminal or to the `--output` file, so every report
// command treats files the same way. Big reports go out piece by piece (reportTarget), so rendering
// a million findings never holds them all as one string; CSV is written in one place (csvText, in
// core/csv-safe.ts).
import {
  closeSync,
  fstatSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { jsonTerminalSafeBytes, terminalSafeLines } from './terminal-safe.js';

export interface ReportSink {
  log(message: string): void;
}

/** Writes `text` to `output` (replacing it) or logs it; returns where it went. */
export function deliverReport(
  sink: ReportSink,
  text: string,
  output: string | undefined,
): 'terminal' | 'file' {
  if (output === undefined) {
    // Escape sequences from the data must not drive the terminal; a file keeps the data as it is.
    sink.log(terminalSafeLines(text));
    return 'terminal';
  }
  writeFileSync(output, text.endsWith('\n') ? text : `${text}\n`);
  return 'file';
}

/** A report written piece by piece: `write` text (the terminal gets it a whole line at a time), then `commit` or `abort`. */
export interface ReportTarget {
  write(text: string): Promise<void>;
  /**
   * UTF-8 bytes of JSON text, each piece ending on a whole character; targets that take bytes have
   * it. The bytes are written, or copied, by the time the promise settles: the caller reuses them.
   */
  writeBytes?(bytes: Buffer): Promise<void>;
  /** The report is complete: a file replaces `--output`; the terminal has had everything. */
  commit(): Promise<void>;
  /** The run failed: a file target leaves `--output` as it was. */
  abort(): void;
}

/**
 * Characters gathered before one write to the terminal or file: few system calls, and each piece
 * under V8's large-object size (128 KB) even as two-byte text (one en dash makes it so), since large
 * objects that outlive a young collection stay until a full one (scripts/bench/README.md, round 8).
 */
export const WRITE_CHUNK = 1 << 14;

/**
 * A target for the terminal (through the command's `log`, waiting whenever stdout is backed up) or
 * for `--output`, written beside it and renamed into place on commit, so a failed run changes nothing.
 */
export function reportTarget(
  sink: ReportSink,
  output: string | undefined,
  stdout: Writable = process.stdout,
): ReportTarget {
  let pending = '';
  if (output === undefined) {
    // log ends what it prints with a line break, so only whole lines go out before the end: a
    // piece cut inside a line (a JSON item ends without one) would gain a break that is not there.
    const flush = async (whole: boolean): Promise<void> => {
      const end = whole ? pending.length : pending.lastIndexOf('\n') + 1;
      if (end === 0) return;
      const text = pending.slice(0, end);
      pending = pending.slice(end);
      // log adds the line end the last line already has; escape sequences from the data must not
      // drive the terminal.
      sink.log(terminalSafeLines(text.endsWith('\n') ? text.slice(0, -1) : text));
      if (stdout.writableNeedDrain) await once(stdout, 'drain');
    };
    return {
      async write(text) {
        pending += text;
        if (pending.length >= WRITE_CHUNK) await flush(false);
      },
      commit: () => flush(true),
      abort() {
        pending = '';
      },
    };
  }
  const partial = `${output}.${process.pid}.partial`;
  let fd: number | undefined = openSync(partial, 'w');
  // A run stopped before commit or abort (Ctrl-C: interrupt.ts) leaves no partial file behind.
  const removePartial = () => rmSync(partial, { force: true });
  process.once('exit', removePartial);
  const close = () => {
    if (fd === undefined) return;
    if (pending !== '') writeSync(fd, pending);
    pending = '';
    closeSync(fd);
    fd = undefined;
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= WRITE_CHUNK && fd !== undefined) {
        writeSync(fd, pending);
        pending = '';
      }
    },
    async writeBytes(bytes) {
      if (fd === undefined) return;
      if (pending !== '') writeSync(fd, pending);
      pending = '';
      writeSync(fd, bytes);
    },
    async commit() {
      close();
      renameSync(partial, output);
      process.off('exit', removePartial);
    },
    abort() {
      pending = '';
      close();
      removePartial();
      process.off('exit', removePartial);
    },
  };
}

/**
 * Standard output itself, for sf's `--json` envelope (printed whole, not line by line through the
 * command's log, which --json silences). Text and bytes alike go out without the data's control
 * characters, as to the terminal; a backed-up stdout is waited for.
 */
export function stdoutTarget(stdout: Writable = process.stdout): ReportTarget {
  let pending = '';
  // The caller reuses the bytes it gives: a file or a terminal has written them when write()
  // returns; a pipe (or any other stream) may write later, so it gets a copy.
  const writtenAtOnce = stdout === process.stdout && writesSynchronously(1);
  const send = async (chunk: string | Buffer): Promise<void> => {
    if (chunk.length === 0) return;
    stdout.write(chunk);
    if (stdout.writableNeedDrain) await once(stdout, 'drain');
  };
  const flush = () => {
    const text = pending;
    pending = '';
    return send(terminalSafeLines(text));
  };
  return {
    async write(text) {
      pending += text;
      if (pending.length >= WRITE_CHUNK) await flush();
    },
    async writeBytes(bytes) {
      await flush();
      const safe = jsonTerminalSafeBytes(bytes);
      await send(writtenAtOnce || safe !== bytes ? safe : Buffer.from(safe));
    },
    commit: flush,
    abort() {
      pending = '';
    },
  };
}

/** Whether writes to `fd` end before write() returns: a file or a terminal, outside Windows (Node's process I/O). */
function writesSynchronously(fd: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    const stat = fstatSync(fd);
    return stat.isFile() || stat.isCharacterDevice();
  } catch {
    return false;
  }
}

/** The depth of the items of the array sf's `--json` envelope holds at `result[key]`. */
export const ENVELOPE_ITEM_DEPTH = 3;

/**
 * Items kept as pretty JSON (RecordSpool with `pretty`), so a spooled report is copied out without
 * being parsed and printed again: as bytes already indented for `depth` when the target takes
 * bytes and the items sit at that depth, else as each item's text.
 */
export interface KeptJson {
  readonly depth: number;
  /** Each item as `JSON.stringify(item, null, 2)` renders it. */
  texts(): AsyncIterable<string>;
  /** The items as the body of a pretty array at `depth`: indented, joined by commas. */
  jsonBody(): AsyncIterable<Buffer>;
}

function isKept(items: AsyncIterable<unknown> | KeptJson): items is KeptJson {
  return 'jsonBody' in items;
}

async function* rendered(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  for await (const item of items) yield JSON.stringify(item, null, 2);
}

/** Writes `items` as a pretty JSON array, exactly as `JSON.stringify(array, null, 2)` would, one item at a time. */
export async function writeJsonArray(
  target: ReportTarget,
  items: AsyncIterable<unknown> | KeptJson,
  depth = 0,
): Promise<void> {
  // Each item's own lines, indented to sit at `depth + 1` levels of nesting.
  const indent = '  '.repeat(depth + 1);
  let first = true;
  if (isKept(items) && items.depth === depth + 1 && target.writeBytes) {
    for await (const bytes of items.jsonBody()) {
      if (first) await target.write(`[\n${indent}`);
      first = false;
      await target.writeBytes(bytes);
    }
    await target.write(first ? '[]' : `\n${'  '.repeat(depth)}]`);
    return;
  }
  for await (const text of isKept(items) ? items.texts() : rendered(items)) {
    await target.write(`${first ? '[\n' : ',\n'}${indent}${text.replaceAll('\n', `\n${indent}`)}`);
    first = false;
  }
  await target.write(first ? '[]' : `\n${'  '.repeat(depth)}]`);
}

/**
 * Writes the sf `--json` envelope (`{ status, result, warnings }`, as SfCommand prints it) with the
 * array at `result[key]` streamed from `items`, so the envelope of a huge run is never one string.
 */
export async function writeJsonEnvelope(
  target: ReportTarget,
  envelope: { result: Record<string, unknown> } & Record<string, unknown>,
  key: string,
  items: AsyncIterable<unknown> | KeptJson,
): Promise<void> {
  const marker = '\u0000streamed\u0000';
  const text = JSON.stringify(
    { ...envelope, result: { ...envelope.result, [key]: marker } },
    null,
    2,
  );
  const at = text.indexOf(JSON.stringify(marker));
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const depth = (text.slice(lineStart).length - text.slice(lineStart).trimStart().length) / 2;
  await target.write(text.slice(0, at));
  await writeJsonArray(target, items, depth);
  await target.write(`${text.slice(at + JSON.stringify(marker).length)}\n`);
}
