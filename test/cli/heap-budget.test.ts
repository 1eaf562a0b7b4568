// A streamed CLI read must not let V8 grow the heap to several times what it holds: boundHeapGrowth
// sets V8's growing factor inside the running process (a plugin cannot pass V8 flags to sf).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { boundHeapGrowth } from '../../middleware/src/cli/heap-budget.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./support/heap-churn.ts', import.meta.url));

function peakHeapMb(...args: string[]): number {
  const out = execFileSync(
    process.execPath,
    [
      '--no-warnings',
      '--experimental-transform-types',
      '--import',
      './scripts/bench/ts-resolve.mjs',
      CHILD,
      ...args,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  return (JSON.parse(out) as { peakMb: number }).peakMb;
}

describe('boundHeapGrowth', () => {
  it('keeps the heap of a churning process well below what V8 allows by default', () => {
    const unbounded = peakHeapMb();
    const bounded = peakHeapMb('bound', '10');
    expect(bounded).toBeLessThan(unbounded * 0.8);
  }, 60_000);

  it('refuses a percent V8 would not take, and is applied once per process', () => {
    expect(() => boundHeapGrowth(0)).toThrow(/integer from 1 to 1000, not 0/);
    expect(() => boundHeapGrowth(2.5)).toThrow(RangeError);
    expect(boundHeapGrowth(80)).toBe(80);
    expect(boundHeapGrowth(20)).toBe(80);
  });
});
