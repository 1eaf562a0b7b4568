// A running test server with a signing key pair, an integration user and a realistic co-sell org:
// a data-platform modernisation deal shared with AWS, a MACC drawdown with Microsoft, queues and
// triage rules, so tests read like the inbox and pipeline an alliance team works.
import '../realm-symbols.js';
import { generateKeyPairSync } from 'node:crypto';
import type { SalesforceConfig } from '../../../middleware/src/salesforce/gateway/config.js';
import {
  salesforceDateTime,
  type SRecord,
} from '../../../middleware/src/sandbox/salesforce/org.js';
import { SalesforceTestServer } from '../../../middleware/src/sandbox/salesforce/server.js';
import {
  loadPackageModel,
  type PackageModel,
} from '../../../middleware/src/sandbox/salesforce/force-app.js';

let packageModel: Promise<PackageModel> | null = null;

export interface SalesforceFixture {
  server: SalesforceTestServer;
  config: SalesforceConfig;
  /** A key the connected app does not trust. */
  strangerKeyPem: string;
  stop(): Promise<void>;
}

let keys: { privateKeyPem: string; publicKeyPem: string; strangerKeyPem: string } | null = null;

/** RSA keys are slow to make: one pair per test file run. */
function testKeys() {
  if (!keys) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys = {
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      strangerKeyPem: stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }
  return keys;
}

export const INTEGRATION_USERNAME = 'cosell.integration@northwind-analytics.com';
export const CONNECTED_APP_ID = '3MVG9northwindCoSellIntegration';

export async function startSalesforceFixture(
  options: { pageSize?: number; clock?: () => Date; apiLimit?: number } = {},
): Promise<SalesforceFixture> {
  const { privateKeyPem, publicKeyPem, strangerKeyPem } = testKeys();
  packageModel ??= loadPackageModel();
  const { schema, policy } = await packageModel;
  const server = new SalesforceTestServer({
    schema,
    policy,
    publicKeyPem,
    clientId: CONNECTED_APP_ID,
    usernames: [INTEGRATION_USERNAME],
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.apiLimit ? { apiLimit: options.apiLimit } : {}),
  });
  const url = await server.start();
  return {
    server,
    config: {
      loginUrl: url,
      clientId: CONNECTED_APP_ID,
      username: INTEGRATION_USERNAME,
      privateKey: privateKeyPem,
      instanceUrl: null,
    },
    strangerKeyPem,
    stop: () => server.stop(),
  };
}

export interface SeededOrg {
  owner: SRecord;
  queues: Record<string, SRecord>;
  contoso: SRecord;
  fabrikam: SRecord;
  /** Data-platform modernisation, partner-led, engaged with AWS (request: Submit). */
  dataPlatform: SRecord;
  dataPlatformAws: SRecord;
  /** MACC drawdown with Microsoft, hyperscaler-led from a Microsoft specialist. */
  maccDrawdown: SRecord;
}

/** The queues the triage rules name, and a small pipeline. */
export function seedCoSellOrg(server: SalesforceTestServer, at: Date): SeededOrg {
  const org = server.org;
  const stamp = salesforceDateTime(at);
  const owner = org.seed('User', {
    Name: 'Priya Raman',
    Email: 'priya.raman@northwind-analytics.com',
  });
  const queues = Object.fromEntries(
    [
      'CoSell_Senior_Alliance_Managers',
      'CoSell_Alliance_Managers',
      'CoSell_Alliance_Leadership',
      'CoSell_Alliance_Ops',
    ].map((name) => [
      name,
      org.seed('Group', { Type: 'Queue', DeveloperName: name, Name: name.replace(/_/g, ' ') }),
    ]),
  );
  const contoso = org.seed('Account', {
    Name: 'Contoso Retail Group',
    Website: 'https://www.contoso-retail.com',
    Industry: 'Retail',
    BillingStreet: '1 Harbour Way',
    BillingCity: 'Seattle',
    BillingState: 'WA',
    BillingPostalCode: '98101',
    BillingCountry: 'US',
  });
  const fabrikam = org.seed('Account', {
    Name: 'Fabrikam Health',
    Website: 'https://fabrikam-health.de',
    Industry: 'Healthcare',
    BillingCity: 'Munich',
    BillingCountry: 'DE',
  });
  const dataPlatform = org.seed('Opportunity', {
    Name: 'Contoso - lakehouse migration off on-prem Hadoop',
    AccountId: contoso.Id,
    OwnerId: owner.Id,
    Amount: 480000,
    CurrencyIsoCode: 'USD',
    StageName: 'Qualification',
    Probability: 20,
    IsClosed: false,
    IsWon: false,
    CloseDate: '2027-03-31',
    CreatedDate: stamp,
    LastModifiedDate: stamp,
    SystemModstamp: stamp,
    Description:
      'Move 2 PB of Hadoop workloads to a managed lakehouse on AWS; Glue + Redshift today.',
    NextStep: 'Architecture review with AWS data & analytics specialist',
    Type: 'New Business',
    CoSell_Clouds__c: 'AWS',
    CoSell_Origin__c: 'Partner-led',
    CoSell_Attribution__c: null,
    CoSell_Help_Needed__c: 'Architecture validation;Pricing assistance',
    CoSell_Help_Details__c: 'Need an AWS SA to validate the Redshift sizing before the CFO review.',
    Marketplace_Route__c: 'Private offer',
    Commit_Drawdown__c: 'AWS EDP',
    Tenancy_Archetype__c: 'Customer-deployed',
    CoSell_Expected_Monthly_Spend__c: 38000,
    CoSell_Use_Case__c: 'Data platform modernisation',
  });
  const dataPlatformAws = org.seed('CoSell_Engagement__c', {
    Opportunity__c: dataPlatform.Id,
    Cloud__c: 'AWS',
    Status__c: 'Draft',
    Requested_Action__c: 'Submit',
    Engagement_Key__c: `${dataPlatform.Id}:AWS`,
    SystemModstamp: stamp,
  });
  const cfo = org.seed('Contact', {
    FirstName: 'Marta',
    LastName: 'Okafor',
    Email: 'marta.okafor@contoso-retail.com',
    Title: 'Chief Data Officer',
    Phone: '+1 206 555 0142',
  });
  org.seed('OpportunityContactRole', {
    OpportunityId: dataPlatform.Id,
    ContactId: cfo.Id,
    Role: 'Decision Maker',
  });
  const maccDrawdown = org.seed('Opportunity', {
    Name: 'Fabrikam Health - clinical analytics on Azure (MACC drawdown)',
    AccountId: fabrikam.Id,
    OwnerId: owner.Id,
    Amount: 260000,
    CurrencyIsoCode: 'EUR',
    StageName: 'Proposal',
    Probability: 60,
    IsClosed: false,
    IsWon: false,
    CloseDate: '2027-01-15',
    CreatedDate: stamp,
    LastModifiedDate: stamp,
    SystemModstamp: stamp,
    CoSell_Clouds__c: 'Microsoft',
    CoSell_Origin__c: 'Hyperscaler-led',
    CoSell_Originating_Cloud__c: 'Microsoft',
    CoSell_Attribution__c: 'Sourced',
    Marketplace_Route__c: 'Private offer',
    Commit_Drawdown__c: 'Microsoft MACC',
    Tenancy_Archetype__c: 'ISV-hosted SaaS',
    CoSell_Use_Case__c: 'Clinical analytics',
  });
  return { owner, queues, contoso, fabrikam, dataPlatform, dataPlatformAws, maccDrawdown };
}
