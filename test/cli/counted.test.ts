import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { counted, type CountedNoun } from '../../middleware/src/cli/counted.js';

describe('counted', () => {
  it('puts the noun in the singular for one and in the plural otherwise, zero included', () => {
    expect(counted(1, 'error')).toBe('1 error');
    expect(counted(0, 'error')).toBe('0 errors');
    expect(counted(2, 'opportunity')).toBe('2 opportunities');
    expect(counted(1, 'match')).toBe('1 match');
    expect(counted(3, 'unreadableRow')).toBe('3 unreadable rows');
  });

  it('has a singular and a distinct plural for every noun of the bundle', () => {
    const bundle = readFileSync(
      new URL('../../messages/cosell.counts.md', import.meta.url),
      'utf8',
    );
    const nouns = [...bundle.matchAll(/^# (\w+)$/gm)].map((match) => match[1] as CountedNoun);
    expect(nouns.length).toBeGreaterThan(10);
    for (const noun of nouns) {
      const [, one] = counted(1, noun).split(/ (.*)/);
      const [, many] = counted(2, noun).split(/ (.*)/);
      expect(one).toBeTruthy();
      expect(many).not.toBe(one);
    }
  });
});
