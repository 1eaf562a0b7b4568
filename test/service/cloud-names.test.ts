// People and other systems write clouds and portals in any case: the API reads "aws", "AWS" and
// "Aws" alike in query strings and bodies, and works with the canonical name from there on.
import { jest, describe, expect, it } from '@jest/globals';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { dataPlatformDeal, opportunityId } from '../fixtures/opportunity.js';
import { call, TestClock, USERS } from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');

describe('cloud and portal names in any case', () => {
  useServiceOnStore({ clock: new TestClock(NOW) }, { keepState: true });

  it('reads clouds in query strings in any case', async () => {
    await recordOpportunity(
      store.db,
      dataPlatformDeal({
        id: opportunityId(1),
        isClosed: true,
        isWon: true,
        stageName: 'Closed Won',
        closeDate: '2026-11-14',
      }),
      NOW,
    );
    const attribution = await call(
      service,
      'GET',
      '/api/v1/attribution?cloud=microsoft&period=FY2027Q2',
      { token: 'revops' },
    );
    expect(attribution.status).toBe(200);
    expect(attribution.json).toMatchObject({ cloud: 'Microsoft' });
    const readiness = await call(service, 'GET', '/api/v1/readiness?cloud=GOOGLE', {
      token: 'revops',
    });
    expect(readiness.json.checklists.map((c: { cloud: string }) => c.cloud)).toEqual(['Google']);
    expect(
      (await call(service, 'GET', '/api/v1/referrals?cloud=aws', { token: 'alliance-ops' })).status,
    ).toBe(200);
    const preview = await call(service, 'POST', '/api/v1/opportunities/validate?cloud=google', {
      token: 'ae',
      body: dataPlatformDeal(),
    });
    expect(preview.status).toBe(200);
    const wrong = await call(service, 'GET', '/api/v1/readiness?cloud=azure', { token: 'revops' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([
      expect.objectContaining({
        field: 'query.cloud',
        message: expect.stringContaining('AWS, Microsoft, Google (in any case)'),
      }),
    ]);
  });

  it('reads clouds and portals in request bodies in any case', async () => {
    // The AE submits a deal of their own: access follows Salesforce ownership.
    const deal = dataPlatformDeal({ id: opportunityId(2), ownerId: USERS.ae });
    await recordOpportunity(store.db, deal, NOW);
    const submit = await call(service, 'POST', `/api/v1/opportunities/${deal.id}/submit`, {
      token: 'ae',
      body: { cloud: 'microsoft' },
    });
    // The name was read as Microsoft: the answer is Microsoft's judgement of the deal (this fixture
    // lacks what Partner Center requires, so its findings block the submission), not a 400.
    expect(submit.status).toBe(422);
    expect(submit.json.detail).toContain('Microsoft submission');
    const body = { ...deal, coSell: { ...deal.coSell, clouds: ['microsoft', 'aws'] } };
    const validated = await call(service, 'POST', '/api/v1/opportunities/validate', {
      token: 'ae',
      body,
    });
    expect(validated.status).toBe(200);
    expect(JSON.stringify(validated.json)).toContain('"cloud":"Microsoft"');
    const payload = await call(service, 'POST', '/api/v1/payloads/validate', {
      token: 'ae',
      body: { portal: 'AWS', payload: {} },
    });
    expect(payload.status).toBe(200);
    expect(payload.json.portal).toBe('aws');
  });
});
