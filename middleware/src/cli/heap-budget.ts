// Keeps a long streamed read close to what it holds. Reading an export allocates fast but keeps
// little alive, and V8 then lets the heap grow to about three times its live size before each full
// collection (traced on a 200k-row lint: 84 MB live in a 258 MB heap). A plugin runs inside sf's
// process, so it cannot pass --max-old-space-size; but V8 reads its heap growing factor again at
// every full collection, so setting it once here bounds the heap to its live size plus this share.
// One full collection right after applies it at once: the limit in force was set at start-up.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Growth allowed over the live heap after each full collection, in percent. Chosen on the
 * cli-streaming benchmark (1M-row lint --json, quiet machine, papaparse reader): 25% peaked at
 * 313-329 MB, 15% at 299 MB for the same CPU within the noise, and 10% no lower (300 MB); before
 * that reader, 50% peaked at 325 MB and V8's own choice at 406 MB.
 */
export const HEAP_GROWING_PERCENT = 15;

/**
 * The attribution report holds a flat ~45 MB whatever the export's size (tallies per quarter, not
 * per row), so it can let the heap grow further and collect less often: at 200k rows 100% took
 * 4.4-4.5 s of CPU against 5.7-5.8 s at 25%, peaking at 252 MB against 214 MB (cli-streaming notes).
 */
export const ATTRIBUTION_HEAP_GROWING_PERCENT = 100;

let applied: number | undefined;

/** Bounds heap growth for the rest of the process (a CLI run); idempotent. Returns the percent in force. */
export function boundHeapGrowth(percent: number = HEAP_GROWING_PERCENT): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 1000)
    throw new RangeError(`heap growing percent must be an integer from 1 to 1000, not ${percent}`);
  if (applied === undefined) {
    setFlagsFromString(`--heap-growing-percent=${percent}`);
    applied = percent;
    collectNow();
  }
  return applied;
}

/** One full collection now, through a gc function exposed for a fresh context only. */
function collectNow(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc === 'function') (gc as () => void)();
}
