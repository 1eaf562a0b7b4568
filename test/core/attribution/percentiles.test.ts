import { describe, expect, it } from '@jest/globals';
import { median, quantile } from '../../../middleware/src/core/attribution/index.js';

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
