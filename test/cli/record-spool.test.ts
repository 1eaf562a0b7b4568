// The findings spool: records back in order from disk, text and bytes across its read pieces (cut
// characters, long records, a record's end at a piece's edge), early stops, and turns of the event
// loop while a long report is read back.
import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { RecordSpool, removeSpools } from '../../middleware/src/cli/record-spool.js';
import { writeJsonArray } from '../../middleware/src/cli/report-output.js';
import { byteTarget, items, memoryTarget, spoolOf } from './support/report-targets.js';

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

  it('removes every spool still held on request, as at exit, and only once', () => {
    const kept = [new RecordSpool<number>(), new RecordSpool<number>()];
    kept[0]!.add(1);
    removeSpools();
    expect(kept.map((spool) => existsSync(spool.path))).toEqual([false, false]);
    // A spool made afterwards is not taken by an earlier removal.
    const later = new RecordSpool<number>();
    expect(existsSync(later.path)).toBe(true);
    later.remove();
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
