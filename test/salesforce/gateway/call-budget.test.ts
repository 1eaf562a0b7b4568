// The call budget: one sync pass over N changed co-sell opportunities costs at most ceil(N/2000)
// reads + ceil(N/200) writes + a constant of 3 calls (the engagement-request query, the
// referral-request query and the OAuth token request; the token call does not count against the
// org's API allocation but is counted here anyway).
import { salesforceDateTime } from '../../support/salesforce-server/index.js';
import {
  startGatewayHarness,
  type GatewayHarness,
} from '../../support/salesforce-server/harness.js';

const N = 5_000;
const CONSTANT = 3;

describe('Salesforce call budget', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness();
    const org = harness.fixture.server.org;
    const account = org.seed('Account', { Name: 'Tailspin Toys', BillingCountry: 'US' });
    const start = new Date('2026-11-02T08:00:00Z').getTime();
    for (let index = 0; index < N; index++) {
      const stamp = salesforceDateTime(new Date(start + index * 60_000));
      org.seed('Opportunity', {
        Name: `Tailspin - partner-led analytics expansion #${index + 1}`,
        AccountId: account.Id,
        Amount: 50_000 + (index % 40) * 2_500,
        CurrencyIsoCode: 'USD',
        StageName: index % 3 === 0 ? 'Proposal' : 'Qualification',
        CloseDate: '2027-06-30',
        CreatedDate: stamp,
        LastModifiedDate: stamp,
        SystemModstamp: stamp,
        CoSell_Clouds__c: index % 2 === 0 ? 'AWS' : 'AWS;Microsoft',
        CoSell_Origin__c: 'Partner-led',
        // Every deal's stored attribution is stale: the worst case, one write per record.
        CoSell_Attribution__c: null,
      });
    }
  }, 120_000);
  afterAll(async () => harness.stop());

  it(`syncs ${N} changed opportunities within ceil(N/2000) reads + ceil(N/200) writes + ${CONSTANT}`, async () => {
    const { server } = harness.fixture;
    const result = await harness.gateway.syncOnce();
    expect(result.opportunities).toMatchObject({
      read: N,
      recorded: N,
      rejected: 0,
      attributionWrites: N,
    });

    const reads = server.calls.query + server.calls.queryMore;
    const writes = server.calls.composite + server.calls.sobject + server.calls.bulk;
    const budget = Math.ceil(N / 2000) + Math.ceil(N / 200) + CONSTANT;
    // Token call made when the harness opened the session.
    const total = reads + writes + server.calls.token + server.calls.limits + server.calls.other;
    expect(total).toBeLessThanOrEqual(budget);
    // The opportunity pages alone are exactly ceil(N/2000); the two request queries are the constant.
    expect(server.calls.queryMore).toBe(Math.ceil(N / 2000) - 1);
    expect(server.calls.query).toBe(3);
    expect(writes).toBe(Math.ceil(N / 200));
    expect(server.collectionSizes.every((size) => size <= 200)).toBe(true);
    expect(
      server.org.all('Opportunity').filter((opp) => opp.CoSell_Attribution__c === 'Influenced'),
    ).toHaveLength(N);
    // Sforce-Limit-Info is what /metrics reports.
    expect(harness.gateway.usage().apiUsage).toEqual({ used: server.apiCalls(), limit: 15_000 });
  }, 300_000);
});
