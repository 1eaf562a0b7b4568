// The Partner Center PortalClient over real HTTP against the emulator, submission: it never creates
// twice (retry, lost answer, second job) and stops with findings before any call or on a 400.
import { describe, expect, it } from '@jest/globals';
import { createMicrosoftClient } from '../../../middleware/src/portals/microsoft/client.js';
import { NOW, northwindDataPlatform } from '../mapping/opportunity-fixture.js';
import { failure } from '../../support/portal-failure.js';
import {
  emulator,
  setup,
  SOLUTION,
  startEmulator,
  stopEmulatorAfterEach,
  SUBMIT_KEY,
} from './client-fixtures.js';

stopEmulatorAfterEach();

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
    await startEmulator({ now: () => NOW });
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
