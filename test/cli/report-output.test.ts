import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RecordSpool } from '../../middleware/src/cli/record-spool.js';
import {
  ENVELOPE_ITEM_DEPTH,
  WRITE_CHUNK,
  reportTarget,
  stdoutTarget,
  writeJsonArray,
  writeJsonEnvelope,
  type ReportTarget,
} from '../../middleware/src/cli/report-output.js';

const scratch = mkdtempSync(join(tmpdir(), 'cosell-report-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function* items<T>(list: T[]): AsyncGenerator<T> {
  yield* list;
}

/** A target that keeps what it was given, to compare with what JSON.stringify would print. */
function memoryTarget(): ReportTarget & { text: () => string } {
  let text = '';
  return {
    write: async (piece) => void (text += piece),
    commit: async () => undefined,
    abort: () => undefined,
    text: () => text,
  };
}

/** As memoryTarget, taking bytes too (as a file does), and counting the pieces that came as bytes. */
function byteTarget(): ReportTarget & { text: () => string; byteWrites: () => number } {
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
function spoolOf(records: readonly unknown[], depth = 0): RecordSpool<unknown> {
  const spool = new RecordSpool<unknown>({ pretty: true, depth });
  for (const record of records) spool.add(record);
  return spool;
}

const FINDINGS = [
  { row: 2, code: 'LINT_X', evidence: { words: ['a', 'b'], nested: { n: 1 } } },
  { row: null, code: 'LINT_Y', evidence: {} },
  { row: 9, code: 'LINT_Z', evidence: { empty: [] } },
];

describe('streamed JSON', () => {
  it.each([[[]], [FINDINGS.slice(0, 1)], [FINDINGS]])(
    'lays out an array exactly as JSON.stringify(list, null, 2) does (%#)',
    async (list) => {
      const target = memoryTarget();
      await writeJsonArray(target, items(list));
      expect(target.text()).toBe(JSON.stringify(list, null, 2));
    },
  );

  it('writes the sf envelope with the streamed array in place, as SfCommand would print it whole', async () => {
    const target = memoryTarget();
    const envelope = {
      status: 1,
      result: { file: 'x.csv', summary: { opportunities: 3 } },
      warnings: ['careful'],
    };
    await writeJsonEnvelope(target, envelope, 'findings', items(FINDINGS));
    const whole = { ...envelope, result: { ...envelope.result, findings: FINDINGS } };
    expect(target.text()).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });
});

describe('spooled JSON, copied out without parsing', () => {
  const AWKWARD = [
    ...FINDINGS,
    // Text JSON escapes (line breaks, quotes, control and non-Latin characters), and a key order
    // that is not alphabetical: the copy must keep every byte JSON.stringify would print.
    { z: 1, a: 'line\nbreak "quoted" \u0000 \u001f \u0085 é–😀', list: [[], {}, [1, [2]]] },
  ];

  it.each([0, 1, 2])(
    "writes a spool's texts exactly as the records themselves would be written (depth %i)",
    async (depth) => {
      const spool = spoolOf(AWKWARD);
      const copied = memoryTarget();
      await writeJsonArray(copied, spool, depth);
      const printed = memoryTarget();
      await writeJsonArray(printed, items(AWKWARD), depth);
      expect(copied.text()).toBe(printed.text());
      if (depth === 0) expect(copied.text()).toBe(JSON.stringify(AWKWARD, null, 2));
      spool.remove();
    },
  );

  it('gives the same records back kept compact or pretty, and texts only from a pretty spool', async () => {
    for (const pretty of [false, true]) {
      const spool = new RecordSpool<unknown>({ pretty });
      for (const record of AWKWARD) spool.add(record);
      const back = [];
      for await (const record of spool.records()) back.push(record);
      expect(back).toEqual(AWKWARD);
      if (pretty) expect(() => spool.texts()).not.toThrow();
      else expect(() => spool.texts()).toThrow(/not made pretty/);
      spool.remove();
    }
  });

  it('keeps each record as JSON.stringify(record, null, 2) gives it', async () => {
    const spool = new RecordSpool<unknown>({ pretty: true });
    for (const record of AWKWARD) spool.add(record);
    const texts = [];
    for await (const text of spool.texts()) texts.push(text);
    expect(texts).toEqual(AWKWARD.map((record) => JSON.stringify(record, null, 2)));
    spool.remove();
  });

  it('streams an envelope from the spool as SfCommand would print it whole', async () => {
    const spool = spoolOf(AWKWARD);
    const target = memoryTarget();
    const envelope = { status: 0, result: { now: 'x' }, warnings: [] };
    await writeJsonEnvelope(target, envelope, 'findings', spool);
    const whole = { ...envelope, result: { ...envelope.result, findings: AWKWARD } };
    expect(target.text()).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    spool.remove();
  });

  it.each([0, 1, 2])(
    'copies a spool kept for its place as bytes, exactly as JSON.stringify lays the array out (depth %i)',
    async (depth) => {
      for (const records of [[], AWKWARD.slice(0, 1), AWKWARD]) {
        const spool = spoolOf(records, depth + 1);
        const copied = byteTarget();
        await writeJsonArray(copied, spool, depth);
        const printed = memoryTarget();
        await writeJsonArray(printed, items(records), depth);
        expect(copied.text()).toBe(printed.text());
        expect(copied.byteWrites()).toBe(records.length === 0 ? 0 : 1);
        spool.remove();
      }
    },
  );

  it('falls back to the texts where the spool was kept for another place or the target takes no bytes', async () => {
    const spool = spoolOf(AWKWARD, 3);
    const elsewhere = byteTarget();
    await writeJsonArray(elsewhere, spool, 0);
    expect(elsewhere.text()).toBe(JSON.stringify(AWKWARD, null, 2));
    expect(elsewhere.byteWrites()).toBe(0);
    const textOnly = memoryTarget();
    await writeJsonArray(textOnly, spool, 2);
    const printed = memoryTarget();
    await writeJsonArray(printed, items(AWKWARD), 2);
    expect(textOnly.text()).toBe(printed.text());
    const texts = [];
    for await (const text of spool.texts()) texts.push(text);
    expect(texts).toEqual(AWKWARD.map((record) => JSON.stringify(record, null, 2)));
    spool.remove();
  });

  it("streams sf's envelope to stdout from a spool kept for it, control characters made spaces", async () => {
    const spool = spoolOf(AWKWARD, ENVELOPE_ITEM_DEPTH);
    let received = '';
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received += chunk.toString();
        done();
      },
    });
    const envelope = { status: 0, result: { now: 'x' }, warnings: [] };
    const target = stdoutTarget(stdout);
    await writeJsonEnvelope(target, envelope, 'findings', spool);
    await target.commit();
    const whole = { ...envelope, result: { ...envelope.result, findings: AWKWARD } };
    // \u0085 (NEL, a C1 control) is the only control JSON text holds raw among these.
    expect(received).toBe(`${JSON.stringify(whole, null, 2).replace('\u0085', ' ')}\n`);
    spool.remove();
  });
});

