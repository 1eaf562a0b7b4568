// Median and p90 for cycle times and time-to-accept: RevOps reads typical and slow cases, not means
// that one stalled deal can drag.

/**
 * The q-quantile (0..1) of a sample by linear interpolation between closest ranks; null for an empty
 * sample. Sorts a copy, so the caller's per-row numbers stay as collected.
 */
export function quantile(sample: readonly number[], q: number): number | null {
  if (q < 0 || q > 1 || Number.isNaN(q)) throw new RangeError(`quantile must be between 0 and 1, got ${q}`);
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
