// Change intake against the local org: co-sell Opportunities read by SystemModstamp cursor in pages,
// each handed to the engine, engagement requests turned into jobs, attribution written back, and a
// record the model refuses audited without stopping the rest.
import { truncateAll } from '../../support/stores.js';
import { seedCoSellOrg, salesforceDateTime } from '../../support/salesforce-server/index.js';
import {
  startGatewayHarness,
  type GatewayHarness,
} from '../../support/salesforce-server/harness.js';
import {
  CURSOR_NAMES,
  SalesforceChangeIntake,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { CoSellOpportunity } from '../../../middleware/src/core/model.js';

describe('Salesforce change intake', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await startGatewayHarness({ pageSize: 3 });
  });
  afterAll(async () => harness.stop());
  beforeEach(async () => {
    await truncateAll(harness.store.db);
    for (const object of [
      'Opportunity',
      'CoSell_Engagement__c',
      'Account',
      'Contact',
      'OpportunityContactRole',
      'User',
      'Group',
    ])
      harness.fixture.server.org.table(object).clear();
    harness.fixture.server.resetCounts();
  });

  function seedPipeline(count: number, at: Date) {
    const org = harness.fixture.server.org;
    const account = org.seed('Account', { Name: 'Litware Logistics', BillingCountry: 'GB' });
    return Array.from({ length: count }, (_, index) => {
      const stamp = salesforceDateTime(new Date(at.getTime() + index * 1000));
      return org.seed('Opportunity', {
        Name: `Litware - fleet telemetry lakehouse phase ${index + 1}`,
        AccountId: account.Id,
        Amount: 120000 + index * 5000,
        CurrencyIsoCode: 'GBP',
        StageName: 'Qualification',
        CloseDate: '2027-02-28',
        CreatedDate: stamp,
        LastModifiedDate: stamp,
        SystemModstamp: stamp,
        CoSell_Clouds__c: 'Google',
        CoSell_Origin__c: 'Hyperscaler-led',
        CoSell_Originating_Cloud__c: 'Google',
        CoSell_Attribution__c: 'Sourced',
        Tenancy_Archetype__c: 'Customer-deployed',
      });
    });
  }

  it('reads changed opportunities page by page and records each one', async () => {
    seedPipeline(7, new Date('2026-11-20T09:00:00Z'));
    harness.fixture.server.org.seed('Opportunity', {
      Name: 'Direct renewal, no co-sell',
      StageName: 'Negotiation',
      CloseDate: '2026-12-31',
      CoSell_Clouds__c: null,
    });
    const result = await harness.gateway.intake.syncOpportunities();
    expect(result).toMatchObject({ read: 7, recorded: 7, rejected: 0 });
    // 7 rows at 3 a page: one query and two queryMore calls.
    expect(harness.fixture.server.calls.query).toBe(1);
    expect(harness.fixture.server.calls.queryMore).toBe(2);
    const stored = await harness.store.db.selectFrom('opportunities').select('id').execute();
    expect(stored).toHaveLength(7);
  });

  it('resumes from the cursor: a second pass reads only what changed since', async () => {
    const seeded = seedPipeline(4, new Date('2026-11-20T09:00:00Z'));
    await harness.gateway.intake.syncOpportunities();
    const cursor = await harness.store.db
      .selectFrom('sync_cursors')
      .select('value')
      .where('name', '=', CURSOR_NAMES.opportunities)
      .executeTakeFirstOrThrow();
    expect(cursor.value).toBe('2026-11-20T09:00:03.000Z');
    harness.fixture.server.resetCounts();
    const later = salesforceDateTime(new Date('2026-11-21T10:30:00Z'));
    Object.assign(seeded[1]!, {
      StageName: 'Proposal',
      LastModifiedDate: later,
      SystemModstamp: later,
    });
    const second = await harness.gateway.intake.syncOpportunities();
    // The cursor row itself is re-read (>=, so a same-second change is never skipped) and is unchanged.
    expect(second.read).toBe(2);
    expect(second.recorded).toBe(2);
    const row = await harness.store.db
      .selectFrom('opportunities')
      .select('data')
      .where('id', '=', seeded[1]!.Id)
      .executeTakeFirstOrThrow();
    expect((row.data as { stageName: string }).stageName).toBe('Proposal');
  });

  it('builds the canonical opportunity with account, contact roles and engagements, and queues the Submit', async () => {
    const org = seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    const result = await harness.gateway.intake.syncOpportunities();
    expect(result.jobs).toBe(1);
    const row = await harness.store.db
      .selectFrom('opportunities')
      .select('data')
      .where('id', '=', org.dataPlatform.Id)
      .executeTakeFirstOrThrow();
    const data = CoSellOpportunity.parse(row.data);
    expect(data.account).toMatchObject({
      name: 'Contoso Retail Group',
      billingCountry: 'US',
      industry: 'Retail',
    });
    expect(data.contacts).toEqual([
      expect.objectContaining({
        lastName: 'Okafor',
        role: 'Decision Maker',
        email: 'marta.okafor@contoso-retail.com',
      }),
    ]);
    expect(data.engagements).toEqual([
      expect.objectContaining({ cloud: 'AWS', requestedAction: 'Submit', status: 'Draft' }),
    ]);
    expect(data.coSell).toMatchObject({
      clouds: ['AWS'],
      helpNeeded: ['Architecture validation', 'Pricing assistance'],
      commitDrawdown: 'AWS EDP',
    });
    expect(data.ownerName).toBe('Priya Raman');
    const jobs = await harness.store.db.selectFrom('outbox').select(['kind', 'payload']).execute();
    expect(jobs).toEqual([
      { kind: 'portal.submit', payload: { opportunityId: org.dataPlatform.Id, cloud: 'AWS' } },
    ]);
  });

  it('writes back attribution only where the rule disagrees with the stored value', async () => {
    const org = seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    const result = await harness.gateway.intake.syncOpportunities();
    // The partner-led AWS deal has no attribution yet; the MACC deal already says Sourced.
    expect(result.attributionWrites).toBe(1);
    expect(
      harness.fixture.server.org.get('Opportunity', org.dataPlatform.Id)!.CoSell_Attribution__c,
    ).toBe('Influenced');
    expect(
      harness.fixture.server.org.get('Opportunity', org.maccDrawdown.Id)!.CoSell_Attribution__c,
    ).toBe('Sourced');
    expect(harness.fixture.server.collectionSizes).toEqual([1]);
    expect(harness.fixture.server.collectionAllOrNone).toEqual([false]);
  });

  it('re-reads its own attribution write once, and then writes nothing', async () => {
    const [deal] = seedPipeline(1, new Date('2026-11-20T09:00:00Z'));
    deal!.CoSell_Attribution__c = null;
    expect((await harness.gateway.intake.syncOpportunities()).attributionWrites).toBe(1);
    // Our write moved the record's SystemModstamp past the cursor: the next pass sees it, agrees, and stops.
    const echo = await harness.gateway.intake.syncOpportunities();
    expect(echo).toMatchObject({ read: 1, attributionWrites: 0 });
    expect(harness.fixture.server.collectionSizes).toEqual([1]);
  });

  it('answers a Validate request with preview findings, clears it and queues nothing for the portal', async () => {
    const org = seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    org.dataPlatformAws.Requested_Action__c = 'Validate';
    const previewing = new SalesforceChangeIntake({
      db: harness.store.db,
      api: harness.gateway.api,
      writeBack: harness.gateway.writeBack,
      clock: () => harness.now.value,
      preview: (opportunity, cloud) => [
        {
          code: 'aws.customer.website',
          severity: 'error',
          message: `${opportunity.account.name} needs a website for ${cloud}`,
          cloud,
          field: 'Account.Website',
        },
      ],
    });
    const result = await previewing.syncOpportunities();
    expect(result.validated).toBe(1);
    const engagement = harness.fixture.server.org.get(
      'CoSell_Engagement__c',
      org.dataPlatformAws.Id,
    )!;
    expect(engagement.Requested_Action__c).toBeNull();
    expect(JSON.parse(String(engagement.Findings__c))).toEqual([
      expect.objectContaining({
        code: 'aws.customer.website',
        message: 'Contoso Retail Group needs a website for AWS',
      }),
    ]);
    expect(
      await harness.store.db
        .selectFrom('outbox')
        .select('kind')
        .where('kind', 'like', 'portal.%')
        .execute(),
    ).toEqual([]);
  });

  it('judges an unshared engagement holding findings again when the AE edits the deal, not on an echo', async () => {
    const org = seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    const noAsk = {
      code: 'LINT_NO_HYPERSCALER_ASK',
      severity: 'error' as const,
      message: 'No ask of AWS',
      cloud: 'AWS' as const,
      field: 'CoSell_Help_Needed__c',
    };
    Object.assign(org.dataPlatform, { CoSell_Help_Needed__c: null });
    Object.assign(org.dataPlatformAws, {
      Requested_Action__c: null,
      Portal_Id__c: null,
      Status__c: 'Draft',
      Findings__c: JSON.stringify([noAsk]),
    });
    const previewing = new SalesforceChangeIntake({
      db: harness.store.db,
      api: harness.gateway.api,
      writeBack: harness.gateway.writeBack,
      clock: () => harness.now.value,
      preview: (opportunity) => (opportunity.coSell.helpNeeded.length === 0 ? [noAsk] : []),
    });
    expect((await previewing.syncOpportunities()).validated).toBe(1);
    const findings = () =>
      JSON.parse(
        String(
          harness.fixture.server.org.get('CoSell_Engagement__c', org.dataPlatformAws.Id)!
            .Findings__c,
        ),
      ) as unknown[];
    expect(findings()).toEqual([noAsk]);
    // Later than the org's own stamp of our write-back (the org stamps by the wall clock).
    const touch = (minutes: number, fields: Record<string, unknown> = {}) => {
      const at = salesforceDateTime(new Date(Date.now() + minutes * 60_000));
      Object.assign(harness.fixture.server.org.get('Opportunity', org.dataPlatform.Id)!, {
        ...fields,
        LastModifiedDate: at,
        SystemModstamp: at,
      });
    };
    // A newer version with the same content (our own attribution echo) judges nothing.
    touch(1);
    expect((await previewing.syncOpportunities()).validated).toBe(0);
    // The AE picks the help they need: the finding clears, nothing is sent to a portal.
    touch(2, { CoSell_Help_Needed__c: 'Pricing assistance' });
    expect((await previewing.syncOpportunities()).validated).toBe(1);
    expect(findings()).toEqual([]);
    expect(
      harness.fixture.server.org.get('CoSell_Engagement__c', org.dataPlatformAws.Id)!
        .Requested_Action__c,
    ).toBeNull();
    expect(
      await harness.store.db
        .selectFrom('outbox')
        .select('kind')
        .where('kind', 'like', 'portal.%')
        .execute(),
    ).toEqual([]);
  });

  it('audits a record the model refuses and keeps going', async () => {
    const [first] = seedPipeline(2, new Date('2026-11-20T09:00:00Z'));
    first!.CoSell_Clouds__c = 'Oracle';
    const result = await harness.gateway.intake.syncOpportunities();
    expect(result).toMatchObject({ read: 2, recorded: 1, rejected: 1 });
    const audit = await harness.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'rejected')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(first!.Id);
    expect(JSON.stringify(audit.after)).toMatch(/coSell\.clouds\.0/);
  });

  it('re-reads an opportunity whose engagement gained a request, without its own modstamp moving', async () => {
    const org = seedCoSellOrg(harness.fixture.server, new Date('2026-11-22T08:00:00Z'));
    org.dataPlatformAws.Requested_Action__c = null;
    await harness.gateway.intake.syncOpportunities();
    await harness.gateway.intake.syncEngagementRequests();
    expect(
      await harness.store.db
        .selectFrom('outbox')
        .select('kind')
        .where('kind', 'like', 'portal.%')
        .execute(),
    ).toEqual([]);
    const msEngagement = harness.fixture.server.org.seed('CoSell_Engagement__c', {
      Opportunity__c: org.maccDrawdown.Id,
      Cloud__c: 'Microsoft',
      Status__c: 'Draft',
      Requested_Action__c: 'Submit',
      Engagement_Key__c: `${org.maccDrawdown.Id}:Microsoft`,
      SystemModstamp: salesforceDateTime(new Date('2026-11-23T13:00:00Z')),
    });
    harness.fixture.server.resetCounts();
    const result = await harness.gateway.intake.syncEngagementRequests();
    expect(result.read).toBe(1);
    const jobs = await harness.store.db
      .selectFrom('outbox')
      .select(['kind', 'payload'])
      .where('kind', 'like', 'portal.%')
      .execute();
    expect(jobs).toEqual([
      {
        kind: 'portal.submit',
        payload: { opportunityId: msEngagement.Opportunity__c, cloud: 'Microsoft' },
      },
    ]);
    expect(harness.fixture.server.calls.query).toBe(2);
  });
});
