// Write-back to the local org: collections of at most 200 with allOrNone=false and per-record
// results, coalesced engagement writes, row-lock retries, the API-limit pause, Salesforce field
// refusals as findings on the engagement, and Bulk API 2.0 above the threshold.
import type { EngagementOutcome } from '../../../middleware/src/engine/worker.js';
import {
  COLLECTION_LIMIT,
  SalesforceLimitError,
  SalesforceWriteError,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { seedCoSellOrg, type SRecord } from '../../support/salesforce-server/index.js';
import {
  startGatewayHarness,
  type GatewayHarness,
} from '../../support/salesforce-server/harness.js';

describe('Salesforce write-back', () => {
  let harness: GatewayHarness;
  let deals: SRecord[];

  beforeAll(async () => {
    harness = await startGatewayHarness({
      gateway: { bulkThreshold: 1_000, api: { limitPauseMs: 120_000 } },
    });
    seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    const org = harness.fixture.server.org;
    const account = org.seed('Account', { Name: 'Adventure Works Cycles', BillingCountry: 'NL' });
    deals = Array.from({ length: 1_200 }, (_, index) =>
      org.seed('Opportunity', {
        Name: `Adventure Works - dealer telemetry on BigQuery, region ${index + 1}`,
        AccountId: account.Id,
        StageName: 'Qualification',
        CloseDate: '2027-04-30',
        CoSell_Clouds__c: 'Google',
        CoSell_Origin__c: 'Partner-led',
      }),
    );
  });
  afterAll(async () => harness.stop());
  beforeEach(() => {
    harness.fixture.server.resetCounts();
    harness.sleeps.length = 0;
  });

  function outcome(
    opportunityId: string,
    overrides: Partial<EngagementOutcome> = {},
  ): EngagementOutcome {
    return {
      opportunityId,
      cloud: 'Google',
      status: 'Submitted',
      portalId: `projects/northwind/opportunities/${opportunityId.slice(-6)}`,
      findings: [],
      submittedAt: '2026-11-23T14:00:00.000Z',
      acceptedAt: null,
      lastSyncedAt: '2026-11-23T14:00:05.000Z',
      syncError: null,
      clearRequestedAction: true,
      ...overrides,
    };
  }

  it('splits 450 updates into collections of 200, 200 and 50, allOrNone=false, results in order', async () => {
    const records = deals
      .slice(0, 450)
      .map((deal) => ({ Id: deal.Id, CoSell_Attribution__c: 'Influenced' }));
    records[3] = { Id: '006000000000000AAA', CoSell_Attribution__c: 'Influenced' };
    const results = await harness.gateway.writeBack.writeMany({ object: 'Opportunity' }, records);
    expect(harness.fixture.server.collectionSizes).toEqual([200, 200, 50]);
    expect(harness.fixture.server.collectionAllOrNone).toEqual([false, false, false]);
    expect(results).toHaveLength(450);
    expect(results[3]).toEqual({
      ok: false,
      errors: [expect.objectContaining({ statusCode: 'ENTITY_IS_DELETED' })],
    });
    expect(results.filter((result) => result.ok)).toHaveLength(449);
    expect(results[4]).toEqual({ ok: true, id: deals[4]!.Id, created: false });
  });

  it('gathers engagement writes from concurrent jobs into one collection call and clears the request', async () => {
    await Promise.all(
      deals.slice(0, 5).map((deal) => harness.gateway.writeBack.writeEngagement(outcome(deal.Id))),
    );
    expect(harness.fixture.server.calls.composite).toBe(1);
    expect(harness.fixture.server.collectionSizes).toEqual([5]);
    const engagement = harness.fixture.server.org.findByField(
      'CoSell_Engagement__c',
      'Engagement_Key__c',
      `${deals[0]!.Id}:Google`,
    )!;
    expect(engagement).toMatchObject({
      Status__c: 'Submitted',
      Requested_Action__c: null,
      Findings__c: '[]',
      Opportunity__c: deals[0]!.Id,
    });
  });

  it(`never sends more than ${COLLECTION_LIMIT} coalesced records in one call`, async () => {
    await Promise.all(
      deals
        .slice(0, 230)
        .map((deal) =>
          harness.gateway.writeBack.writeEngagement(outcome(deal.Id, { status: 'In review' })),
        ),
    );
    expect(harness.fixture.server.collectionSizes).toEqual([200, 30]);
  });

  it('retries the records that hit UNABLE_TO_LOCK_ROW, with growing delays, and keeps the rest', async () => {
    const locked = new Set([deals[10]!.Id, deals[11]!.Id]);
    harness.fixture.server.lockRecords((record) => locked.has(String(record.Id)), 4);
    const records = deals
      .slice(0, 20)
      .map((deal) => ({ Id: deal.Id, CoSell_Attribution__c: 'Influenced' }));
    const results = await harness.gateway.writeBack.writeMany({ object: 'Opportunity' }, records);
    expect(results.every((result) => result.ok)).toBe(true);
    // First call: 20 records (2 locked); retry 1: both locked again; retry 2: both written.
    // Delays: 250 ms base, doubling, scaled by jitter (0.5 + random/2 with random = 0.5).
    expect(harness.fixture.server.collectionSizes).toEqual([20, 2, 2]);
    expect(harness.sleeps).toEqual([188, 375]);
    expect(harness.gateway.usage().lockRetries).toBeGreaterThanOrEqual(4);
  });

  it('gives up on a record still locked after the retries and reports it per record', async () => {
    // Locked for the first call and all three retries.
    harness.fixture.server.lockRecords((record) => record.Id === deals[12]!.Id, 4);
    const results = await harness.gateway.writeBack.writeMany({ object: 'Opportunity' }, [
      { Id: deals[12]!.Id, CoSell_Attribution__c: 'None' },
      { Id: deals[13]!.Id, CoSell_Attribution__c: 'None' },
    ]);
    expect(results[0]).toEqual({
      ok: false,
      errors: [expect.objectContaining({ statusCode: 'UNABLE_TO_LOCK_ROW' })],
    });
    expect(results[1]).toMatchObject({ ok: true });
    expect(harness.fixture.server.collectionSizes).toEqual([2, 1, 1, 1]);
  });

  it('retries a whole request refused with UNABLE_TO_LOCK_ROW', async () => {
    harness.fixture.server.inject({ error: 'UNABLE_TO_LOCK_ROW', kind: 'composite', times: 2 });
    const results = await harness.gateway.writeBack.writeMany({ object: 'Opportunity' }, [
      { Id: deals[14]!.Id, CoSell_Attribution__c: 'Influenced' },
    ]);
    expect(results[0]).toMatchObject({ ok: true });
    expect(harness.fixture.server.calls.composite).toBe(3);
    expect(harness.sleeps).toEqual([188, 375]);
  });

  it('pauses every call after REQUEST_LIMIT_EXCEEDED and reports it', async () => {
    harness.fixture.server.inject({ error: 'REQUEST_LIMIT_EXCEEDED', kind: 'composite', times: 1 });
    const first = await harness.gateway.writeBack
      .writeEngagement(outcome(deals[20]!.Id))
      .catch((error: unknown) => error);
    expect(first).toBeInstanceOf(SalesforceLimitError);
    const usage = harness.gateway.usage();
    expect(usage.limitExceeded).toBe(1);
    expect(usage.pausedUntil).toBe(new Date(harness.now.value.getTime() + 120_000).toISOString());
    // While paused, no call reaches Salesforce at all.
    await expect(harness.gateway.intake.syncOpportunities()).rejects.toBeInstanceOf(
      SalesforceLimitError,
    );
    expect(harness.fixture.server.calls.composite + harness.fixture.server.calls.query).toBe(1);
    harness.now.value = new Date(harness.now.value.getTime() + 121_000);
    await harness.gateway.writeBack.writeEngagement(outcome(deals[20]!.Id));
    expect(harness.gateway.usage().pausedUntil).toBeNull();
  });

  it('turns a validation-rule refusal into findings on the engagement and writes the rest', async () => {
    harness.fixture.server.org.addValidationRule((object, record) =>
      object === 'CoSell_Engagement__c' &&
      record.Status__c === 'Won' &&
      record.Cloud__c === 'Google'
        ? {
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'A Google engagement can only be Won once the Opportunity is Closed Won.',
            fields: ['Status__c'],
          }
        : null,
    );
    const deal = deals[30]!;
    await harness.gateway.writeBack.writeEngagement(outcome(deal.Id, { status: 'Submitted' }));
    harness.events.length = 0;
    await harness.gateway.writeBack.writeEngagement(
      outcome(deal.Id, {
        status: 'Won',
        findings: [
          {
            code: 'google.stage',
            severity: 'warning',
            message: 'Partner stage lags the customer stage',
            cloud: 'Google',
          },
        ],
      }),
    );
    const engagement = harness.fixture.server.org.findByField(
      'CoSell_Engagement__c',
      'Engagement_Key__c',
      `${deal.Id}:Google`,
    )!;
    expect(engagement.Status__c).toBe('Submitted');
    const findings = JSON.parse(String(engagement.Findings__c)) as Array<{
      code: string;
      field?: string;
    }>;
    expect(findings.map((finding) => finding.code)).toEqual([
      'google.stage',
      'salesforce.FIELD_CUSTOM_VALIDATION_EXCEPTION',
    ]);
    expect(findings[1]!.field).toBe('Status__c');
    expect(engagement.Sync_Error__c).toMatch(/only be Won once the Opportunity is Closed Won/);
    expect(harness.events).toEqual([
      expect.objectContaining({ type: 'engagement-field-errors', opportunityId: deal.Id }),
    ]);
  });

  it('fails (for the worker to retry) when Salesforce refuses for a reason that is not the data', async () => {
    harness.fixture.server.lockRecords(
      (record) => record.Engagement_Key__c === `${deals[40]!.Id}:Google`,
      4,
    );
    await expect(
      harness.gateway.writeBack.writeEngagement(outcome(deals[40]!.Id)),
    ).rejects.toBeInstanceOf(SalesforceWriteError);
  });

  it('sends a write above the bulk threshold as one Bulk API 2.0 job, with per-record results', async () => {
    const records = deals.map((deal) => ({ Id: deal.Id, CoSell_Attribution__c: 'Influenced' }));
    records[7] = { Id: '006000000000000AAA', CoSell_Attribution__c: 'Influenced' };
    const results = await harness.gateway.writeBack.writeMany({ object: 'Opportunity' }, records);
    expect(harness.fixture.server.calls.composite).toBe(0);
    expect(harness.fixture.server.calls.bulk).toBeGreaterThanOrEqual(4);
    expect(harness.fixture.server.calls.bulk).toBeLessThanOrEqual(8);
    expect(results.filter((result) => result.ok)).toHaveLength(deals.length - 1);
    expect(results[7]).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ statusCode: 'ENTITY_IS_DELETED' })],
    });
    expect(
      harness.fixture.server.org.get('Opportunity', deals[900]!.Id)!.CoSell_Attribution__c,
    ).toBe('Influenced');
  });
});
