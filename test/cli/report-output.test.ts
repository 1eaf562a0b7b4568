import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RecordSpool } from '../../middleware/src/cli/record-spool.js';
import {
  reportTarget,
  toCsv,
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

describe('CSV', () => {
  it('writes a header once and quotes what needs quoting', () => {
    const columns = ['row', 'message'];
    const first = toCsv([{ row: 2, message: 'has, a comma' }], columns, { header: true });
    const next = toCsv([{ row: 3, message: 'says "hi"' }], columns, { header: false });
    expect(first + next).toBe('row,message\n2,"has, a comma"\n3,"says ""hi"""\n');
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
});
