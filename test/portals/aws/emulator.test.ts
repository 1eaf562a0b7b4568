// The ACE emulator driven by the unmodified AWS SDK: every operation's success path, validation with
// the model's ErrorList, ClientToken replay, optimistic concurrency, review locks and lifecycle on an
// injected clock, invitations, per-account quotas, counters and events.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AssociateOpportunityCommand,
  CreateOpportunityCommand,
  GetAwsOpportunitySummaryCommand,
  GetEngagementInvitationCommand,
  GetOpportunityCommand,
  ListEngagementInvitationsCommand,
  ListOpportunitiesCommand,
  PartnerCentralSellingClient,
  RejectEngagementInvitationCommand,
  StartEngagementByAcceptingInvitationTaskCommand,
  StartEngagementFromOpportunityTaskCommand,
  UpdateOpportunityCommand,
  type CreateOpportunityCommandInput,
} from '@aws-sdk/client-partnercentral-selling';
import { inferSourceLayer } from '../../../middleware/src/core/triage/source-layer.js';
import {
  startAceEmulator,
  SENDER_TITLE_BY_LAYER,
  type AceEmulator,
  type AceEmulatorOptions,
} from '../../../middleware/src/sandbox/aws/emulator.js';
import { aceCreateRequest } from '../../../middleware/src/portals/aws/map.js';
import { loadMapping } from '../../../middleware/src/portals/mapping/load.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';

const mapping = loadMapping('aws');
const TOKEN = '0f5c2a1e-6b1d-8c3a-9f00-5e1b2c3d4e5f';

function sdk(
  emulator: AceEmulator,
  accessKeyId = 'AKIAEMULATORPARTNER1',
): PartnerCentralSellingClient {
  return new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey: 'emulator-secret' },
  });
}

/** The Northwind lakehouse deal as ACE CreateOpportunity input for the Sandbox catalog. */
function northwindCreate(
  vary: (input: Record<string, unknown>) => void = () => {},
): CreateOpportunityCommandInput {
  const payload = aceCreateRequest(mapping, northwindDataPlatform(), {
    now: NOW,
    catalog: 'Sandbox',
  }).payload;
  payload.ClientToken = TOKEN;
  vary(payload);
  return payload as unknown as CreateOpportunityCommandInput;
}

async function caught(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('the call was expected to fail');
}

let emulator: AceEmulator;
let client: PartnerCentralSellingClient;

async function start(options: AceEmulatorOptions = {}): Promise<void> {
  emulator = await startAceEmulator({
    now: () => NOW,
    quotas: { writesPerSecond: 100, readsPerSecond: 100 },
    ...options,
  });
  client = sdk(emulator);
}

afterEach(async () => {
  client?.destroy();
  await emulator?.stop();
});

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

