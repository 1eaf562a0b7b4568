// Recognises opportunity names that say nothing about the customer ("Co-sell with Microsoft opp",
// "New opportunity", "Test"): a reviewer at the hyperscaler cannot tell such deals apart.

/** Words that carry no customer or workload meaning in an opportunity name. */
const GENERIC_WORDS = new Set([
  'a', 'an', 'and', 'aws', 'amazon', 'azure', 'cloud', 'co', 'copy', 'cosell', 'customer', 'deal', 'do', 'dummy',
  'for', 'gcp', 'google', 'microsoft', 'ms', 'msft', 'new', 'not', 'of', 'on', 'opp', 'oppty', 'opportunity',
  'partner', 'placeholder', 'sample', 'sell', 'tbc', 'tbd', 'temp', 'template', 'test', 'the', 'todo', 'untitled',
  'use', 'with', 'xxx',
]);

export interface GenericNameVerdict {
  generic: boolean;
  /** The words that carried no meaning, for the finding's evidence. */
  genericWords: string[];
}

/**
 * A name is generic when every word in it is a stock word or a bare number: nothing in it names
 * the customer, the workload or the product. `extraWords` lets an ISV add its own stock words.
 */
export function judgeOpportunityName(name: string, extraWords: ReadonlyArray<string> = []): GenericNameVerdict {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  const extra = new Set(extraWords.map((word) => word.toLowerCase()));
  const isStock = (word: string) => GENERIC_WORDS.has(word) || extra.has(word) || /^\d+$/.test(word);
  return { generic: words.every(isStock), genericWords: words.filter(isStock) };
}
