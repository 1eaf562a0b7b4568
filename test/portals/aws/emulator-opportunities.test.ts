// The ACE emulator driven by the unmodified AWS SDK, opportunities: every operation's success path,
// validation with the model's ErrorList, ClientToken replay, optimistic concurrency, review locks and
// the review lifecycle on an injected clock, paging and filters.
import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  AssociateOpportunityCommand,
  CreateOpportunityCommand,
  GetAwsOpportunitySummaryCommand,
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  StartEngagementFromOpportunityTaskCommand,
  UpdateOpportunityCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { NOW } from '../mapping/opportunity-fixture.js';
import {
  caught,
  client,
  emulator,
  northwindCreate,
  start,
  stopEmulatorAfterEach,
  TOKEN,
} from './emulator-fixtures.js';

stopEmulatorAfterEach();

describe('ACE emulator: opportunities over awsJson1_0', () => {
  beforeEach(() =>
    start({
      review: { inReviewAfterMs: 60_000, decisionAfterMs: 3_600_000, outcome: 'Action Required' },
    }),
  );

  it('creates, reads, updates, lists, associates and submits an opportunity through the SDK', async () => {
    const created = await client.send(new CreateOpportunityCommand(northwindCreate()));
    expect(created.Id).toMatch(/^O\d+$/);
    expect(created.PartnerOpportunityIdentifier).toBe('006Hs00001NwDpLAAV');
    const read = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: created.Id! }),
    );
    expect(read.LifeCycle?.ReviewStatus).toBe('Pending Submission');
    expect(read.LastModifiedDate).toBeInstanceOf(Date);
    expect(read.Customer?.Account?.CompanyName).toBe('Northwind Health Systems');

    const {
      $metadata: _m,
      Id,
      Arn: _a,
      CreatedDate: _c,
      RelatedEntityIdentifiers: _r,
      OpportunityTeam: _t,
      ...rest
    } = read;
    const updated = await client.send(
      new UpdateOpportunityCommand({
        ...rest,
        Identifier: Id!,
        Catalog: 'Sandbox',
        LifeCycle: { ...read.LifeCycle, NextSteps: 'Security review with the CISO on 9 December' },
      }),
    );
    expect(updated.LastModifiedDate!.getTime()).toBeGreaterThan(read.LastModifiedDate!.getTime());

    await client.send(
      new AssociateOpportunityCommand({
        Catalog: 'Sandbox',
        OpportunityIdentifier: Id!,
        RelatedEntityType: 'Solutions',
        RelatedEntityIdentifier: 'S-1234567',
      }),
    );
    const task = await client.send(
      new StartEngagementFromOpportunityTaskCommand({
        Catalog: 'Sandbox',
        ClientToken: 'start-1',
        Identifier: Id!,
        AwsSubmission: { InvolvementType: 'Co-Sell' },
      }),
    );
    expect(task.TaskStatus).toBe('COMPLETE');
    expect(task.OpportunityId).toBe(Id);

    const after = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! }),
    );
    expect(after.LifeCycle?.NextSteps).toBe('Security review with the CISO on 9 December');
    expect(after.LifeCycle?.ReviewStatus).toBe('Submitted');
    expect(after.RelatedEntityIdentifiers?.Solutions).toEqual(['S-1234567']);
    const summary = await client.send(
      new GetAwsOpportunitySummaryCommand({
        Catalog: 'Sandbox',
        RelatedOpportunityIdentifier: Id!,
      }),
    );
    expect(summary.Origin).toBe('Partner Referral');
    expect(summary.InvolvementType).toBe('Co-Sell');
    expect(emulator.counters.callsByOperation).toMatchObject({
      CreateOpportunity: 1,
      UpdateOpportunity: 1,
      AssociateOpportunity: 1,
      StartEngagementFromOpportunityTask: 1,
    });
    expect(emulator.control.events().map((e) => e['detail-type'])).toEqual([
      'Opportunity Created',
      'Opportunity Updated',
      'Opportunity Updated',
      'Opportunity Updated',
    ]);
  });

  it('refuses a bad enum value with a ValidationException naming the field, and stores nothing', async () => {
    const error = await caught(
      client.send(
        new CreateOpportunityCommand(
          northwindCreate((p) => {
            (p.Customer as Record<string, Record<string, unknown>>).Account!.Industry = 'Hospitals';
          }),
        ),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.Reason).toBe('REQUEST_VALIDATION_FAILED');
    expect(error.ErrorList).toEqual([
      expect.objectContaining({
        FieldName: 'Customer.Account.Industry',
        Code: 'INVALID_ENUM_VALUE',
      }),
    ]);
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
    expect(emulator.control.opportunityCount()).toBe(0);
    expect(emulator.counters.validationErrors).toBe(1);
  });

  it('checks read requests too: MaxResults above the model range is refused', async () => {
    const error = await caught(
      client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox', MaxResults: 500 })),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.ErrorList).toEqual([
      expect.objectContaining({ FieldName: 'MaxResults', Code: 'VALUE_OUT_OF_RANGE' }),
    ]);
  });

  it('replays a ClientToken: same body → same Id and one record; another body → ConflictException', async () => {
    const first = await client.send(new CreateOpportunityCommand(northwindCreate()));
    const again = await client.send(new CreateOpportunityCommand(northwindCreate()));
    expect(again.Id).toBe(first.Id);
    const error = await caught(
      client.send(
        new CreateOpportunityCommand(
          northwindCreate(
            (p) =>
              void ((p.Project as Record<string, unknown>).Title =
                'Northwind Health – second lakehouse'),
          ),
        ),
      ),
    );
    expect(error.name).toBe('ConflictException');
    expect(emulator.counters.created).toBe(1);
    expect(emulator.counters.createdByClientToken).toEqual({ [TOKEN]: 1 });
    expect(emulator.counters.createdByPartnerOpportunityId).toEqual({ '006Hs00001NwDpLAAV': 1 });
    expect(emulator.control.opportunityCount('Sandbox')).toBe(1);
  });

  it('refuses an update made on a stale copy (LastModifiedDate) with ConflictException', async () => {
    const { Id } = await client.send(new CreateOpportunityCommand(northwindCreate()));
    const read = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! }),
    );
    const {
      $metadata: _m,
      Id: _i,
      Arn: _a,
      CreatedDate: _c,
      RelatedEntityIdentifiers: _r,
      OpportunityTeam: _t,
      ...body
    } = read;
    await client.send(
      new UpdateOpportunityCommand({
        ...body,
        Identifier: Id!,
        LifeCycle: { ...read.LifeCycle, NextSteps: 'First edit' },
      }),
    );
    const stale = await caught(
      client.send(
        new UpdateOpportunityCommand({
          ...body,
          Identifier: Id!,
          LifeCycle: { ...read.LifeCycle, NextSteps: 'Edit on a stale copy' },
        }),
      ),
    );
    expect(stale.name).toBe('ConflictException');
    const now = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! }),
    );
    expect(now.LifeCycle?.NextSteps).toBe('First edit');
  });

  it('runs the review on the injected clock: Submitted (frozen) → In review → Action Required with comments', async () => {
    const { Id } = await client.send(new CreateOpportunityCommand(northwindCreate()));
    await client.send(
      new AssociateOpportunityCommand({
        Catalog: 'Sandbox',
        OpportunityIdentifier: Id!,
        RelatedEntityType: 'Solutions',
        RelatedEntityIdentifier: 'S-1234567',
      }),
    );
    await client.send(
      new StartEngagementFromOpportunityTaskCommand({
        Catalog: 'Sandbox',
        ClientToken: 'start-2',
        Identifier: Id!,
        AwsSubmission: { InvolvementType: 'Co-Sell' },
      }),
    );
    const submitted = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! }),
    );
    const {
      $metadata: _m,
      Id: _i,
      Arn: _a,
      CreatedDate: _c,
      RelatedEntityIdentifiers: _r,
      OpportunityTeam: _t,
      ...body
    } = submitted;
    const frozen = await caught(
      client.send(
        new UpdateOpportunityCommand({
          ...body,
          Identifier: Id!,
          Project: { ...submitted.Project, Title: 'Renamed during review' },
        }),
      ),
    );
    expect(frozen.name).toBe('ValidationException');
    expect(frozen.ErrorList).toEqual([
      expect.objectContaining({ FieldName: 'Project.Title', Code: 'ACTION_NOT_PERMITTED' }),
    ]);

    emulator.control.advance(59_999);
    expect(
      (await client.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! })))
        .LifeCycle?.ReviewStatus,
    ).toBe('Submitted');
    emulator.control.advance(1);
    expect(
      (await client.send(new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! })))
        .LifeCycle?.ReviewStatus,
    ).toBe('In review');
    emulator.control.advance(3_600_000);
    const decided = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: Id! }),
    );
    expect(decided.LifeCycle?.ReviewStatus).toBe('Action Required');
    expect(decided.LifeCycle?.ReviewComments).toMatch(/website/);
    const types = emulator.control.events().map((e) => e['detail-type']);
    expect(types.filter((t) => t === 'Opportunity Updated').length).toBeGreaterThanOrEqual(4);
    expect(emulator.control.events().at(-1)).toMatchObject({
      source: 'aws.partnercentral-selling',
      region: 'us-east-1',
      detail: { catalog: 'Sandbox', opportunity: { identifier: Id } },
    });
  });

  it('refuses a submission without a solution, naming RelatedEntityIdentifiers.Solutions', async () => {
    const { Id } = await client.send(new CreateOpportunityCommand(northwindCreate()));
    const error = await caught(
      client.send(
        new StartEngagementFromOpportunityTaskCommand({
          Catalog: 'Sandbox',
          ClientToken: 'start-3',
          Identifier: Id!,
          AwsSubmission: { InvolvementType: 'Co-Sell' },
        }),
      ),
    );
    expect(error.name).toBe('ValidationException');
    expect(error.ErrorList).toEqual([
      expect.objectContaining({
        FieldName: 'RelatedEntityIdentifiers.Solutions',
        Code: 'REQUIRED_FIELD_MISSING',
      }),
    ]);
  });

  it('pages ListOpportunities and filters by customer name and creation date', async () => {
    for (const [index, name] of [
      'Northwind Health Systems',
      'Fabrikam Logistics',
      'Northwind Health Systems',
    ].entries()) {
      await client.send(
        new CreateOpportunityCommand(
          northwindCreate((p) => {
            p.ClientToken = `token-${index}`;
            p.PartnerOpportunityIdentifier = `006Hs00001NwDp${index}AAV`;
            (p.Customer as Record<string, Record<string, unknown>>).Account!.CompanyName = name;
          }),
        ),
      );
      emulator.control.advance(1_000);
    }
    const first = await client.send(
      new ListOpportunitiesCommand({
        Catalog: 'Sandbox',
        MaxResults: 1,
        CustomerCompanyName: ['northwind health systems'],
      }),
    );
    expect(first.OpportunitySummaries).toHaveLength(1);
    const second = await client.send(
      new ListOpportunitiesCommand({
        Catalog: 'Sandbox',
        MaxResults: 1,
        CustomerCompanyName: ['northwind health systems'],
        NextToken: first.NextToken!,
      }),
    );
    expect(second.NextToken).toBeUndefined();
    expect(
      [first, second].map((p) => p.OpportunitySummaries![0]!.PartnerOpportunityIdentifier).sort(),
    ).toEqual(['006Hs00001NwDp0AAV', '006Hs00001NwDp2AAV']);
    const recent = await client.send(
      new ListOpportunitiesCommand({
        Catalog: 'Sandbox',
        CreatedDate: { AfterCreatedDate: new Date(NOW.getTime() + 500) },
      }),
    );
    expect(recent.OpportunitySummaries!.map((s) => s.Customer?.Account?.CompanyName)).toEqual([
      'Fabrikam Logistics',
      'Northwind Health Systems',
    ]);
    expect(
      (await client.send(new ListOpportunitiesCommand({ Catalog: 'AWS' }))).OpportunitySummaries,
    ).toEqual([]);
  });
});
