// Run: node --no-warnings --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/lint-attribution.ts [ROWS...]
// Benchmarks lint + attribution streamed over generated Salesforce exports (default 100k and 400k
// rows): rows/s and peak RSS per size, each measured in its own process so the peaks do not mix.
// Memory must stay flat as rows grow: the reader, the linter and the report keep fixed-size state.
// Measured 2026-11-26 on the shared 2-core box (load ~13): 100k rows 27 s wall (3.7k rows/s), 6.8 s CPU
// (14.6k rows/CPU-s), peak RSS 203 MB; 400k rows 79 s wall (5.0k rows/s), 26.7 s CPU (15.0k rows/CPU-s), peak
// RSS 211 MB. RSS at start is ~122 MB (modules + type stripping), so streaming adds ~80-90 MB at either size.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAttributionReport } from '../../middleware/src/core/attribution/index.js';
import { createLinter } from '../../middleware/src/core/lint/index.js';
import {
  LINT_COLUMNS,
  readOpportunityExport,
  writeOpportunityExport,
} from '../../middleware/src/salesforce/exports/index.js';
import { generateOpportunities } from '../export-generator/opportunities.js';

const NOW = new Date('2026-11-10T09:00:00.000Z');
const RATES = { EUR: 1.08, GBP: 1.27 };

interface Measurement {
  rows: number;
  rejected: number;
  findings: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU time of the measuring process: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** RSS once the modules are loaded, before the first row: the floor the peak is compared with. */
  startRssMb: number;
  peakRssMb: number;
}

/** Child mode: stream one file through lint and attribution and print the measurement as JSON. */
async function measure(file: string): Promise<Measurement> {
  const startRssMb = Math.round(process.memoryUsage().rss / 1e6);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const linter = createLinter({ now: NOW });
  const report = createAttributionReport({ reportingCurrency: 'USD', rates: RATES, now: NOW });
  let rows = 0;
  let rejected = 0;
  let findings = 0;
  for await (const row of readOpportunityExport(createReadStream(file), {
    requiredColumns: LINT_COLUMNS,
  })) {
    rows += 1;
    if (row.kind === 'rejected') {
      rejected += 1;
      continue;
    }
    findings += linter.add(row.opportunity).length;
    report.add(row.opportunity);
  }
  findings += linter.finish().length;
  report.result();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    rows,
    rejected,
    findings,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    cpuSeconds: (used.user + used.system) / 1e6,
    startRssMb,
    peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
  };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === '--measure' && file) {
    console.log(JSON.stringify(await measure(file)));
    return;
  }
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((size) => size > 0);
  const dir = mkdtempSync(join(tmpdir(), 'cosell-bench-'));
  try {
    console.log(
      'rows      file MB  generate s  wall s   rows/s  cpu s  rows/cpu-s  start RSS MB  peak RSS MB  findings  rejected',
    );
    for (const size of sizes.length > 0 ? sizes : [100_000, 400_000]) {
      const path = join(dir, `opportunities-${size}.csv`);
      const generated = Date.now();
      await writeOpportunityExport(
        generateOpportunities({ count: size, seed: 2027, now: NOW }),
        createWriteStream(path),
      );
      const generateSeconds = (Date.now() - generated) / 1000;
      const output = execFileSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--measure', path],
        { encoding: 'utf8' },
      );
      const result = JSON.parse(output) as Measurement;
      console.log(
        [
          String(size).padEnd(8),
          (statSync(path).size / 1e6).toFixed(1).padStart(7),
          generateSeconds.toFixed(1).padStart(10),
          result.seconds.toFixed(1).padStart(6),
          String(result.rowsPerSecond).padStart(7),
          result.cpuSeconds.toFixed(1).padStart(5),
          String(Math.round(result.rows / result.cpuSeconds)).padStart(10),
          String(result.startRssMb).padStart(12),
          String(result.peakRssMb).padStart(11),
          String(result.findings).padStart(9),
          String(result.rejected).padStart(9),
        ].join('  '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
