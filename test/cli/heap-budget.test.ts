// A streamed CLI read must not let V8 grow the heap to several times what it holds: boundHeapGrowth
// sets V8's growing factor inside the running process (a plugin cannot pass V8 flags to sf).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  boundHeapGrowth,
  boundReadHeap,
  boundYoungGeneration,
} from '../../middleware/src/cli/heap-budget.js';
import { runTsChild } from '../support/ts-child.js';

const CHILD = fileURLToPath(new URL('./support/heap-churn.ts', import.meta.url));
const YOUNG_CHILD = fileURLToPath(new URL('./support/young-churn.ts', import.meta.url));

type Churned = { peakMb: number; semiSpaceMb: number };

function churned(...args: string[]): Churned {
  return JSON.parse(child(CHILD, ...args)) as Churned;
}

function peakHeapMb(...args: string[]): number {
  return churned(...args).peakMb;
}

function child(script: string, ...args: string[]): string {
  const run = runTsChild(script, args);
  if (run.status !== 0) throw new Error(`${script} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

type YoungSizes = { grown: number; capped: number; again?: number; afterChurn: number };

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

describe('boundReadHeap', () => {
  it('bounds both the growth and the young generation of a churning process', () => {
    const unbounded = churned();
    const bounded = churned('read', '10', '2');
    expect(bounded.peakMb).toBeLessThan(unbounded.peakMb * 0.8);
    expect(unbounded.semiSpaceMb).toBeGreaterThan(2);
    expect(bounded.semiSpaceMb).toBe(2);
  }, 60_000);

  it('refuses a percent V8 would not take', () => {
    expect(() => boundReadHeap(0, null)).toThrow(/integer from 1 to 1000, not 0/);
  });
});

describe('boundYoungGeneration', () => {
  it('shrinks the young generation V8 grew and keeps it at the cap through further churn', () => {
    const free = JSON.parse(child(YOUNG_CHILD)) as YoungSizes;
    // V8 grows it past the cap on its own, and keeps it there.
    expect(free.grown).toBeGreaterThan(4);
    expect(free.afterChurn).toBeGreaterThan(4);
    const capped = JSON.parse(child(YOUNG_CHILD, 'cap', '4')) as YoungSizes;
    expect(capped.grown).toBeGreaterThan(4);
    expect(capped.capped).toBe(4);
    // Applied once per process: a second call reports the size in force.
    expect(capped.again).toBe(4);
    expect(capped.afterChurn).toBe(4);
  }, 60_000);

  it('refuses a size V8 would not take', () => {
    expect(() => boundYoungGeneration(0)).toThrow(/integer from 1 to 64 MB, not 0/);
    expect(() => boundYoungGeneration(1.5)).toThrow(RangeError);
  });
});
