// The ACE PortalClient over the real SDK against the emulator: submission that never creates twice
// (retries, crashes between steps, a second submission job), updates and review locks, status and
// review comments, inbound referrals with a cursor, decisions, and each fault as the right PortalError.
import {
  GetOpportunityCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { PortalClient } from '../../../middleware/src/engine/portal-client.js';
import {
  createAceClient,
  portalErrorOf,
  type AceClientConfig,
} from '../../../middleware/src/portals/aws/client.js';
import {
  startAceEmulator,
  type AceEmulator,
  type AceEmulatorOptions,
} from '../../../middleware/src/sandbox/aws/emulator.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';

const SUBMIT_KEY = 'AWS:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
const credentials = { accessKeyId: 'AKIAEMULATORPARTNER1', secretAccessKey: 'emulator-secret' };

let emulator: AceEmulator;

async function setup(
  options: AceEmulatorOptions = {},
  config: Partial<AceClientConfig> = {},
): Promise<PortalClient> {
  emulator = await startAceEmulator({
    now: () => NOW,
    quotas: { writesPerSecond: 1000, readsPerSecond: 1000 },
    review: { inReviewAfterMs: 60_000, decisionAfterMs: 600_000, outcome: 'Approved' },
    ...options,
  });
  return createAceClient({
    catalog: 'Sandbox',
    endpoint: emulator.url,
    credentials,
    requestTimeoutMs: 2_000,
    ...config,
  });
}

afterEach(async () => {
  await emulator?.stop();
});

describe('ACE client: submit', () => {
  it('creates, associates the solution and starts the engagement: Submitted and locked', async () => {
    const client = await setup();
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(state).toMatchObject({ status: 'Submitted', locked: true, findings: [] });
    expect(state.portalId).toMatch(/^O\d+$/);
    expect(emulator.counters.callsByOperation).toMatchObject({
      CreateOpportunity: 1,
      AssociateOpportunity: 1,
      StartEngagementFromOpportunityTask: 1,
    });
    expect(emulator.counters.created).toBe(1);
  });

  it('tells the caller the record and its draft state as soon as ACE holds it, before associate and start', async () => {
    const client = await setup();
    const recorded: Array<{
      portalId: string;
      status: string;
      callsSoFar: Record<string, number>;
    }> = [];
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
      onRecorded: (early) =>
        recorded.push({
          portalId: early.portalId,
          status: early.status,
          callsSoFar: { ...emulator.counters.callsByOperation },
        }),
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ portalId: state.portalId, status: 'Draft' });
    expect(recorded[0]!.callsSoFar).toMatchObject({ CreateOpportunity: 1 });
    expect(recorded[0]!.callsSoFar.AssociateOpportunity ?? 0).toBe(0);
    expect(recorded[0]!.callsSoFar.StartEngagementFromOpportunityTask ?? 0).toBe(0);
    expect(state.status).toBe('Submitted');
    // A submission ACE already started has nothing more to show early.
    const again: string[] = [];
    await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
      onRecorded: (early) => again.push(early.status),
    });
    expect(again).toEqual([]);
  });

  it('never creates a second opportunity: a retry, and a second submission job with another key', async () => {
    const client = await setup();
    const first = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const retry = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const secondJob = await client.submit({
      opportunity: northwindDataPlatform((o) => void (o.lastModifiedDate = '2026-11-25T08:00:00Z')),
      idempotencyKey: 'AWS:submit:006Hs00001NwDpLAAV:2026-11-25T08:00:00Z',
      now: NOW,
    });
    expect(retry.portalId).toBe(first.portalId);
    expect(secondJob.portalId).toBe(first.portalId);
    expect(emulator.counters.created).toBe(1);
    expect(emulator.counters.createdByPartnerOpportunityId).toEqual({ '006Hs00001NwDpLAAV': 1 });
    expect(emulator.counters.callsByOperation.StartEngagementFromOpportunityTask).toBe(1);
  });

  it('resumes after dying between create and associate, then between associate and start', async () => {
    const client = await setup();
    emulator.control.inject({
      kind: '5xx',
      rate: 1,
      operations: ['AssociateOpportunity'],
      count: 1,
    });
    expect(
      (
        await failure(
          client.submit({
            opportunity: northwindDataPlatform(),
            idempotencyKey: SUBMIT_KEY,
            now: NOW,
          }),
        )
      ).kind,
    ).toBe('unavailable');
    emulator.control.inject({
      kind: '5xx',
      rate: 1,
      operations: ['StartEngagementFromOpportunityTask'],
      count: 1,
    });
    expect(
      (
        await failure(
          client.submit({
            opportunity: northwindDataPlatform(),
            idempotencyKey: SUBMIT_KEY,
            now: NOW,
          }),
        )
      ).kind,
    ).toBe('unavailable');
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(state.status).toBe('Submitted');
    expect(emulator.counters.created).toBe(1);
    expect(emulator.counters.callsByOperation.AssociateOpportunity).toBe(2);
  });

  it('brings a draft left by an earlier job up to date before submitting it', async () => {
    const client = await setup();
    emulator.control.inject({
      kind: '5xx',
      rate: 1,
      operations: ['AssociateOpportunity'],
      count: 1,
    });
    await failure(
      client.submit({ opportunity: northwindDataPlatform(), idempotencyKey: SUBMIT_KEY, now: NOW }),
    );
    const fixed = northwindDataPlatform(
      (o) => void (o.nextStep = 'Joint architecture review booked with the AWS SA'),
    );
    const state = await client.submit({
      opportunity: fixed,
      idempotencyKey: 'AWS:submit:006Hs00001NwDpLAAV:2026-11-26T09:00:00Z',
      now: NOW,
    });
    expect(emulator.counters.callsByOperation.UpdateOpportunity).toBe(1);
    expect(emulator.counters.created).toBe(1);
    expect(state.status).toBe('Submitted');
  });

  it('stops before any call when the opportunity is not ready for review, with findings', async () => {
    const client = await setup();
    const error = await failure(
      client.submit({
        opportunity: northwindDataPlatform((o) => void (o.account!.website = null)),
        idempotencyKey: SUBMIT_KEY,
        now: NOW,
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.findings.map((f) => f.path)).toContain('$.Customer.Account.WebsiteUrl');
    expect(emulator.counters.callsByOperation).toEqual({});
  });

  it("returns AWS's ValidationException as findings at JSON paths (no solution configured)", async () => {
    const client = await setup({}, { solutions: [] });
    const error = await failure(
      client.submit({ opportunity: northwindDataPlatform(), idempotencyKey: SUBMIT_KEY, now: NOW }),
    );
    expect(error.kind).toBe('validation');
    expect(error.findings).toEqual([
      expect.objectContaining({
        code: 'AWS_REQUIRED_FIELD_MISSING',
        path: '$.RelatedEntityIdentifiers.Solutions',
      }),
    ]);
  });
});

