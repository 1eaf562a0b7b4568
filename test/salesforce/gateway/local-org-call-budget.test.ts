// The call budget counted by the local org itself, as `npm start` runs it: 5,000 co-sell
// opportunities created in the org through its API, then one sync pass of the production gateway
// (logged in by the JWT bearer flow) measured on the org's own `/limits` counter, read before and
// after by the org's admin: at most ceil(N/2000) reads + ceil(N/200) writes + a small constant.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import {
  connectSalesforceGateway,
  SALESFORCE_API_VERSION,
  type SalesforceGateway,
} from '../../../middleware/src/salesforce/gateway/index.js';
import {
  startLocalOrg,
  type LocalOrg,
} from '../../../middleware/src/sandbox/salesforce/local-org.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import { pgliteOptions } from '../../support/stores.js';

const N = 5_000;
/** The engagement-request and referral-request queries of the pass. */
const CONSTANT = 2;

describe('Salesforce call budget on the local org', () => {
  let local: LocalOrg;
  let admin: Connection;
  let store: Store;
  let gateway: SalesforceGateway;

  /** DailyApiRequests used, as the org reports it (the /limits call itself counts as one). */
  async function used(): Promise<number> {
    const limits = (await admin.limits()) as unknown as {
      DailyApiRequests: { Max: number; Remaining: number };
    };
    return limits.DailyApiRequests.Max - limits.DailyApiRequests.Remaining;
  }

  beforeAll(async () => {
    local = await startLocalOrg({ port: 0, apiLimit: 100_000 });
    admin = new Connection({
      instanceUrl: local.instanceUrl,
      accessToken: local.admin.accessToken,
      version: SALESFORCE_API_VERSION,
    });
    const account = (await admin
      .sobject('Account')
      .create({ Name: 'Tailspin Toys', BillingCountry: 'US' })) as { id: string };
    const records = Array.from({ length: N }, (_, index) => ({
      Name: `Tailspin - partner-led analytics expansion #${index + 1}`,
      AccountId: account.id,
      Amount: 50_000 + (index % 40) * 2_500,
      CurrencyIsoCode: 'USD',
      StageName: index % 3 === 0 ? 'Proposal/Price Quote' : 'Qualification',
      CloseDate: '2027-06-30',
      CoSell_Clouds__c: index % 2 === 0 ? 'AWS' : 'AWS;Microsoft',
      CoSell_Origin__c: 'Partner-led',
      // Stored attribution absent on every deal: the worst case, one write per record.
      CoSell_Attribution__c: null,
    }));
    for (let start = 0; start < N; start += 200) {
      const results = await admin
        .sobject('Opportunity')
        .create(records.slice(start, start + 200), { allOrNone: true });
      const refused = results.filter((result) => !result.success);
      if (refused.length > 0) throw new Error(JSON.stringify(refused[0]));
    }
    store = await openStore(pgliteOptions());
    gateway = await connectSalesforceGateway(local.config, { db: store.db, coalesceWindowMs: 5 });
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    await local?.stop();
  });

  it(`syncs ${N} changed opportunities within ceil(N/2000) + ceil(N/200) + ${CONSTANT} calls on the org's own counter`, async () => {
    const before = await used();
    const result = await gateway.syncOnce();
    const after = await used();
    expect(result.opportunities).toMatchObject({
      read: N,
      recorded: N,
      rejected: 0,
      attributionWrites: N,
    });
    // `after` includes its own /limits call.
    const spent = after - before - 1;
    const budget = Math.ceil(N / 2000) + Math.ceil(N / 200) + CONSTANT;
    expect(spent).toBeLessThanOrEqual(budget);
    // The writes really happened, 200 records a call at most.
    expect(
      local.org
        .all('Opportunity')
        .filter((opportunity) => opportunity.CoSell_Attribution__c === 'Influenced'),
    ).toHaveLength(N);
    expect(local.server.collectionSizes.every((size) => size <= 200)).toBe(true);
    // What /metrics reports comes from the same counter (Sforce-Limit-Info on the gateway's last call).
    expect(gateway.usage().apiUsage).toEqual({ used: after - 1, limit: 100_000 });
    process.stdout.write(
      `local org counter: ${spent} calls for ${N} changed opportunities (budget ${budget})\n`,
    );
  }, 300_000);
});
