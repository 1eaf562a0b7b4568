// The ACE PortalClient over the real SDK against the emulator, faults: each injected fault, the real
// write quota and every remaining SDK error name become the right classified PortalError.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createAceClient, portalErrorOf } from '../../../middleware/src/portals/aws/client.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import {
  credentials,
  emulator,
  setup,
  startEmulator,
  stopEmulatorAfterEach,
  SUBMIT_KEY,
} from './client-fixtures.js';

stopEmulatorAfterEach();

describe('ACE client: faults become classified PortalErrors', () => {
  // The SDK builds its request pipeline on a process's first call, which on a busy machine can alone
  // outlast the 300 ms timeout below: make one untimed call (an unknown id, not found) first.
  beforeAll(async () => {
    const client = await setup();
    await failure(client.fetch('O0000001'));
    await emulator.stop();
  });

  const cases: Array<
    [string, { kind: 'throttle' | '5xx' | 'timeout' | 'conflict'; delayMs?: number }, string]
  > = [
    ['throttling', { kind: 'throttle' }, 'throttled'],
    ['a 5xx', { kind: '5xx' }, 'unavailable'],
    ['a hung call', { kind: 'timeout', delayMs: 5_000 }, 'timeout'],
  ];
  for (const [label, fault, kind] of cases) {
    it(`${label} → ${kind}`, async () => {
      const client = await setup({}, { requestTimeoutMs: 300 });
      emulator.control.inject({ ...fault, rate: 1, operations: ['GetOpportunity'], count: 1 });
      expect((await failure(client.fetch('O0000001'))).kind).toBe(kind);
      expect(emulator.counters.faultsInjected[fault.kind]).toBe(1);
    });
  }

  it('an injected conflict on update → conflict, and the retry succeeds', async () => {
    const client = await setup({
      review: { inReviewAfterMs: 0, decisionAfterMs: 0, outcome: 'Approved' },
    });
    const { portalId } = await client.submit({
      opportunity: northwindDataPlatform(),
      idempotencyKey: SUBMIT_KEY,
      now: NOW,
    });
    emulator.control.advance(1);
    emulator.control.inject({
      kind: 'conflict',
      rate: 1,
      operations: ['UpdateOpportunity'],
      count: 1,
    });
    const changed = northwindDataPlatform(
      (o) => void (o.nextStep = 'Pricing call with procurement on 11 December'),
    );
    expect(
      (
        await failure(
          client.update({ opportunity: changed, portalId, expectedVersion: null, now: NOW }),
        )
      ).kind,
    ).toBe('conflict');
    expect(
      (await client.update({ opportunity: changed, portalId, expectedVersion: null, now: NOW }))
        .status,
    ).toBe('Accepted');
  });

  it('a slow answer still succeeds within the timeout', async () => {
    const client = await setup({}, { requestTimeoutMs: 2_000 });
    emulator.control.inject({
      kind: 'slow',
      rate: 1,
      delayMs: 150,
      operations: ['ListEngagementInvitations'],
    });
    const started = Date.now();
    await client.listInbound(null, NOW);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('the real write quota → throttled', async () => {
    await startEmulator({ now: () => NOW, quotas: { writesPerSecond: 1 } });
    const client = createAceClient({ catalog: 'Sandbox', endpoint: emulator.url, credentials });
    // Create spends the one write of this second; Associate is throttled.
    expect(
      (
        await failure(
          client.submit({
            opportunity: northwindDataPlatform(),
            idempotencyKey: SUBMIT_KEY,
            now: NOW,
          }),
        )
      ).kind,
    ).toBe('throttled');
    expect(emulator.counters.throttled).toBe(1);
  });

  it('classifies the remaining SDK error names', () => {
    const kinds = [
      'AccessDeniedException',
      'ServiceQuotaExceededException',
      'ResourceNotFoundException',
      'InternalServerException',
      'ConflictException',
    ].map((name) => portalErrorOf(Object.assign(new Error('x'), { name })).kind);
    expect(kinds).toEqual(['auth', 'quota-exhausted', 'not-found', 'unavailable', 'conflict']);
    expect(
      portalErrorOf(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ).kind,
    ).toBe('unavailable');
    expect(
      portalErrorOf(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).kind,
    ).toBe('timeout');
  });
});
