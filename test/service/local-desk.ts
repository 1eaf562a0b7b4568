// Shared set-up of the tests of the embedded desk on the local org: the desk started as `npm start`
// starts it (a fresh data folder unless given one) with a jsforce connection to its org as the
// admin, a poll that waits for a condition, and an AE's draft deal created in the org.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from 'jsforce';
import { SALESFORCE_API_VERSION } from '../../middleware/src/salesforce/gateway/index.js';
import { loadConfig } from '../../middleware/src/service/config.js';
import { startDemoDesk } from '../../middleware/src/demo/bootstrap.js';
import type { Desk } from '../../middleware/src/service/desk.js';
import { createServiceLogger } from '../../middleware/src/service/logging.js';

export const run = promisify(execFile);
const quiet = createServiceLogger({ level: process.env.DESK_LOG ?? 'silent' });

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startLocalDesk(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'cosell-local-org-')),
): Promise<{ desk: Desk; dataDir: string; org: Connection }> {
  const desk = await startDemoDesk({
    config: loadConfig({ PORT: '0', COSELL_DATA_DIR: dataDir, ...env }),
    env: {},
    logger: quiet,
    sandboxReview: { inReviewAfterMs: 500, decisionAfterMs: 1_000 },
  });
  const { instanceUrl, accessToken } = JSON.parse(
    readFileSync(join(dataDir, 'local-org.json'), 'utf8'),
  ) as { instanceUrl: string; accessToken: string };
  return {
    desk,
    dataDir,
    org: new Connection({ instanceUrl, accessToken, version: SALESFORCE_API_VERSION }),
  };
}

/** A deal an AE has just created in Lightning, with its AWS engagement still a draft. */
export async function draftDeal(org: Connection, name: string): Promise<string> {
  const account = (await org.sobject('Account').create({
    Name: `${name} Holdings`,
    Website: 'https://www.example-holdings.com',
    Industry: 'Retail',
    BillingStreet: '1 Harbour Way',
    BillingCity: 'Seattle',
    BillingState: 'WA',
    BillingPostalCode: '98101',
    BillingCountry: 'US',
  })) as { id: string };
  const opportunity = (await org.sobject('Opportunity').create({
    Name: `${name} - lakehouse migration`,
    AccountId: account.id,
    Amount: 480000,
    CurrencyIsoCode: 'USD',
    StageName: 'Qualification',
    Probability: 20,
    CloseDate: '2027-09-30',
    Description: 'Move 2 PB of Hadoop workloads to a managed lakehouse on AWS.',
    CoSell_Clouds__c: 'AWS',
    CoSell_Origin__c: 'Partner-led',
    CoSell_Help_Needed__c: 'Architecture validation',
    CoSell_Help_Details__c: 'An AWS SA to validate the Redshift sizing.',
    Marketplace_Route__c: 'Private offer',
    Commit_Drawdown__c: 'AWS EDP',
    Tenancy_Archetype__c: 'Customer-deployed',
    CoSell_Expected_Monthly_Spend__c: 38000,
    CoSell_Use_Case__c: 'Data platform modernisation',
  })) as { id: string };
  const contact = (await org.sobject('Contact').create({
    FirstName: 'Marta',
    LastName: 'Okafor',
    Email: 'marta.okafor@example-holdings.com',
    Title: 'Chief Data Officer',
    AccountId: account.id,
  })) as { id: string };
  await org
    .sobject('OpportunityContactRole')
    .create({ OpportunityId: opportunity.id, ContactId: contact.id, Role: 'Decision Maker' });
  const engagement = (await org.sobject('CoSell_Engagement__c').create({
    Opportunity__c: opportunity.id,
    Cloud__c: 'AWS',
    Status__c: 'Draft',
    Engagement_Key__c: `${opportunity.id}:AWS`,
  })) as { id: string };
  return engagement.id;
}
