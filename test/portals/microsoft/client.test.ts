// The Partner Center PortalClient over real HTTP against the emulator: submission that never creates
// twice (retry, lost answer, second job), review lock → 'locked', GET+PUT with If-Match and a real
// eTag race → 'conflict', inbound paging with a cursor, decisions, webhooks, each fault's kind.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  createMicrosoftClient,
  type MicrosoftClient,
} from '../../../middleware/src/portals/microsoft/client.js';
import {
  startMicrosoftEmulator,
  type MicrosoftEmulator,
  type MicrosoftEmulatorOptions,
} from '../../../middleware/src/sandbox/microsoft/emulator.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';

const SUBMIT_KEY = 'Microsoft:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
const SOLUTION = 'SOL-48213-LKH';
let emulator: MicrosoftEmulator;

async function setup(
  options: MicrosoftEmulatorOptions = {},
  timeoutMs = 2_000,
): Promise<MicrosoftClient> {
  emulator = await startMicrosoftEmulator({
    now: () => NOW,
    quotas: { reads: 1000, writes: 1000 },
    review: { receivedAfterMs: 60_000, decisionAfterMs: 600_000, outcome: 'Accepted' },
    ...options,
  });
  return createMicrosoftClient({
    baseUrl: emulator.url,
    token: async () => 'delegated-referrals-admin',
    requestTimeoutMs: timeoutMs,
    solutionIds: [SOLUTION],
  });
}

afterEach(async () => {
  await emulator?.stop();
});

describe('Microsoft client: submit', () => {
  it('creates the co-sell referral linked to the Salesforce Id: Submitted and locked while Microsoft decides', async () => {
    const client = await setup();
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(state).toMatchObject({ status: 'Submitted', locked: true, findings: [] });
    expect(emulator.control.referral(state.portalId)).toMatchObject({
      externalReferenceId: '006Hs00001NwDpLAAV',
      details: { requirements: { solutions: [{ id: SOLUTION }] } },
    });
  });

  it('never creates a second referral: a retry, and a second submission job with another key', async () => {
    const client = await setup();
    const first = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const retry = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const second = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: 'Microsoft:submit:006Hs00001NwDpLAAV:2026-11-25T08:00:00Z',
      now: NOW,
    });
    expect([retry.portalId, second.portalId]).toEqual([first.portalId, first.portalId]);
    expect(emulator.counters.createdByExternalReferenceId).toEqual({ '006Hs00001NwDpLAAV': 1 });
  });

  it('a create whose answer was lost is found where it landed, and a retry creates nothing more', async () => {
    const client = await setup({}, 300);
    emulator.control.inject({
      kind: 'timeout',
      rate: 1,
      operations: ['create'],
      count: 1,
      delayMs: 1_000,
    });
    const first = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(first.status).toBe('Submitted');
    const retry = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(retry.portalId).toBe(first.portalId);
    expect(emulator.counters.created).toBe(1);
    expect(emulator.counters.callsByOperation.create).toBe(1);
  });

  it('stops before any call when the mapping finds a blocking problem, with findings', async () => {
    const client = await setup();
    const error = await failure(
      client.submit({
        opportunity: northwindDataPlatform((o) => void (o.account!.billingCountry = 'Atlantis')),
        idempotencyKey: SUBMIT_KEY,
        now: NOW,
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.findings.map((f) => f.path)).toContain('$.customerProfile.address.country');
    expect(emulator.counters.callsByOperation).toEqual({});
  });

  it("returns Partner Center's 400 as findings at the JSON path (no co-sell-ready solution configured)", async () => {
    emulator = await startMicrosoftEmulator({ now: () => NOW });
    const client = createMicrosoftClient({ baseUrl: emulator.url, token: async () => 't' });
    const error = await failure(
      client.submit({ opportunity: northwindDataPlatform(), idempotencyKey: SUBMIT_KEY, now: NOW }),
    );
    expect(error.kind).toBe('validation');
    expect(error.findings).toContainEqual(
      expect.objectContaining({
        code: 'MICROSOFT_SOLUTION_REQUIRED',
        path: '$.details.requirements.solutions',
      }),
    );
  });
});

