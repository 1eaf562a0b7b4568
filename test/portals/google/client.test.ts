// The Cloud Channel PortalClient over real HTTP against the emulator: submission that never creates
// twice (retry, lost answer, second job, a draft left behind), the review lock, updateMask updates,
// inbound with a cursor, decisions, push reading, and each fault as the right PortalError kind.
// Service-account sign-in is in client-auth.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  createGoogleClient,
  type GoogleClient,
} from '../../../middleware/src/portals/google/client.js';
import {
  startGoogleEmulator,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
} from '../../../middleware/src/sandbox/google/emulator.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';

const SUBMIT_KEY = 'Google:submit:006Hs00001NwDpLAAV:2026-11-20T16:45:00Z';
const PARTNER = 'C04x9kq2mn';
let emulator: GoogleEmulator;

async function setup(
  options: GoogleEmulatorOptions = {},
  timeoutMs = 2_000,
): Promise<GoogleClient> {
  emulator = await startGoogleEmulator({
    now: () => NOW,
    partnerId: PARTNER,
    quotas: { readsPerMinute: 10_000, writesPerMinute: 10_000 },
    review: { decisionAfterMs: 86_400_000, outcome: 'ACCEPTED' },
    ...options,
  });
  return createGoogleClient({
    baseUrl: emulator.url,
    partnerId: PARTNER,
    auth: { getAccessToken: async () => 'ya29.sandbox' },
    requestTimeoutMs: timeoutMs,
    productFamily: ['GOOGLE_CLOUD_PLATFORM'],
  });
}

afterEach(async () => {
  await emulator?.stop();
});

describe('Google client: submit', () => {
  it('creates the draft with the Salesforce Id and submits it: Submitted and locked', async () => {
    const client = await setup();
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(state).toMatchObject({ status: 'Submitted', locked: true, findings: [] });
    expect(emulator.control.opportunity(state.portalId)).toMatchObject({
      state: 'SUBMITTED',
      referenceOpportunityId: '006Hs00001NwDpLAAV',
      opportunityInfo: { productFamily: ['GOOGLE_CLOUD_PLATFORM'] },
    });
    expect(emulator.counters.callsByOperation).toMatchObject({ query: 1, create: 1, patch: 1 });
  });

  it('never creates a second opportunity: a retry, and a second submission job with another key', async () => {
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
      idempotencyKey: 'Google:submit:006Hs00001NwDpLAAV:2026-11-25T08:00:00Z',
      now: NOW,
    });
    expect([retry.portalId, second.portalId]).toEqual([first.portalId, first.portalId]);
    expect(emulator.counters.createdByReferenceOpportunityId).toEqual({ '006Hs00001NwDpLAAV': 1 });
  });

  it('finds the draft a create made when its answer was lost, and submits that one', async () => {
    const client = await setup({}, 300);
    emulator.control.inject({
      kind: 'timeout',
      rate: 1,
      count: 1,
      operations: ['create'],
      delayMs: 1_000,
    });
    const state = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(state.status).toBe('Submitted');
    expect(emulator.counters.created).toBe(1);
    const again = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: 'Google:submit:006Hs00001NwDpLAAV:2026-11-26T09:00:00Z',
      now: NOW,
    });
    expect(again.portalId).toBe(state.portalId);
    expect(emulator.counters.created).toBe(1);
  });

  it('stops before any call when the submission is not ready (no description), with findings', async () => {
    emulator = await startGoogleEmulator({ now: () => NOW });
    const client = createGoogleClient({
      baseUrl: emulator.url,
      partnerId: PARTNER,
      auth: { getAccessToken: async () => 'ya29.sandbox' },
    });
    const error = await failure(
      client.submit({
        opportunity: northwindDataPlatform((o) => void (o.description = null)),
        idempotencyKey: SUBMIT_KEY,
        now: NOW,
      }),
    );
    expect(error.kind).toBe('validation');
    // Once, on the Salesforce field: Google's review needs the description too, at the same path.
    expect(
      error.findings.filter((finding) => finding.path === '$.opportunityInfo.description'),
    ).toEqual([
      expect.objectContaining({ code: 'GOOGLE_MAP_REQUIRED_MISSING', field: 'Description' }),
    ]);
    expect(emulator.counters.callsByOperation).toEqual({});
  });

  it('sends the product families it is given, else Google Cloud', async () => {
    emulator = await startGoogleEmulator({ now: () => NOW });
    /** Submits a deal of its own (Google finds an earlier one by its Salesforce Id) and reads what Google holds. */
    const submitted = async (salesforceId: string, productFamily?: string[]) => {
      const client = createGoogleClient({
        baseUrl: emulator.url,
        partnerId: PARTNER,
        auth: { getAccessToken: async () => 'ya29.sandbox' },
        ...(productFamily ? { productFamily } : {}),
      });
      const { portalId } = await client.submit({
        opportunity: northwindDataPlatform((o) => void (o.id = salesforceId)),
        idempotencyKey: `Google:submit:${salesforceId}:2026-11-20T16:45:00Z`,
        now: NOW,
      });
      const held = emulator.control.opportunity(portalId) as {
        opportunityInfo: { productFamily: string[] };
      };
      return held.opportunityInfo.productFamily;
    };
    expect(await submitted('006Hs00001NwDpLAA1')).toEqual(['GOOGLE_CLOUD_PLATFORM']);
    expect(await submitted('006Hs00001NwDpLAA2', ['GOOGLE_WORKSPACE'])).toEqual([
      'GOOGLE_WORKSPACE',
    ]);
  });
});

