// Targets and sources for the report-output and record-spool tests: a target that keeps text, one
// that takes bytes as a file does, items as an async source, and a pretty spool of given records.
import { RecordSpool } from '../../../middleware/src/cli/record-spool.js';
import type { ReportTarget } from '../../../middleware/src/cli/report-output.js';

export async function* items<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

/** A target that keeps what it was given, to compare with what JSON.stringify would print. */
export function memoryTarget(): ReportTarget & { text: () => string } {
  let text = '';
  return {
    write: async (piece) => void (text += piece),
    commit: async () => undefined,
    abort: () => undefined,
    text: () => text,
  };
}

/** As memoryTarget, taking bytes too (as a file does), and counting the pieces that came as bytes. */
export function byteTarget(): ReportTarget & { text: () => string; byteWrites: () => number } {
  const pieces: Buffer[] = [];
  let byteWrites = 0;
  return {
    write: async (piece) => void pieces.push(Buffer.from(piece)),
    writeBytes: async (bytes) => {
      byteWrites += 1;
      pieces.push(Buffer.from(bytes));
    },
    commit: async () => undefined,
    abort: () => undefined,
    text: () => Buffer.concat(pieces).toString('utf8'),
    byteWrites: () => byteWrites,
  };
}

/** A pretty spool holding `records`, kept for `depth`. */
export function spoolOf(records: readonly unknown[], depth = 0): RecordSpool<unknown> {
  const spool = new RecordSpool<unknown>({ pretty: true, depth });
  for (const record of records) spool.add(record);
  return spool;
}
