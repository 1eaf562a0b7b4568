import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AmountFrequency } from '../../../middleware/src/core/lint/amount-frequency.js';

describe('AmountFrequency (bounded-memory repeat counting)', () => {
  it('is exact while distinct amounts fit', () => {
    const frequency = new AmountFrequency(3);
    ['USD 100000', 'USD 100000', 'EUR 5000', 'USD 100000'].forEach((key, index) =>
      frequency.add(key, `id${index}`),
    );
    expect(frequency.frequent(2)).toEqual([
      { key: 'USD 100000', atLeast: 3, exact: true, sampleIds: ['id0', 'id1', 'id3'] },
    ]);
  });

  it('never overstates a count, never understates by more than total/(capacity+1), and keeps every frequent amount', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 12 }),
        (amounts, capacity) => {
          const frequency = new AmountFrequency(capacity);
          const truth = new Map<string, number>();
          amounts.forEach((amount, index) => {
            const key = `USD ${amount}`;
            frequency.add(key, `id${index}`);
            truth.set(key, (truth.get(key) ?? 0) + 1);
          });
          const slack = Math.floor(amounts.length / (capacity + 1));
          const reported = new Map(
            frequency.frequent(1).map((entry) => [entry.key, entry.atLeast]),
          );
          for (const [key, count] of truth) {
            const seen = reported.get(key) ?? 0;
            expect(seen).toBeLessThanOrEqual(count);
            expect(seen).toBeGreaterThanOrEqual(count - slack);
            if (count > slack) expect(reported.has(key)).toBe(true);
          }
          expect(frequency.total).toBe(amounts.length);
        },
      ),
    );
  });
});
