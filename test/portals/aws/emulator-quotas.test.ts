// The ACE emulator driven by the unmodified AWS SDK, quotas and faults: per-account write and read
// throttling refilled by the clock, and faults injected at a seeded rate on chosen operations.
import { describe, expect, it } from '@jest/globals';
import {
  CreateOpportunityCommand,
  ListOpportunitiesCommand,
} from '@aws-sdk/client-partnercentral-selling';
import {
  caught,
  client,
  emulator,
  northwindCreate,
  sdk,
  start,
  stopEmulatorAfterEach,
} from './emulator-fixtures.js';

stopEmulatorAfterEach();

describe('ACE emulator: quotas and faults', () => {
  it('throttles writes beyond 1 per second per account, and refills with the clock', async () => {
    await start({ quotas: { writesPerSecond: 1, readsPerSecond: 10, writesPerDay: 3 } });
    await client.send(new CreateOpportunityCommand(northwindCreate()));
    const throttled = await caught(
      client.send(
        new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'second'))),
      ),
    );
    expect(throttled.name).toBe('ThrottlingException');
    // Another partner account has its own budget.
    const other = sdk(emulator, 'AKIAEMULATORPARTNER2');
    await other.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'other-account'))),
    );
    other.destroy();
    emulator.control.advance(1_000);
    await client.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'second'))),
    );
    emulator.control.advance(1_000);
    await client.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'third'))),
    );
    emulator.control.advance(1_000);
    const daily = await caught(
      client.send(
        new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'fourth'))),
      ),
    );
    expect(daily.name).toBe('ThrottlingException');
    expect(String(daily.message)).toMatch(/24 hours/);
    emulator.control.advance(24 * 3600 * 1000);
    await client.send(
      new CreateOpportunityCommand(northwindCreate((p) => void (p.ClientToken = 'fourth'))),
    );
    expect(emulator.counters.throttled).toBe(2);
    expect(emulator.counters.created).toBe(5);
  });

  it('throttles reads beyond 10 per second', async () => {
    await start({ quotas: { readsPerSecond: 10 } });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox' })),
      ),
    );
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.name),
    ).toEqual(['ThrottlingException', 'ThrottlingException']);
  });

  it('injects faults at the seeded rate and only on the chosen operations', async () => {
    await start({ seed: 7 });
    emulator.control.inject({ kind: '5xx', rate: 0.5, operations: ['ListOpportunities'] });
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      outcomes.push(
        await client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox' })).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }
    const failures = outcomes.filter((o) => o === 'InternalServerException').length;
    expect(failures).toBe(emulator.counters.faultsInjected['5xx']);
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(30);
    await client.send(new CreateOpportunityCommand(northwindCreate()));
    emulator.control.clearFaults();
    await client.send(new ListOpportunitiesCommand({ Catalog: 'Sandbox' }));
  });
});
