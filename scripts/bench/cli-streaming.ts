// Run: npm run build && node --no-warnings --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/cli-streaming.ts [ROWS...] [--only 'lint --json',...] [--against DIR] [--runs N] [--start-up]
// --against DIR runs each case a second time with DIR's own bin/run.js (another built checkout, such
// as main's), right after this checkout's, so a change is judged side by side in the same minutes.
// --runs N (default 3) measures the scan and every case N times, in rounds so that a busy minute
// touches each of them, and prints the median CPU with its spread and the highest peak RSS: one
// sample of the same code moved by up to 0.5 s of CPU on this 2-core machine.
// --start-up also runs the scan and every case on a 10-row export, right after each big run, and
// splits the CPU in two: what a run pays whatever it reads (the 10-row run's median: loading sf's
// libraries and its log thread) and the rest as a multiple of the scan's rest.
// The real `cosell lint` and `cosell attribution report` (bin/run.js, compiled lib/) over generated
// exports (default 200k and 1M rows), in every output format, each in its own process: peak RSS and
// CPU, and the CPU as a multiple of a bare CSV scan of the same file measured in the same run.
// Goals: peak RSS < 300 MB at any size; CPU at most 1.5x the bare scan.
// The bare scans run bare-scan.js in plain Node, nothing loaded but the parser. Scans of other
// parsers run when they are installed (npm install --no-save csv-parser @fast-csv/parse udsv), to
// compare parsers on the same file; "csv-records" is the reader's own splitter (papaparse and the
// quoting check, csv-records.ts) without the rest of the CLI.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOpportunityExport } from '../../middleware/src/salesforce/exports/index.js';
import { generateOpportunities } from '../export-generator/opportunities.js';

const NOW = '2026-11-10T09:00:00.000Z';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Figure {
  cpuSeconds: number;
  peakRssMb: number;
  wallSeconds: number;
}

