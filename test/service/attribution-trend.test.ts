// GET /attribution/trend: the quarter-over-quarter series over the store's mirror, in JSON and CSV,
// agreeing quarter by quarter with the attribution report the same route family serves.
import { jest, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type {
  AttributionPeriodRow,
  TrendPoint,
} from '../../middleware/src/core/attribution/index.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { type Store } from '../../middleware/src/store/database.js';
import { dataPlatformDeal, opportunityId } from '../fixtures/opportunity.js';
import { call, TestClock } from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');

/** Microsoft deals over a year: sourced in FY2027Q2, influenced in FY2026Q4 and FY2027Q2, one accepted engagement. */
async function seedYear(store: Store): Promise<void> {
  const won = { isClosed: true, isWon: true, stageName: 'Closed Won' };
  await recordOpportunity(
    store.db,
    dataPlatformDeal({
      id: opportunityId(1),
      ...won,
      closeDate: '2026-11-14',
      coSell: { origin: 'Hyperscaler-led', originatingCloud: 'Microsoft' },
    }),
    NOW,
  );
  await recordOpportunity(
    store.db,
    dataPlatformDeal({ id: opportunityId(2), ...won, closeDate: '2026-11-02', amount: 90_000 }),
    NOW,
  );
  await recordOpportunity(
    store.db,
    dataPlatformDeal({
      id: opportunityId(3),
      closeDate: '2026-05-20',
      amount: 50_000,
      currencyIsoCode: 'EUR',
      engagements: [
        {
          cloud: 'Microsoft',
          status: 'Accepted',
          submittedAt: '2026-05-01T09:00:00Z',
          acceptedAt: '2026-05-02T15:00:00Z',
        },
      ],
    }),
    NOW,
  );
}

describe('GET /attribution/trend', () => {
  useServiceOnStore({ clock: new TestClock(NOW) });

  it('serves eight Microsoft fiscal quarters that agree with the attribution report for every quarter', async () => {
    await seedYear(store);
    const response = await call(service, 'GET', '/api/v1/attribution/trend?cloud=microsoft', {
      token: 'revops',
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      cloud: 'Microsoft',
      scope: 'Microsoft',
      calendar: 'Microsoft',
      reportingCurrency: 'USD',
    });
    const points = response.json.points as TrendPoint[];
    expect(points.map((point) => point.period)).toEqual([
      'FY2025Q3',
      'FY2025Q4',
      'FY2026Q1',
      'FY2026Q2',
      'FY2026Q3',
      'FY2026Q4',
      'FY2027Q1',
      'FY2027Q2',
    ]);
    const report = await call(service, 'GET', '/api/v1/attribution?cloud=Microsoft', {
      token: 'revops',
    });
    for (const point of points) {
      const row = (report.json.rows as AttributionPeriodRow[]).find(
        (candidate) => candidate.period === point.period,
      );
      expect(point.sourced).toEqual(row?.sourced ?? { count: 0, value: 0 });
      expect(point.influenced).toEqual(row?.influenced ?? { count: 0, value: 0 });
      expect(point.acceptanceRate.value).toEqual(row?.portalHealth.acceptanceRate ?? null);
      expect(point.medianHoursToAccept.value).toEqual(
        row?.portalHealth.timeToAccept.medianHours ?? null,
      );
    }
    expect(points.at(-1)).toMatchObject({
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      sourced: { count: 1, value: 240_000 },
      influenced: { count: 1, value: 90_000 },
    });
    // One accepted engagement: the rate is shown, with its sample of one, flagged small.
    expect(points.find((point) => point.period === 'FY2026Q4')!.acceptanceRate).toEqual({
      value: 1,
      sample: 1,
      smallSample: true,
    });
    expect(points.find((point) => point.period === 'FY2026Q4')!.medianHoursToAccept).toEqual({
      value: 30,
      sample: 1,
      smallSample: true,
    });
  });

  it('serves the same series as CSV, one row per quarter, and honours quarters', async () => {
    await seedYear(store);
    const response = await call(
      service,
      'GET',
      '/api/v1/attribution/trend?cloud=Microsoft&quarters=3&format=csv',
      { token: 'alliance-ops' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(
      'attribution-trend-Microsoft-3q.csv',
    );
    const rows = parse(response.text, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.period)).toEqual(['FY2026Q4', 'FY2027Q1', 'FY2027Q2']);
    expect(rows[2]).toMatchObject({
      scope: 'Microsoft',
      periodStart: '2026-10-01',
      sourcedCount: '1',
      sourcedValue: '240000',
      sourcedValueDirection: 'up',
    });
    expect(rows[0]).toMatchObject({
      influencedValue: String(50_000 * 1.08),
      acceptanceRate: '1',
      acceptanceSample: '1',
      acceptanceSmallSample: 'true',
    });
  });

  it('reports all clouds on the calendar year when no cloud is chosen', async () => {
    await seedYear(store);
    const response = await call(service, 'GET', '/api/v1/attribution/trend', { token: 'revops' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      cloud: null,
      scope: 'All clouds',
      calendar: 'Calendar year',
    });
    expect(response.json.points.at(-1)).toMatchObject({
      period: 'FY2026Q4',
      sourced: { count: 1 },
      influenced: { count: 1 },
    });
  });

  it('refuses a bad cloud, quarter count or format with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['cloud=oracle', 'query.cloud'],
      ['quarters=0', 'query.quarters'],
      ['quarters=41', 'query.quarters'],
      ['quarters=two', 'query.quarters'],
      ['quarters=2.5', 'query.quarters'],
      ['format=xlsx', 'query.format'],
      ['period=FY2027Q1', 'query.period'],
    ] as const) {
      const response = await call(service, 'GET', `/api/v1/attribution/trend?${query}`, {
        token: 'revops',
      });
      expect(response.status).toBe(400);
      expect(response.json.errors).toEqual([expect.objectContaining({ field })]);
    }
  });

  it("keeps the attribution route's access rules: an AE cannot read it", async () => {
    const response = await call(service, 'GET', '/api/v1/attribution/trend', { token: 'ae' });
    expect(response.status).toBe(403);
  });
});
