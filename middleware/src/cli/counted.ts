// A count with its noun in agreement, "1 error" and "3 errors", for the commands' messages: sf's
// message bundles have no plural forms, so each noun's two forms sit in messages/cosell.counts.md
// as "singular|plural" and a message takes the counted phrase as one token.
import { commandMessages } from './cosell-command.js';

const NOUNS = commandMessages('cosell.counts');

export type CountedNoun =
  | 'error'
  | 'warning'
  | 'finding'
  | 'opportunity'
  | 'unreadableRow'
  | 'reportRow'
  | 'exportRow'
  | 'pursuit'
  | 'match'
  | 'openLoop'
  | 'referrer'
  | 'referral'
  | 'deadLetter'
  | 'check';

/** `3 errors`, `1 error`, `0 errors`: the count as the terminal shows counts, then its noun. */
export function counted(count: number, noun: CountedNoun): string {
  const [one, many] = NOUNS.getMessage(noun).split('|');
  return `${count} ${count === 1 ? one : (many ?? one)}`;
}
