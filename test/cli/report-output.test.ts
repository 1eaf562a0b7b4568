// Report output: JSON arrays and sf's envelope streamed exactly as JSON.stringify prints them, a
// spool copied out as text or as bytes, --output replaced only on commit, and the terminal and
// stdout targets (whole lines, control characters, a backed-up or late-writing stream).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RecordSpool } from '../../middleware/src/cli/record-spool.js';
import { byteTarget, items, memoryTarget, spoolOf } from './support/report-targets.js';
import {
  ENVELOPE_ITEM_DEPTH,
  WRITE_CHUNK,
  reportTarget,
  stdoutTarget,
  writeJsonArray,
  writeJsonEnvelope,
} from '../../middleware/src/cli/report-output.js';

const scratch = mkdtempSync(join(tmpdir(), 'cosell-report-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

  it('gives a stream that writes later its own copy of the bytes, which the spool reuses', async () => {
    const records = Array.from({ length: 2000 }, (_, n) => ({
      n,
      text: `record ${n} – ${'x'.repeat(n % 90)}`,
    }));
    const spool = spoolOf(records, ENVELOPE_ITEM_DEPTH);
    // As a pipe does: the chunk is kept and written after write() has returned.
    const held: Buffer[] = [];
    const pipe = new Writable({
      highWaterMark: 1 << 20,
      write(chunk: Buffer, _encoding, done) {
        held.push(chunk);
        setImmediate(done);
      },
    });
    const envelope = { status: 0, result: { now: 'x' }, warnings: [] };
    const target = stdoutTarget(pipe);
    await writeJsonEnvelope(target, envelope, 'findings', spool);
    await target.commit();
    await new Promise<void>((resolve) => pipe.end(resolve));
    const whole = { ...envelope, result: { ...envelope.result, findings: records } };
    expect(held.length).toBeGreaterThan(3);
    expect(Buffer.concat(held).toString('utf8')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    spool.remove();
  });

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

  it("copies a spool kept at ENVELOPE_ITEM_DEPTH into sf's envelope as bytes", async () => {
    const spool = spoolOf(AWKWARD, ENVELOPE_ITEM_DEPTH);
    const target = byteTarget();
    const envelope = { status: 0, result: { now: 'x' }, warnings: [] };
    await writeJsonEnvelope(target, envelope, 'findings', spool);
    const whole = { ...envelope, result: { ...envelope.result, findings: AWKWARD } };
    expect(target.text()).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    expect(target.byteWrites()).toBe(1);
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
