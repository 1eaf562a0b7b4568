// Run: npm run build && node --no-warnings --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/cli-streaming.ts [ROWS...] [--only 'lint --json',...] [--against DIR] [--runs N]
// --against DIR runs each case a second time with DIR's own bin/run.js (another built checkout, such
// as main's), right after this checkout's, so a change is judged side by side in the same minutes.
// --runs N (default 3) measures the scan and every case N times, in rounds so that a busy minute
// touches each of them, and prints the median CPU with its spread and the highest peak RSS: one
// sample of the same code moved by up to 0.5 s of CPU on this 2-core machine.
// The real `cosell lint` and `cosell attribution report` (bin/run.js, compiled lib/) over generated
// exports (default 200k and 1M rows), in every output format, each in its own process: peak RSS and
// CPU, and the CPU as a multiple of a bare CSV scan of the same file measured in the same run.
// Goals: peak RSS < 300 MB at any size; CPU at most 1.5x the bare scan.
// Bare scans of other parsers run when they are installed (npm install --no-save csv-parser
// @fast-csv/parse udsv), to compare parsers on the same file; "csv-records" is the reader's own
// splitter (papaparse and the quoting check, csv-records.ts) without the rest of the CLI.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { csvRecords } from '../../middleware/src/salesforce/exports/csv-records.js';
import { writeOpportunityExport } from '../../middleware/src/salesforce/exports/index.js';
import { generateOpportunities } from '../export-generator/opportunities.js';

const NOW = '2026-11-10T09:00:00.000Z';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Child mode: read every record of the file with one parser, nothing else. */
async function scan(parser: string, file: string): Promise<number> {
  let rows = 0;
  if (parser === 'csv-parse') {
    for await (const record of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
      parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
    )) {
      if ((record as string[]).length > 0) rows += 1;
    }
  } else if (parser === 'papaparse') {
    const { default: Papa } = (await import(String('papaparse'))) as {
      default: {
        parse: (input: NodeJS.ReadableStream, config: object) => void;
        NODE_STREAM_INPUT: unknown;
      };
    };
    await new Promise<void>((resolve, reject) => {
      const stream = (
        Papa as unknown as { parse: (mode: unknown, config: object) => NodeJS.ReadWriteStream }
      ).parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true });
      createReadStream(file, { highWaterMark: 1 << 20 }).pipe(stream);
      stream
        .on('data', () => (rows += 1))
        .on('end', resolve)
        .on('error', reject);
    });
  } else if (parser === 'csv-records') {
    for await (const batch of csvRecords(createReadStream(file, { highWaterMark: 1 << 20 })))
      rows += batch.length;
  } else if (parser === 'udsv') {
    // udsv parses strings: decode the pieces, as its incremental API expects.
    type Udsv = {
      inferSchema: (text: string, options: object) => object;
      initParser: (schema: object) => {
        chunk: (text: string, parse: unknown, onData: () => void) => void;
        stringArrs: unknown;
        end: () => void;
      };
    };
    const { inferSchema, initParser } = (await import(String('udsv'))) as Udsv;
    let udsv: ReturnType<Udsv['initParser']> | undefined;
    const stream = createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' });
    for await (const text of stream as AsyncIterable<string>) {
      udsv ??= initParser(inferSchema(text, { col: ',', encl: '"' }));
      udsv.chunk(text, udsv.stringArrs, () => void (rows += 1));
    }
    udsv?.end();
    rows += 1; // udsv takes the header row as the schema's
  } else if (parser === 'csv-parser') {
    const { default: csv } = (await import(String('csv-parser'))) as {
      default: (options: object) => NodeJS.ReadWriteStream;
    };
    for await (const record of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
      csv({ headers: false }),
    ))
      if (record) rows += 1;
  } else if (parser === '@fast-csv/parse') {
    const { parse: fastParse } = (await import(String('@fast-csv/parse'))) as {
      parse: (options: object) => NodeJS.ReadWriteStream;
    };
    for await (const record of createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
      fastParse({}),
    ))
      if (record) rows += 1;
  } else throw new Error(`unknown parser ${parser}`);
  return rows;
}

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
    env: { ...process.env, SF_DISABLE_TELEMETRY: 'true' },
  });
  return { stderr: String(child.stderr), status: child.status };
}

const SELF = fileURLToPath(import.meta.url);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--scan') {
    // --probe: only whether the parser is installed (csv-parse and the reader's own always are).
    if (argv[2] === '--probe') {
      if (!['csv-parse', 'csv-records'].includes(argv[1]!)) await import(String(argv[1]));
      return;
    }
    console.log(await scan(argv[1]!, argv[2]!));
    return;
  }
  const only = argv.includes('--only')
    ? new Set(argv[argv.indexOf('--only') + 1]!.split(','))
    : undefined;
  const against = argv.includes('--against') ? argv[argv.indexOf('--against') + 1] : undefined;
  const rounds = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 3;
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
  try {
    for (const size of sizes.length > 0 ? sizes : [200_000, 1_000_000]) {
      const file = out(`opportunities-${size}.csv`);
      await writeOpportunityExport(
        generateOpportunities({ count: size, seed: 2027, now: new Date(NOW) }),
        createWriteStream(file),
      );
      console.log(
        `\n${size} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB (load ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')})`,
      );
      console.log(
        `case (${rounds} run${rounds === 1 ? '' : 's'} each)`.padEnd(32) +
          '  cpu s (median, range)  x scan  peak RSS MB  wall s',
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
          timed(process.execPath, [...process.execArgv, SELF, '--scan', parser, '--probe'], true);
          return true;
        } catch {
          return false;
        }
      });
      const runs: Array<[string, () => Figure]> = [
        ...installed.map((parser): [string, () => Figure] => [
          `bare scan: ${parser}`,
          () => timed(process.execPath, [...process.execArgv, SELF, '--scan', parser, file], true),
        ]),
      ];
      for (const [name, args] of cases) {
        if (only && !only.has(name)) continue;
        runs.push([name, () => timed(process.execPath, [run, ...args, '--file', file])]);
        if (against)
          runs.push([
            `  ${against}`.slice(0, 32),
            () => timed(process.execPath, [join(against, 'bin/run.js'), ...args, '--file', file]),
          ]);
      }
      const figures = runs.map((): Figure[] => []);
      for (let round = 0; round < rounds; round += 1)
        runs.forEach(([, measure], index) => figures[index]!.push(measure()));
      const baseline = median(figures[0]!);
      runs.forEach(([name], index) => print(name, figures[index]!, baseline));
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

function print(name: string, figures: readonly Figure[], baseline: Figure): void {
  const figure = median(figures);
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
    ].join('  '),
  );
}

await main();