describe('Google client: review, fetch and update', () => {
  it('locked while Google reviews, then Accepted with its approval time; the update patches only mapped fields', async () => {
    const client = await setup();
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    expect(
      (
        await failure(
          client.update({
            opportunity: northwindDataPlatform(),
            portalId,
            expectedVersion: null,
            now: NOW,
          }),
        )
      ).kind,
    ).toBe('locked');
    emulator.control.advance(86_400_000);
    const accepted = await client.fetch(portalId);
    expect(accepted).toMatchObject({
      status: 'Accepted',
      locked: false,
      acceptedAt: '2026-11-27T09:30:00.000Z',
    });
    const updated = await client.update({
      opportunity: northwindDataPlatform((o) => void (o.amount = 515_000.5)),
      portalId,
      expectedVersion: accepted.version,
      now: NOW,
    });
    expect(updated.status).toBe('Accepted');
    expect(emulator.control.opportunity(portalId)).toMatchObject({
      stage: 'STAGE_0',
      ownerEmail: 'kenji.watanabe@google.com',
      qualificationInfo: { dealSize: { units: '515000', nanos: 500_000_000 } },
    });
  });

  it('a not-accepted submission is Rejected with Google’s reason; further edits are validation errors', async () => {
    const client = await setup({ review: { decisionAfterMs: 0, outcome: 'NOT_ACCEPTED' } });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    const state = await client.fetch(portalId);
    expect(state).toMatchObject({
      status: 'Rejected',
      findings: [
        expect.objectContaining({ code: 'GOOGLE_NOT_ACCEPTED', path: '$.stateDescription' }),
      ],
    });
    expect(
      (
        await failure(
          client.update({
            opportunity: northwindDataPlatform(),
            portalId,
            expectedVersion: null,
            now: NOW,
          }),
        )
      ).kind,
    ).toBe('validation');
  });
});

