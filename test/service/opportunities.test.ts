import { jest, describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';
import { northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';
import { call, tableCounts, TestClock, USERS } from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');

/** A deal every portal's checks pass, owned by the AE whose token submits it. */
const submittable = () => ({ ...northwindDataPlatform(), ownerId: USERS.ae });

describe('opportunity routes', () => {
  useServiceOnStore({ clock: new TestClock(NOW) });

  describe('POST /opportunities/validate', () => {
    it('previews a canonical opportunity for each tagged cloud: mapping, wire rules and lint in one list', async () => {
      const deal = dataPlatformDeal({ coSell: { clouds: ['Microsoft', 'AWS'], helpNeeded: [] } });
      const response = await call(service, 'POST', '/api/v1/opportunities/validate', {
        token: 'ae',
        body: deal,
      });
      expect(response.status).toBe(200);
      expect(response.json.source).toBe('request');
      expect(
        response.json.clouds.map(
          (c: { cloud: string; portal: string }) => `${c.cloud}/${c.portal}`,
        ),
      ).toEqual(['Microsoft/microsoft', 'AWS/aws']);
      for (const preview of response.json.clouds) {
        // No ask of the hyperscaler is a lint error on every cloud the deal is shared with.
        expect(preview.findings).toContainEqual(
          expect.objectContaining({
            code: 'LINT_NO_HYPERSCALER_ASK',
            cloud: preview.cloud,
            severity: 'error',
          }),
        );
        expect(preview.valid).toBe(false);
        expect(preview.errors).toBe(
          preview.findings.filter((f: { severity: string }) => f.severity === 'error').length,
        );
      }
      expect(response.json.valid).toBe(false);
    });

    it('narrows the preview to ?cloud= and judges a well-formed deal clean of lint errors', async () => {
      const response = await call(service, 'POST', '/api/v1/opportunities/validate?cloud=Google', {
        token: 'alliance-ops',
        body: dataPlatformDeal(),
      });
      expect(response.status).toBe(200);
      expect(response.json.clouds).toHaveLength(1);
      expect(response.json.clouds[0]).toMatchObject({ cloud: 'Google', portal: 'google' });
      expect(
        response.json.clouds[0].findings.filter(
          (f: { code: string; severity: string }) =>
            f.code.startsWith('LINT_') && f.severity === 'error',
        ),
      ).toEqual([]);
    });

    it('resolves { salesforceId } from the mirror, and answers 404 for an Id the mirror does not hold', async () => {
      const deal = { ...dataPlatformDeal(), ownerId: USERS.ae };
      await recordOpportunity(store.db, deal, NOW);
      const found = await call(service, 'POST', '/api/v1/opportunities/validate', {
        token: 'ae',
        body: { salesforceId: deal.id },
      });
      expect(found.status).toBe(200);
      expect(found.json).toMatchObject({ opportunityId: deal.id, source: 'mirror' });
      expect(found.json.clouds.map((c: { cloud: string }) => c.cloud)).toEqual(['Microsoft']);
      const missing = await call(service, 'POST', '/api/v1/opportunities/validate', {
        token: 'ae',
        body: { salesforceId: '006Hs00009Zzz99AAA' },
      });
      expect(missing.status).toBe(404);
      expect(missing.json.detail).toContain('006Hs00009Zzz99AAA');
    });

    it('names unknown fields, nested ones included, and wrong types with 400', async () => {
      const deal = {
        ...dataPlatformDeal(),
        coSell: { ...dataPlatformDeal().coSell, cloud: 'AWS' },
        amountt: 1,
      };
      const unknown = await call(service, 'POST', '/api/v1/opportunities/validate', {
        token: 'ae',
        body: deal,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'body.amountt',
        'body.coSell.cloud',
      ]);
      const wrongType = await call(service, 'POST', '/api/v1/opportunities/validate', {
        token: 'ae',
        body: { ...dataPlatformDeal(), amount: '240000' },
      });
      expect(wrongType.status).toBe(400);
      expect(wrongType.json.errors).toEqual([
        expect.objectContaining({ field: 'body.amount', code: 'invalid_type' }),
      ]);
      const badId = await call(service, 'POST', '/api/v1/opportunities/validate', {
        token: 'ae',
        body: { salesforceId: 'not-an-id' },
      });
      expect(badId.json.errors).toEqual([expect.objectContaining({ field: 'body.salesforceId' })]);
      const badCloud = await call(service, 'POST', '/api/v1/opportunities/validate?cloud=Oracle', {
        token: 'ae',
        body: dataPlatformDeal(),
      });
      expect(badCloud.json.errors).toEqual([expect.objectContaining({ field: 'query.cloud' })]);
    });
  });

  describe('POST /opportunities/{id}/submit', () => {
    it('queues a portal submission through the engine intake and wakes the worker', async () => {
      const deal = submittable();
      await recordOpportunity(store.db, deal, NOW);
      const response = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'Microsoft' },
      });
      expect(response.status).toBe(202);
      expect(response.json).toMatchObject({
        opportunityId: deal.id,
        cloud: 'Microsoft',
        queued: true,
        status: 'pending',
      });
      const job = await store.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', response.json.jobId)
        .executeTakeFirstOrThrow();
      // Exactly the job a Salesforce Requested_Action__c = Submit read by the intake produces.
      expect(job).toMatchObject({
        kind: 'portal.submit',
        target: 'microsoft',
        idempotency_key: `Microsoft:submit:${deal.id}:${deal.lastModifiedDate}`,
      });
      expect(service.engine.nudges).toBe(1);
    });

    it('adds the engagement for a cloud the opportunity had none for, and queues one job per Salesforce version', async () => {
      const deal = {
        ...submittable(),
        coSell: { ...northwindDataPlatform().coSell, clouds: ['Microsoft' as const] },
        engagements: [],
      };
      await recordOpportunity(store.db, deal, NOW);
      const first = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'AWS' },
      });
      const again = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'AWS' },
      });
      expect(first.json.queued).toBe(true);
      expect(again.status).toBe(202);
      expect(again.json).toMatchObject({ jobId: first.json.jobId, queued: false });
      expect(
        await store.db
          .selectFrom('outbox')
          .select('id')
          .where('kind', '=', 'portal.submit')
          .execute(),
      ).toHaveLength(1);
      const engagement = await store.db
        .selectFrom('engagements')
        .selectAll()
        .where('opportunity_id', '=', deal.id)
        .where('cloud', '=', 'AWS')
        .executeTakeFirst();
      expect(engagement?.status).toBe('Draft');
    });

    it('refuses at once with 422 and the findings when an error finding blocks the submission, changing nothing', async () => {
      const deal = { ...submittable(), closeDate: '2026-10-31' };
      await recordOpportunity(store.db, deal, NOW);
      const before = await tableCounts(store);
      for (const cloud of ['AWS', 'Google'] as const) {
        const response = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
          token: 'ae',
          body: { cloud },
        });
        expect(response.status).toBe(422);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.json.detail).toContain(`block the ${cloud} submission`);
        // The past close date is a finding for the AE, never replaced with a date they did not choose.
        expect(response.json.findings).toContainEqual(
          expect.objectContaining({ field: 'CloseDate', severity: 'error' }),
        );
        expect(response.json.errors).toContainEqual(
          expect.objectContaining({ field: 'CloseDate' }),
        );
      }
      expect(await tableCounts(store)).toEqual(before);
      expect(service.engine.nudges).toBe(0);
    });

    it('answers at once with the portal id when the portal already holds the deal, queuing nothing', async () => {
      const deal = { ...submittable(), engagements: [{ cloud: 'AWS' as const }] };
      await recordOpportunity(store.db, deal, NOW);
      await store.db
        .updateTable('engagements')
        .set({ portal_id: 'O7781234', status: 'In review' })
        .where('opportunity_id', '=', deal.id)
        .where('cloud', '=', 'AWS')
        .execute();
      const before = await tableCounts(store);
      const response = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'AWS' },
      });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        opportunityId: deal.id,
        cloud: 'AWS',
        portalId: 'O7781234',
        engagementStatus: 'In review',
      });
      expect(await tableCounts(store)).toEqual(before);
    });

    it('refuses at once with 422 when this Salesforce version was already refused (dead job), with the findings', async () => {
      const deal = submittable();
      await recordOpportunity(store.db, deal, NOW);
      const first = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'Google' },
      });
      expect(first.status).toBe(202);
      const finding = {
        code: 'GOOGLE_REJECTED',
        severity: 'error',
        message: 'Google refused the customer domain',
        field: 'Account.Website',
      };
      await store.db
        .updateTable('outbox')
        .set({ status: 'dead' })
        .where('id', '=', first.json.jobId)
        .execute();
      await store.db
        .updateTable('engagements')
        .set({ findings: JSON.stringify([finding]), sync_error: 'Google refused it' })
        .where('opportunity_id', '=', deal.id)
        .where('cloud', '=', 'Google')
        .execute();
      const again = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'Google' },
      });
      expect(again.status).toBe(422);
      expect(again.json.detail).toContain('already refused');
      expect(again.json.findings).toEqual([expect.objectContaining({ code: 'GOOGLE_REJECTED' })]);
    });

    it('answers 404 for an opportunity not in the mirror and 400 for a bad cloud, writing nothing', async () => {
      const deal = { ...dataPlatformDeal(), ownerId: USERS.ae };
      await recordOpportunity(store.db, deal, NOW);
      const before = await tableCounts(store);
      const missing = await call(
        service,
        'POST',
        '/api/v1/opportunities/006Hs00009Zzz99AAA/submit',
        { token: 'ae', body: { cloud: 'AWS' } },
      );
      expect(missing.status).toBe(404);
      const badCloud = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'azure' },
      });
      expect(badCloud.status).toBe(400);
      expect(badCloud.json.errors).toEqual([
        expect.objectContaining({ field: 'body.cloud', code: 'invalid_format' }),
      ]);
      const extra = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
        token: 'ae',
        body: { cloud: 'AWS', force: true },
      });
      expect(extra.json.errors).toEqual([
        expect.objectContaining({ field: 'body.force', code: 'unknown_field' }),
      ]);
      const badId = await call(service, 'POST', '/api/v1/opportunities/0061/submit', {
        token: 'ae',
        body: { cloud: 'AWS' },
      });
      expect(badId.json.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
      expect(await tableCounts(store)).toEqual(before);
      expect(service.engine.nudges).toBe(0);
    });
  });

  describe('GET /opportunities/{id}/engagements', () => {
    it('lists each cloud engagement with its status and findings', async () => {
      const deal = dataPlatformDeal({
        engagements: [{ cloud: 'Microsoft', portalId: 'ref-2b1f0c', status: 'In review' }],
      });
      await recordOpportunity(store.db, deal, NOW);
      await store.db
        .updateTable('engagements')
        .set({
          findings: JSON.stringify([
            {
              code: 'MS_STATUS_REASON',
              severity: 'warning',
              message: 'Partner Center asks for the customer contact',
              cloud: 'Microsoft',
            },
          ]),
          last_synced_at: NOW,
        })
        .execute();
      const response = await call(service, 'GET', `/api/v1/opportunities/${deal.id}/engagements`, {
        token: 'revops',
      });
      expect(response.status).toBe(200);
      expect(response.json.engagements).toEqual([
        {
          cloud: 'Microsoft',
          status: 'In review',
          portalId: 'ref-2b1f0c',
          findings: [expect.objectContaining({ code: 'MS_STATUS_REASON' })],
          submittedAt: null,
          acceptedAt: null,
          lastSyncedAt: NOW.toISOString(),
          syncError: null,
          changesWaiting: false,
        },
      ]);
    });

    it('answers 404 for an opportunity the mirror does not hold', async () => {
      const response = await call(
        service,
        'GET',
        '/api/v1/opportunities/006Hs00009Zzz99AAA/engagements',
        { token: 'ae' },
      );
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });
});
