// Hostile and malformed input: each case once answered 500 (or let a replay through). Every one
// must now be a clear 4xx (or a definitive answer) that changes nothing and leaks nothing to the log.
import { jest, beforeEach, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { createPortalEventHandler } from '../../middleware/src/engine/portal-events.js';
import { PortalError } from '../../middleware/src/engine/portal-client.js';
import type { MicrosoftClient } from '../../middleware/src/portals/microsoft/client.js';
import { signatureHeader } from '../../middleware/src/service/webhook-signature.js';
import {
  call,
  pdmReferral,
  storeReferral,
  tableCounts,
  TestClock,
  WEBHOOK_SECRETS,
} from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);
const EVENT = JSON.stringify({
  'detail-type': 'Opportunity Created',
  detail: { opportunity: { identifier: 'O7781234' } },
});
const PORTALS = ['aws', 'microsoft', 'google'] as const;

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('hostile input', () => {
  useServiceOnStore({ clock: new TestClock(NOW) });
  beforeEach(async () => {
    service.engine.deliveries = [];
    service.engine.respond = async () => ({ outcome: 'created', referralId: '17' });
    service.logLines.length = 0;
  }, 30_000);

  it('refuses JSON nested 2,000 levels deep with 400, on an ordinary route and on a signed webhook', async () => {
    const body = nested(2_000);
    const validate = await call(service, 'POST', '/api/v1/opportunities/validate', {
      rawBody: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(validate.status).toBe(400);
    expect(validate.json.errors).toEqual([
      expect.objectContaining({ field: 'body', code: 'too_deep' }),
    ]);
    const webhook = await call(service, 'POST', '/api/v1/webhooks/aws', {
      token: 'portal-webhook',
      rawBody: body,
      headers: {
        'content-type': 'application/json',
        'CoSell-Signature': signatureHeader([WEBHOOK_SECRETS.aws[0]], T, body, 'aws'),
      },
    });
    expect(webhook.status).toBe(400);
    expect(service.engine.deliveries).toEqual([]);
    expect(service.logLines.join('')).not.toContain('unhandled error');
  });

  it('refuses NUL characters in a body or a query with 400 naming the field, changing nothing', async () => {
    const id = await storeReferral(store, pdmReferral(), NOW);
    const before = await tableCounts(store);
    const feedback = `Contoso Logistics needs an EU-only region\u0000 our ingestion layer does not run in yet; we can take it next quarter once Frankfurt ships.`;
    const decline = await call(service, 'POST', `/api/v1/referrals/${id}/decline`, {
      token: 'alliance-ops',
      body: { reason: 'Region or compliance not supported', feedback },
    });
    expect(decline.status).toBe(400);
    expect(decline.json.errors).toEqual([
      expect.objectContaining({ field: 'body.feedback', code: 'nul_character' }),
    ]);
    const query = await call(service, 'GET', '/api/v1/referrals?cloud=AWS%00', {
      token: 'alliance-ops',
    });
    expect(query.status).toBe(400);
    expect(query.json.errors).toEqual([
      expect.objectContaining({ field: 'query.cloud', code: 'nul_character' }),
    ]);
    expect(await tableCounts(store)).toEqual(before);
    expect(service.logLines.join('')).not.toMatch(/unhandled error|UPDATE|INSERT/);
  });

  it('answers a gzip Content-Encoding on a plain body with 400, and a real gzip body like any other', async () => {
    const plain = await call(service, 'POST', '/api/v1/opportunities/validate', {
      rawBody: '{"salesforceId":"006Hs00009Zzz99AAA"}',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(plain.status).toBe(400);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    const zipped = await fetch(`${service.url}/api/v1/opportunities/validate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await import('./support.js')).TOKENS.admin}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync('{"salesforceId":"006Hs00009Zzz99AAA"}'),
    });
    expect(zipped.status).toBe(404);
  });

  it.each(PORTALS)(
    'refuses an unsigned %s webhook with 401 before reading its body, even when the body is not JSON',
    async (portal) => {
      for (const rawBody of [EVENT, '{"oops":', nested(5_000)]) {
        const response = await call(service, 'POST', `/api/v1/webhooks/${portal}`, {
          token: 'portal-webhook',
          rawBody,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status).toBe(401);
        expect(response.json.detail).toContain('missing CoSell-Signature');
      }
      expect(service.engine.deliveries).toEqual([]);
    },
  );

  it('refuses a delivery signed for another portal route', async () => {
    const secret = 'whsec_shared_between_routes_0123456789abcdef';
    const header = signatureHeader([secret], T, EVENT, 'aws');
    service.deps.webhookSecrets = { ...WEBHOOK_SECRETS, microsoft: [secret], aws: [secret] };
    try {
      const elsewhere = await call(service, 'POST', '/api/v1/webhooks/microsoft', {
        token: 'portal-webhook',
        rawBody: EVENT,
        headers: { 'content-type': 'application/json', 'CoSell-Signature': header },
      });
      expect(elsewhere.status).toBe(401);
      const right = await call(service, 'POST', '/api/v1/webhooks/aws', {
        token: 'portal-webhook',
        rawBody: EVENT,
        headers: { 'content-type': 'application/json', 'CoSell-Signature': header },
      });
      expect(right.status).toBe(202);
    } finally {
      service.deps.webhookSecrets = WEBHOOK_SECRETS;
    }
  });

  it('refuses a replay during secret rotation whichever of its signatures it carries', async () => {
    const [current, previous] = WEBHOOK_SECRETS.aws;
    const both = signatureHeader([current, previous], T, EVENT, 'aws');
    const onlyPrevious = signatureHeader([previous], T, EVENT, 'aws');
    const first = await call(service, 'POST', '/api/v1/webhooks/aws', {
      token: 'portal-webhook',
      rawBody: EVENT,
      headers: { 'content-type': 'application/json', 'CoSell-Signature': both },
    });
    expect(first.status).toBe(202);
    const replay = await call(service, 'POST', '/api/v1/webhooks/aws', {
      token: 'portal-webhook',
      rawBody: EVENT,
      headers: { 'content-type': 'application/json', 'CoSell-Signature': onlyPrevious },
    });
    expect(replay.status).toBe(409);
    expect(service.engine.deliveries).toHaveLength(1);
  });

  it('answers a signed event for a record the portal does not have for good (202 ignored, logged), so the relay stops retrying', async () => {
    const microsoft = {
      readEvent: async () => {
        throw new PortalError('Microsoft', 'not-found', 'Partner Center has no referral 7f3c9a52');
      },
    } as unknown as MicrosoftClient;
    const handle = createPortalEventHandler({
      db: store.db,
      clock: () => NOW,
      triage: () => {
        throw new Error('not reached');
      },
      microsoft,
      catchUpSoon: () => undefined,
      nudge: () => undefined,
    });
    service.engine.respond = (delivery) => handle(delivery.portal, delivery.payload);
    const body = JSON.stringify({
      EventName: 'referral-updated',
      ResourceUri: 'https://api.partnercenter.microsoft.com/engagements/v1/referrals/7f3c9a52',
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await call(service, 'POST', '/api/v1/webhooks/microsoft', {
        token: 'portal-webhook',
        rawBody: body,
        headers: {
          'content-type': 'application/json',
          'CoSell-Signature': signatureHeader(
            [WEBHOOK_SECRETS.microsoft[0]],
            T + attempt,
            body,
            'microsoft',
          ),
        },
      });
      expect(response.status).toBe(202);
      expect(response.json).toMatchObject({
        outcome: 'ignored',
        reason: expect.stringContaining('no such record'),
      });
    }
    expect(service.logLines.join('')).toContain('webhook event changed nothing');
    expect(service.logLines.join('')).not.toContain('unhandled error');
  });

  it('does not log a request the client abandoned as an unhandled error', async () => {
    const { port } = new URL(service.url);
    await new Promise<void>((resolve) => {
      const sent = request({
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/api/v1/opportunities/validate',
        headers: {
          authorization: 'Bearer admin-9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6',
          'content-type': 'application/json',
          'content-length': '5000',
        },
      });
      sent.on('error', () => resolve());
      sent.write('{"salesforceId":');
      setTimeout(() => {
        sent.destroy();
        setTimeout(resolve, 300);
      }, 200);
    });
    expect(service.logLines.join('')).not.toContain('unhandled error');
  });
});
