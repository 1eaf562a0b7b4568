// The sync worker submitting to a portal: one record per requested engagement written back to
// Salesforce, retries, pre-flight findings, edits queued during review, and attribution echoes.
import { describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../middleware/src/engine/jobs.js';
import { enqueueJob, queueStats } from '../../middleware/src/engine/outbox.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';
import { storeVariants } from '../support/stores.js';
import {
  clock,
  drain,
  portal,
  salesforce,
  store,
  submitRequested,
  T0,
  useWorkerStore,
  worker,
} from './worker-fixtures.js';

describe.each(storeVariants())('sync worker on $name', ({ options }) => {
  useWorkerStore(options);

  it('submits a requested engagement once and writes the outcome back, clearing the request', async () => {
    await recordOpportunity(store.db, submitRequested(), T0);
    await recordOpportunity(store.db, submitRequested(), T0); // the same version read again
    await drain(worker());
    expect(portal.records.size).toBe(1);
    const engagement = await store.db
      .selectFrom('engagements')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(engagement).toMatchObject({ portal_id: 'Microsoft-O1', status: 'Submitted' });
    expect(salesforce.engagements).toHaveLength(1);
    expect(salesforce.engagements[0]).toMatchObject({
      opportunityId: '006Hs00001Nwh01AAA',
      cloud: 'Microsoft',
      status: 'Submitted',
      portalId: 'Microsoft-O1',
      clearRequestedAction: true,
    });
    const actions = await store.db
      .selectFrom('audit_log')
      .select(['side', 'action'])
      .orderBy('id')
      .execute();
    expect(actions).toEqual(
      expect.arrayContaining([
        { side: 'salesforce', action: 'first-seen' },
        { side: 'microsoft', action: 'submitted' },
      ]),
    );
  });

  it('retries a throttled call and still creates one record', async () => {
    portal.failures.push(
      new PortalError('Microsoft', 'throttled', '429 Too Many Requests', { retryAfterMs: 0 }),
    );
    await recordOpportunity(store.db, submitRequested(), T0);
    const w = worker();
    await drain(w);
    expect(portal.records.size).toBe(1);
    expect((await queueStats(store.db, clock)).dead).toBe(0);
  });

  it('parks a submission the pre-flight rejects and puts the findings on the engagement', async () => {
    await recordOpportunity(store.db, submitRequested(), T0);
    const finding = {
      code: 'MICROSOFT_CUSTOMER_COUNTRY',
      severity: 'error' as const,
      message: 'Set the account billing country',
      field: 'Account.BillingCountry',
      path: '$.customerProfile.address.country',
      cloud: 'Microsoft' as const,
    };
    await drain(worker({ preflight: () => [finding] }));
    expect(portal.createCalls).toBe(0);
    const engagement = await store.db
      .selectFrom('engagements')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(engagement.findings).toEqual([finding]);
    expect(engagement.sync_error).toMatch(/1 finding\(s\) block the Microsoft submission/);
    expect((await queueStats(store.db, clock)).dead).toBe(1);
    expect(salesforce.engagements.at(-1)).toMatchObject({
      findings: [finding],
      clearRequestedAction: true,
    });
  });

  it('queues an edit made during review and applies it when the portal unlocks', async () => {
    await recordOpportunity(store.db, submitRequested('2026-11-26T08:00:00.000Z'), T0);
    await drain(worker());
    const edited = {
      ...dataPlatformDeal({ lastModifiedDate: '2026-11-26T08:05:00.000Z', amount: 260_000 }),
      engagements: [
        { cloud: 'Microsoft' as const, portalId: 'Microsoft-O1', status: 'Submitted' as const },
      ],
    };
    await recordOpportunity(store.db, edited, T0);
    await drain(worker());
    expect(portal.records.get('Microsoft-O1')!.updates).toBe(0);
    expect(
      (await store.db.selectFrom('engagements').select('pending_changes').executeTakeFirstOrThrow())
        .pending_changes,
    ).not.toBeNull();

    portal.review('Microsoft-O1', 'Accepted');
    await enqueueJob(
      store.db,
      {
        kind: JOB_KINDS.poll,
        target: 'microsoft',
        orderingKey: 'engagement:006Hs00001Nwh01AAA:Microsoft',
        idempotencyKey: 'poll-1',
        payload: { opportunityId: '006Hs00001Nwh01AAA', cloud: 'Microsoft' },
      },
      T0,
    );
    await drain(worker());
    expect(portal.records.get('Microsoft-O1')!.updates).toBe(1);
    const engagement = await store.db
      .selectFrom('engagements')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(engagement.status).toBe('Accepted');
    expect(engagement.pending_changes).toBeNull();
    expect(engagement.accepted_at).not.toBeNull();
  });

  it('queues an edit and re-reads the status when the portal says the record went back into review', async () => {
    await recordOpportunity(store.db, submitRequested('2026-11-26T08:00:00.000Z'), T0);
    await drain(worker());
    // We last saw it accepted; the portal has since reopened its review.
    await store.db.updateTable('engagements').set({ status: 'Accepted' }).execute();
    const edited = {
      ...dataPlatformDeal({ lastModifiedDate: '2026-11-26T08:10:00.000Z', amount: 255_000 }),
      engagements: [
        { cloud: 'Microsoft' as const, portalId: 'Microsoft-O1', status: 'Accepted' as const },
      ],
    };
    await recordOpportunity(store.db, edited, T0);
    await worker().runOnce();
    expect((await queueStats(store.db, clock)).dead).toBe(0);
    expect(
      (await store.db.selectFrom('engagements').select('pending_changes').executeTakeFirstOrThrow())
        .pending_changes,
    ).not.toBeNull();
    const polls = await store.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', JOB_KINDS.poll)
      .execute();
    expect(polls).toHaveLength(1);
    await drain(worker());
    expect(
      (await store.db.selectFrom('engagements').select('status').executeTakeFirstOrThrow()).status,
    ).toBe('Submitted');
  });

  it('updates the portal for an AE edit but not for the echo of its own attribution write-back', async () => {
    await recordOpportunity(store.db, submitRequested(), T0);
    await drain(worker());
    const engaged = {
      cloud: 'Microsoft' as const,
      portalId: 'Microsoft-O1',
      status: 'Accepted' as const,
    };
    const base = dataPlatformDeal({ engagements: [engaged] });
    // The engine wrote CoSell_Attribution__c; Salesforce reads back a newer SystemModstamp.
    const echo = await recordOpportunity(
      store.db,
      {
        ...base,
        lastModifiedDate: '2026-11-26T08:05:00.000Z',
        coSell: { ...base.coSell, attribution: 'Influenced' },
      },
      T0,
    );
    expect(echo).toEqual({ applied: true, contentChanged: false, jobs: [] });
    const stored = await store.db
      .selectFrom('opportunities')
      .select('sf_modstamp')
      .executeTakeFirstOrThrow();
    expect(new Date(stored.sf_modstamp!).toISOString()).toBe('2026-11-26T08:05:00.000Z');
    // The AE moves the next step: that is news for Microsoft.
    const edit = await recordOpportunity(
      store.db,
      {
        ...base,
        lastModifiedDate: '2026-11-26T08:10:00.000Z',
        coSell: { ...base.coSell, attribution: 'Influenced' },
        nextStep: 'Joint pitch with the Azure data specialist on 2 Dec',
      },
      T0,
    );
    expect(edit.jobs).toHaveLength(1);
    const kinds = await store.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', JOB_KINDS.update)
      .execute();
    expect(kinds).toHaveLength(1);
    const audits = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'opportunity')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'first-seen',
      'changed-salesforce-only',
      'changed',
    ]);
  });
});
