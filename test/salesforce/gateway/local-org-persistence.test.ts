// The local org keeps its records and its change-event log in the store: after a restart the data
// is there, replay ids continue where they stopped, and a subscriber resuming from a stored replay
// id receives exactly the events it missed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/api/streaming';
import { SALESFORCE_API_VERSION } from '../../../middleware/src/salesforce/gateway/index.js';
import {
  LOCAL_ORG_STATE,
  startLocalOrg,
  type LocalOrg,
} from '../../../middleware/src/sandbox/salesforce/local-org.js';
import { openStore, type Store } from '../../../middleware/src/store/database.js';
import { loadSandboxState } from '../../../middleware/src/store/sandbox-state.js';
import { pgliteOptions } from '../../support/stores.js';

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const admin = (org: LocalOrg) =>
  new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.admin.accessToken,
    version: SALESFORCE_API_VERSION,
  });

describe('local org persistence', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(pgliteOptions());
  });
  afterAll(async () => store.close());

  it('restores records and the replay log after a restart', async () => {
    const first = await startLocalOrg({ port: 0, db: store.db });
    const created = (await admin(first).sobject('Opportunity').create({
      Name: 'Persisted lakehouse',
      StageName: 'Prospecting',
      CloseDate: '2027-01-31',
    })) as { id: string };
    await admin(first)
      .sobject('Opportunity')
      .update({ Id: created.id, StageName: 'Qualification' });
    const lastReplayId = first.server.streaming.state().lastReplayId;
    expect(lastReplayId).toBeGreaterThanOrEqual(2);
    await first.stop();

    const second = await startLocalOrg({ port: 0, db: store.db });
    try {
      expect(second.server.org.get('Opportunity', created.id)).toMatchObject({
        Name: 'Persisted lakehouse',
        StageName: 'Qualification',
      });
      // Users and queues are not duplicated by the second start.
      expect(
        second.server.org
          .all('Group')
          .filter((group) => group.DeveloperName === 'CoSell_Alliance_Ops'),
      ).toHaveLength(1);
      await admin(second).sobject('Opportunity').update({ Id: created.id, StageName: 'Proposal' });
      expect(second.server.streaming.state().lastReplayId).toBe(lastReplayId + 1);

      // A subscriber that had seen everything up to the restart resumes from its stored id.
      const channel = '/data/OpportunityChangeEvent';
      const received: Array<{ event: { replayId: number }; payload: { StageName?: string } }> = [];
      const client = admin(second).streaming.createClient([
        new StreamingExtension.Replay(channel, lastReplayId),
      ] as never);
      await client.subscribe(channel, (data: unknown) => received.push(data as never));
      await until(() => received.length === 1);
      expect(received[0]).toMatchObject({
        event: { replayId: lastReplayId + 1 },
        payload: { StageName: 'Proposal' },
      });
      (client as unknown as { disconnect(): void }).disconnect();
    } finally {
      await second.stop();
    }
  });

  it('has saved a write by the time it answers it, as a real org commits before replying', async () => {
    const org = await startLocalOrg({ port: 0, db: store.db, saveDelayMs: 60_000 });
    try {
      const created = (await admin(org).sobject('Opportunity').create({
        Name: 'Acknowledged warehouse',
        StageName: 'Prospecting',
        CloseDate: '2027-02-28',
      })) as { id: string };
      // No stop, no flush: what the store holds right after the answer is what a crash would leave.
      const saved = await loadSandboxState<{ records: Record<string, Array<{ Id: string }>> }>(
        store.db,
        LOCAL_ORG_STATE,
      );
      expect(saved!.records.Opportunity!.map((record) => record.Id)).toContain(created.id);
    } finally {
      await org.stop();
    }
  });
});
