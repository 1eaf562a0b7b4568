// The ACE PortalClient over the real SDK against the emulator, after submission: the review and its
// locks, Action Required with comments, approval and the close, updates AWS refuses, not-found.
import {
  GetOpportunityCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import { describe, expect, it } from '@jest/globals';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import {
  credentials,
  emulator,
  setup,
  stopEmulatorAfterEach,
  SUBMIT_KEY,
} from './client-fixtures.js';

stopEmulatorAfterEach();

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
