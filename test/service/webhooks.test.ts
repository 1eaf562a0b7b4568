import { jest, beforeEach, describe, expect, it } from '@jest/globals';
import { signatureHeader } from '../../middleware/src/service/webhook-signature.js';
import { call, TestClock, WEBHOOK_SECRETS } from './support.js';
import { service, useServiceOnStore } from './service-on-store.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');
const T = Math.floor(NOW.getTime() / 1000);

/** An ACE EventBridge event for a new AWS-originated opportunity, as the relay forwards it. */
const ACE_EVENT = JSON.stringify({
  version: '0',
  'detail-type': 'Opportunity Created',
  source: 'aws.partnercentral-selling',
  time: '2026-11-26T08:59:40Z',
  detail: { schemaVersion: '1', catalog: 'AWS', opportunity: { identifier: 'O7781234' } },
});

function signed(
  portal: 'aws' | 'microsoft' | 'google',
  body: string,
  options: { secrets?: readonly string[]; timestamp?: number; key?: string } = {},
) {
  return {
    token: 'portal-webhook' as const,
    rawBody: body,
    headers: {
      'content-type': 'application/json',
      'CoSell-Signature': signatureHeader(
        options.secrets ?? [WEBHOOK_SECRETS[portal][0]],
        options.timestamp ?? T,
        body,
        portal,
      ),
      ...(options.key ? { 'Idempotency-Key': options.key } : {}),
    },
  };
}

describe('portal webhooks', () => {
  useServiceOnStore({ clock: new TestClock(NOW) });
  beforeEach(async () => {
    service.engine.deliveries = [];
    service.engine.respond = async () => ({ outcome: 'created', referralId: '17' });
  }, 30_000);

  it('hands a correctly signed event to the engine and wakes the worker', async () => {
    const response = await call(service, 'POST', '/api/v1/webhooks/aws', signed('aws', ACE_EVENT));
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ outcome: 'created', referralId: '17' });
    expect(service.engine.deliveries).toEqual([
      { portal: 'aws', payload: JSON.parse(ACE_EVENT), receivedAt: NOW },
    ]);
    expect(service.engine.nudges).toBe(1);
  });

  it('accepts the previous secret during rotation, and a header carrying both signatures', async () => {
    const previous = await call(
      service,
      'POST',
      '/api/v1/webhooks/aws',
      signed('aws', ACE_EVENT, { secrets: [WEBHOOK_SECRETS.aws[1]] }),
    );
    expect(previous.status).toBe(202);
    const both = await call(
      service,
      'POST',
      '/api/v1/webhooks/aws',
      signed('aws', ACE_EVENT, { secrets: WEBHOOK_SECRETS.aws, timestamp: T - 1 }),
    );
    expect(both.status).toBe(202);
    expect(service.engine.deliveries).toHaveLength(2);
  });

  it('rejects a wrong secret, another portal secret, a tampered body and a missing header, before the engine sees anything', async () => {
    const attempts = [
      signed('aws', ACE_EVENT, { secrets: ['whsec_guessed_0000000000000000000000000000'] }),
      signed('aws', ACE_EVENT, { secrets: [WEBHOOK_SECRETS.google[0]] }),
      { ...signed('aws', ACE_EVENT), rawBody: ACE_EVENT.replace('O7781234', 'O0000001') },
      {
        token: 'portal-webhook' as const,
        rawBody: ACE_EVENT,
        headers: { 'content-type': 'application/json' },
      },
      {
        ...signed('aws', ACE_EVENT),
        headers: { 'content-type': 'application/json', 'CoSell-Signature': `t=${T},v1=zz` },
      },
    ];
    const details = [];
    for (const attempt of attempts) {
      const response = await call(service, 'POST', '/api/v1/webhooks/aws', attempt);
      expect(response.status).toBe(401);
      expect(response.json.type).toBe('urn:cosell:problem:webhook-signature');
      details.push(response.json.detail);
    }
    expect(details[3]).toContain('missing CoSell-Signature');
    expect(details[4]).toContain('no v1 signature');
    expect(service.engine.deliveries).toEqual([]);
  });

  it('rejects timestamps more than 300 s from now in either direction, and accepts one at the edge', async () => {
    for (const timestamp of [T - 301, T + 301]) {
      const response = await call(
        service,
        'POST',
        '/api/v1/webhooks/microsoft',
        signed('microsoft', '{"eventName":"referral-created"}', { timestamp }),
      );
      expect(response.status).toBe(401);
      expect(response.json.detail).toContain('tolerance is 300 s');
    }
    const edge = await call(
      service,
      'POST',
      '/api/v1/webhooks/microsoft',
      signed('microsoft', '{"eventName":"referral-created"}', { timestamp: T - 300 }),
    );
    expect(edge.status).toBe(202);
  });

  it('refuses a replayed delivery: the same signed request is handled once', async () => {
    const delivery = signed(
      'google',
      '{"message":{"data":"eyJvcHBvcnR1bml0eSI6ImN0c3EtNzc4MSJ9","messageId":"1789"}}',
    );
    expect((await call(service, 'POST', '/api/v1/webhooks/google', delivery)).status).toBe(202);
    service.clock.advance(60_000);
    const replay = await call(service, 'POST', '/api/v1/webhooks/google', delivery);
    expect(replay.status).toBe(409);
    expect(replay.json.type).toBe('urn:cosell:problem:webhook-replay');
    expect(service.engine.deliveries).toHaveLength(1);
    service.clock.advance(-60_000);
  });

  it('answers 422 with the findings when the engine refuses the event, and 500 (retryable) when it fails', async () => {
    service.engine.respond = async () => ({
      outcome: 'rejected',
      findings: [
        {
          code: 'AWS_INBOUND_NOT_REFERRAL',
          severity: 'error',
          message: 'The event is about a partner-originated opportunity, not a referral.',
        },
      ],
    });
    const refused = await call(service, 'POST', '/api/v1/webhooks/aws', signed('aws', ACE_EVENT));
    expect(refused.status).toBe(422);
    expect(refused.json.findings).toEqual([
      expect.objectContaining({ code: 'AWS_INBOUND_NOT_REFERRAL' }),
    ]);

    service.engine.respond = async () => {
      throw new Error('store connection reset');
    };
    const delivery = signed('aws', ACE_EVENT, { timestamp: T - 5 });
    const failed = await call(service, 'POST', '/api/v1/webhooks/aws', delivery);
    expect(failed.status).toBe(500);
    expect(failed.json.detail).not.toContain('store connection reset');
    // The relay retries the same signed delivery: it is not taken for a replay.
    service.engine.respond = async () => ({ outcome: 'duplicate' });
    const retried = await call(service, 'POST', '/api/v1/webhooks/aws', delivery);
    expect(retried.status).toBe(202);
    expect(retried.json).toEqual({ outcome: 'duplicate' });
    expect(service.engine.nudges).toBe(0);
  });

  it('refuses a body that is not a JSON object with 400', async () => {
    const response = await call(service, 'POST', '/api/v1/webhooks/aws', signed('aws', '[1,2,3]'));
    expect(response.status).toBe(400);
    expect(service.engine.deliveries).toEqual([]);
  });
});