describe('Microsoft client: review, fetch and update', () => {
  it("follows Microsoft's decision: locked edit → In review → Accepted, then the update lands with If-Match", async () => {
    const client = await setup();
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const locked = await failure(
      client.update({
        opportunity: northwindDataPlatform(),
        portalId,
        expectedVersion: null,
        now: NOW,
      }),
    );
    expect(locked.kind).toBe('locked');
    emulator.control.advance(60_000);
    expect(await client.fetch(portalId)).toMatchObject({ status: 'In review', locked: true });
    emulator.control.advance(600_000);
    const accepted = await client.fetch(portalId);
    expect(accepted).toMatchObject({
      status: 'Accepted',
      locked: false,
      acceptedAt: '2026-11-26T09:41:00.000Z',
    });
    const updated = await client.update({
      opportunity: northwindDataPlatform((o) => void (o.amount = 515_000)),
      portalId,
      expectedVersion: accepted.version,
      now: NOW,
    });
    expect(updated.version).not.toBe(accepted.version);
    expect(emulator.control.referral(portalId)).toMatchObject({
      details: { dealValue: 515_000 },
      engagementId: expect.any(String),
    });
  });

  it('reports a declined ask with Microsoft’s reason as a finding', async () => {
    const client = await setup({
      review: { receivedAfterMs: 0, decisionAfterMs: 0, outcome: 'Declined' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    const state = await client.fetch(portalId);
    expect(state.status).toBe('Rejected');
    expect(state.findings).toEqual([
      expect.objectContaining({ code: 'MICROSOFT_DECLINED', path: '$.statusReason' }),
    ]);
    const closed = await failure(
      client.update({
        opportunity: northwindDataPlatform(),
        portalId,
        expectedVersion: null,
        now: NOW,
      }),
    );
    expect(closed.kind).toBe('validation');
  });

  it('a change made on Microsoft’s side between the GET and the PUT is a 412 → conflict; the retry re-reads and lands', async () => {
    const client = await setup({
      review: { receivedAfterMs: 0, decisionAfterMs: 0, outcome: 'Accepted' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    const realFetch = globalThis.fetch;
    let raced = false;
    globalThis.fetch = (async (
      input: Parameters<typeof fetch>[0],
      init?: Parameters<typeof fetch>[1],
    ) => {
      if (init?.method === 'PUT' && !raced) {
        raced = true;
        emulator.control.modifyReferral(portalId, { salesStage: 'Propose' });
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      const conflict = await failure(
        client.update({
          opportunity: northwindDataPlatform(),
          portalId,
          expectedVersion: null,
          now: NOW,
        }),
      );
      expect(conflict).toMatchObject({ kind: 'conflict', status: 412 });
      await client.update({
        opportunity: northwindDataPlatform((o) => void (o.amount = 499_000)),
        portalId,
        expectedVersion: null,
        now: NOW,
      });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(emulator.control.referral(portalId)).toMatchObject({ details: { dealValue: 499_000 } });
    expect(emulator.counters.preconditionFailed).toBe(1);
  });

  it('closes an accepted referral as Won when the opportunity is won', async () => {
    const client = await setup({
      review: { receivedAfterMs: 0, decisionAfterMs: 0, outcome: 'Accepted' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    const won = await client.update({
      opportunity: northwindDataPlatform((o) =>
        Object.assign(o, {
          stageName: 'Closed Won',
          isClosed: true,
          isWon: true,
          probability: 100,
        }),
      ),
      portalId,
      expectedVersion: null,
      now: NOW,
    });
    expect(won.status).toBe('Won');
  });
});

describe('Microsoft client: inbound and decisions', () => {
  it('lists incoming referrals across pages, then only what changed since the cursor', async () => {
    const client = await setup({ maxPageSize: 2 });
    for (const layer of ['Partner Program', 'Account Team', 'Specialist'] as const) {
      emulator.control.createIncomingReferral({ layer });
      emulator.control.advance(1_000);
    }
    await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const first = await client.listInbound(null, NOW);
    expect(first.referrals.map((r) => r.referral.sourceLayer)).toEqual([
      'Partner Program',
      'Account Team',
      'Specialist',
    ]);
    expect(
      first.referrals.every((r) => r.referral.cloud === 'Microsoft' && r.version.startsWith('"')),
    ).toBe(true);
    expect(emulator.counters.callsByOperation.list).toBeGreaterThanOrEqual(3);
    emulator.control.advance(1_000);
    emulator.control.createIncomingReferral({ layer: 'Regional/Segment' });
    const next = await client.listInbound(first.cursor, NOW);
    const fresh = next.referrals.filter(
      (r) => !first.referrals.some((f) => f.version === r.version),
    );
    expect(fresh.map((r) => r.referral.sourceLayer)).toEqual(['Regional/Segment']);
  });

  it('accepts and declines on the status machine; repeating a decision changes nothing', async () => {
    const client = await setup();
    const accept = emulator.control.createIncomingReferral();
    const decline = emulator.control.createIncomingReferral();
    await client.decide({ portalId: accept.id, decision: 'accept', now: NOW });
    await client.decide({ portalId: accept.id, decision: 'accept', now: NOW });
    await client.decide({
      portalId: decline.id,
      decision: 'decline',
      declineReason: 'Outside our focus',
      feedback: 'We do not deliver GxP-validated platforms in Switzerland yet',
      now: NOW,
    });
    expect(emulator.control.referral(accept.id)).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
    });
    expect(emulator.control.referral(decline.id)).toMatchObject({
      status: 'Closed',
      substatus: 'Declined',
      statusReason:
        'Outside our focus: We do not deliver GxP-validated platforms in Switzerland yet',
    });
    expect(emulator.counters.callsByOperation.patch).toBe(2);
    const late = await failure(
      client.decide({ portalId: decline.id, decision: 'accept', now: NOW }),
    );
    expect(late.kind).toBe('validation');
  });

  it('reads a webhook: an incoming referral becomes an inbox delivery, our own one an engagement state', async () => {
    const client = await setup();
    const { id } = emulator.control.createIncomingReferral({ layer: 'Account Team' });
    const ours = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    await emulator.control.deliverWebhook(ours.portalId, 'referral-updated');
    const [created, updated] = emulator.control
      .webhooks()
      .slice(-2)
      .map((d) => d.event);
    const inbound = await client.readEvent(created);
    expect(inbound).toMatchObject({
      kind: 'inbound',
      delivery: { referral: { portalId: id, sourceLayer: 'Account Team' } },
    });
    expect(await client.readEvent(updated)).toMatchObject({
      kind: 'engagement',
      salesforceId: '006Hs00001NwDpLAAV',
      state: { portalId: ours.portalId },
    });
    const bad = await failure(
      client.readEvent({
        EventName: 'referral-created',
        ResourceUri: 'https://example.test/referrals/not-a-guid',
      }),
    );
    expect(bad.kind).toBe('validation');
  });
});

describe('Microsoft client: errors', () => {
  it.each([
    ['throttle', 'throttled', 1_000],
    ['5xx', 'unavailable', 2_000],
    ['conflict', 'conflict', undefined],
  ] as Array<['throttle' | '5xx' | 'conflict', string, number | undefined]>)(
    'an injected %s becomes PortalError %s with Retry-After honoured',
    async (kind, expected, retryAfter) => {
      const client = await setup();
      emulator.control.inject({ kind, rate: 1, count: 1, operations: ['create'] });
      const error = await failure(
        client.submit({
          opportunity: northwindDataPlatform(),
          idempotencyKey: SUBMIT_KEY,
          now: NOW,
        }),
      );
      expect(error.kind).toBe(expected);
      expect(error.retryAfterMs).toBe(retryAfter);
    },
  );

  it('a slow answer beyond the deadline is a timeout; within it, the call succeeds', async () => {
    const client = await setup({}, 300);
    emulator.control.inject({
      kind: 'slow',
      rate: 1,
      count: 1,
      delayMs: 1_000,
      operations: ['get'],
    });
    emulator.control.inject({ kind: 'slow', rate: 1, count: 1, delayMs: 50, operations: ['list'] });
    expect((await failure(client.fetch('61c65491-2f2c-461a-84b4-3654499bc1d9'))).kind).toBe(
      'timeout',
    );
    expect((await client.listInbound(null, NOW)).referrals).toEqual([]);
  });

  it('quota exhaustion is throttled with the emulator’s Retry-After; an unknown referral is not-found; a refused token is auth', async () => {
    const client = await setup({ quotas: { reads: 1, writes: 1 } });
    await client.listInbound(null, NOW);
    const throttled = await failure(client.listInbound(null, NOW));
    expect(throttled).toMatchObject({ kind: 'throttled', retryAfterMs: 1_000 });
    emulator.control.advance(1_000);
    expect((await failure(client.fetch('61c65491-2f2c-461a-84b4-3654499bc1d9'))).kind).toBe(
      'not-found',
    );
    const denied = createMicrosoftClient({
      baseUrl: emulator.url,
      token: async () => {
        throw new Error('refresh token revoked');
      },
    });
    expect((await failure(denied.fetch('61c65491-2f2c-461a-84b4-3654499bc1d9'))).kind).toBe('auth');
  });
});
