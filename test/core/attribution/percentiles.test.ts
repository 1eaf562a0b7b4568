import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  WholeNumberSample,
  median,
  quantile,
} from '../../../middleware/src/core/attribution/index.js';

describe('median and quantile', () => {
  it('has no median for an empty sample', () => {
    expect(median([])).toBeNull();
  });

  it('takes the middle of an odd sample and interpolates an even one, without reordering the input', () => {
    const hours = [72, 4, 30];
    expect(median(hours)).toBe(30);
    expect(hours).toEqual([72, 4, 30]);
    expect(median([4, 30, 72, 100])).toBe(51);
  });

  it('puts p90 of ten accept times between the ninth and tenth', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
  });

  it('refuses a quantile outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('WholeNumberSample', () => {
  it('gives the same quantiles as the expanded sample, for any whole-day cycles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 720 }), { maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (days, q) => {
          const sample = new WholeNumberSample();
          for (const value of days) sample.add(value);
          expect(sample.size).toBe(days.length);
          const expected = quantile(days, q);
          if (expected === null) expect(sample.quantile(q)).toBeNull();
          else expect(sample.quantile(q)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it('refuses a fractional value rather than silently binning it', () => {
    expect(() => new WholeNumberSample().add(2.5)).toThrow(RangeError);
  });
});
