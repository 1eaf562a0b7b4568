// The Cloud Channel opportunities emulator over raw HTTP: validation answered as google.rpc
// BadRequest field violations, DRAFT → SUBMITTED → Google's decision on the clock, the review lock,
// updateMask semantics, query paging with pageToken, Pub/Sub push shapes, quotas and faults.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  parseOpportunityFilter,
  startGoogleEmulator,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
} from '../../../middleware/src/sandbox/google/emulator.js';
import {
  parseGooglePushReferral,
  parseOpportunityPush,
} from '../../../middleware/src/portals/google/inbound.js';
import {
  OpportunityQueryResponse,
  OpportunityReadBack,
  PubSubPushBody,
} from '../../../middleware/src/portals/google/schema.js';
import { submissionBody } from './support/fixtures.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const API = '/v1alpha1/opportunities';
let emulator: GoogleEmulator;
let receiver: Server | null = null;

async function start(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  emulator = await startGoogleEmulator({
    now: () => NOW,
    quotas: { readsPerMinute: 10_000, writesPerMinute: 10_000 },
    ...options,
  });
  return emulator;
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: 'Bearer ya29.test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

function draft(reference = '006Hs00001AbCdEIAZ'): Record<string, unknown> {
  return { ...submissionBody(), state: 'DRAFT', referenceOpportunityId: reference };
}

afterEach(async () => {
  await emulator?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = null;
});

describe('Google emulator: opportunities', () => {
  it('creates a DRAFT partner opportunity, gets it back, and counts it by the Salesforce reference', async () => {
    await start();
    const created = await call('POST', API, draft());
    expect(created.status).toBe(200);
    const opportunity = OpportunityReadBack.parse(created.body);
    expect(opportunity).toMatchObject({
      state: 'DRAFT',
      source: 'PARTNER',
      createTime: NOW.toISOString(),
    });
    expect((await call('GET', `/v1alpha1/${opportunity.name}`)).body).toEqual(created.body);
    expect(emulator.counters.createdByReferenceOpportunityId).toEqual({ '006Hs00001AbCdEIAZ': 1 });
  });

  it('refuses an invalid body with INVALID_ARGUMENT and field violations at the JSON path', async () => {
    await start();
    const body = draft();
    (body.customerInfo as { customerDetails: { domain: string } }).customerDetails.domain =
      'https://www.northwindtraders.co.uk/';
    const refused = await call('POST', API, body);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    const violations = refused.body.error.details.find((d: { '@type': string }) =>
      d['@type'].endsWith('BadRequest'),
    ).fieldViolations;
    expect(violations).toContainEqual(
      expect.objectContaining({ field: 'customerInfo.customerDetails.domain' }),
    );
    expect(emulator.counters).toMatchObject({ created: 0, validationErrors: 1 });
  });

  it('submits by patching state, locks while Google reviews, then accepts on the clock', async () => {
    await start({ review: { decisionAfterMs: 86_400_000, outcome: 'ACCEPTED' } });
    const { name } = OpportunityReadBack.parse((await call('POST', API, draft())).body);
    const submitted = await call('PATCH', `/v1alpha1/${name}?updateMask=state`, {
      state: 'SUBMITTED',
    });
    expect(submitted.body).toMatchObject({ state: 'SUBMITTED' });
    const locked = await call('PATCH', `/v1alpha1/${name}?updateMask=opportunityInfo.displayName`, {
      opportunityInfo: { displayName: 'Renamed' },
    });
    expect(locked.status).toBe(400);
    expect(locked.body.error.status).toBe('FAILED_PRECONDITION');
    expect(locked.body.error.details[0]).toMatchObject({ reason: 'OPPORTUNITY_UNDER_REVIEW' });
    emulator.control.advance(86_400_000);
    expect(emulator.control.opportunity(name)).toMatchObject({
      state: 'ACCEPTED',
      stage: 'STAGE_0',
      partnerInfo: { approveTime: '2026-11-27T09:30:00.000Z' },
    });
    const back = await call('PATCH', `/v1alpha1/${name}?updateMask=state`, { state: 'DRAFT' });
    expect(back.status).toBe(400);
  });

  it('a not-accepted opportunity carries the reason and takes no more edits', async () => {
    await start({ review: { decisionAfterMs: 0, outcome: 'NOT_ACCEPTED' } });
    const { name } = OpportunityReadBack.parse(
      (await call('POST', API, { ...draft(), state: 'SUBMITTED' })).body,
    );
    emulator.control.advance(1);
    expect(emulator.control.opportunity(name)).toMatchObject({
      state: 'NOT_ACCEPTED',
      stateDescription: expect.stringContaining('another partner'),
    });
    const refused = await call(
      'PATCH',
      `/v1alpha1/${name}?updateMask=isvSolutionConnectInfo.notes`,
      { isvSolutionConnectInfo: { notes: 'x' } },
    );
    expect(refused.body.error.details[0]).toMatchObject({ reason: 'OPPORTUNITY_CLOSED_FOR_EDITS' });
  });

  it('applies exactly the updateMask: named leaves change, a masked path left out of the body is cleared, others stay', async () => {
    await start();
    const { name } = OpportunityReadBack.parse((await call('POST', API, draft())).body);
    const patched = await call(
      'PATCH',
      `/v1alpha1/${name}?updateMask=${encodeURIComponent('qualificationInfo.dealSize,isvSolutionConnectInfo.nextStep')}`,
      {
        qualificationInfo: { dealSize: { currencyCode: 'GBP', units: '510000', nanos: 0 } },
      },
    );
    expect(patched.status).toBe(200);
    expect(patched.body.qualificationInfo.dealSize.units).toBe('510000');
    expect(patched.body.qualificationInfo.contractLengthMonths).toBe(36);
    expect(patched.body.isvSolutionConnectInfo.nextStep).toBeUndefined();
    expect((await call('PATCH', `/v1alpha1/${name}`, {})).status).toBe(400);
  });
});

describe('Google emulator: query', () => {
  it('pages with pageToken and filters by the Salesforce reference and updateTime', async () => {
    await start();
    for (let i = 0; i < 5; i++) {
      await call('POST', API, draft(`006Hs00001AbCd${i}IAZ`));
      emulator.control.advance(1_000);
    }
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = OpportunityQueryResponse.parse(
        (await call('GET', `${API}:query?pageSize=2${token ? `&pageToken=${token}` : ''}`)).body,
      );
      names.push(...(page.opportunities ?? []).map((o) => o.name));
      token = page.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(names).size).toBe(5);
    const one = await call(
      'GET',
      `${API}:query?filter=${encodeURIComponent('referenceOpportunityId = "006Hs00001AbCd3IAZ"')}`,
    );
    expect(one.body.opportunities).toHaveLength(1);
    const recent = await call(
      'GET',
      `${API}:query?filter=${encodeURIComponent('updateTime >= "2026-11-26T09:30:03Z"')}`,
    );
    expect(recent.body.opportunities).toHaveLength(2);
    const foreign = await call(
      'GET',
      `${API}:query?pageSize=2&pageToken=${token ?? 'eyJvZmZzZXQiOjJ9'}&filter=${encodeURIComponent('state = "DRAFT"')}`,
    );
    expect(foreign.status).toBe(400);
    expect(() => parseOpportunityFilter('displayName = "x"')).toThrow();
  });
});

