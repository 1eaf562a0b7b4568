// The service's reports: GET /attribution over a Microsoft fiscal quarter, as JSON and CSV.
import { jest, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import type { Store } from '../../middleware/src/store/database.js';
import { dataPlatformDeal, opportunityId } from '../fixtures/opportunity.js';
import { call } from './support.js';
import { NOW, service, store, useReportsService } from './reports-fixtures.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

/** Microsoft FY2027 Q2 (Oct–Dec 2026): a sourced MACC deal, an influenced one and a EUR one, all closed. */
async function seedMicrosoftQuarter(store: Store): Promise<void> {
  const closed = { isClosed: true, isWon: true, stageName: 'Closed Won', closeDate: '2026-11-14' };
  await recordOpportunity(
    store.db,
    dataPlatformDeal({
      id: opportunityId(1),
      ...closed,
      coSell: { origin: 'Hyperscaler-led', originatingCloud: 'Microsoft' },
    }),
    NOW,
  );
  await recordOpportunity(
    store.db,
    dataPlatformDeal({ id: opportunityId(2), ...closed, amount: 90_000 }),
    NOW,
  );
  await recordOpportunity(
    store.db,
    dataPlatformDeal({ id: opportunityId(3), ...closed, amount: 50_000, currencyIsoCode: 'EUR' }),
    NOW,
  );
}

describe('reports, payloads, sync and metrics', () => {
  useReportsService();

  describe('GET /attribution', () => {
    it('reports sourced and influenced pipeline for a cloud and fiscal quarter, converting currencies', async () => {
      await seedMicrosoftQuarter(store);
      const response = await call(
        service,
        'GET',
        '/api/v1/attribution?cloud=Microsoft&period=FY2027Q2',
        { token: 'revops' },
      );
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        cloud: 'Microsoft',
        period: 'FY2027Q2',
        reportingCurrency: 'USD',
      });
      expect(response.json.rows).toHaveLength(1);
      expect(response.json.rows[0]).toMatchObject({
        scope: 'Microsoft',
        period: 'FY2027Q2',
        sourced: { count: 1, value: 240_000 },
        influenced: { count: 2, value: 90_000 + 50_000 * 1.08 },
      });
      expect(response.json.totals).toEqual([]);
    });

    it('shows a small-sample conversion uplift with its sample sizes, marked low confidence', async () => {
      await seedMicrosoftQuarter(store);
      const lost = {
        isClosed: true,
        isWon: false,
        stageName: 'Closed Lost',
        closeDate: '2026-11-20',
      };
      await recordOpportunity(
        store.db,
        dataPlatformDeal({
          id: opportunityId(4),
          ...lost,
          coSell: { clouds: [], origin: null, helpNeeded: [] },
          engagements: [],
        }),
        NOW,
      );
      const response = await call(
        service,
        'GET',
        '/api/v1/attribution?cloud=Microsoft&period=FY2027Q2',
        { token: 'revops' },
      );
      expect(response.json.rows[0].conversion.uplift.winRatePoints).toEqual({
        status: 'measured',
        value: 100,
        lowConfidence: true,
        coSoldSample: 3,
        directOnlySample: 1,
        minSampleSize: 10,
      });
      const csv = await call(
        service,
        'GET',
        '/api/v1/attribution?cloud=Microsoft&period=FY2027Q2&format=csv',
        { token: 'revops' },
      );
      expect(
        (parse(csv.text, { columns: true }) as Array<Record<string, string>>)[0],
      ).toMatchObject({
        winRateUpliftPoints: '100',
        winRateUpliftConfidence: 'low',
        coSoldClosed: '3',
        directOnlyClosed: '1',
      });
    });

    it('downloads the same report as CSV', async () => {
      await seedMicrosoftQuarter(store);
      const response = await call(
        service,
        'GET',
        '/api/v1/attribution?cloud=Microsoft&period=FY2027Q2&format=csv',
        { token: 'alliance-ops' },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain(
        'attribution-Microsoft-FY2027Q2.csv',
      );
      const rows = parse(response.text, { columns: true }) as Array<Record<string, string>>;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ scope: 'Microsoft', period: 'FY2027Q2', sourcedCount: '1' });
    });

    it('writes a formula-like stage name from the org as text in the CSV, not as a formula', async () => {
      const closed = { isClosed: true, isWon: true, closeDate: '2026-11-14' };
      await recordOpportunity(
        store.db,
        dataPlatformDeal({
          id: opportunityId(1),
          ...closed,
          stageName: '=HYPERLINK("http://evil.example","Closed Won")',
        }),
        NOW,
      );
      const response = await call(
        service,
        'GET',
        '/api/v1/attribution?cloud=Microsoft&period=FY2027Q2&format=csv',
        { token: 'alliance-ops' },
      );
      expect(response.status).toBe(200);
      const rows = parse(response.text, { columns: true }) as Array<Record<string, string>>;
      expect(rows[0]!.stageDistribution).toBe(
        `'=HYPERLINK("http://evil.example","Closed Won")=1/240000`,
      );
    });

    it('refuses a malformed period or format with 400, and an unconvertible currency with 422', async () => {
      const badPeriod = await call(service, 'GET', '/api/v1/attribution?period=2027-Q2', {
        token: 'revops',
      });
      expect(badPeriod.status).toBe(400);
      expect(badPeriod.json.errors).toEqual([
        expect.objectContaining({
          field: 'query.period',
          message: expect.stringContaining('FY<year>Q<1-4>'),
        }),
      ]);
      expect(
        (await call(service, 'GET', '/api/v1/attribution?format=xlsx', { token: 'revops' })).status,
      ).toBe(400);
      await recordOpportunity(
        store.db,
        dataPlatformDeal({ id: opportunityId(9), currencyIsoCode: 'JPY', amount: 30_000_000 }),
        NOW,
      );
      const noRate = await call(service, 'GET', '/api/v1/attribution', { token: 'revops' });
      expect(noRate.status).toBe(422);
      expect(noRate.json.detail).toContain('JPY');
    });
  });
});
