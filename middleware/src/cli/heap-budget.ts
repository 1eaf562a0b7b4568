// Keeps a long streamed read close to what it holds. Reading an export allocates fast but keeps
// little alive, and V8 then lets the heap grow to about three times its live size before each full
// collection (traced on a 200k-row lint: 84 MB live in a 258 MB heap). A plugin runs inside sf's
// process, so it cannot pass --max-old-space-size; but V8 reads its heap growing factor again at
// every full collection, so setting it once here bounds the heap to its live size plus this share.
// One full collection right after applies it at once: the limit in force was set at start-up.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Growth allowed over the live heap after each full collection, in percent. Chosen on the 1M-row
 * lint, quiet machine, once the output phase stopped holding large strings (round 8): 15% peaked
 * at 233-243 MB for 18.6-18.9 s of CPU (--json), 50% at 251-255 MB for 16.8-17.5 s (table 261-264
 * MB, --format csv --output 252 MB), 40% gave the table 249-255 MB for 6% more CPU than 50%, 75%
 * 265-268 MB (table 300 MB: over the goal), 100% 282-290 MB. Before round 8 even 15% peaked at
 * 299 MB (cli-streaming notes, round 9).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The attribution report holds a flat ~45 MB whatever the export's size (tallies per quarter, not
 * per row), so it can let the heap grow further and collect less often: at 200k rows 100% took
 * 4.4-4.5 s of CPU against 5.7-5.8 s at 25%, peaking at 252 MB against 214 MB (cli-streaming notes).
 */
export const ATTRIBUTION_HEAP_GROWING_PERCENT = 100;

/**
 * Young generation (each of V8's two semi-spaces) kept through a long read, in MB. V8 grows it to
 * 16 MB during sf's start-up, 32 MB of RSS with its twin, though the rows die young whatever its
 * size. 1M-row lint --json, same minutes: 16 MB peaked at 255 MB, 8 MB at 226 MB for 2% more CPU,
 * 4 MB at 210 MB for 10% more (cli-streaming notes, round 8).
 */
export const SEMI_SPACE_MB = 8;

/**
 * An export smaller than this is read without the bounds: their forced collections and small young
 * generation cost a short run more CPU than they save memory. Unbounded, a 20k-row export (9 MB)
 * peaked at 262 MB printing its table (230 MB bounded) for 3.2 s of CPU against 3.6 s; a 50k-row one
 * (23 MB) reached 290-295 MB, too near the 300 MB goal (scripts/bench/README.md, round 13).
 */
export const UNBOUNDED_READ_BYTES = 10 * 2 ** 20;

let applied: number | undefined;
let semiSpaceApplied: number | undefined;

/** The bounds in force in this process: each undefined until a read (or a caller) set it. */
export function heapBoundsInForce(): { growingPercent?: number; semiSpaceMb?: number } {
  return {
    ...(applied === undefined ? {} : { growingPercent: applied }),
    ...(semiSpaceApplied === undefined ? {} : { semiSpaceMb: semiSpaceApplied }),
  };
}

/** Bounds heap growth for the rest of the process (a CLI run); idempotent. Returns the percent in force. */
export function boundHeapGrowth(percent: number = HEAP_GROWING_PERCENT): number {
  if (setHeapGrowth(percent)) collectNow();
  return applied!;
}

/**
 * Both bounds for a long read (growth, and the young generation unless `semiSpaceMb` is null) with
 * one forced collection rather than one each: the full collection that shrinks the young generation
 * applies the new growth limit too (a 40 MB heap at sf's start-up: about 40 ms less CPU per run).
 */
export function boundReadHeap(percent: number, semiSpaceMb: number | null): void {
  const fresh = setHeapGrowth(percent);
  if (semiSpaceMb !== null && semiSpaceApplied === undefined) boundYoungGeneration(semiSpaceMb);
  else if (fresh) collectNow();
}

/** Sets V8's growing factor once per process; true when this call set it (a collection applies it). */
function setHeapGrowth(percent: number): boolean {
  if (!Number.isInteger(percent) || percent < 1 || percent > 1000)
    throw new RangeError(`heap growing percent must be an integer from 1 to 1000, not ${percent}`);
  if (applied !== undefined) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  applied = percent;
  return true;
}

/**
 * Caps the young generation for the rest of the process (a CLI run); idempotent. Its size is fixed
 * at start-up, but V8 shrinks it to its first size in a collection that reduces memory and reads
 * its growth factor again each time it grows: so shrink it, grow it in steps to `mb` (V8 doubles it,
 * so a size between powers of two is rounded up), then stop it growing. Returns the semi-space size
 * in force, in MB, as V8 reports it.
 */
export function boundYoungGeneration(mb: number = SEMI_SPACE_MB): number {
  if (!Number.isInteger(mb) || mb < 1 || mb > 64)
    throw new RangeError(`semi-space size must be an integer from 1 to 64 MB, not ${mb}`);
  if (semiSpaceApplied === undefined) {
    const gc = exposedGc();
    if (gc) {
      setFlagsFromString('--semi-space-growth-factor=2');
      gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      // The space doubles once what survived young collections since it last grew exceeds its
      // size: keep an eighth of it more alive at each young collection, so it grows one step at a
      // time and stops at `mb` (a whole size per step could grow it twice).
      const kept: object[] = [];
      for (let step = 0; step < 100 && semiSpaceMb() < mb; step += 1) {
        const objects = (semiSpaceMb() * 2 ** 20) / 8 / 16;
        for (let index = 0; index < objects; index += 1) kept.push({ index });
        gc({ type: 'minor', execution: 'sync' });
      }
      setFlagsFromString('--semi-space-growth-factor=1');
    }
    semiSpaceApplied = semiSpaceMb();
  }
  return semiSpaceApplied;
}

/** The young generation's semi-space size now, in MB: what it can hold before a young collection. */
export function semiSpaceMb(): number {
  const space = getHeapSpaceStatistics().find((entry) => entry.space_name === 'new_space');
  return space ? Math.round((space.space_used_size + space.space_available_size) / 2 ** 20) : 0;
}

type GcOptions = {
  type: 'major' | 'minor';
  execution: 'sync' | 'async';
  flavor?: 'regular' | 'last-resort';
};

/** V8's gc function, exposed for a fresh context only. */
function exposedGc(): ((options?: GcOptions) => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as (options?: GcOptions) => void) : undefined;
}

/** One full collection now. */
function collectNow(): void {
  exposedGc()?.();
}