describe('ACE emulator: AWS referrals as engagement invitations', () => {
  beforeEach(() => start());

  it('sends invitations from every field layer with titles the layer inference recognises', () => {
    for (const [layer, sender] of Object.entries(SENDER_TITLE_BY_LAYER)) {
      expect({ layer, inferred: inferSourceLayer({ title: sender.title }).layer }).toEqual({
        layer,
        inferred: layer,
      });
    }
  });

  it('lists, reads, accepts (creating the AWS referral opportunity) and rejects invitations', async () => {
    const pdm = emulator.control.createInvitation({ layer: 'Partner Program' });
    emulator.control.advance(60_000);
    const seller = emulator.control.createInvitation({
      layer: 'Account Team',
      customer: {
        companyName: 'Fabrikam Logistics',
        websiteUrl: 'https://fabrikam-logistics.example.com',
        industry: 'Transportation and Logistics',
      },
    });
    const list = await client.send(
      new ListEngagementInvitationsCommand({
        Catalog: 'Sandbox',
        ParticipantType: 'RECEIVER',
        Status: ['PENDING'],
      }),
    );
    expect(list.EngagementInvitationSummaries!.map((s) => s.Id)).toEqual([seller.id, pdm.id]);
    const detail = await client.send(
      new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: pdm.id }),
    );
    expect(detail.Payload?.OpportunityInvitation?.SenderContacts?.[0]?.BusinessTitle).toBe(
      'Partner Development Manager',
    );
    expect(detail.ExpirationDate!.getTime() - detail.InvitationDate!.getTime()).toBe(
      15 * 24 * 3600 * 1000,
    );

    const task = await client.send(
      new StartEngagementByAcceptingInvitationTaskCommand({
        Catalog: 'Sandbox',
        Identifier: pdm.id,
        ClientToken: 'accept-1',
      }),
    );
    const replay = await client.send(
      new StartEngagementByAcceptingInvitationTaskCommand({
        Catalog: 'Sandbox',
        Identifier: pdm.id,
        ClientToken: 'accept-1',
      }),
    );
    expect(replay.OpportunityId).toBe(task.OpportunityId);
    const opportunity = await client.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: task.OpportunityId! }),
    );
    expect(opportunity.Customer?.Account?.CompanyName).toBe('Contoso Clinics');
    expect(
      (
        await client.send(
          new GetAwsOpportunitySummaryCommand({
            Catalog: 'Sandbox',
            RelatedOpportunityIdentifier: task.OpportunityId!,
          }),
        )
      ).Origin,
    ).toBe('AWS Referral');

    await client.send(
      new RejectEngagementInvitationCommand({
        Catalog: 'Sandbox',
        Identifier: seller.id,
        RejectionReason: 'Customer is outside our served regions',
      }),
    );
    const rejected = await client.send(
      new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: seller.id }),
    );
    expect(rejected.Status).toBe('REJECTED');
    expect(rejected.RejectionReason).toBe('Customer is outside our served regions');
    const twice = await caught(
      client.send(
        new StartEngagementByAcceptingInvitationTaskCommand({
          Catalog: 'Sandbox',
          Identifier: seller.id,
          ClientToken: 'accept-2',
        }),
      ),
    );
    expect(twice.name).toBe('ValidationException');
    expect(emulator.control.events().map((e) => e['detail-type'])).toEqual([
      'Engagement Invitation Created',
      'Engagement Invitation Created',
      'Opportunity Created',
      'Engagement Invitation Accepted',
      'Engagement Invitation Rejected',
    ]);
  });

  it('expires an invitation nobody answered after 15 days', async () => {
    const { id } = emulator.control.createInvitation();
    emulator.control.advance(15 * 24 * 3600 * 1000);
    expect(
      (
        await client.send(
          new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: id }),
        )
      ).Status,
    ).toBe('EXPIRED');
    expect(emulator.control.events().at(-1)!['detail-type']).toBe('Engagement Invitation Expired');
  });

  it('answers ResourceNotFoundException for an unknown invitation', async () => {
    expect(
      (
        await caught(
          client.send(
            new GetEngagementInvitationCommand({
              Catalog: 'Sandbox',
              Identifier: 'engi-0000000000000',
            }),
          ),
        )
      ).name,
    ).toBe('ResourceNotFoundException');
  });
});

describe('ACE emulator: quotas and faults', () => {
  it('throttles writes beyond 1 per second per account, and refills with the clock', async () => {
    await start({ quotas: { writesPerSecond: 1, readsPerSecond: 10, writesPerDay: 3 } });
    await client.send(new CreateOpportunityCommand(northwindCreate()));
    const throttled = await caught(
      client.send(
        new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'second'))),
      ),
    );
    expect(throttled.name).toBe('ThrottlingException');
    // Another partner account has its own budget.
    const other = sdk(emulator, 'AKIAEMULATORPARTNER2');
    await other.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'other-account'))),
    );
    other.destroy();
    emulator.control.advance(1_000);
    await client.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'second'))),
    );
    emulator.control.advance(1_000);
    await client.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'third'))),
    );
    emulator.control.advance(1_000);
    const daily = await caught(
      client.send(
        new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'fourth'))),
      ),
    );
    expect(daily.name).toBe('ThrottlingException');
    expect(String(daily.message)).toMatch(/24 hours/);
    emulator.control.advance(24 * 3600 * 1000);
    await client.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'fourth'))),
    );
    expect(emulator.counters.throttled).toBe(2);
    expect(emulator.counters.created).toBe(5);
  });

  it('throttles reads beyond 10 per second', async () => {
    await start({ quotas: { readsPerSecond: 10 } });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox' })),
      ),
    );
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.name),
    ).toEqual(['ThrottlingException', 'ThrottlingException']);
  });

  it('injects faults at the seeded rate and only on the chosen operations', async () => {
    await start({ seed: 7 });
    emulator.control.inject({ kind: '5xx', rate: 0.5, operations: ['ListOpportunities'] });
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      outcomes.push(
        await client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox' })).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }
    const failures = outcomes.filter((o) => o === 'InternalServerException').length;
    expect(failures).toBe(emulator.counters.faultsInjected['5xx']);
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(30);
    await client.send(new CreateOpportunityCommand(northwindCreate()));
    emulator.control.clearFaults();
    await client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox' }));
  });
});
