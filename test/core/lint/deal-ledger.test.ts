// The ledger holds every candidate deal of a cross-row rule until the last row: it must give back
// exactly what was added, in order, however many deals and whatever the Ids.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AccountIndex,
  DealLedger,
  TextArena,
  dayNumber,
  hash30,
  isoDay,
} from '../../../middleware/src/core/lint/deal-ledger.js';

describe('DealLedger', () => {
  it('gives back every deal as added, past several growths, with any Id text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            account: fc.nat(50),
            day: fc.integer({ min: -30000, max: 60000 }),
            id: fc.string({ unit: 'grapheme', maxLength: 20 }),
            tag: fc.option(fc.constantFrom('AWS', 'Microsoft', 'Google'), { nil: undefined }),
          }),
          { maxLength: 3000 },
        ),
        (deals) => {
          const ledger = new DealLedger();
          for (const deal of deals) ledger.add(deal.account, deal.day, deal.id, deal.tag);
          expect(ledger.length).toBe(deals.length);
          deals.forEach((deal, index) => {
            expect([
              ledger.account(index),
              ledger.day(index),
              ledger.id(index),
              ledger.tag(index),
            ]).toEqual([deal.account, deal.day, deal.id, deal.tag]);
          });
          const groups = ledger.grouped();
          const expected = new Map<number, number[]>();
          deals.forEach((deal, index) =>
            expected.set(deal.account, [...(expected.get(deal.account) ?? []), index]),
          );
          expect(groups.accounts).toEqual([...expected.keys()]);
          for (const [account, entries] of expected)
            expect([...groups.entriesOf(account)]).toEqual(entries);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('groups deals by account, groups in order of first appearance, deals in the order added', () => {
    const ledger = new DealLedger();
    [7, 3, 7, 9, 3, 7].forEach((account, index) => ledger.add(account, index, `006${index}`));
    const groups = ledger.grouped();
    expect(groups.accounts).toEqual([7, 3, 9]);
    expect([...groups.entriesOf(7)]).toEqual([0, 2, 5]);
    expect([...groups.entriesOf(3)]).toEqual([1, 4]);
    expect([...groups.entriesOf(9)]).toEqual([3]);
    expect([...groups.entriesOf(4)]).toEqual([]);
    expect([...groups.entriesOf(120)]).toEqual([]);
  });

  it('numbers account keys in order of first sight', () => {
    const accounts = new AccountIndex();
    expect([accounts.of('id:001A'), accounts.of('name:contoso'), accounts.of('id:001A')]).toEqual([
      0, 1, 0,
    ]);
    expect(accounts.find('name:contoso')).toBe(1);
    expect(accounts.find('name:fabrikam')).toBeUndefined();
  });

  it('gives two keys that share a hash their own numbers', () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined && i < 1_000_000; i += 1) {
      const key = `001Gn${i}`;
      const other = seen.get(hash30(key));
      if (other !== undefined) pair = [other, key];
      else seen.set(hash30(key), key);
    }
    expect(pair).toBeDefined();
    const [first, second] = pair!;
    expect(hash30(first)).toBe(hash30(second));
    const accounts = new AccountIndex();
    expect([
      accounts.of(first),
      accounts.of(second),
      accounts.of(first),
      accounts.of(second),
    ]).toEqual([0, 1, 0, 1]);
    expect([accounts.find(first), accounts.find(second), accounts.find(`${first}x`)]).toEqual([
      0,
      1,
      undefined,
    ]);
  });

  it('keeps strings of any text in an arena, past its growth', () => {
    const arena = new TextArena();
    const texts = Array.from({ length: 5000 }, (_, i) =>
      i % 7 === 0 ? `Zürich ${i} – 東京 😀` : `006Gn${i}`,
    );
    texts.forEach((text, i) => expect(arena.push(text)).toBe(i));
    expect(arena.length).toBe(texts.length);
    texts.forEach((text, i) => expect(arena.at(i)).toBe(text));
  });

  it('turns ISO dates and timestamps into UTC day numbers and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01T23:59:59Z') - dayNumber('2026-02-28')).toBe(1);
    expect(isoDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(isoDay(dayNumber('1969-12-31'))).toBe('1969-12-31');
  });
});
