// Freshness on the production Salesforce path: the embedded desk on the local org, an AE's Submit
// set through the org's REST API, then the time until ACE receives the create (record change →
// portal call), until the org's CoSell_Engagement__c shows the ACE id (written back as soon as ACE
// holds the record, status still ACE's draft) and until it shows the submitted outcome (after ACE's
// associate and start, each a paced write at ACE's 1 a second). The poll runs at its default
// minute, so these figures are Change Data Capture's.
//   node --experimental-transform-types --import ./scripts/bench/ts-resolve.mjs scripts/bench/org-freshness.ts [submits=15]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/gateway/index.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';

const submits = Number(process.argv[2] ?? 15);
const dataDir = mkdtempSync(join(tmpdir(), 'cosell-org-freshness-'));
const desk = await startDemoDesk({
  config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir, COSELL_DEMO: 'false' }),
  env: {},
  logger: createServiceLogger({ level: 'silent' }),
  sandboxReview: { inReviewAfterMs: 60_000, decisionAfterMs: 120_000 },
});
const { instanceUrl, accessToken } = JSON.parse(
  readFileSync(join(dataDir, 'local-org.json'), 'utf8'),
) as { instanceUrl: string; accessToken: string };
const org = new Connection({ instanceUrl, accessToken, version: SALESFORCE_API_VERSION });
const localOrg = desk.localOrg!;
const aws = desk.emulators.aws!;

async function draft(index: number): Promise<string> {
  const account = (await org.sobject('Account').create({
    Name: `Freshness ${index} Ltd`,
    Website: `https://www.freshness-${index}.example.com`,
    Industry: 'Retail',
    BillingStreet: '1 Harbour Way',
    BillingCity: 'Seattle',
    BillingState: 'WA',
    BillingPostalCode: '98101',
    BillingCountry: 'US',
  })) as { id: string };
  const opportunity = (await org.sobject('Opportunity').create({
    Name: `Freshness ${index} - lakehouse migration`,
    AccountId: account.id,
    Amount: 250000 + index,
    CurrencyIsoCode: 'USD',
    StageName: 'Qualification',
    Probability: 20,
    CloseDate: '2027-09-30',
    Description: 'Managed lakehouse migration on AWS.',
    CoSell_Clouds__c: 'AWS',
    CoSell_Origin__c: 'Partner-led',
    CoSell_Help_Needed__c: 'Architecture validation',
    CoSell_Help_Details__c: 'Sizing review.',
    Marketplace_Route__c: 'Private offer',
    Commit_Drawdown__c: 'AWS EDP',
    Tenancy_Archetype__c: 'Customer-deployed',
    CoSell_Expected_Monthly_Spend__c: 20000,
    CoSell_Use_Case__c: 'Data platform modernisation',
  })) as { id: string };
  const contact = (await org.sobject('Contact').create({
    FirstName: 'Sam',
    LastName: `Buyer${index}`,
    Email: `sam${index}@freshness.example.com`,
    AccountId: account.id,
  })) as { id: string };
  await org
    .sobject('OpportunityContactRole')
    .create({ OpportunityId: opportunity.id, ContactId: contact.id, Role: 'Decision Maker' });
  return (
    (await org.sobject('CoSell_Engagement__c').create({
      Opportunity__c: opportunity.id,
      Cloud__c: 'AWS',
      Status__c: 'Draft',
      Engagement_Key__c: `${opportunity.id}:AWS`,
    })) as { id: string }
  ).id;
}

const engagements: string[] = [];
for (let index = 0; index < submits; index++) engagements.push(await draft(index));
await new Promise((resolve) => setTimeout(resolve, 1_500)); // let the drafts' own change events settle

const toPortal: number[] = [];
const toWriteBack: number[] = [];
const toOutcome: number[] = [];
for (const engagementId of engagements) {
  // Each change is measured alone: ACE takes one write a second, so a submit right behind the last
  // one's writes would first wait for its slot (see the pacer's margin in desk.ts).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const created = aws.counters.created;
  let portalAt = 0;
  let shownAt = 0;
  const writtenBack = new Promise<number>((resolve) => {
    const off = localOrg.server.org.onChange((change) => {
      if (change.entityName !== 'CoSell_Engagement__c' || !change.recordIds.includes(engagementId))
        return;
      const record = localOrg.server.org.get('CoSell_Engagement__c', engagementId);
      if (!shownAt && typeof record?.Portal_Id__c === 'string') shownAt = performance.now();
      // The outcome: the Submit consumed, the status past ACE's draft.
      if (
        typeof record?.Portal_Id__c === 'string' &&
        !record.Requested_Action__c &&
        record.Status__c !== 'Draft'
      ) {
        off();
        resolve(performance.now());
      }
    });
  });
  const watch = setInterval(() => {
    if (!portalAt && aws.counters.created > created) portalAt = performance.now();
  }, 2);
  const start = performance.now();
  await org
    .sobject('CoSell_Engagement__c')
    .update({ Id: engagementId, Requested_Action__c: 'Submit' });
  const doneAt = await Promise.race([
    writtenBack,
    new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 30_000)),
  ]);
  clearInterval(watch);
  if (Number.isNaN(doneAt)) {
    console.log(`engagement ${engagementId}: no write-back within 30 s`);
    continue;
  }
  toPortal.push((portalAt || doneAt) - start);
  toWriteBack.push((shownAt || doneAt) - start);
  toOutcome.push(doneAt - start);
}

const percentiles = (values: number[]) => {
  if (values.length === 0) return 'no samples';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (${values.length} submits)`;
};
console.log(`record change → ACE create: ${percentiles(toPortal)}`);
console.log(
  `record change → write-back visible in the org (ACE id, draft): ${percentiles(toWriteBack)} (goal p95 < 2000 ms with CDC)`,
);
console.log(
  `record change → outcome visible in the org (Submitted, request consumed): ${percentiles(toOutcome)}`,
);
console.log(
  `ACE calls by operation: ${JSON.stringify(aws.counters.callsByOperation)}; throttled by ACE's quota: ${aws.counters.throttled}`,
);
console.log(
  `change events published by the org: ${localOrg.server.streaming.published}; org API calls: ${localOrg.server.apiCalls()}`,
);
await desk.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