describe('Google client: inbound, decisions and push', () => {
  it('lists Google-created opportunities across pages (not our own), then only changes since the cursor', async () => {
    const client = await setup({ maxPageSize: 2 });
    for (let i = 0; i < 3; i++) {
      emulator.control.createGoogleOpportunity({ displayName: `Fabrikam wave ${i}` });
      emulator.control.advance(1_000);
    }
    await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    const first = await client.listInbound(null, NOW);
    expect(first.referrals.map((r) => r.referral.title)).toEqual([
      'Fabrikam wave 0',
      'Fabrikam wave 1',
      'Fabrikam wave 2',
    ]);
    emulator.control.advance(1_000);
    emulator.control.createGoogleOpportunity({ displayName: 'Fabrikam wave 3' });
    const next = await client.listInbound(first.cursor, NOW);
    const fresh = next.referrals.filter(
      (r) =>
        !first.referrals.some(
          (f) => f.referral.portalId === r.referral.portalId && f.version === r.version,
        ),
    );
    expect(fresh.map((r) => r.referral.title)).toEqual(['Fabrikam wave 3']);
  });

  it('records the decision in the ISV notes once, however often it is repeated', async () => {
    const client = await setup();
    const { name } = emulator.control.createGoogleOpportunity();
    await client.decide({
      portalId: name,
      decision: 'decline',
      declineReason: 'No capacity',
      feedback: 'Our Nordic delivery team is booked until Q3',
      now: NOW,
    });
    await client.decide({
      portalId: name,
      decision: 'decline',
      declineReason: 'No capacity',
      feedback: 'Our Nordic delivery team is booked until Q3',
      now: NOW,
    });
    expect(emulator.control.opportunity(name)).toMatchObject({
      isvSolutionConnectInfo: {
        notes: 'Declined by the partner: No capacity — Our Nordic delivery team is booked until Q3',
      },
    });
    expect(emulator.counters.callsByOperation.patch).toBe(1);
  });

  it('reads pushes: CREATED from Google → inbox delivery at publish time; UPDATED on ours → state; other partners refused', async () => {
    const client = await setup({ review: { decisionAfterMs: 0, outcome: 'ACCEPTED' } });
    const { name } = emulator.control.createGoogleOpportunity();
    const ours = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    await emulator.control.flushPushes();
    const [created, updated] = emulator.control.pushes().map((p) => p.body);
    expect(await client.readEvent(created)).toMatchObject({
      kind: 'inbound',
      delivery: { referral: { portalId: name, receivedAt: NOW.toISOString() } },
    });
    expect(await client.readEvent(updated)).toMatchObject({
      kind: 'engagement',
      salesforceId: '006Hs00001NwDpLAAV',
      state: { portalId: ours.portalId, status: 'Accepted' },
    });
    const foreign = createGoogleClient({
      baseUrl: emulator.url,
      partnerId: 'C99other00',
      auth: { getAccessToken: async () => 'ya29.sandbox' },
    });
    expect((await failure(foreign.readEvent(created))).findings[0]).toMatchObject({
      code: 'GOOGLE_PUSH_OTHER_PARTNER',
    });
  });
});

describe('Google client: errors', () => {
  it.each([
    ['throttle', 'throttled', 1_000],
    ['5xx', 'unavailable', 2_000],
    ['conflict', 'conflict', undefined],
  ] as Array<['throttle' | '5xx' | 'conflict', string, number | undefined]>)(
    'an injected %s becomes PortalError %s (Retry-After honoured)',
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
      expect(emulator.counters.created).toBe(0);
    },
  );

  it('a slow answer past the deadline is a timeout; quota exhaustion gives the per-minute Retry-After; unknown is not-found', async () => {
    const client = await setup({ quotas: { readsPerMinute: 2, writesPerMinute: 10 } }, 300);
    emulator.control.inject({
      kind: 'slow',
      rate: 1,
      count: 1,
      delayMs: 1_000,
      operations: ['get'],
    });
    expect((await failure(client.fetch('opportunities/0001abcdef'))).kind).toBe('timeout');
    expect((await failure(client.fetch('opportunities/0001abcdef'))).kind).toBe('not-found');
    expect(await failure(client.fetch('opportunities/0001abcdef'))).toMatchObject({
      kind: 'throttled',
      retryAfterMs: 30_000,
    });
  });
});
