// Fuzzes a started service (the embedded desk, demo data, sandbox portals) with 100,000 requests drawn
// from the route schemas, and prints: responses >= 500, state changes caused by refused input, whether
// the service stayed up, and memory before and after. Run from the repository root:
//   node --expose-gc --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/fuzz/run.ts [count]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEMO_USERS } from '../../middleware/src/demo/seed.js';
import { DOMAIN_ROUTES } from '../../middleware/src/service/app.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';
import { fuzzRequest, urlOf, type FuzzRequest } from './inputs.js';

const COUNT = Number(process.argv[2] ?? 100_000);
/** Requests in flight together; the state check compares counts around each round. */
const ROUND = 8;

const TOKENS = [
  { token: 'fuzz-admin-3f9c1d7a5b2e48c09d6f1a3b7c5e9d2f', persona: 'admin', name: 'fuzz-admin' },
  {
    token: 'fuzz-ae-8b2d4f6a1c3e5079b8d6f4a2c0e1d3f5b7',
    persona: 'ae',
    name: 'fuzz-ae',
    userId: DEMO_USERS.ae.id,
  },
  {
    token: 'fuzz-ops-1a2b3c4d5e6f708192a3b4c5d6e7f809',
    persona: 'alliance-ops',
    name: 'fuzz-ops',
    userId: DEMO_USERS.allianceOps.id,
  },
  {
    token: 'fuzz-relay-5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
    persona: 'portal-webhook',
    name: 'fuzz-relay',
  },
];

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const dataDir = mkdtempSync(join(tmpdir(), 'cosell-fuzz-'));
const desk = await startDemoDesk({
  config: loadConfig({
    PORT: '0',
    COSELL_DATA_DIR: dataDir,
    COSELL_POLL_INTERVAL_MS: String(24 * 3_600_000),
    COSELL_API_TOKENS: JSON.stringify(TOKENS),
  }),
  logger: createServiceLogger({ level: 'silent' }),
  // Reviews that never move during the run, so nothing but the requests changes the store.
  sandboxReview: { inReviewAfterMs: 24 * 3_600_000, decisionAfterMs: 48 * 3_600_000 },
  limits: { rateLimit: { windowMs: 60_000, max: 10_000_000, anonymousMax: 10_000_000 } },
});

/**
 * What a request can change: the mirrored records, remembered Idempotency-Keys, and the portal calls
 * it queues. The worker's own rows (write-backs, its audit entries) are left out, so its background
 * work is not taken for a change a refused request made.
 */
const TABLES = ['opportunities', 'engagements', 'referrals', 'idempotency_keys'] as const;
async function state(): Promise<string> {
  const counts: number[] = [];
  for (const table of TABLES) {
    const row = await desk.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts.push(Number(row.n));
  }
  const queued = await desk.store.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', 'in', ['portal.submit', 'portal.decide', 'salesforce.referral'])
    .executeTakeFirstOrThrow();
  const changes = await desk.store.db
    .selectFrom('referrals')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirstOrThrow();
  return `${counts.join(',')},${queued.n},${String(changes.at)}`;
}

/** Waits until start-up work (demo seeding, first submissions) stops changing the store. */
async function settle(): Promise<void> {
  let last = '';
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await state();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

async function send(request: FuzzRequest, token: string): Promise<number> {
  try {
    const response = await fetch(urlOf(desk.url, request), {
      method: request.method,
      headers: { authorization: `Bearer ${token}`, 'content-type': request.contentType },
      ...(request.body !== undefined && request.method === 'POST' ? { body: request.body } : {}),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return -1;
  }
}

await settle();
gc();
const before = process.memoryUsage();
const started = Date.now();
// Drawn a round at a time (seeded, so a run repeats), so the inputs do not sit in memory and the
// memory figures are the service's own.
const draw = fc.tuple(
  fuzzRequest(DOMAIN_ROUTES),
  fc.constantFrom(...TOKENS.map((t) => t.token), 'not-a-valid-token-at-all-000000'),
);
const statuses = new Map<number, number>();
const serverErrors: string[] = [];
let stateChangesFromRefusals = 0;
let uncheckedRounds = 0;
let downChecks = 0;
const changeDetails: string[] = [];
/** After a write succeeded, the worker acts on it for a while: the next rounds are not judged. */
let quietAfterWrite = 0;
for (let index = 0; index < COUNT; index += ROUND) {
  const round = fc.sample(draw, { numRuns: Math.min(ROUND, COUNT - index), seed: 2027 + index });
  const stateBefore = await state();
  const answers = await Promise.all(round.map(([request, token]) => send(request, token)));
  round.forEach(([request], position) => {
    const status = answers[position]!;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500 || status === -1)
      serverErrors.push(
        `${status} ${request.method} ${request.path} ${String(request.body).slice(0, 120)}`,
      );
  });
  const wrote = round.some(
    ([request], position) => request.method === 'POST' && answers[position]! < 300,
  );
  if (wrote) quietAfterWrite = 25;
  if (answers.every((status) => status >= 400 || status === -1) && quietAfterWrite === 0) {
    const stateAfter = await state();
    if (stateAfter !== stateBefore) {
      stateChangesFromRefusals += 1;
      if (changeDetails.length < 5)
        changeDetails.push(
          `${stateBefore} -> ${stateAfter}: ${round.map(([request], position) => `${answers[position]} ${request.method} ${request.path}`).join('; ')}`,
        );
    }
  } else {
    uncheckedRounds += 1;
    if (!wrote && quietAfterWrite > 0) quietAfterWrite -= 1;
  }
  if ((index / ROUND) % 125 === 0) {
    if (index % 10_000 === 0) process.stderr.write(`  ${index} requests sent\n`);
    const health = await fetch(`${desk.url}/healthz`)
      .then((response) => response.status)
      .catch(() => -1);
    if (health !== 200) downChecks += 1;
  }
}
const seconds = (Date.now() - started) / 1000;
const up =
  (await fetch(`${desk.url}/healthz`)
    .then((response) => response.status)
    .catch(() => -1)) === 200;
gc();
const after = process.memoryUsage();

console.log(`requests: ${COUNT} in ${seconds.toFixed(0)} s (${(COUNT / seconds).toFixed(0)}/s)`);
console.log(
  `status counts: ${[...statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, count]) => `${status}=${count}`)
    .join(' ')}`,
);
console.log(`responses >= 500 (or no answer): ${serverErrors.length}`);
for (const line of serverErrors.slice(0, 10)) console.log(`  ${line}`);
console.log(
  `state changes in rounds where every request was refused: ${stateChangesFromRefusals} (rounds not judged, with or just after a success: ${uncheckedRounds})`,
);
for (const line of changeDetails) console.log(`  ${line}`);
console.log(
  `service up throughout: ${downChecks === 0 && up ? 'yes' : `no (${downChecks} failed health checks)`}`,
);
console.log(
  `memory (heap used / rss): before ${megabytes(before.heapUsed)} / ${megabytes(before.rss)}, after ${megabytes(after.heapUsed)} / ${megabytes(after.rss)}`,
);

await desk.stop();
rmSync(dataDir, { recursive: true, force: true });
