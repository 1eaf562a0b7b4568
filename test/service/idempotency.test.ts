import { jest, beforeEach, describe, expect, it } from '@jest/globals';
import { purgeExpiredIdempotencyKeys } from '../../middleware/src/store/idempotency.js';
import { signatureHeader } from '../../middleware/src/service/webhook-signature.js';
import {
  call,
  pdmReferral,
  storeReferral,
  tableCounts,
  TestClock,
  USERS,
  WEBHOOK_SECRETS,
} from './support.js';
import { service, store, useServiceOnStore } from './service-on-store.js';

// Requests run against a real (in-memory) PostgreSQL on a shared machine: allow for a slow CPU.
jest.setTimeout(30_000);

const NOW = new Date('2026-11-26T09:00:00.000Z');
const OWNER = USERS.ae;
const OTHER_OWNER = USERS.secondAe;

describe('Idempotency-Key', () => {
  let referralId: string;
  useServiceOnStore({ clock: new TestClock(NOW) });
  beforeEach(async () => {
    service.clock.now = NOW;
    referralId = await storeReferral(store, pdmReferral(), NOW);
  }, 30_000);

  const assign = (key: string, ownerId: string, token: 'alliance-ops' | 'admin' = 'alliance-ops') =>
    call(service, 'POST', `/api/v1/referrals/${referralId}/assign`, {
      token,
      body: { ownerId },
      headers: { 'Idempotency-Key': key },
    });
  const assignments = async () =>
    (await store.db.selectFrom('audit_log').select('id').where('action', '=', 'assigned').execute())
      .length;

  it('replays the stored response for the same key and body, without running the request again', async () => {
    const first = await assign('9b1f0c0e-assign-contoso', OWNER);
    expect(first.status).toBe(202);
    // Fields in another order are the same request.
    const replay = await call(service, 'POST', `/api/v1/referrals/${referralId}/assign`, {
      token: 'alliance-ops',
      rawBody: `{ "ownerId" : "${OWNER}" }`,
      headers: { 'content-type': 'application/json', 'Idempotency-Key': '9b1f0c0e-assign-contoso' },
    });
    expect(replay.status).toBe(202);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await assignments()).toBe(1);
  });

  it('refuses the same key with a different body (422) and writes nothing', async () => {
    await assign('assign-once', OWNER);
    const before = await tableCounts(store);
    const reused = await assign('assign-once', OTHER_OWNER);
    expect(reused.status).toBe(422);
    expect(reused.json.type).toBe('urn:cosell:problem:idempotency-key-reused');
    const otherRoute = await call(service, 'POST', `/api/v1/referrals/${referralId}/accept`, {
      token: 'alliance-ops',
      headers: { 'Idempotency-Key': 'assign-once' },
    });
    expect(otherRoute.status).toBe(422);
    expect(await tableCounts(store)).toEqual(before);
  });

  it('refuses a concurrent duplicate while the first request is still running (409), then replays it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    service.engine.respond = async () => {
      await gate;
      return { outcome: 'created', referralId: '23' };
    };
    const body =
      '{"version":"0","detail-type":"Opportunity Created","detail":{"opportunity":{"identifier":"O7781234"}}}';
    const request = {
      token: 'portal-webhook' as const,
      rawBody: body,
      headers: {
        'content-type': 'application/json',
        'Idempotency-Key': 'relay-delivery-5531',
        'CoSell-Signature': signatureHeader(
          [WEBHOOK_SECRETS.aws[0]],
          Math.floor(NOW.getTime() / 1000),
          body,
          'aws',
        ),
      },
    };
    const first = call(service, 'POST', '/api/v1/webhooks/aws', request);
    for (let i = 0; i < 200 && service.engine.deliveries.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const duplicate = await call(service, 'POST', '/api/v1/webhooks/aws', request);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.type).toBe('urn:cosell:problem:idempotency-key-in-flight');
    expect(duplicate.headers.get('retry-after')).toBe('1');
    release();
    expect((await first).status).toBe(202);
    const later = await call(service, 'POST', '/api/v1/webhooks/aws', request);
    expect(later.status).toBe(202);
    expect(later.json).toEqual({ outcome: 'created', referralId: '23' });
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(service.engine.deliveries).toHaveLength(1);
  });

  it('keeps keys 24 hours: after that the key is forgotten and reuse is a new request', async () => {
    await assign('assign-daily', OWNER);
    service.clock.advance(24 * 3600 * 1000 - 1000);
    expect((await assign('assign-daily', OTHER_OWNER)).status).toBe(422);
    service.clock.advance(2000);
    const fresh = await assign('assign-daily', OTHER_OWNER);
    expect(fresh.status).toBe(202);
    expect(fresh.json).toMatchObject({ ownerId: OTHER_OWNER, previousOwnerId: OWNER });
    expect(
      await purgeExpiredIdempotencyKeys(
        store.db,
        new Date(service.clock.now.getTime() + 24 * 3600 * 1000),
      ),
    ).toBe(1);
  });

  it('does not keep a key whose request failed validation, so the corrected request may use it', async () => {
    const invalid = await assign('assign-typo', 'lena');
    expect(invalid.status).toBe(400);
    expect(await store.db.selectFrom('idempotency_keys').select('key').execute()).toEqual([]);
    expect((await assign('assign-typo', OWNER)).status).toBe(202);
  });

  it('stores a refusal like a success: the same refused decline replays its 422', async () => {
    const decline = () =>
      call(service, 'POST', `/api/v1/referrals/${referralId}/decline`, {
        token: 'alliance-ops',
        body: { reason: 'Product not relevant to workload', feedback: 'Not a fit.' },
        headers: { 'Idempotency-Key': 'decline-contoso-1' },
      });
    const first = await decline();
    const again = await decline();
    expect([first.status, again.status]).toEqual([422, 422]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.json).toEqual(first.json);
  });

  it('keeps each caller’s keys apart, and refuses malformed keys', async () => {
    expect((await assign('shared-key', OWNER, 'alliance-ops')).status).toBe(202);
    const otherCaller = await assign('shared-key', OTHER_OWNER, 'admin');
    expect(otherCaller.status).toBe(202);
    expect(otherCaller.headers.get('idempotent-replayed')).toBeNull();
    const tooLong = await assign('k'.repeat(256), OWNER);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors).toEqual([
      expect.objectContaining({ field: 'header.Idempotency-Key' }),
    ]);
  });
});
