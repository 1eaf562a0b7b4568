// Median and p90 for cycle times and time-to-accept: RevOps reads typical and slow cases, not means
// that one stalled deal can drag.

/**
 * The q-quantile (0..1) of a sample by linear interpolation between closest ranks; null for an empty
 * sample. Sorts a copy, so the caller's per-row numbers stay as collected.
 */
export function quantile(sample: readonly number[], q: number): number | null {
  if (q < 0 || q > 1 || Number.isNaN(q))
    throw new RangeError(`quantile must be between 0 and 1, got ${q}`);
  if (sample.length === 0) return null;
  const sorted = Float64Array.from(sample).sort();
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export function median(sample: readonly number[]): number | null {
  return quantile(sample, 0.5);
}

/**
 * A sample of whole numbers kept as value -> occurrences. Sales cycles are whole days, so a
 * million deals still take a few thousand entries: medians without memory growing per row.
 */
export class WholeNumberSample {
  private readonly counts = new Map<number, number>();
  private total = 0;

  get size(): number {
    return this.total;
  }

  add(value: number): void {
    if (!Number.isInteger(value)) throw new RangeError(`whole number expected, got ${value}`);
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.total += 1;
  }

  /** Same interpolation as quantile() over the expanded sample. */
  quantile(q: number): number | null {
    if (q < 0 || q > 1 || Number.isNaN(q))
      throw new RangeError(`quantile must be between 0 and 1, got ${q}`);
    if (this.total === 0) return null;
    const position = (this.total - 1) * q;
    const lowerRank = Math.floor(position);
    const upperRank = Math.ceil(position);
    let low: number | null = null;
    let high: number | null = null;
    let seen = 0;
    for (const value of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(value) as number;
      if (low === null && lowerRank < seen) low = value;
      if (upperRank < seen) {
        high = value;
        break;
      }
    }
    const lowValue = low as number;
    return lowValue + ((high as number) - lowValue) * (position - lowerRank);
  }

  median(): number | null {
    return this.quantile(0.5);
  }
}
