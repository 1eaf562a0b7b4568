// The Partner Center PortalClient over real HTTP against the emulator, after submission: review lock
// → 'locked', Microsoft's decision, GET+PUT with If-Match and a real eTag race → 'conflict', Won.
import { describe, expect, it } from '@jest/globals';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import { emulator, setup, stopEmulatorAfterEach, SUBMIT_KEY } from './client-fixtures.js';

stopEmulatorAfterEach();

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