/** Runs a command under /usr/bin/time (GNU): CPU of the process and its peak RSS. */
function timed(command: string, args: string[], mustSucceed = false): Figure {
  const started = performance.now();
  const { stderr, status } = spawnTimed(command, args);
  // A scan whose parser is not installed fails at once: its figures would be the failure's.
  if (mustSucceed && status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${status}:\n${stderr}`);
  const [rssKb, user, system] = (/TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr) ?? [])
    .slice(1)
    .map(Number);
  if (rssKb === undefined)
    throw new Error(`no figures from ${command} ${args.join(' ')}:\n${stderr}`);
  return {
    cpuSeconds: (user ?? 0) + (system ?? 0),
    peakRssMb: Math.round((rssKb * 1024) / 1e6),
    wallSeconds: (performance.now() - started) / 1000,
  };
}

function spawnTimed(command: string, args: string[]): { stderr: string; status: number | null } {
  // lint and attribution exit 1 when they find errors: the figures are there all the same.
  const child = spawnSync('/usr/bin/time', ['-f', 'TIME %M %U %S', command, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
    // No CI: there oclif prints its plain table, and the table cases would not measure what a
    // person's terminal draws.
    env: { ...process.env, CI: undefined, SF_DISABLE_TELEMETRY: 'true' },
  });
  return { stderr: String(child.stderr), status: child.status };
}

const BARE_SCAN = fileURLToPath(new URL('bare-scan.js', import.meta.url));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only')
    ? new Set(argv[argv.indexOf('--only') + 1]!.split(','))
    : undefined;
  const against = argv.includes('--against') ? argv[argv.indexOf('--against') + 1] : undefined;
  const rounds = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;
  const startUp = argv.includes('--start-up');
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--runs takes a whole number of runs, at least 1`);
  const sizes = argv
    .filter((arg, index) => /^\d+$/.test(arg) && argv[index - 1] !== '--runs')
    .map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'cosell-cli-bench-'));
  const run = join(ROOT, 'bin/run.js');
  const out = (name: string) => join(dir, name);
  const cases: Array<[string, string[]]> = [
    ['lint --json', ['cosell', 'lint', '--now', NOW, '--json']],
    ['lint table', ['cosell', 'lint', '--now', NOW]],
    [
      'lint --format csv --output',
      ['cosell', 'lint', '--now', NOW, '--format', 'csv', '--output', out('lint.csv')],
    ],
    [
      'lint --format json --output',
      ['cosell', 'lint', '--now', NOW, '--format', 'json', '--output', out('lint.json')],
    ],
    [
      'attribution --json',
      [
        'cosell',
        'attribution',
        'report',
        '--now',
        NOW,
        '--rate',
        'EUR=1.08',
        '--rate',
        'GBP=1.27',
        '--json',
      ],
    ],
    [
      'attribution table',
      ['cosell', 'attribution', 'report', '--now', NOW, '--rate', 'EUR=1.08', '--rate', 'GBP=1.27'],
    ],
    [
      'attribution --format csv',
      [
        'cosell',
        'attribution',
        'report',
        '--now',
        NOW,
        '--rate',
        'EUR=1.08',
        '--rate',
        'GBP=1.27',
        '--format',
        'csv',
      ],
    ],
  ];
  const writeExport = async (file: string, count: number) =>
    writeOpportunityExport(
      generateOpportunities({ count, seed: 2027, now: new Date(NOW) }),
      createWriteStream(file),
    );
  const tiny = out('opportunities-10.csv');
  if (startUp) await writeExport(tiny, 10);
  try {
    for (const size of sizes.length > 0 ? sizes : [200_000, 1_000_000]) {
      const file = out(`opportunities-${size}.csv`);
      await writeExport(file, size);
      console.log(
        `\n${size} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB (load ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')})`,
      );
      console.log(
        `case (${rounds} run${rounds === 1 ? '' : 's'} each)`.padEnd(32) +
          '  cpu s (median, range)  x scan  peak RSS MB  wall s' +
          (startUp ? '  start-up s  rest x scan rest' : ''),
      );
      const parsers = [
        'csv-parse',
        'papaparse',
        'csv-records',
        'udsv',
        'csv-parser',
        '@fast-csv/parse',
      ];
      // A scan whose parser is not installed fails at once: it is left out of every round.
      const installed = parsers.filter((parser) => {
        try {
          timed(process.execPath, [BARE_SCAN, parser, '--probe'], true);
          return true;
        } catch {
          return false;
        }
      });
      // Each run measures one command over the export it is given.
      const runs: Array<[string, (input: string) => Figure]> = [
        ...installed.map((parser): [string, (input: string) => Figure] => [
          `bare scan: ${parser}`,
          (input) => timed(process.execPath, [BARE_SCAN, parser, input], true),
        ]),
      ];
      for (const [name, args] of cases) {
        if (only && !only.has(name)) continue;
        runs.push([name, (input) => timed(process.execPath, [run, ...args, '--file', input])]);
        if (against)
          runs.push([
            `  ${against}`.slice(0, 32),
            (input) =>
              timed(process.execPath, [join(against, 'bin/run.js'), ...args, '--file', input]),
          ]);
      }
      const figures = runs.map((): Figure[] => []);
      const tinyFigures = runs.map((): Figure[] => []);
      for (let round = 0; round < rounds; round += 1)
        runs.forEach(([, measure], index) => {
          figures[index]!.push(measure(file));
          if (startUp) tinyFigures[index]!.push(measure(tiny));
        });
      runs.forEach(([name], index) =>
        print(name, figures[index]!, figures[0]!, tinyFigures[index]!, tinyFigures[0]!),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of a case's runs, for CPU and wall time; peak RSS is the highest any run reached. */
function median(figures: readonly Figure[]): Figure {
  const middle = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const half = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  return {
    cpuSeconds: middle(figures.map((figure) => figure.cpuSeconds)),
    peakRssMb: Math.max(...figures.map((figure) => figure.peakRssMb)),
    wallSeconds: middle(figures.map((figure) => figure.wallSeconds)),
  };
}

/**
 * One case's line against the scan's runs. With 10-row runs (--start-up), also its start-up CPU and
 * the rest of its CPU as a multiple of the rest of the scan's.
 */
function print(
  name: string,
  figures: readonly Figure[],
  scan: readonly Figure[],
  tiny: readonly Figure[],
  tinyScan: readonly Figure[],
): void {
  const figure = median(figures);
  const baseline = median(scan);
  const startUp: string[] = [];
  if (tiny.length > 0) {
    const start = median(tiny).cpuSeconds;
    const rest = (figure.cpuSeconds - start) / (baseline.cpuSeconds - median(tinyScan).cpuSeconds);
    startUp.push(start.toFixed(2).padStart(10), rest.toFixed(2).padStart(17));
  }
  const cpu = figures.map((one) => one.cpuSeconds);
  const range =
    figures.length === 1 ? '' : `(${Math.min(...cpu).toFixed(1)}-${Math.max(...cpu).toFixed(1)})`;
  console.log(
    [
      name.padEnd(32),
      `${figure.cpuSeconds.toFixed(1)} ${range}`.padStart(21),
      (figure.cpuSeconds / baseline.cpuSeconds).toFixed(2).padStart(7),
      String(figure.peakRssMb).padStart(12),
      figure.wallSeconds.toFixed(1).padStart(7),
      ...startUp,
    ].join('  '),
  );
}

await main();
