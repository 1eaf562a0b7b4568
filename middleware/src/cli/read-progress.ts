// Progress for commands that read many rows: after the first two seconds of a run, a bar (file:
// share of bytes read, so time left is known) or the status of the command's query spinner (org:
// total unknown) on stderr, with rows read and the rate. Only for a person at a terminal: nothing
// with --json or when stderr is piped.
import type { Progress, Spinner } from '@salesforce/sf-plugins-core';

/** How far a read has got; the reader updates it as rows arrive. */
export interface ReadMeter {
  rows: number;
  bytesRead: number;
  /** File size when reading a file; undefined when the total cannot be known (an org query). */
  totalBytes: number | undefined;
}

export interface ProgressUx {
  progress: Progress;
  spinner: Spinner;
  jsonEnabled(): boolean;
}

export interface ReadProgress {
  /** Call as rows arrive (per row or per batch): cheap, it looks at the clock once every 1,024 rows. */
  tick(): void;
  stop(): void;
}

/** Runs shorter than this never show progress: it would only flicker. */
const QUIET_MS = 2000;
const REDRAW_MS = 200;
/** Rows between two looks at the clock. */
const LOOK_EVERY = 1024;

export function readProgress(
  ux: ProgressUx,
  meter: ReadMeter,
  label: string,
  options: { interactive?: boolean; now?: () => number } = {},
): ReadProgress {
  const now = options.now ?? (() => performance.now());
  const interactive = (options.interactive ?? Boolean(process.stderr.isTTY)) && !ux.jsonEnabled();
  const started = now();
  let shown: 'bar' | 'spinner' | undefined;
  let lastDraw = 0;
  let nextLook = LOOK_EVERY;
  const seconds = () => Math.max((now() - started) / 1000, 0.001);
  const rate = () => Math.round(meter.rows / seconds());
  const payload = () => ({
    rows: meter.rows.toLocaleString('en-US'),
    rate: rate().toLocaleString('en-US'),
    left: timeLeft(meter, seconds()),
  });
  return {
    tick() {
      if (!interactive || meter.rows < nextLook) return;
      nextLook = meter.rows + LOOK_EVERY;
      const at = now();
      if (shown === undefined) {
        if (at - started < QUIET_MS) return;
        if (meter.totalBytes) {
          shown = 'bar';
          ux.progress.start(meter.totalBytes, payload(), {
            title: label,
            // Fits an 80-column terminal, so the time left is never cut off.
            format: '%s {bar} {percentage}% | {rows} rows | {rate} rows/s | {left} left',
            barsize: 16,
          } as Parameters<Progress['start']>[2]);
        } else {
          shown = 'spinner'; // the command's own "querying" spinner is already turning
        }
      }
      if (at - lastDraw < REDRAW_MS) return;
      lastDraw = at;
      if (shown === 'bar') ux.progress.update(meter.bytesRead, payload());
      else ux.spinner.status = `${payload().rows} rows, ${payload().rate} rows/s`;
    },
    stop() {
      if (shown === 'bar') {
        ux.progress.update(meter.totalBytes ?? meter.bytesRead, payload());
        ux.progress.stop();
      }
      shown = undefined;
    },
  };
}

/**
 * Time left at the average pace since the run started: `8s`, `1m 05s`, `1h 02m`. The bar's own
 * estimate looks only at its last few updates, and the bar starts at 0 two seconds into the run, so
 * its first estimates took the bytes already read as read in an instant ("1s left" at 15%).
 */
export function timeLeft(meter: ReadMeter, elapsedSeconds: number): string {
  if (!meter.totalBytes || meter.bytesRead <= 0) return '?';
  const remaining = Math.max(meter.totalBytes - meter.bytesRead, 0);
  const left = Math.ceil((remaining * elapsedSeconds) / meter.bytesRead);
  if (left < 60) return `${left}s`;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (left < 3600) return `${Math.floor(left / 60)}m ${pad(left % 60)}s`;
  return `${Math.floor(left / 3600)}h ${pad(Math.floor((left % 3600) / 60))}m`;
}
