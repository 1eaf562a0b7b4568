// Writes a generated Salesforce-style opportunity export to a file for demos and the benchmark.
// Run: node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/export-generator/cli.ts OUT.csv [COUNT] [SEED]
import { createWriteStream } from 'node:fs';
import { writeOpportunityExport } from '../../middleware/src/salesforce/exports/index.js';
import { generateOpportunities } from './opportunities.js';

const [out, count = '1000', seed = '2027'] = process.argv.slice(2);
if (!out) {
  console.error('usage: cli.ts OUT.csv [COUNT] [SEED]');
  process.exit(2);
}
await writeOpportunityExport(
  generateOpportunities({ count: Number(count), seed: Number(seed), now: new Date() }),
  createWriteStream(out),
);
console.log(`wrote ${count} opportunities to ${out}`);
