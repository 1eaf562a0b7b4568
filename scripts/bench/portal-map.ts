// Measures canonical validation + mapping + wire validation of 100k opportunities to all three portals
// on one core, against the goal of 20k opportunities/s. Run from the repository root:
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/portal-map.ts [count]
import { performance } from 'node:perf_hooks';
import {
  CoSellOpportunity,
  type CoSellOpportunityInput,
  type HelpNeed,
} from '../../middleware/src/core/model.js';
import { mapAndValidate } from '../../middleware/src/portals/mapping/checked-payload.js';
import { PORTALS } from '../../middleware/src/portals/portal.js';
import { portalBinding } from '../../middleware/src/portals/registry.js';

const GOAL_PER_SECOND = 20_000;
const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count <= 0)
  throw new Error(`count must be a positive integer, not ${process.argv[2]}`);

/** Deterministic pseudo-random numbers (mulberry32), so every run maps the same opportunities. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS = [
  'Northwind Health Systems',
  'Contoso Pharma',
  'Fabrikam Logistics',
  'Tailspin Airlines',
  'Woodgrove Bank',
  'Litware Retail',
];
const INDUSTRIES = [
  'Healthcare',
  'Biotechnology',
  'Transportation',
  'Banking',
  'Retail',
  'Environmental',
  null,
];
const COUNTRIES = [
  'United States',
  'US',
  'Deutschland',
  'GB',
  'France',
  'Japan',
  'India',
  'Atlantis',
];
const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
];
const HELP: HelpNeed[] = [
  'Architecture validation',
  'Pricing assistance',
  'Executive sponsorship',
  'Deal support',
  'Customer introduction',
];
const USE_CASES = [
  'Data platform modernisation',
  'Generative AI',
  'Migration',
  'Customer 360 analytics',
];

function opportunityInput(index: number, next: () => number): CoSellOpportunityInput {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const account = pick(ACCOUNTS);
  const domain = `${account.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
  const closeYear = 2026 + Math.floor(next() * 2);
  return {
    id: `006Hs${String(index).padStart(13, '0')}`,
    name: `${account} – ${pick(USE_CASES)}`,
    amount: Math.round(next() * 2_000_000_00) / 100,
    currencyIsoCode: pick(['USD', 'EUR', 'GBP']),
    stageName: pick(STAGES),
    closeDate: `${closeYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`,
    createdDate: '2026-09-02T14:10:00Z',
    lastModifiedDate: '2026-11-20T16:45:00Z',
    description: `${account} wants to move reporting off an ageing on-premises warehouse onto a governed lakehouse.`,
    nextStep: 'Architecture workshop with the cloud SA',
    type: pick(['New Customer', 'Existing Customer - Upgrade', null]),
    account: {
      name: account,
      website: `https://www.${domain}`,
      industry: pick(INDUSTRIES),
      billingStreet: '1200 Harbor Way',
      billingCity: 'Seattle',
      billingState: 'WA',
      billingPostalCode: '98101',
      billingCountry: pick(COUNTRIES),
    },
    contacts: [
      {
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: `dana.whitfield@${domain}`,
        phone: '+1 (206) 555-0142',
        title: 'VP Data & Analytics',
      },
    ],
    coSell: {
      clouds: ['AWS', 'Microsoft', 'Google'],
      helpNeeded: [...new Set([pick(HELP), pick(HELP)])],
      helpDetails: 'Validate the lakehouse design and HIPAA controls',
      tenancyArchetype: 'ISV-hosted SaaS',
      expectedMonthlySpend: next() < 0.3 ? null : Math.round(next() * 50_000),
      useCase: pick(USE_CASES),
    },
  };
}

const next = random(20261126);
const inputs = Array.from({ length: count }, (_, index) => opportunityInput(index, next));
const bindings = PORTALS.map((portal) => portalBinding(portal));
const now = new Date('2026-11-26T09:30:00Z');

// Warm-up so the JIT has seen every path before the clock starts.
for (const input of inputs.slice(0, 20_000)) {
  const opportunity = CoSellOpportunity.parse(input);
  for (const binding of bindings)
    mapAndValidate(binding.mapper, binding.wireFormat, opportunity, { now });
}

let findings = 0;
let errors = 0;
// CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (const input of inputs) {
  const opportunity = CoSellOpportunity.parse(input);
  for (const binding of bindings) {
    const checked = mapAndValidate(binding.mapper, binding.wireFormat, opportunity, { now });
    findings += checked.findings.length;
    for (const finding of checked.findings) if (finding.severity === 'error') errors += 1;
  }
}
const wallSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = Math.round(count / cpuSeconds);

// The same work as a service or the CLI does it: opportunities arrive a chunk at a time and are gone
// once validated, so garbage collection marks a small heap. Above, all inputs stay alive for the
// whole run, and every full collection marks them: that GC cost is the benchmark's, not the product's.
const CHUNK = 1_000;
const streamNext = random(20261126);
let streamedMicros = 0;
for (let from = 0; from < count; from += CHUNK) {
  const chunk = Array.from({ length: Math.min(CHUNK, count - from) }, (_, offset) =>
    opportunityInput(from + offset, streamNext),
  );
  const before = process.cpuUsage();
  for (const input of chunk) {
    const opportunity = CoSellOpportunity.parse(input);
    for (const binding of bindings)
      mapAndValidate(binding.mapper, binding.wireFormat, opportunity, { now });
  }
  const used = process.cpuUsage(before);
  streamedMicros += used.user + used.system;
}
const streamedPerSecond = Math.round(count / (streamedMicros / 1e6));

/** CPU microseconds per opportunity for one phase, run on its own over the same data. */
function phase(run: () => void): string {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return `${((used.user + used.system) / count).toFixed(1)} µs`;
}
const opportunities = inputs.map((input) => CoSellOpportunity.parse(input));
// zod's own parse, for comparison: a clone shares the schema's definition but not its compiled parse.
const zodOnly = CoSellOpportunity.clone();
const breakdown = [
  `canonical parse ${phase(() => inputs.forEach((input) => CoSellOpportunity.parse(input)))} (zod alone ${phase(() => inputs.forEach((input) => zodOnly.parse(input)))})`,
];
for (const binding of bindings) {
  const payloads = opportunities.map(
    (opportunity) => binding.mapper.toWire(opportunity, { now }).payload,
  );
  breakdown.push(
    `${binding.portal} map ${phase(() => opportunities.forEach((opportunity) => binding.mapper.toWire(opportunity, { now })))}`,
  );
  breakdown.push(
    `${binding.portal} wire validation ${phase(() => payloads.forEach((payload) => binding.wireFormat.validate(binding.mapper.operation, payload)))}`,
  );
}

console.log(
  `portal-map: ${count} opportunities × ${bindings.length} portals (canonical parse + map + wire validation): ${cpuSeconds.toFixed(2)} s CPU, ${wallSeconds.toFixed(2)} s wall`,
);
console.log(
  `portal-map: all ${count} inputs held in memory: ${perSecond} opportunities/s per core`,
);
console.log(
  `portal-map: streamed in chunks of ${CHUNK}: ${streamedPerSecond} opportunities/s per core (goal ${GOAL_PER_SECOND}/s: ${streamedPerSecond >= GOAL_PER_SECOND ? 'met' : 'NOT met'})`,
);
console.log(`portal-map: per opportunity: ${breakdown.join(', ')}`);
console.log(
  `portal-map: ${findings} findings, ${errors} errors (mixed data includes unmapped industries and unknown countries on purpose)`,
);