describe('Google emulator: Pub/Sub push and Google-created opportunities', () => {
  it('pushes a CREATED event for a Google-created opportunity, shaped as a Pub/Sub push the inbound parser reads', async () => {
    const received: unknown[] = [];
    receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        received.push(JSON.parse(text));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve()));
    await start({
      partnerId: 'C04x9kq2mn',
      pushEndpoint: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pubsub/opportunities`,
    });
    const { name } = emulator.control.createGoogleOpportunity();
    await emulator.control.flushPushes();
    expect(received).toHaveLength(1);
    const push = PubSubPushBody.parse(received[0]);
    const notice = parseOpportunityPush(push);
    expect(notice.ok && notice.notice).toMatchObject({
      eventType: 'CREATED',
      opportunity: name,
      partner: 'partners/C04x9kq2mn',
    });
    const referral = parseGooglePushReferral(push, emulator.control.opportunity(name));
    expect(referral.ok && referral.referral).toMatchObject({
      cloud: 'Google',
      portalId: name,
      customerDomain: 'fabrikam-logistics.example',
      sourceLayer: null,
    });
    expect(emulator.counters.pushesDelivered).toBe(1);
  });

  it("pushes UPDATED when Google decides on a partner's submission", async () => {
    await start({ review: { decisionAfterMs: 1_000, outcome: 'ACCEPTED' } });
    const { name } = OpportunityReadBack.parse(
      (await call('POST', API, { ...draft(), state: 'SUBMITTED' })).body,
    );
    emulator.control.advance(1_000);
    await emulator.control.flushPushes();
    expect(emulator.control.pushes().map((p) => p.event.opportunityEvent)).toEqual([
      expect.objectContaining({ eventType: 'UPDATED', opportunity: name }),
    ]);
  });

  it('pushes later events where setPushEndpoint points, refuses an unknown opportunity, and hands out copies', async () => {
    await start({ pushEndpoint: 'http://127.0.0.1:9/first' });
    const { name } = emulator.control.createGoogleOpportunity();
    emulator.control.setPushEndpoint('http://127.0.0.1:9/second');
    await emulator.control.deliverPush(name, 'UPDATED');
    expect(
      emulator.control.pushes().map((p) => [p.url, p.event.opportunityEvent.eventType]),
    ).toEqual([
      ['http://127.0.0.1:9/first', 'CREATED'],
      ['http://127.0.0.1:9/second', 'UPDATED'],
    ]);
    expect(() => emulator.control.deliverPush('opportunities/none', 'UPDATED')).toThrow(
      /opportunities\/none not found/,
    );
    emulator.control.pushes().pop();
    expect(emulator.control.pushes()).toHaveLength(2);
    const copy = emulator.control.opportunity(name)!;
    copy.state = 'CLOSED_LOST';
    expect(emulator.control.opportunity(name)!.state).not.toBe('CLOSED_LOST');
    expect(emulator.control.opportunity('opportunities/none')).toBeNull();
  });
});

describe('Google emulator: quotas, auth and faults', () => {
  it('answers 429 RESOURCE_EXHAUSTED with Retry-After when the per-minute write quota is spent', async () => {
    await start({ quotas: { readsPerMinute: 100, writesPerMinute: 1 } });
    expect((await call('POST', API, draft())).status).toBe(200);
    const throttled = await call('POST', API, draft('006Hs00001AbCdFIAZ'));
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(Number(throttled.headers.get('retry-after'))).toBe(60);
    emulator.control.advance(60_000);
    expect((await call('POST', API, draft('006Hs00001AbCdFIAZ'))).status).toBe(200);
  });

  it('refuses a call without a token, or with one it did not issue when it must have', async () => {
    await start({ requireIssuedTokens: true });
    expect((await fetch(`${emulator.url}${API}:query`)).status).toBe(401);
    expect((await call('GET', `${API}:query`)).body.error.status).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['throttle', 429, 'RESOURCE_EXHAUSTED'],
    ['5xx', 503, 'UNAVAILABLE'],
    ['conflict', 409, 'ABORTED'],
  ] as Array<['throttle' | '5xx' | 'conflict', number, string]>)(
    'injects %s as %i %s',
    async (kind, status, rpc) => {
      await start();
      emulator.control.inject({ kind, rate: 1, count: 1 });
      const failed = await call('POST', API, draft());
      expect([failed.status, failed.body.error.status]).toEqual([status, rpc]);
      expect(emulator.counters.faultsInjected).toEqual({ [kind]: 1 });
      expect((await call('POST', API, draft())).status).toBe(200);
    },
  );
});