describe('report targets', () => {
  it('replaces --output only on commit, and leaves it as it was when the run is aborted', async () => {
    const output = join(scratch, 'findings.csv');
    writeFileSync(output, 'the previous report\n');
    const failed = reportTarget({ log: () => undefined }, output);
    await failed.write('row,code\n');
    failed.abort();
    expect(readFileSync(output, 'utf8')).toBe('the previous report\n');

    const done = reportTarget({ log: () => undefined }, output);
    const big = `${'x'.repeat(100)}\n`.repeat(2000); // past one write chunk
    await done.write('row,code\n');
    await done.write(big);
    expect(readFileSync(output, 'utf8')).toBe('the previous report\n');
    await done.commit();
    expect(readFileSync(output, 'utf8')).toBe(`row,code\n${big}`);
    expect(readdirSync(scratch).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('sends terminal output through the command log in chunks of whole lines', async () => {
    const logged: string[] = [];
    const target = reportTarget({ log: (text) => logged.push(text) }, undefined);
    const lines = Array.from({ length: 10_000 }, (_, index) => `line ${index}`);
    for (const line of lines) await target.write(`${line}\n`);
    await target.commit();
    expect(logged.length).toBeGreaterThan(1);
    expect(logged.join('\n')).toBe(lines.join('\n'));
  });
});

describe('terminal output', () => {
  /** Findings big enough that the envelope goes out in many pieces, some with non-Latin-1 text. */
  const MANY = Array.from({ length: 3000 }, (_, n) => ({
    row: n + 2,
    code: 'LINT_X',
    message: `finding ${n} – with an en dash`,
    evidence: { n, words: ['a', 'b'] },
  }));

  it('prints a streamed envelope exactly as JSON.stringify would, however its pieces fall', async () => {
    let printed = '';
    // As sf's log does: what it is given, then a line break.
    const target = reportTarget({ log: (text) => void (printed += `${text}\n`) }, undefined);
    const envelope = { status: 0, result: { summary: { n: MANY.length } }, warnings: [] };
    await writeJsonEnvelope(target, envelope, 'findings', items(MANY));
    await target.commit();
    expect(printed.length).toBeGreaterThan(4 * WRITE_CHUNK);
    const whole = { ...envelope, result: { ...envelope.result, findings: MANY } };
    expect(printed).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });

  it('waits for a backed-up stdout to drain instead of queueing the report in memory', async () => {
    let received = '';
    let mostQueued = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.toString();
        setTimeout(done, 1);
      },
    });
    const target = reportTarget(
      {
        log: (text) => {
          slow.write(`${text}\n`);
          mostQueued = Math.max(mostQueued, slow.writableLength);
        },
      },
      undefined,
      slow,
    );
    const lines = Array.from({ length: 20_000 }, (_, n) => `line ${n} ${'x'.repeat(40)}\n`);
    for (const line of lines) await target.write(line);
    await target.commit();
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(received).toBe(lines.join(''));
    // Never more than one piece waiting: without the wait, all ~1 MB would queue at once.
    expect(mostQueued).toBeLessThanOrEqual(WRITE_CHUNK + 100);
  });
});

