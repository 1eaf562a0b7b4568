import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { judgeOpportunityName } from '../../../middleware/src/core/lint/generic-names.js';

/** Words the rule holds to be stock, and words that name something, to build names from. */
const STOCK = [
  'Co',
  'sell',
  'with',
  'Microsoft',
  'OPP',
  'new',
  'Q3',
  'fy2027',
  'h1',
  'Oct',
  '2027',
];
const MEANINGFUL = [
  'Fabrikam',
  'landing',
  'zone',
  'SIEM',
  'Müller',
  'データ',
  'q5',
  'fy20271',
  'x1',
];
const SEPARATORS = [' ', ' – ', '-', '/', '.', ', ', '  ', '_', '&'];

/** The rule as stated: a name is generic when each of its words is a stock word, a bare number or a period tag. */
function statedVerdict(name: string, stock: ReadonlySet<string>) {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const generic = words.every((word) => stock.has(word));
  return { generic, genericWords: generic ? words : [] };
}

describe('judgeOpportunityName', () => {
  it('calls a name generic exactly when every word is stock, and gives its words as the evidence', () => {
    const stock = new Set([...STOCK, 'acme'].map((word) => word.toLowerCase()));
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...STOCK, ...MEANINGFUL, 'ACME'),
            fc.constantFrom(...SEPARATORS),
          ),
          { maxLength: 6 },
        ),
        fc.constantFrom('', ' ', '- '),
        (parts, lead) => {
          const name = lead + parts.map(([word, separator]) => word + separator).join('');
          expect(judgeOpportunityName(name, ['Acme'])).toEqual(statedVerdict(name, stock));
        },
      ),
    );
  });

  it('reads an ISV list by its own words, each call with a list its own', () => {
    expect(judgeOpportunityName('Acme opp').generic).toBe(false);
    expect(judgeOpportunityName('Acme opp', ['ACME'])).toEqual({
      generic: true,
      genericWords: ['acme', 'opp'],
    });
    expect(judgeOpportunityName('Acme opp', ['Initech']).generic).toBe(false);
    expect(judgeOpportunityName('Co-sell with Microsoft opp')).toEqual({
      generic: true,
      genericWords: ['co', 'sell', 'with', 'microsoft', 'opp'],
    });
    expect(judgeOpportunityName('Fabrikam – Q3 deal')).toEqual({
      generic: false,
      genericWords: [],
    });
  });
});
