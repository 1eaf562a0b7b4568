// Recognises opportunity names that say nothing about the customer ("Co-sell with Microsoft opp",
// "New opportunity", "Test"): a reviewer at the hyperscaler cannot tell such deals apart.

/** Words that carry no customer or workload meaning in an opportunity name. */
const GENERIC_WORDS = new Set([
  'a',
  'an',
  'and',
  'aws',
  'amazon',
  'azure',
  'cloud',
  'co',
  'copy',
  'cosell',
  'customer',
  'deal',
  'do',
  'dummy',
  'for',
  'gcp',
  'google',
  'microsoft',
  'ms',
  'msft',
  'new',
  'not',
  'of',
  'on',
  'opp',
  'oppty',
  'opportunity',
  'partner',
  'placeholder',
  'sample',
  'sell',
  'tbc',
  'tbd',
  'temp',
  'template',
  'test',
  'the',
  'todo',
  'untitled',
  'use',
  'with',
  'xxx',
]);

/**
 * Period tags ("Q3", "H1", "FY27", "FY2027", "CY26", "2027", "Oct") date a deal without describing
 * it: a name made of stock words plus a period tag is still a template, the generic name a portal's
 * reviewer sends back. A bare year counts here as it does as a bare number.
 */
const PERIOD_TAG =
  /^(?:q[1-4]|h[12]|[fc]y(?:\d{2}|\d{4})?|fy\d{2}q[1-4]|q[1-4]fy\d{2,4}|quarter|qtr|half|month|year|annual|ytd|eoq|eoy|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$/;

export interface GenericNameVerdict {
  generic: boolean;
  /** The words that carried no meaning, for the finding's evidence: all of a generic name's, else none. */
  genericWords: string[];
}

const isBuiltInStock = (word: string) =>
  GENERIC_WORDS.has(word) || /^\d+$/.test(word) || PERIOD_TAG.test(word);

/**
 * The stock-word test with an ISV's own words, built once per list: the lint passes its thresholds'
 * list, never changed once parsed, for every row.
 */
const stockTests = new WeakMap<ReadonlyArray<string>, (word: string) => boolean>();

function stockTest(extraWords: ReadonlyArray<string>): (word: string) => boolean {
  if (extraWords.length === 0) return isBuiltInStock;
  let test = stockTests.get(extraWords);
  if (test === undefined) {
    const extra = new Set(extraWords.map((word) => word.toLowerCase()));
    test = (word) => isBuiltInStock(word) || extra.has(word);
    stockTests.set(extraWords, test);
  }
  return test;
}

/**
 * A name is generic when every word in it is a stock word, a bare number or a period tag: nothing in it names
 * the customer, the workload or the product. `extraWords` lets an ISV add its own stock words.
 */
export function judgeOpportunityName(
  name: string,
  extraWords: ReadonlyArray<string> = [],
): GenericNameVerdict {
  const isStock = stockTest(extraWords);
  const lower = name.toLowerCase();
  const words: string[] = [];
  // A word is a run of letters and digits in any script. Read one at a time, so the first word that
  // names something settles it (the lint judges every row's name, most begin with the customer's).
  const word = /[\p{L}\p{N}]+/gu;
  for (let match = word.exec(lower); match !== null; match = word.exec(lower)) {
    if (!isStock(match[0])) return { generic: false, genericWords: [] };
    words.push(match[0]);
  }
  return { generic: true, genericWords: words };
}
