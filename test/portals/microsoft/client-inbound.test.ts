// The Partner Center PortalClient over real HTTP against the emulator, inbound: referrals paged with
// a cursor, decisions on the status machine, and webhooks read as inbox deliveries or states.
import { describe, expect, it } from '@jest/globals';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import { emulator, setup, stopEmulatorAfterEach, SUBMIT_KEY } from './client-fixtures.js';

stopEmulatorAfterEach();

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