describe('ACE client: review, fetch and update', () => {
  it('follows the review: In review (locked) → Action Required with the comments → update re-enters review', async () => {
    const client = await setup({
      review: { inReviewAfterMs: 60_000, decisionAfterMs: 600_000, outcome: 'Action Required' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const locked = await failure(
      client.update({
        opportunity: northwindDataPlatform(),
        portalId,
        expectedVersion: null,
        now: NOW,
      }),
    );
    expect(locked.findings[0]).toMatchObject({ code: 'AWS_LOCKED_IN_REVIEW' });
    emulator.control.advance(60_000);
    expect(await client.fetch(portalId)).toMatchObject({ status: 'In review', locked: true });
    emulator.control.advance(600_000);
    const action = await client.fetch(portalId);
    expect(action).toMatchObject({ status: 'Action required', locked: false });
    expect(action.findings).toEqual([
      expect.objectContaining({
        code: 'AWS_REVIEW_ACTION_REQUIRED',
        path: '$.LifeCycle.ReviewComments',
        severity: 'error',
      }),
    ]);
    const answered = await client.update({
      opportunity: northwindDataPlatform(
        (o) =>
          void (o.description = `${o.description ?? ''} Workloads: claims analytics (USD 11k/month) and imaging archive (USD 7.5k/month).`),
      ),
      portalId,
      expectedVersion: action.version,
      now: NOW,
    });
    expect(answered).toMatchObject({ status: 'Submitted', locked: true });
  });

  it('refuses, with findings, a change AWS forbids while action is required (title)', async () => {
    const client = await setup({
      review: { inReviewAfterMs: 0, decisionAfterMs: 0, outcome: 'Action Required' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    const error = await failure(
      client.update({
        opportunity: northwindDataPlatform(
          (o) => void (o.name = 'Northwind Health – Lakehouse and ML platform'),
        ),
        portalId,
        expectedVersion: null,
        now: NOW,
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.findings).toEqual([
      expect.objectContaining({
        code: 'AWS_NOT_EDITABLE_ACTION_REQUIRED',
        path: '$.Project.Title',
      }),
    ]);
    expect(emulator.counters.callsByOperation.UpdateOpportunity).toBeUndefined();
  });

  it('reads Approved as Accepted, then AWS closing the deal as Won', async () => {
    const client = await setup({
      review: { inReviewAfterMs: 1_000, decisionAfterMs: 1_000, outcome: 'Approved' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(2_000);
    const approved = await client.fetch(portalId);
    expect(approved).toMatchObject({ status: 'Accepted', locked: false, findings: [] });
    expect(approved.acceptedAt).toBe(approved.version);
    emulator.control.setAwsStage(portalId, 'Launched');
    expect((await client.fetch(portalId)).status).toBe('Won');
  });

  it('after approval sends the next step and keeps the frozen business problem, with a warning', async () => {
    const client = await setup({
      review: { inReviewAfterMs: 1_000, decisionAfterMs: 1_000, outcome: 'Approved' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(2_000);
    const edited = northwindDataPlatform((o) => {
      o.description =
        'Northwind now also wants to retire its on-premises SIEM; the business problem grew after approval.';
      o.nextStep = 'Joint pitch to the Northwind CFO with the AWS PDM';
    });
    const state = await client.update({
      opportunity: edited,
      portalId,
      expectedVersion: null,
      now: NOW,
    });
    expect(state.status).toBe('Accepted');
    expect(state.findings.map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual([
      'warning AWS_FROZEN_AFTER_APPROVAL $.Project.CustomerBusinessProblem',
    ]);
    const held = await client.fetch(portalId);
    expect(held.findings).toEqual([]);
    expect(emulator.counters.callsByOperation.UpdateOpportunity).toBe(1);
    const sdk = new PartnerCentralSellingClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials,
    });
    const record = await sdk.send(
      new GetOpportunityCommand({ Catalog: 'Sandbox', Identifier: portalId }),
    );
    expect(record.LifeCycle?.NextSteps).toBe('Joint pitch to the Northwind CFO with the AWS PDM');
    expect(record.Project?.CustomerBusinessProblem).toBe(northwindDataPlatform().description);
  });

  it('maps a rejected review to Rejected with the reason as a finding', async () => {
    const client = await setup();
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.setReviewOutcome(portalId, 'Rejected', true);
    const rejected = await client.fetch(portalId);
    expect(rejected.status).toBe('Rejected');
    expect(rejected.findings[0]).toMatchObject({
      code: 'AWS_REVIEW_REJECTED',
      evidence: { reason: 'Duplicate of an existing opportunity' },
    });
  });

  it('answers not-found for an unknown opportunity', async () => {
    const client = await setup();
    expect((await failure(client.fetch('O9999999'))).kind).toBe('not-found');
  });
});

describe('ACE client: inbound referrals and decisions', () => {
  it('reports new invitations and AWS-referred opportunities once per cursor, with the sender layer', async () => {
    const client = await setup();
    emulator.control.createInvitation({ layer: 'Partner Program' });
    emulator.control.advance(1_000);
    emulator.control.createInvitation({
      layer: 'Specialist',
      customer: {
        companyName: 'Fabrikam Logistics',
        websiteUrl: 'https://fabrikam-logistics.example.com',
        industry: 'Transportation and Logistics',
      },
    });
    const referral = emulator.control.createAwsReferral({
      Catalog: 'Sandbox',
      Customer: {
        Account: {
          CompanyName: 'Woodgrove Bank',
          Industry: 'Financial Services',
          WebsiteUrl: 'https://woodgrove-bank.example.com',
          Address: { CountryCode: 'GB' },
        },
      },
      Project: {
        Title: 'Woodgrove risk data platform',
        CustomerBusinessProblem:
          'Risk reports are rebuilt nightly from five ledgers and miss the regulatory cut-off twice a month.',
        ExpectedCustomerSpend: [
          { Amount: '25000', CurrencyCode: 'GBP', Frequency: 'Monthly', TargetCompany: 'AWS' },
        ],
      },
      LifeCycle: { Stage: 'Qualified', TargetCloseDate: '2027-02-26' },
    });
    const page = await client.listInbound(null, NOW);
    expect(page.referrals.map((r) => [r.referral.customerName, r.referral.sourceLayer])).toEqual([
      ['Fabrikam Logistics', 'Specialist'],
      ['Contoso Clinics', 'Partner Program'],
      ['Woodgrove Bank', 'Account Team'],
    ]);
    expect(page.referrals[2]!.referral).toMatchObject({
      portalId: referral.id,
      estimatedValue: { amount: 300000, currencyIsoCode: 'GBP' },
    });
    const again = await client.listInbound(page.cursor, NOW);
    expect(again.referrals).toEqual([]);
    emulator.control.advance(1_000);
    const late = emulator.control.createInvitation({ layer: 'Executive/Industry' });
    const next = await client.listInbound(again.cursor, NOW);
    expect(next.referrals.map((r) => r.referral.portalId)).toEqual([late.id]);
  });

  it('accepts once (a retried accept is harmless) and the accepted opportunity is not a second referral', async () => {
    const client = await setup();
    const invitation = emulator.control.createInvitation({ layer: 'Account Team' });
    const first = await client.listInbound(null, NOW);
    await client.decide({ portalId: invitation.id, decision: 'accept', now: NOW });
    await client.decide({ portalId: invitation.id, decision: 'accept', now: NOW });
    expect(emulator.counters.callsByOperation.StartEngagementByAcceptingInvitationTask).toBe(1);
    expect(emulator.control.opportunityCount('Sandbox')).toBe(1);
    const after = await client.listInbound(first.cursor, NOW);
    expect(after.referrals).toEqual([]);
  });

  it('declines with the reason and feedback trimmed to what ACE keeps', async () => {
    const client = await setup();
    const invitation = emulator.control.createInvitation({ layer: 'Regional/Segment' });
    await client.decide({
      portalId: invitation.id,
      decision: 'decline',
      declineReason: 'Outside our served regions',
      feedback:
        'We only deliver in North America and the UK; this customer needs on-site work in Brazil for at least six months.',
      now: NOW,
    });
    const page = await client.listInbound(null, NOW);
    expect(page.referrals[0]!.referral.triageStatus).toBe('Declined');
    const rejectedEvent = emulator.control
      .events()
      .find((e) => e['detail-type'] === 'Engagement Invitation Rejected');
    expect(rejectedEvent).toBeDefined();
  });
});

describe('ACE client: faults become classified PortalErrors', () => {
  const cases: Array<
    [string, { kind: 'throttle' | '5xx' | 'timeout' | 'conflict'; delayMs?: number }, string]
  > = [
    ['throttling', { kind: 'throttle' }, 'throttled'],
    ['a 5xx', { kind: '5xx' }, 'unavailable'],
    ['a hung call', { kind: 'timeout', delayMs: 5_000 }, 'timeout'],
  ];
  for (const [label, fault, kind] of cases) {
    it(`${label} → ${kind}`, async () => {
      const client = await setup({}, { requestTimeoutMs: 300 });
      emulator.control.inject({ ...fault, rate: 1, operations: ['GetOpportunity'], count: 1 });
      expect((await failure(client.fetch('O0000001'))).kind).toBe(kind);
      expect(emulator.counters.faultsInjected[fault.kind]).toBe(1);
    });
  }

  it('an injected conflict on update → conflict, and the retry succeeds', async () => {
    const client = await setup({
      review: { inReviewAfterMs: 0, decisionAfterMs: 0, outcome: 'Approved' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    emulator.control.inject({
      kind: 'conflict',
      rate: 1,
      operations: ['UpdateOpportunity'],
      count: 1,
    });
    const changed = northwindDataPlatform(
      (o) => void (o.nextStep = 'Pricing call with procurement on 11 December'),
    );
    expect(
      (
        await failure(
          client.update({ opportunity: changed, portalId, expectedVersion: null, now: NOW }),
        )
      ).kind,
    ).toBe('conflict');
    expect(
      (await client.update({ opportunity: changed, portalId, expectedVersion: null, now: NOW }))
        .status,
    ).toBe('Accepted');
  });

  it('a slow answer still succeeds within the timeout', async () => {
    const client = await setup({}, { requestTimeoutMs: 2_000 });
    emulator.control.inject({
      kind: 'slow',
      rate: 1,
      delayMs: 150,
      operations: ['ListEngagementInvitations'],
    });
    const started = Date.now();
    await client.listInbound(null, NOW);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('the real write quota → throttled', async () => {
    emulator = await startAceEmulator({ now: () => NOW, quotas: { writesPerSecond: 1 } });
    const client = createAceClient({ catalog: 'Sandbox', endpoint: emulator.url, credentials });
    // Create spends the one write of this second; Associate is throttled.
    expect(
      (
        await failure(
          client.submit({
            opportunity: northwindDataPlatform(),
            idempotencyKey: SUBMIT_KEY,
            now: NOW,
          }),
        )
      ).kind,
    ).toBe('throttled');
    expect(emulator.counters.throttled).toBe(1);
  });

  it('classifies the remaining SDK error names', () => {
    const kinds = [
      'AccessDeniedException',
      'ServiceQuotaExceededException',
      'ResourceNotFoundException',
      'InternalServerException',
      'ConflictException',
    ].map((name) => portalErrorOf(Object.assign(new Error('x'), { name })).kind);
    expect(kinds).toEqual(['auth', 'quota-exhausted', 'not-found', 'unavailable', 'conflict']);
    expect(
      portalErrorOf(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ).kind,
    ).toBe('unavailable');
    expect(
      portalErrorOf(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).kind,
    ).toBe('timeout');
  });
});
