// The Partner Center emulator over raw HTTP: schema validation with JSON paths, eTag / If-Match
// (412), OData paging by @odata.nextLink, Microsoft's review on the emulator's clock, incoming
// referrals and their expiry, thin webhooks to a registered URL, quotas with Retry-After, faults.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  parseODataFilter,
  startMicrosoftEmulator,
  type MicrosoftEmulator,
  type MicrosoftEmulatorOptions,
} from '../../../middleware/src/sandbox/microsoft/emulator.js';
import {
  ReferralErrorResponse,
  ReferralListResponse,
  ReferralReadBack,
  ReferralWebhookEvent,
} from '../../../middleware/src/portals/microsoft/schema.js';
import { parseIncomingReferral } from '../../../middleware/src/portals/microsoft/inbound.js';
import { coSellCreateBody, OPPORTUNITY_ID } from './support/fixtures.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const PATH = '/v1.0/engagements/referrals';
let emulator: MicrosoftEmulator;
let receiver: Server | null = null;

async function start(options: MicrosoftEmulatorOptions = {}): Promise<MicrosoftEmulator> {
  emulator = await startMicrosoftEmulator({
    now: () => NOW,
    quotas: { reads: 1000, writes: 1000 },
    ...options,
  });
  return emulator;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(path.startsWith('http') ? path : `${emulator.url}${path}`, {
    method,
    headers: {
      authorization: 'Bearer partner-token',
      'content-type': 'application/json',
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** A co-sell ask body without the fields Partner Center sets (status is Microsoft's to decide). */
function askBody(): Record<string, unknown> {
  const body = coSellCreateBody();
  delete body.status;
  delete body.substatus;
  delete body.statusReason;
  return body;
}

afterEach(async () => {
  await emulator?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = null;
});

describe('Microsoft emulator: referrals', () => {
  it('creates a co-sell ask as New/Pending, outgoing, with an eTag header and body; GET returns the same', async () => {
    await start();
    const created = await call('POST', PATH, askBody());
    expect(created.status).toBe(201);
    const referral = ReferralReadBack.parse(created.body);
    expect(referral).toMatchObject({
      status: 'New',
      substatus: 'Pending',
      direction: 'Outgoing',
      externalReferenceId: OPPORTUNITY_ID,
    });
    expect(created.headers.get('etag')).toBe(referral.eTag);
    const read = await call('GET', `${PATH}/${referral.id}`);
    expect(read.body).toMatchObject({ id: referral.id, eTag: referral.eTag });
    expect(emulator.counters.createdByExternalReferenceId).toEqual({ [OPPORTUNITY_ID]: 1 });
  });

  it('refuses an invalid body with the documented error shape, naming the JSON path, and creates nothing', async () => {
    await start();
    const body = askBody();
    (body.customerProfile as { address: { country: string } }).address.country = 'UK';
    const refused = await call('POST', PATH, body);
    expect(refused.status).toBe(400);
    const error = ReferralErrorResponse.parse(refused.body).error;
    expect(error).toMatchObject({
      code: 'invalidRequest',
      target: '$.customerProfile.address.country',
    });
    expect(error.innerError?.code).toBe('MICROSOFT_COUNTRY_UNKNOWN');
    expect(emulator.counters).toMatchObject({ created: 0, validationErrors: 1 });
  });

  it('needs a bearer token', async () => {
    await start();
    const response = await fetch(`${emulator.url}${PATH}`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unauthenticated',
    );
  });

  it('PUT needs If-Match; a stale eTag is 412 preconditionFailed; the current one applies and changes the eTag', async () => {
    await start({ review: { receivedAfterMs: 0, decisionAfterMs: 0, outcome: 'Accepted' } });
    const created = ReferralReadBack.parse((await call('POST', PATH, askBody())).body);
    emulator.control.advance(1);
    const accepted = ReferralReadBack.parse((await call('GET', `${PATH}/${created.id}`)).body);
    expect(accepted).toMatchObject({ status: 'Active', substatus: 'Accepted' });
    const edited = {
      ...accepted,
      links: undefined,
      details: { ...accepted.details, dealValue: 520_000 },
    };
    expect((await call('PUT', `${PATH}/${created.id}`, edited)).status).toBe(400);
    const stale = await call('PUT', `${PATH}/${created.id}`, edited, { 'if-match': created.eTag! });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    const applied = await call('PUT', `${PATH}/${created.id}`, edited, {
      'if-match': accepted.eTag!,
    });
    expect(applied.status).toBe(200);
    expect(applied.body.details.dealValue).toBe(520_000);
    expect(applied.body.eTag).not.toBe(accepted.eTag);
    expect(emulator.counters.preconditionFailed).toBe(1);
  });

  it('locks a co-sell ask while Microsoft decides (423), then accepts it on the clock', async () => {
    await start({
      review: { receivedAfterMs: 60_000, decisionAfterMs: 3_600_000, outcome: 'Accepted' },
    });
    const created = ReferralReadBack.parse((await call('POST', PATH, askBody())).body);
    const locked = await call(
      'PUT',
      `${PATH}/${created.id}`,
      { ...created, links: undefined, name: 'Renamed' },
      { 'if-match': created.eTag! },
    );
    expect(locked.status).toBe(423);
    emulator.control.advance(60_000);
    expect((await call('GET', `${PATH}/${created.id}`)).body).toMatchObject({
      status: 'New',
      substatus: 'Received',
    });
    emulator.control.advance(3_600_000);
    expect((await call('GET', `${PATH}/${created.id}`)).body).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      acceptedDateTime: '2026-11-26T10:31:00.000Z',
    });
  });

  it('keeps the status machine one-way: Closed is terminal, and a referral is not won before it is accepted', async () => {
    await start();
    const { id } = emulator.control.createIncomingReferral();
    const fresh = ReferralReadBack.parse((await call('GET', `${PATH}/${id}`)).body);
    const won = await call('PATCH', `${PATH}/${id}`, [
      { op: 'replace', path: '/status', value: 'Closed' },
      { op: 'replace', path: '/substatus', value: 'Won' },
    ]);
    expect(won.status).toBe(400);
    expect(won.body.error.target).toBe('$.status');
    const declined = await call(
      'PATCH',
      `${PATH}/${id}`,
      [
        { op: 'replace', path: '/status', value: 'Closed' },
        { op: 'replace', path: '/substatus', value: 'Declined' },
        {
          op: 'replace',
          path: '/statusReason',
          value: 'Outside our regions: no GxP delivery team in Switzerland',
        },
      ],
      { 'if-match': fresh.eTag!, prefer: 'return=representation' },
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'Closed', substatus: 'Declined' });
    const reopen = await call('PATCH', `${PATH}/${id}`, [
      { op: 'replace', path: '/status', value: 'Active' },
      { op: 'replace', path: '/substatus', value: 'Accepted' },
    ]);
    expect(reopen.status).toBe(400);
    expect(reopen.body.error.innerError.code).toBe('MICROSOFT_REFERRAL_CLOSED');
  });

  it('expires an unanswered incoming referral after 14 days', async () => {
    await start();
    const { id } = emulator.control.createIncomingReferral();
    emulator.control.advance(14 * 86_400_000 - 1);
    expect(emulator.control.referral(id)).toMatchObject({ status: 'New' });
    emulator.control.advance(1);
    expect(emulator.control.referral(id)).toMatchObject({ status: 'Closed', substatus: 'Expired' });
  });
});

describe('Microsoft emulator: lists', () => {
  it('pages by @odata.nextLink with $top and filters with OData', async () => {
    await start();
    for (let i = 0; i < 5; i++) {
      emulator.control.createIncomingReferral({ name: `Referral ${i}` });
      emulator.control.advance(1000);
    }
    await call('POST', PATH, askBody());
    const seen: string[] = [];
    let next: string | undefined =
      `${PATH}?$filter=${encodeURIComponent("direction eq 'Incoming'")}&$top=2&$orderby=createdDateTime asc`;
    let pages = 0;
    while (next) {
      const page = ReferralListResponse.parse((await call('GET', next)).body);
      seen.push(...page.value.map((r) => String(r.name)));
      next = page['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(['Referral 0', 'Referral 1', 'Referral 2', 'Referral 3', 'Referral 4']);
    const since = await call(
      'GET',
      `${PATH}?$filter=${encodeURIComponent("direction eq 'Incoming' and updatedDateTime ge 2026-11-26T09:30:03Z")}`,
    );
    expect(since.body.value.map((r: { name: string }) => r.name)).toEqual([
      'Referral 4',
      'Referral 3',
    ]);
  });

  it('refuses a filter it cannot evaluate, naming it', async () => {
    await start();
    const refused = await call('GET', `${PATH}?$filter=${encodeURIComponent("notes eq 'x'")}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.target).toBe('$filter');
    expect(() => parseODataFilter("status eq 'New' and (")).toThrow();
    expect(
      parseODataFilter("status eq 'New' or substatus eq 'Won'")({
        status: 'Closed',
        substatus: 'Won',
      }),
    ).toBe(true);
    expect(
      parseODataFilter("customerProfile/address/country eq 'CH'")({
        customerProfile: { address: { country: 'DE' } },
      }),
    ).toBe(false);
  });
});

describe('Microsoft emulator: incoming referrals and webhooks', () => {
  it('sends a thin referral-created notification whose ResourceUri names the referral to GET', async () => {
    const received: unknown[] = [];
    receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        received.push(JSON.parse(text));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', () => resolve()));
    await start({
      webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/partner-center`,
    });
    const { id } = emulator.control.createIncomingReferral({ layer: 'Specialist' });
    await emulator.control.flushWebhooks();
    expect(received).toHaveLength(1);
    const event = ReferralWebhookEvent.parse(received[0]);
    expect(event).toMatchObject({ EventName: 'referral-created', ResourceName: 'referral' });
    expect(event.ResourceUri.endsWith(`/${id}`)).toBe(true);
    expect(emulator.counters.webhooksDelivered).toBe(1);
    const referral = (await call('GET', `${PATH}/${id}`)).body;
    const parsed = parseIncomingReferral(referral);
    expect(parsed.ok && parsed.referral.sourceLayer).toBe('Specialist');
  });

  it('gives each field layer a sender the inbox classifies into that layer', async () => {
    await start();
    for (const layer of [
      'Executive/Industry',
      'Regional/Segment',
      'Account Team',
      'Specialist',
      'Partner Program',
    ] as const) {
      const { id } = emulator.control.createIncomingReferral({ layer });
      const parsed = parseIncomingReferral(emulator.control.referral(id));
      expect(parsed.ok && parsed.referral.sourceLayer).toBe(layer);
    }
  });

  it('counts a failed delivery and keeps the event for inspection', async () => {
    await start({ webhookUrl: 'http://127.0.0.1:9/unreachable' });
    emulator.control.createIncomingReferral();
    await emulator.control.flushWebhooks();
    expect(emulator.counters.webhookFailures).toBe(1);
    expect(emulator.control.webhooks()[0]).toMatchObject({
      status: null,
      event: { EventName: 'referral-created' },
    });
  });
  it('sends later events where registerWebhook points, refuses an unknown referral, and hands out copies', async () => {
    await start({ webhookUrl: 'http://127.0.0.1:9/first' });
    const { id } = emulator.control.createIncomingReferral();
    emulator.control.registerWebhook('http://127.0.0.1:9/second');
    await emulator.control.deliverWebhook(id, 'referral-updated');
    expect(emulator.control.webhooks().map((w) => [w.url, w.event.EventName])).toEqual([
      ['http://127.0.0.1:9/first', 'referral-created'],
      ['http://127.0.0.1:9/second', 'referral-updated'],
    ]);
    expect(() => emulator.control.deliverWebhook('no-such-referral', 'referral-updated')).toThrow(
      /no-such-referral was not found/,
    );
    expect(emulator.control.webhooks()).toHaveLength(2);
    emulator.control.webhooks().pop();
    expect(emulator.control.webhooks()).toHaveLength(2);
    const copy = emulator.control.referral(id.toUpperCase())!;
    copy.status = 'Closed';
    expect(emulator.control.referral(id)).toMatchObject({ status: 'New' });
    expect(emulator.control.referral('no-such-referral')).toBeNull();
  });
});

describe('Microsoft emulator: quotas and faults', () => {
  it('answers 429 with Retry-After once the write budget is spent, and admits again after it', async () => {
    await start({ quotas: { reads: 100, writes: 2 } });
    expect((await call('POST', PATH, askBody())).status).toBe(201);
    expect(
      (await call('POST', PATH, { ...askBody(), externalReferenceId: '006Hs00001AbCdFIAZ' }))
        .status,
    ).toBe(201);
    const throttled = await call('POST', PATH, {
      ...askBody(),
      externalReferenceId: '006Hs00001AbCdGIAZ',
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    emulator.control.advance(1000);
    expect(
      (await call('POST', PATH, { ...askBody(), externalReferenceId: '006Hs00001AbCdGIAZ' }))
        .status,
    ).toBe(201);
    expect(emulator.counters).toMatchObject({ throttled: 1, created: 3 });
  });

  it('injects faults at the seeded rate, replaying the same pattern for the same seed', async () => {
    const pattern = async () => {
      await start({ seed: 7 });
      emulator.control.inject({ kind: '5xx', rate: 0.3 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call('GET', PATH)).status);
      await emulator.stop();
      return statuses;
    };
    const first = await pattern();
    const second = await pattern();
    expect(first).toEqual(second);
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(20);
  });

  it('conflict faults hit writes only, with 412; count limits a rule', async () => {
    await start();
    emulator.control.inject({ kind: 'conflict', rate: 1, count: 1 });
    expect((await call('GET', PATH)).status).toBe(200);
    expect((await call('POST', PATH, askBody())).status).toBe(412);
    expect((await call('POST', PATH, askBody())).status).toBe(201);
    expect(emulator.counters.faultsInjected).toEqual({ conflict: 1 });
  });
});
