import { jest, describe, expect, it } from '@jest/globals';
import { call, pdmReferral, storeReferral, tableCounts, TestClock, USERS } from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');
const SPECIFIC_FEEDBACK =
  'Contoso Logistics needs the shipment telemetry kept in an EU-only region our BigQuery ingestion layer does not run in yet; ' +
  'we can take it once our Frankfurt deployment ships next quarter.';

describe('referral routes', () => {
  useServiceOnStore({ clock: new TestClock(NOW) });

  /** Three referrals whose stored triage the test fixes, so the order is the one the inbox must show. */
  async function inbox() {
    const ids = {
      standardSoon: await storeReferral(
        store,
        pdmReferral({ portalId: 'ctsq-1', customerName: 'Fabrikam Retail' }),
        NOW,
      ),
      urgentLate: await storeReferral(
        store,
        pdmReferral({
          cloud: 'AWS',
          portalId: 'O1234567',
          customerName: 'Adventure Works',
          sourceLayer: 'Account Team',
        }),
        NOW,
      ),
      urgentOverdue: await storeReferral(
        store,
        pdmReferral({
          cloud: 'Microsoft',
          portalId: 'ms-ref-77',
          customerName: 'Tailspin Toys',
          sourceLayer: 'Executive/Industry',
        }),
        NOW,
      ),
    };
    const set = (id: string, priority: string, due: string) =>
      store.db
        .updateTable('referrals')
        .set({ priority, response_due: new Date(due) })
        .where('id', '=', id)
        .execute();
    await set(ids.standardSoon, 'Standard', '2026-11-26T12:00:00.000Z');
    await set(ids.urgentLate, 'Urgent', '2026-11-27T12:00:00.000Z');
    await set(ids.urgentOverdue, 'Urgent', '2026-11-26T08:00:00.000Z');
    return ids;
  }

  describe('GET /referrals', () => {
    it('sorts by priority, then by response deadline, and flags overdue referrals', async () => {
      const ids = await inbox();
      const response = await call(service, 'GET', '/api/v1/referrals', { token: 'alliance-ops' });
      expect(response.status).toBe(200);
      expect(response.json.referrals.map((r: { id: string }) => r.id)).toEqual([
        ids.urgentOverdue,
        ids.urgentLate,
        ids.standardSoon,
      ]);
      expect(response.json.referrals.map((r: { overdue: boolean }) => r.overdue)).toEqual([
        true,
        false,
        false,
      ]);
      expect(response.json.referrals[2]).toMatchObject({
        cloud: 'Google',
        customerName: 'Fabrikam Retail',
        triageStatus: 'New',
        referrer: { name: 'Lena Fischer' },
      });
      expect(response.json.truncated).toBe(false);
    });

    it('filters by cloud, layer, priority, status and overdue, and pages with limit', async () => {
      const ids = await inbox();
      const ids_of = async (query: string) =>
        (
          await call(service, 'GET', `/api/v1/referrals?${query}`, { token: 'alliance-ops' })
        ).json.referrals.map((r: { id: string }) => r.id);
      expect(await ids_of('cloud=AWS')).toEqual([ids.urgentLate]);
      expect(await ids_of('layer=Executive%2FIndustry')).toEqual([ids.urgentOverdue]);
      expect(await ids_of('priority=Standard')).toEqual([ids.standardSoon]);
      expect(await ids_of('overdue=true')).toEqual([ids.urgentOverdue]);
      expect(await ids_of('overdue=false')).toEqual([ids.urgentLate, ids.standardSoon]);
      expect(await ids_of('status=Accepted')).toEqual([]);
      const page = await call(service, 'GET', '/api/v1/referrals?limit=2', {
        token: 'alliance-ops',
      });
      expect(page.json).toMatchObject({ truncated: true });
      expect(page.json.referrals).toHaveLength(2);
    });

    it('refuses unknown filter values and parameters with 400 naming them', async () => {
      const response = await call(
        service,
        'GET',
        '/api/v1/referrals?priority=Critical&overdue=yes&owner=me',
        { token: 'ae' },
      );
      expect(response.status).toBe(400);
      expect(response.json.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'query.overdue',
        'query.owner',
        'query.priority',
      ]);
    });
  });

  describe('decisions', () => {
    it('accepts a referral: decision recorded, portal call queued, worker woken', async () => {
      const id = await storeReferral(store, pdmReferral(), NOW);
      const response = await call(service, 'POST', `/api/v1/referrals/${id}/accept`, {
        token: 'alliance-ops',
      });
      expect(response.status).toBe(202);
      expect(response.json).toMatchObject({ referralId: id, decision: 'accept' });
      const job = await store.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', response.json.jobId)
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({ kind: 'portal.decide', target: 'google' });
      const row = await store.db
        .selectFrom('referrals')
        .select('triage_status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.triage_status).toBe('Accepted');
      expect(service.engine.nudges).toBe(1);
      const again = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
        token: 'alliance-ops',
        body: { reason: 'Region or compliance not supported', feedback: SPECIFIC_FEEDBACK },
      });
      expect(again.status).toBe(409);
      expect(again.json.detail).toContain('already accepted');
    });

    it('refuses generic decline feedback with the reasons, and changes nothing', async () => {
      const id = await storeReferral(store, pdmReferral(), NOW);
      const before = await tableCounts(store);
      const response = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
        token: 'alliance-ops',
        body: {
          reason: 'Product not relevant to workload',
          feedback: "Isn't a fit for us right now, keep them coming!",
        },
      });
      expect(response.status).toBe(422);
      expect(response.json.type).toBe('urn:cosell:problem:unprocessable');
      expect(response.json.errors.map((e: { code: string }) => e.code).sort()).toEqual([
        'FEEDBACK_NOT_SPECIFIC',
        'FEEDBACK_NO_CONCRETE_REASON',
      ]);
      expect(
        response.json.errors.every((e: { field: string }) => e.field === 'body.feedback'),
      ).toBe(true);
      expect(response.json.findings.map((f: { code: string }) => f.code)).toContain(
        'FEEDBACK_NO_WAY_FORWARD',
      );
      expect(response.json.detail).toContain('Contoso Logistics');
      expect(await tableCounts(store)).toEqual(before);
      const unlisted = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
        token: 'alliance-ops',
        body: { reason: 'Budget', feedback: SPECIFIC_FEEDBACK },
      });
      expect(unlisted.status).toBe(422);
      expect(unlisted.json.errors).toEqual([
        expect.objectContaining({ field: 'body.reason', code: 'FEEDBACK_REASON_UNKNOWN' }),
      ]);
      const missing = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
        token: 'alliance-ops',
        body: { reason: 'Customer unresponsive' },
      });
      expect(missing.status).toBe(400);
      expect(missing.json.errors).toEqual([expect.objectContaining({ field: 'body.feedback' })]);
      expect(await tableCounts(store)).toEqual(before);
    });

    it('declines with a listed reason and specific feedback, queuing the portal call', async () => {
      const id = await storeReferral(store, pdmReferral(), NOW);
      const response = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
        token: 'alliance-ops',
        body: { reason: 'Region or compliance not supported', feedback: SPECIFIC_FEEDBACK },
      });
      expect(response.status).toBe(202);
      expect(response.json.warnings).toEqual([]);
      const row = await store.db
        .selectFrom('referrals')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.triage_status).toBe('Declined');
      expect(row.data).toMatchObject({
        declineReason: 'Region or compliance not supported',
        feedback: SPECIFIC_FEEDBACK,
      });
      const audit = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'decided:decline')
        .executeTakeFirstOrThrow();
      expect(audit.after).toMatchObject({ actor: 'alliance-ops@northwind-isv.example' });
    });

    it('answers 404 for a referral that does not exist and 400 for an id that is not one', async () => {
      expect(
        (await call(service, 'POST', '/api/v1/referrals/999/accept', { token: 'ae' })).status,
      ).toBe(404);
      expect(
        (
          await call(service, 'POST', '/api/v1/referrals/999/decline', {
            token: 'ae',
            body: { reason: 'Customer unresponsive', feedback: SPECIFIC_FEEDBACK },
          })
        ).status,
      ).toBe(404);
      const bad = await call(service, 'POST', '/api/v1/referrals/abc/accept', { token: 'ae' });
      expect(bad.status).toBe(400);
      expect(bad.json.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
      const extra = await call(service, 'POST', '/api/v1/referrals/1/accept', {
        token: 'ae',
        body: { note: 'yes' },
      });
      expect(extra.json.errors).toEqual([
        expect.objectContaining({ field: 'body.note', code: 'unknown_field' }),
      ]);
    });

    it('assigns an open referral to an owner, audits it and queues the Salesforce write-back', async () => {
      const id = await storeReferral(store, pdmReferral(), NOW);
      const response = await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
        token: 'alliance-ops',
        body: { ownerId: USERS.ae },
      });
      expect(response.status).toBe(202);
      expect(response.json).toMatchObject({
        referralId: id,
        ownerId: USERS.ae,
        previousOwnerId: null,
      });
      const job = await store.db
        .selectFrom('outbox')
        .selectAll()
        .where('id', '=', response.json.jobId)
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({
        kind: 'salesforce.referral',
        target: 'salesforce',
        payload: { referralId: id },
      });
      const row = await store.db
        .selectFrom('referrals')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.triage_status).toBe('Assigned');
      expect(row.data).toMatchObject({ ownerId: USERS.ae });
      const listed = await call(service, 'GET', '/api/v1/referrals?status=Assigned', {
        token: 'ae',
      });
      expect(listed.json.referrals).toEqual([expect.objectContaining({ id, ownerId: USERS.ae })]);
    });

    it('answers 200 with no job when the referral already belongs to that owner, changing nothing', async () => {
      const id = await storeReferral(store, pdmReferral(), NOW);
      const first = await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
        token: 'alliance-ops',
        body: { ownerId: USERS.ae },
      });
      expect(first.status).toBe(202);
      const before = await tableCounts(store);
      const again = await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
        token: 'alliance-ops',
        body: { ownerId: USERS.ae },
      });
      expect(again.status).toBe(200);
      expect(again.json).toEqual({
        referralId: id,
        ownerId: USERS.ae,
        previousOwnerId: USERS.ae,
        jobId: null,
      });
      expect(await tableCounts(store)).toEqual(before);
    });

    it('refuses to assign a decided referral or to a malformed owner Id, changing nothing', async () => {
      const id = await storeReferral(store, pdmReferral(), NOW);
      await call(service, 'POST', `/api/v1/referrals/${id}/accept`, { token: 'alliance-ops' });
      const before = await tableCounts(store);
      const decided = await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
        token: 'alliance-ops',
        body: { ownerId: USERS.ae },
      });
      expect(decided.status).toBe(409);
      const malformed = await call(service, 'POST', `/api/v1/referrals/${id}/assign`, {
        token: 'alliance-ops',
        body: { ownerId: 'lena' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.json.errors).toEqual([expect.objectContaining({ field: 'body.ownerId' })]);
      expect(
        (
          await call(service, 'POST', '/api/v1/referrals/4242/assign', {
            token: 'admin',
            body: { ownerId: USERS.ae },
          })
        ).status,
      ).toBe(404);
      expect(await tableCounts(store)).toEqual(before);
    });
  });
});
