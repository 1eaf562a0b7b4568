// Run: node --no-warnings --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/account-mapping.ts [ROWS]
// Benchmarks account mapping at ROWS × ROWS (default 100,000): a hyperscaler export, a target list
// and ROWS Salesforce Accounts, generated as CSV text, parsed and matched. Prints wall and CPU time
// per phase. Matching goes through hash indexes (normalised name, name core, domain), never a
// pairwise loop, so time grows with the rows, not with their product.
// Measured 2026-12-06 on the shared 2-core box: 100k x 100k in 5.7 s wall (3.5 s CPU): parsing 2.5 s,
// index + match + pursuit list 3.3 s; peak RSS 539 MB (all three lists and the result held in memory).
import {
  mapAccounts,
  parseAccountList,
  type SalesforceAccountRecord,
} from '../../middleware/src/core/account-mapping/index.js';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows < 1)
  throw new Error(`ROWS must be a positive whole number, got ${process.argv[2]}`);

const WORDS = [
  'north',
  'wind',
  'contoso',
  'fabrikam',
  'tail',
  'spin',
  'ada',
  'tum',
  'wood',
  'grove',
  'lit',
  'ware',
  'blue',
  'yonder',
  'proseware',
  'alpine',
];
const FORMS = ['Inc.', 'Ltd', 'GmbH', 'S.A.', 'Corporation', 'LLC', ''];
/** A distinct, readable company name per number. */
const company = (n: number) =>
  `${WORDS[n % 16]}${WORDS[(n >> 4) % 16]} ${WORDS[(n >> 8) % 16]}${n.toString(36)}`;

// Salesforce holds accounts 0..rows-1; the hyperscaler lists rows accounts, half of them overlapping
// (some by domain only, some by name only, with different legal forms and URL shapes).
const salesforce: SalesforceAccountRecord[] = [];
for (let n = 0; n < rows; n += 1) {
  salesforce.push({
    id: `001${n.toString().padStart(15, '0')}`,
    name: `${company(n)} ${FORMS[n % FORMS.length]}`.trim(),
    website: n % 3 === 0 ? null : `${company(n).replace(/ /g, '')}.com`,
    ownerName: `Owner ${n % 50}`,
    type: n % 4 === 0 ? 'Customer' : 'Prospect',
  });
}
const hyperscalerLines = ['Customer Company Name,Customer Website,AWS Account Manager'];
for (let n = 0; n < rows; n += 1) {
  const id = n % 2 === 0 ? n : rows + n;
  hyperscalerLines.push(
    `"${company(id).toUpperCase()} ${FORMS[(n + 3) % FORMS.length]}",${n % 5 === 0 ? '' : `https://www.${company(id).replace(/ /g, '')}.com/home`},Seller ${n % 300}`,
  );
}
const targetLines = ['Account Name,Website,Owner'];
for (let n = 0; n < rows; n += 1)
  targetLines.push(`${company(n * 3)},${company(n * 3).replace(/ /g, '')}.com,Owner ${n % 50}`);

const started = { wall: performance.now(), cpu: process.cpuUsage() };
const lap = () => ({
  wall: (performance.now() - started.wall) / 1000,
  cpu: (process.cpuUsage(started.cpu).user + process.cpuUsage(started.cpu).system) / 1e6,
});
const hyperscaler = parseAccountList(hyperscalerLines.join('\n'), 'hyperscaler');
const target = parseAccountList(targetLines.join('\n'), 'target');
const parsed = lap();
const result = mapAccounts({
  cloud: 'AWS',
  ranOn: '2026-11-26',
  hyperscalerAccounts: hyperscaler.accounts,
  targetAccounts: target.accounts,
  salesforceAccounts: salesforce,
});
const total = lap();

console.log(
  `account mapping ${rows.toLocaleString('en-US')} x ${rows.toLocaleString('en-US')} (plus a ${rows.toLocaleString('en-US')}-row target list)`,
);
console.log(`  parse both CSVs: ${parsed.wall.toFixed(2)} s wall, ${parsed.cpu.toFixed(2)} s CPU`);
console.log(
  `  index + match + pursuit list: ${(total.wall - parsed.wall).toFixed(2)} s wall, ${(total.cpu - parsed.cpu).toFixed(2)} s CPU`,
);
console.log(
  `  total: ${total.wall.toFixed(2)} s wall, ${total.cpu.toFixed(2)} s CPU; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
console.log(`  ${JSON.stringify(result.summary)}`);
