import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { Progress, Spinner } from '@salesforce/sf-plugins-core';
import { readMeter, readOpportunityBatches } from '../../middleware/src/cli/opportunity-source.js';
import { readProgress, timeLeft, type ReadMeter } from '../../middleware/src/cli/read-progress.js';
import { LINT_COLUMNS } from '../../middleware/src/salesforce/exports/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/opportunities-export.csv', import.meta.url));

/** Records what the command's progress bar and spinner were told. */
function fakeUx(json = false) {
  const calls: string[] = [];
  const spinner = { status: undefined as string | undefined };
  const progress = {
    start: (total: number, payload: Record<string, unknown>, options: { title: string }) =>
      calls.push(`start ${total} ${options.title} ${String(payload.rows)}`),
    update: (value: number, payload: Record<string, unknown>) =>
      calls.push(
        `update ${value} ${String(payload.rows)} ${String(payload.rate)} ${String(payload.left)}`,
      ),
    stop: () => calls.push('stop'),
  };
  return {
    calls,
    spinner,
    ux: {
      progress: progress as unknown as Progress,
      spinner: spinner as unknown as Spinner,
      jsonEnabled: () => json,
    },
  };
}

/** Reads `rows` rows of 100 bytes, one every `msPerRow`, against a fake clock. */
function read(
  progress: ReturnType<typeof readProgress>,
  meter: ReadMeter,
  clock: { now: number },
  rows: number,
  msPerRow: number,
): void {
  for (let index = 0; index < rows; index += 1) {
    clock.now += msPerRow;
    meter.rows += 1;
    meter.bytesRead += 100;
    progress.tick();
  }
}

describe('read progress', () => {
  it('stays hidden for the first two seconds, then shows a bar over the file size with rows and rate', () => {
    const { calls, ux } = fakeUx();
    const clock = { now: 0 };
    const meter: ReadMeter = { rows: 0, bytesRead: 0, totalBytes: 100 * 10_240 };
    const progress = readProgress(ux, meter, 'Linting', {
      interactive: true,
      now: () => clock.now,
    });
    read(progress, meter, clock, 1024 * 7, 0.25); // 1.8 s
    expect(calls).toEqual([]);
    read(progress, meter, clock, 1024 * 3, 0.25); // 2.6 s
    expect(calls[0]).toBe('start 1024000 Linting 8,192');
    // 8,192 of 10,240 rows in 2.05 s: the other 2,048 at that pace take 0.5 s.
    expect(calls[1]).toBe('update 819200 8,192 4,000 1s');
    progress.stop();
    expect(calls.slice(-2)).toEqual(['update 1024000 10,240 4,000 0s', 'stop']);
  });

  it('looks at the clock as often when rows arrive in batches that never land on a multiple of 1,024', () => {
    const { calls, ux } = fakeUx();
    const clock = { now: 0 };
    const meter: ReadMeter = { rows: 0, bytesRead: 0, totalBytes: 100 * 37 * 400 };
    const progress = readProgress(ux, meter, 'Linting', {
      interactive: true,
      now: () => clock.now,
    });
    for (let batch = 0; batch < 400; batch += 1) {
      clock.now += 37 * 0.25;
      meter.rows += 37;
      meter.bytesRead += 3700;
      progress.tick();
    }
    // Shown at the first look past two seconds (8,000 rows), within about 1,024 rows of it.
    const [, shownAt] = /^start 1480000 Linting ([\d,]+)$/.exec(calls[0] ?? '') ?? [];
    const rows = Number(shownAt?.replaceAll(',', ''));
    expect(rows).toBeGreaterThanOrEqual(8000);
    expect(rows).toBeLessThan(8000 + 1024 + 37);
    expect(calls.filter((call) => call.startsWith('update')).length).toBeGreaterThanOrEqual(4);
  });

  it('shows rows and rate as the query spinner status when the total is unknown', () => {
    const { calls, spinner, ux } = fakeUx();
    const clock = { now: 0 };
    const meter: ReadMeter = { rows: 0, bytesRead: 0, totalBytes: undefined };
    const progress = readProgress(ux, meter, 'Linting', {
      interactive: true,
      now: () => clock.now,
    });
    read(progress, meter, clock, 1024 * 3, 1);
    expect(calls).toEqual([]);
    expect(spinner.status).toBe('3,072 rows, 1,000 rows/s');
  });

  it.each([
    ['with --json', true, true],
    ['when stderr is not a terminal', false, false],
  ])('prints nothing %s', (_, json, interactive) => {
    const { calls, spinner, ux } = fakeUx(json);
    const clock = { now: 0 };
    const meter: ReadMeter = { rows: 0, bytesRead: 0, totalBytes: 1e6 };
    const progress = readProgress(ux, meter, 'Linting', { interactive, now: () => clock.now });
    read(progress, meter, clock, 1024 * 10, 1);
    progress.stop();
    expect(calls).toEqual([]);
    expect(spinner.status).toBeUndefined();
  });
});

describe('read meter', () => {
  it('counts every row read from a file and ends at the file size', async () => {
    const source = { kind: 'file', file: FIXTURE, requiredColumns: LINT_COLUMNS } as const;
    const meter = readMeter(source);
    expect(meter).toEqual({ rows: 0, bytesRead: 0, totalBytes: statSync(FIXTURE).size });
    let rows = 0;
    for await (const batch of readOpportunityBatches(source, meter)) {
      // The meter has counted a batch's rows by the time it is handed on.
      expect(meter.rows).toBe(rows + batch.length);
      for (const row of batch) {
        rows += 1;
        expect(row.row).toBe(rows + 1); // the header is row 1
      }
    }
    expect(rows).toBe(6);
    expect(meter.bytesRead).toBe(meter.totalBytes);
  });

  it('tells the time left at the pace since the start, however late the bar appears', () => {
    const total = 1_000_000;
    // A fifth read in 3 s: the rest takes 12 s at that pace.
    expect(timeLeft({ rows: 1, bytesRead: total / 5, totalBytes: total }, 3)).toBe('12s');
    expect(timeLeft({ rows: 1, bytesRead: total / 100, totalBytes: total }, 1)).toBe('1m 39s');
    expect(timeLeft({ rows: 1, bytesRead: total / 1000, totalBytes: total }, 10)).toBe('2h 46m');
    expect(timeLeft({ rows: 1, bytesRead: total, totalBytes: total }, 10)).toBe('0s');
    // Nothing read yet, or no total (an org query): unknown.
    expect(timeLeft({ rows: 0, bytesRead: 0, totalBytes: total }, 2)).toBe('?');
    expect(timeLeft({ rows: 5, bytesRead: 500, totalBytes: undefined }, 2)).toBe('?');
  });
});
