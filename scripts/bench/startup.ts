// Run: node --no-warnings --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/startup.ts [--full-build]
// Times `npm start` until /healthz answers, as a person waits for it: first on a fresh data folder (the
// first start after `npm ci`, whose `prepare` already built lib/), then again on that folder with
// nothing changed. --full-build first deletes both builds' incremental state, so the first start also compiles
// everything (a checkout whose lib/ predates its sources). Goals: unchanged < 10 s, first < 25 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Starts `npm start`, polls /healthz, stops the service; returns seconds to the first 200 and the banner's own figure. */
async function timeStart(dataDir: string): Promise<{ seconds: number; banner: string }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), COSELL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok)
        return {
          seconds: (performance.now() - started) / 1000,
          banner: /ready in [\d.]+ s/.exec(output)?.[0] ?? '(banner not yet printed)',
        };
      if (performance.now() - started > 180_000) throw new Error('no /healthz within 180 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    // npm runs node in a child: signal the whole group so nothing outlives the benchmark.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'cosell-start-'));
try {
  if (process.argv.includes('--full-build'))
    for (const state of ['lib/.tsbuildinfo', 'lib/.start.tsbuildinfo'])
      rmSync(state, { force: true });
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  const first = await timeStart(dataDir);
  console.log(
    `first start (fresh data folder${process.argv.includes('--full-build') ? ', full build' : ''}): ${first.seconds.toFixed(1)} s to /healthz, banner "${first.banner}" (load ${load()}; goal < 25 s)`,
  );
  for (let run = 1; run <= 3; run += 1) {
    const again = await timeStart(dataDir);
    console.log(
      `unchanged checkout, run ${run}: ${again.seconds.toFixed(1)} s to /healthz, banner "${again.banner}" (load ${load()}; goal < 10 s)`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