describe('record spool', () => {
  it('gives back every record in order, from disk, and removes its file', async () => {
    const spool = new RecordSpool<{ n: number; text: string }>();
    const records = Array.from({ length: 5000 }, (_, n) => ({
      n,
      text: `record ${n} with "quotes" and\nnewlines`,
    }));
    for (const record of records) spool.add(record);
    expect(spool.count).toBe(5000);
    const streamed = [];
    for await (const record of spool.records()) streamed.push(record);
    expect(streamed).toEqual(records);
    expect(spool.all()).toEqual(records);
    expect(() => spool.add({ n: -1, text: '' })).toThrow(/after close/);
    spool.remove();
    expect(existsSync(spool.path)).toBe(false);
  });

  it('reads back text that crosses its read pieces: multi-byte characters and records longer than a piece', async () => {
    const spool = new RecordSpool<{ n: number; text: string }>();
    const records = Array.from({ length: 3000 }, (_, n) => ({
      n,
      // 1-, 2-, 3- and 4-byte UTF-8 characters at every offset, and now and then a record far
      // longer than one read.
      text: `${'é–😀a'.repeat(n % 7)}${n % 500 === 0 ? '–'.repeat(100_000) : ''}`,
    }));
    for (const record of records) spool.add(record);
    const streamed = [];
    for await (const record of spool.records()) streamed.push(record);
    expect(streamed).toEqual(records);
    spool.remove();
  });

  it('joins records as bytes across its read pieces: cut characters, long records, ends at a piece edge', async () => {
    // Records of every length around the 32 KB read, with 1- to 4-byte characters, so pieces end
    // inside characters, inside records and right after a record's end.
    const records = Array.from({ length: 400 }, (_, n) => ({
      n,
      text: `${'é–😀a'.repeat((n * 37) % 211)}${n % 97 === 0 ? '😀'.repeat(20_000) : ''}`,
      more: n % 3 === 0 ? { nested: ['x', { y: n }] } : [],
    }));
    for (const depth of [1, 3]) {
      const spool = spoolOf(records, depth);
      const copied = byteTarget();
      await writeJsonArray(copied, spool, depth - 1);
      expect(JSON.parse(copied.text())).toEqual(records);
      const printed = memoryTarget();
      await writeJsonArray(printed, items(records), depth - 1);
      expect(copied.text()).toBe(printed.text());
      for await (const piece of spool.jsonBody()) {
        // Every piece decodes on its own: no character is cut between two.
        expect(Buffer.from(piece.toString('utf8')).equals(piece)).toBe(true);
      }
      spool.remove();
    }
  });

  it('puts the comma between two records whose end falls exactly at the end of a read piece', async () => {
    // A first record of each length around one 32 KB read: for one of them the read ends right
    // after its end, and the comma must still come before the next record.
    for (let length = 32_730; length < 32_780; length += 1) {
      const records = [{ text: 'x'.repeat(length) }, { n: 1 }, { n: 2 }];
      const spool = spoolOf(records, 1);
      const copied = byteTarget();
      await writeJsonArray(copied, spool, 0);
      expect(copied.text()).toBe(JSON.stringify(records, null, 2));
      spool.remove();
    }
  });

  it('stops reading when its reader stops early, and can be read again', async () => {
    const spool = new RecordSpool<{ n: number }>();
    for (let n = 0; n < 10_000; n += 1) spool.add({ n });
    const first = [];
    for await (const record of spool.records()) {
      if (first.length === 3) break;
      first.push(record.n);
    }
    expect(first).toEqual([0, 1, 2]);
    let count = 0;
    for await (const record of spool.records()) count += record.n === count ? 1 : 0;
    expect(count).toBe(10_000);
    spool.remove();
  });

  it('lets the event loop turn while a long report is read back, so a signal is not held until the end', async () => {
    const spool = new RecordSpool<{ n: number; text: string }>();
    // About 4 MB: several turns' worth of pieces.
    for (let n = 0; n < 20_000; n += 1) spool.add({ n, text: 'x'.repeat(180) });
    let turned: number | null = null;
    let read = 0;
    setImmediate(() => (turned = read));
    for await (const _ of spool.records()) read += 1;
    expect(turned).not.toBeNull();
    expect(turned).toBeGreaterThan(0);
    expect(turned).toBeLessThan(read / 2);
    spool.remove();
  });
});
