// The ACE PortalClient over the real SDK against the emulator, submission: it never creates twice
// (retries, crashes between steps, a second submission job), updates an earlier draft first, and
// stops with findings before any call or on AWS's ValidationException.
import { describe, expect, it } from '@jest/globals';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import { emulator, setup, stopEmulatorAfterEach, SUBMIT_KEY } from './client-fixtures.js';

stopEmulatorAfterEach();

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
