// The embedded desk on the local org when things go wrong: with the streaming channel down the
// cursor poll still carries every change, and a restart keeps what was submitted (--reset starts afresh).
import { describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { draftDeal, startLocalDesk, until } from './local-desk.js';

describe('with the streaming channel down', () => {
  it('still converges every change through the cursor poll when the channel dies mid-run', async () => {
    const { desk, dataDir, org } = await startLocalDesk({
      COSELL_POLL_INTERVAL_MS: '1000',
      COSELL_DEMO: 'false',
    });
    try {
      // First a submit while the channel is up, then the channel dies and the next one needs the poll.
      const before = await draftDeal(org, 'Proseware');
      await org
        .sobject('CoSell_Engagement__c')
        .update({ Id: before, Requested_Action__c: 'Submit' });
      await until(
        'the first outcome written back',
        () => {
          const first = desk.localOrg!.server.org.get('CoSell_Engagement__c', before);
          return first?.Portal_Id__c && !first.Requested_Action__c;
        },
        20_000,
      );
      const engagementId = await draftDeal(org, 'Tailspin');
      const published = desk.localOrg!.server.streaming.published;
      desk.localOrg!.server.streaming.suspend();
      const updated = await org
        .sobject('CoSell_Engagement__c')
        .update([{ Id: engagementId, Requested_Action__c: 'Submit' }]);
      expect(updated.map((result) => result.success)).toEqual([true]);
      const record = await until(
        'the outcome written back by the poll',
        () => {
          const current = desk.localOrg!.server.org.get('CoSell_Engagement__c', engagementId);
          return current?.Portal_Id__c && !current.Requested_Action__c ? current : null;
        },
        40_000,
      );
      expect(record.Status__c).toMatch(/Submitted|In review|Accepted/);
      expect(desk.emulators.aws!.counters.created).toBe(2);
      // The change was retained for replay but never reached a subscriber.
      expect(desk.localOrg!.server.streaming.published).toBeGreaterThan(published);
    } finally {
      await desk.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('across a restart', () => {
  it('keeps a submitted record in the ACE emulator, the org and the store, and --reset starts afresh', async () => {
    const first = await startLocalDesk({ COSELL_DEMO: 'false' });
    let portalId: string;
    try {
      const engagementId = await draftDeal(first.org, 'Litware');
      await first.org
        .sobject('CoSell_Engagement__c')
        .update({ Id: engagementId, Requested_Action__c: 'Submit' });
      const written = await until(
        'the ACE outcome written back',
        () => {
          const record = first.desk.localOrg!.server.org.get('CoSell_Engagement__c', engagementId);
          return record?.Requested_Action__c
            ? undefined
            : (record?.Portal_Id__c as string | undefined);
        },
        20_000,
      );
      portalId = written;
    } finally {
      await first.desk.stop();
    }
    const second = await startLocalDesk({ COSELL_DEMO: 'false' }, first.dataDir);
    try {
      const held = second.desk.emulators
        .aws!.control.snapshot()
        .opportunities.map(([, stored]) => stored.record.Id);
      expect(held).toEqual([portalId]);
      const stored = await second.desk.store.db
        .selectFrom('engagements')
        .select(['portal_id', 'cloud'])
        .where('portal_id', 'is not', null)
        .execute();
      expect(stored).toEqual([{ portal_id: portalId, cloud: 'AWS' }]);
      expect(
        second.desk.localOrg!.server.org.all('CoSell_Engagement__c').map((e) => e.Portal_Id__c),
      ).toEqual([portalId]);
    } finally {
      await second.desk.stop();
    }
    const fresh = await startLocalDesk(
      { COSELL_DEMO: 'false', COSELL_RESET: 'true' },
      first.dataDir,
    );
    try {
      expect(fresh.desk.emulators.aws!.control.snapshot().opportunities).toEqual([]);
      expect(fresh.desk.localOrg!.server.org.all('CoSell_Engagement__c')).toEqual([]);
      expect(await fresh.desk.store.db.selectFrom('engagements').select('id').execute()).toEqual(
        [],
      );
    } finally {
      await fresh.desk.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});
