// The service's operations: GET /readiness, POST /payloads/validate, the sync status and retry of
// dead jobs, and GET /metrics.
import { jest, describe, expect, it } from '@jest/globals';
import { attributionTraceability } from '../../middleware/src/core/attribution/index.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { enqueueJob, failJob, claimJobs } from '../../middleware/src/engine/outbox.js';
import { dataPlatformDeal, opportunityId } from '../fixtures/opportunity.js';
import { call, tableCounts } from './support.js';
import { NOW, service, store, useReportsService } from './reports-fixtures.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

describe('reports, payloads, sync and metrics', () => {
  useReportsService();

  describe('GET /readiness', () => {
    it('builds the checklist from recorded evidence and store data; unrecorded clouds are all unknown', async () => {
      const response = await call(service, 'GET', '/api/v1/readiness', { token: 'alliance-ops' });
      expect(response.status).toBe(200);
      const byCloud = Object.fromEntries(
        response.json.checklists.map((c: { cloud: string }) => [c.cloud, c]),
      );
      expect(Object.keys(byCloud)).toEqual(['AWS', 'Microsoft', 'Google']);
      expect(byCloud.Microsoft.evidenceRecorded).toBe(true);
      const items = Object.fromEntries(
        byCloud.Microsoft.items.map((i: { key: string; status: string }) => [i.key, i.status]),
      );
      expect(items).toMatchObject({
        marketplaceListing: 'met',
        coSellEligibility: 'met',
        opportunitySharing: 'not met',
      });
      expect(byCloud.AWS).toMatchObject({ evidenceRecorded: false, ready: false });
      expect(
        byCloud.AWS.items.find((i: { key: string }) => i.key === 'coSellEligibility').status,
      ).toBe('unknown');
      const one = await call(service, 'GET', '/api/v1/readiness?cloud=Google', { token: 'revops' });
      expect(one.json.checklists.map((c: { cloud: string }) => c.cloud)).toEqual(['Google']);
      expect(
        (await call(service, 'GET', '/api/v1/readiness?cloud=azure', { token: 'revops' })).status,
      ).toBe(400);
    });

    it('measures traceability over the whole mirror, read page by page (more deals than one page)', async () => {
      const deals = Array.from({ length: 503 }, (_, index) =>
        dataPlatformDeal({
          id: opportunityId(100 + index),
          coSell:
            index % 3 === 0 ? { origin: 'Hyperscaler-led', originatingCloud: 'Microsoft' } : {},
        }),
      );
      for (const deal of deals) await recordOpportunity(store.db, deal, NOW);
      const expected = attributionTraceability(deals, 'Microsoft');
      expect(expected.coSold).toBe(503);
      const response = await call(service, 'GET', '/api/v1/readiness?cloud=Microsoft', {
        token: 'alliance-ops',
      });
      const evidence = response.json.checklists[0].items.flatMap(
        (item: { evidence: string[] }) => item.evidence,
      );
      expect(evidence).toContainEqual(
        expect.stringContaining(`${expected.traceable} of 503 co-sold deals traceable`),
      );
    }, 120_000);
  });

  describe('POST /payloads/validate', () => {
    it('validates a wire payload like the CLI, defaulting the operation, and reports findings by JSON path', async () => {
      const response = await call(service, 'POST', '/api/v1/payloads/validate', {
        token: 'ae',
        body: { portal: 'aws', payload: { Customer: { Account: {} } } },
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ portal: 'aws', valid: false });
      expect(response.json.operation).toBe('CreateOpportunity');
      expect(response.json.errors).toBeGreaterThan(0);
      expect(response.json.findings.every((f: { path: string }) => f.path.startsWith('$'))).toBe(
        true,
      );
    });

    it('refuses an unknown portal, an unknown operation, a missing payload and extra fields with 400', async () => {
      const portal = await call(service, 'POST', '/api/v1/payloads/validate', {
        token: 'ae',
        body: { portal: 'oracle', payload: {} },
      });
      expect(portal.json.errors).toEqual([expect.objectContaining({ field: 'body.portal' })]);
      const operation = await call(service, 'POST', '/api/v1/payloads/validate', {
        token: 'ae',
        body: { portal: 'microsoft', operation: 'Teleport', payload: {} },
      });
      expect(operation.status).toBe(400);
      expect(operation.json.errors).toEqual([
        expect.objectContaining({
          field: 'body.operation',
          message: expect.stringContaining('known:'),
        }),
      ]);
      const missing = await call(service, 'POST', '/api/v1/payloads/validate', {
        token: 'ae',
        body: { portal: 'google' },
      });
      expect(missing.json.errors).toEqual([expect.objectContaining({ field: 'body.payload' })]);
      const extra = await call(service, 'POST', '/api/v1/payloads/validate', {
        token: 'ae',
        body: { portal: 'google', payload: {}, strict: true },
      });
      expect(extra.json.errors).toEqual([
        expect.objectContaining({ field: 'body.strict', code: 'unknown_field' }),
      ]);
    });
  });

  describe('sync', () => {
    async function deadLetter(): Promise<string> {
      const job = await enqueueJob(
        store.db,
        {
          kind: 'portal.submit',
          target: 'aws',
          orderingKey: 'engagement:006:AWS',
          idempotencyKey: 'AWS:submit:dead',
          payload: { opportunityId: opportunityId(4), cloud: 'AWS' },
        },
        NOW,
      );
      const [claimed] = await claimJobs(store.db, {
        workerId: 'w1',
        limit: 1,
        leaseMs: 60_000,
        now: NOW,
      });
      await failJob(
        store.db,
        claimed!,
        'w1',
        { message: 'ValidationException: Customer.Account.WebsiteUrl is invalid', permanent: true },
        NOW,
      );
      return job.id;
    }

    it('reports queue depth, lag and dead letters', async () => {
      const dead = await deadLetter();
      await enqueueJob(
        store.db,
        {
          kind: 'portal.poll',
          target: 'microsoft',
          orderingKey: 'k2',
          idempotencyKey: 'poll-1',
          payload: {},
        },
        new Date(NOW.getTime() - 90_000),
      );
      const response = await call(service, 'GET', '/api/v1/sync/status', { token: 'alliance-ops' });
      expect(response.status).toBe(200);
      expect(response.json.queue).toMatchObject({
        pending: 1,
        dead: 1,
        lagSeconds: 90,
        byTarget: { aws: { dead: 1 }, microsoft: { pending: 1 } },
      });
      expect(response.json.deadLetters).toEqual([
        expect.objectContaining({
          id: dead,
          kind: 'portal.submit',
          lastError: expect.stringContaining('WebsiteUrl'),
        }),
      ]);
    });

    it('replays a dead letter (admin only), and refuses jobs that are not dead or do not exist', async () => {
      const dead = await deadLetter();
      const replayed = await call(service, 'POST', `/api/v1/sync/jobs/${dead}/replay`, {
        token: 'admin',
      });
      expect(replayed.status).toBe(202);
      expect(replayed.json).toEqual({ jobId: dead, status: 'pending' });
      expect(service.engine.nudges).toBe(1);
      const before = await tableCounts(store);
      const again = await call(service, 'POST', `/api/v1/sync/jobs/${dead}/replay`, {
        token: 'admin',
      });
      expect(again.status).toBe(409);
      expect(again.json.detail).toContain('only dead-letter jobs');
      expect(
        (await call(service, 'POST', '/api/v1/sync/jobs/777/replay', { token: 'admin' })).status,
      ).toBe(404);
      expect(
        (await call(service, 'POST', '/api/v1/sync/jobs/-1/replay', { token: 'admin' })).status,
      ).toBe(400);
      expect(await tableCounts(store)).toEqual(before);
    });
  });

  describe('GET /metrics', () => {
    it('exposes sync lag, queue depth, dead letters, portal errors and Salesforce API usage in Prometheus text', async () => {
      await enqueueJob(
        store.db,
        {
          kind: 'portal.poll',
          target: 'google',
          orderingKey: 'k3',
          idempotencyKey: 'poll-2',
          payload: {},
        },
        new Date(NOW.getTime() - 30_000),
      );
      await call(service, 'GET', '/api/v1/referrals', { token: 'ae' });
      const response = await call(service, 'GET', '/metrics', { token: 'admin' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const lines = response.text.split('\n');
      expect(lines).toContain('cosell_sync_lag_seconds 30');
      expect(lines).toContain('cosell_outbox_jobs{target="google",status="pending"} 1');
      expect(lines).toContain('cosell_dead_letters 0');
      expect(lines).toContain('cosell_portal_errors_total{portal="aws",kind="throttled"} 3');
      expect(lines).toContain('cosell_salesforce_api_requests_used 1250');
      expect(lines).toContain('cosell_salesforce_api_requests_max 100000');
      expect(
        lines.some((line) =>
          line.startsWith(
            'cosell_http_requests_total{method="GET",route="/api/v1/referrals",status="200"}',
          ),
        ),
      ).toBe(true);
      // Scraped twice, the mirrored counter does not double.
      const second = await call(service, 'GET', '/metrics', { token: 'admin' });
      expect(second.text.split('\n')).toContain(
        'cosell_portal_errors_total{portal="aws",kind="throttled"} 3',
      );
    });
  });
});
