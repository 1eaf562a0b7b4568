// The shape every streaming report builder here shares (add each deal, then read the result), and
// the one way to run a builder over deals already in memory.
import type { CoSellOpportunity } from '../model.js';

export interface DealTally<R> {
  add(opp: CoSellOpportunity): void;
  result(): R;
}

/** Every deal of `opps` through `tally`, then its result. */
export function tallyAll<R>(tally: DealTally<R>, opps: Iterable<CoSellOpportunity>): R {
  for (const opp of opps) tally.add(opp);
  return tally.result();
}
