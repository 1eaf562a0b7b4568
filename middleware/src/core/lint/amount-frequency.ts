// Counts how often each amount recurs in a stream without remembering every amount: a Misra-Gries
// summary, so a 400k-row export costs the same memory as a 40k one while any amount frequent
// enough to be a placeholder is still found.
import { ownString } from '../own-string.js';

interface Counter {
  count: number;
  /** A few opportunities carrying the amount, as evidence an AE can open. */
  sampleIds: string[];
}

export interface FrequentAmount {
  key: string;
  /** Guaranteed lower bound of the occurrences; exact while no counter was ever evicted. */
  atLeast: number;
  exact: boolean;
  sampleIds: string[];
}

const SAMPLE_SIZE = 5;

export class AmountFrequency {
  private readonly counters = new Map<string, Counter>();
  private readonly capacity: number;
  /** Total decrement rounds: each one may have hidden up to one occurrence of any amount. */
  private evictions = 0;
  private seen = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get total(): number {
    return this.seen;
  }

  add(key: string, opportunityId: string): void {
    this.seen += 1;
    const counter = this.counters.get(key);
    if (counter) {
      counter.count += 1;
      if (counter.sampleIds.length < SAMPLE_SIZE) counter.sampleIds.push(ownString(opportunityId));
      return;
    }
    if (this.counters.size < this.capacity) {
      this.counters.set(ownString(key), { count: 1, sampleIds: [ownString(opportunityId)] });
      return;
    }
    // Full: the newcomer and one occurrence of every tracked amount cancel out. Each round removes
    // capacity+1 occurrences, so an amount is undercounted by at most total/(capacity+1).
    this.evictions += 1;
    for (const [tracked, candidate] of this.counters) {
      candidate.count -= 1;
      if (candidate.count === 0) this.counters.delete(tracked);
    }
  }

  /** Amounts with at least `minCount` occurrences, most frequent first. */
  frequent(minCount: number): FrequentAmount[] {
    const found: FrequentAmount[] = [];
    for (const [key, counter] of this.counters) {
      if (counter.count >= minCount) {
        found.push({
          key,
          atLeast: counter.count,
          exact: this.evictions === 0,
          sampleIds: [...counter.sampleIds],
        });
      }
    }
    return found.sort((a, b) => b.atLeast - a.atLeast || a.key.localeCompare(b.key));
  }
}
