// A submission shows in Salesforce while it is still under way: once ACE holds the record (after the
// create, two paced writes before the end) the engagement gets its portal id and ACE's own status
// for it (a draft), and the outcome follows. The store keeps no portal id until the outcome, so a
// submission that fails after the create resumes on the same ACE record and nothing is doubled.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { InboundReferral } from '../../middleware/src/core/model.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { queueStats } from '../../middleware/src/engine/outbox.js';
import {
  SyncWorker,
  type EngagementOutcome,
  type EngagementProgress,
  type SalesforceSink,
  type WorkerEvent,
} from '../../middleware/src/engine/worker.js';
import { createAceClient } from '../../middleware/src/portals/aws/client.js';
import { startAceEmulator, type AceEmulator } from '../../middleware/src/sandbox/aws/emulator.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { NOW, northwindDataPlatform } from '../portals/mapping/opportunity-fixture.js';
import { pgliteOptions, truncateAll } from '../support/stores.js';

type Shown =
  | { kind: 'progress'; at: EngagementProgress; storedPortalId: string | null; aceReview: string }
  | { kind: 'outcome'; at: EngagementOutcome };

class ProgressRecordingSalesforce implements SalesforceSink {
  readonly shown: Shown[] = [];
  failProgress = false;
  constructor(
    private readonly store: Store,
    private readonly ace: () => AceEmulator,
  ) {}
  async writeEngagement(outcome: EngagementOutcome) {
    this.shown.push({ kind: 'outcome', at: outcome });
  }
  async writeEngagementProgress(progress: EngagementProgress) {
    if (this.failProgress) throw new Error('UNABLE_TO_LOCK_ROW');
    const stored = await this.store.db
      .selectFrom('engagements')
      .select('portal_id')
      .where('cloud', '=', 'AWS')
      .executeTakeFirstOrThrow();
    const record = this.ace()
      .control.snapshot()
      .opportunities.find(([, entry]) => entry.record.Id === progress.portalId)?.[1].record;
    const review =
      (record?.LifeCycle as { ReviewStatus?: string } | undefined)?.ReviewStatus ??
      (record ? 'Pending Submission' : 'absent');
    this.shown.push({
      kind: 'progress',
      at: progress,
      storedPortalId: stored.portal_id,
      aceReview: review,
    });
  }
  async writeReferral(referral: InboundReferral & { referralId: string }) {
    return { salesforceId: `a03Hs00000${referral.referralId.padStart(5, '0')}AAA` };
  }
}

describe('a submission under way, shown in Salesforce', () => {
  let store: Store;
  let ace: AceEmulator;
  let salesforce: ProgressRecordingSalesforce;
  let events: WorkerEvent[];
  const worker = () =>
    new SyncWorker({
      db: store.db,
      clients: {
        AWS: createAceClient({
          catalog: 'Sandbox',
          endpoint: ace.url,
          credentials: { accessKeyId: 'AKIAEMULATORPARTNER1', secretAccessKey: 'emulator-secret' },
          requestTimeoutMs: 2_000,
        }),
      },
      salesforce,
      clock: () => NOW,
      workerId: 'w1',
      backoff: { baseMs: 1, capMs: 1, random: () => 0 },
      onEvent: (event) => events.push(event),
    });
  const drain = async (w: SyncWorker) => {
    for (let round = 0; round < 10; round++) if ((await w.runOnce()) === 0) return;
  };

  beforeAll(async () => {
    store = await openStore(pgliteOptions());
  });
  beforeEach(async () => {
    await truncateAll(store.db);
    ace = await startAceEmulator({
      now: () => NOW,
      quotas: { writesPerSecond: 1000, readsPerSecond: 1000 },
      review: { inReviewAfterMs: 60_000, decisionAfterMs: 600_000, outcome: 'Approved' },
    });
    salesforce = new ProgressRecordingSalesforce(store, () => ace);
    events = [];
    await recordOpportunity(
      store.db,
      { ...northwindDataPlatform(), engagements: [{ cloud: 'AWS', requestedAction: 'Submit' }] },
      NOW,
    );
  });
  afterEach(async () => ace.stop());
  afterAll(async () => store?.close());

  it('shows the portal id with the draft status ACE holds, then the submitted outcome, in that order', async () => {
    await drain(worker());
    const [progress, outcome, ...rest] = salesforce.shown;
    expect(rest).toEqual([]);
    expect(progress).toMatchObject({
      kind: 'progress',
      at: { opportunityId: '006Hs00001NwDpLAAV', cloud: 'AWS', status: 'Draft' },
      storedPortalId: null,
      aceReview: 'Pending Submission',
    });
    expect(outcome).toMatchObject({
      kind: 'outcome',
      at: { status: 'Submitted', clearRequestedAction: true },
    });
    expect(outcome!.at.portalId).toBe(progress!.at.portalId);
    expect(ace.counters.created).toBe(1);
  });

  it('resumes on the same ACE record when the submission fails after the create, and shows only that id', async () => {
    ace.control.inject({
      kind: '5xx',
      rate: 1,
      operations: ['StartEngagementFromOpportunityTask'],
      count: 1,
    });
    await drain(worker());
    expect(ace.counters.created).toBe(1);
    expect(events.some((event) => event.type === 'job-retry')).toBe(true);
    const progress = salesforce.shown.filter((entry) => entry.kind === 'progress');
    const outcomes = salesforce.shown.filter((entry) => entry.kind === 'outcome');
    // The failed attempt showed the draft; the retry found it again; one outcome, the same id throughout.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(outcomes).toHaveLength(1);
    expect(new Set(salesforce.shown.map((entry) => entry.at.portalId)).size).toBe(1);
    for (const entry of progress)
      expect(entry).toMatchObject({
        at: { status: 'Draft' },
        storedPortalId: null,
        aceReview: 'Pending Submission',
      });
    expect(outcomes[0]!.at).toMatchObject({ status: 'Submitted' });
    const stored = await store.db
      .selectFrom('engagements')
      .select(['portal_id', 'status'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ portal_id: outcomes[0]!.at.portalId, status: 'Submitted' });
  });

  it('still submits and writes the outcome when the early write fails', async () => {
    salesforce.failProgress = true;
    await drain(worker());
    expect(salesforce.shown).toEqual([
      expect.objectContaining({
        kind: 'outcome',
        at: expect.objectContaining({ status: 'Submitted' }),
      }),
    ]);
    expect(events.filter((event) => event.type === 'job-progress-unwritten')).toHaveLength(1);
    expect((await queueStats(store.db, NOW)).dead).toBe(0);
    expect(ace.counters.created).toBe(1);
  });
});
