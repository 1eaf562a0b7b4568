// The Partner Center PortalClient over real HTTP against the emulator, faults: each injected fault,
// a slow answer, quota exhaustion, an unknown referral and a refused token as the right PortalError.
import { describe, expect, it } from '@jest/globals';
import { createMicrosoftClient } from '../../../middleware/src/portals/microsoft/client.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import { emulator, setup, stopEmulatorAfterEach, SUBMIT_KEY } from './client-fixtures.js';

stopEmulatorAfterEach();

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
