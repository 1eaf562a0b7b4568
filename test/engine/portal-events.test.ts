// The service's portal event handler on the edges the proofs lean on: an ACE opportunity event
// (its review moved on) queues one status poll of our engagement however often it is delivered,
// an invitation or unknown ACE event makes the catch-up run instead, and a repeated Partner Center
// notification about our own referral is recognised as a duplicate.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Cloud } from '../../middleware/src/core/model.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { JOB_KINDS } from '../../middleware/src/engine/jobs.js';
import {
  aceOpportunityEvent,
  createPortalEventHandler,
} from '../../middleware/src/engine/portal-events.js';
import type { PortalEventReading } from '../../middleware/src/engine/portal-client.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import {
  defaultTriage,
  pipelineOpportunity,
  pipelineOpportunityId,
} from '../support/proof-pipeline.js';
import { pgliteOptions, truncateAll } from '../support/stores.js';

const NOW = new Date('2026-11-26T09:00:00.000Z');
const ACE_ID = 'O4815162342';

/** An EventBridge event as ACE sends it to the partner's default bus. */
function aceEvent(detailType: string, id: string, detail: object): object {
  return {
    version: '0',
    id,
    'detail-type': detailType,
    source: 'aws.partnercentral-selling',
    account: '111122223333',
    time: NOW.toISOString(),
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

describe('aceOpportunityEvent', () => {
  it('names the opportunity of an "Opportunity ..." event, the event id as its version', () => {
    expect(
      aceOpportunityEvent(
        aceEvent('Opportunity Updated', 'evt-1', {
          catalog: 'AWS',
          opportunity: { identifier: ACE_ID },
        }),
      ),
    ).toEqual({ portalId: ACE_ID, version: 'evt-1' });
  });

  it.each([
    [
      'an invitation event',
      aceEvent('Engagement Invitation Created', 'evt-2', {
        engagementInvitation: { id: 'engi-1' },
      }),
    ],
    [
      'an opportunity event without an identifier',
      aceEvent('Opportunity Accepted', 'evt-3', { opportunity: {} }),
    ],
    [
      'an opportunity event without an event id',
      { 'detail-type': 'Opportunity Accepted', detail: { opportunity: { identifier: ACE_ID } } },
    ],
    ['something that is not an event', 'Opportunity Updated'],
    ['nothing', null],
  ])('is null for %s', (_what, payload) => {
    expect(aceOpportunityEvent(payload)).toBeNull();
  });
});

describe('portal event handler', () => {
  let store: Store;
  let catchUps: Cloud[];
  let nudges: number;
  let webhook: PortalEventReading;

  const handler = () =>
    createPortalEventHandler({
      db: store.db,
      clock: () => NOW,
      triage: defaultTriage,
      microsoft: { readEvent: async () => webhook },
      catchUpSoon: (cloud) => void catchUps.push(cloud),
      nudge: () => void (nudges += 1),
    });

  /** Deal 3 engaged with AWS and Microsoft, as the portals numbered it. */
  async function engaged(): Promise<void> {
    await recordOpportunity(store.db, pipelineOpportunity(3, 0, NOW, ['AWS', 'Microsoft']), NOW);
    await store.db
      .updateTable('engagements')
      .set({ portal_id: ACE_ID, status: 'Submitted' })
      .where('cloud', '=', 'AWS')
      .execute();
    await store.db
      .updateTable('engagements')
      .set({ portal_id: '6c1f2b3a-9d4e-4f5a-8b7c-0e1d2c3b4a59', status: 'Submitted' })
      .where('cloud', '=', 'Microsoft')
      .execute();
  }

  const polls = () =>
    store.db
      .selectFrom('outbox')
      .select(['target', 'ordering_key'])
      .where('kind', '=', JOB_KINDS.poll)
      .execute();

  beforeAll(async () => {
    store = await openStore(pgliteOptions());
  });
  beforeEach(async () => {
    catchUps = [];
    nudges = 0;
    await truncateAll(store.db);
  });
  afterAll(async () => store?.close());

  it('an ACE opportunity event delivered three times queues one poll of that engagement and runs no catch-up', async () => {
    await engaged();
    const handle = handler();
    const event = aceEvent('Opportunity Accepted', 'evt-10', {
      catalog: 'AWS',
      opportunity: { identifier: ACE_ID },
    });
    const outcomes = [];
    for (let n = 0; n < 3; n++) outcomes.push((await handle('aws', event)).outcome);
    expect(outcomes).toEqual(['updated', 'duplicate', 'duplicate']);
    expect(await polls()).toEqual([
      { target: 'aws', ordering_key: `engagement:${pipelineOpportunityId(3)}:AWS` },
    ]);
    expect(catchUps).toEqual([]);
    expect(nudges).toBe(1);
  });

  it('a later ACE event about the same opportunity queues a second poll', async () => {
    await engaged();
    const handle = handler();
    await handle(
      'aws',
      aceEvent('Opportunity Updated', 'evt-20', { opportunity: { identifier: ACE_ID } }),
    );
    expect(
      (
        await handle(
          'aws',
          aceEvent('Opportunity Accepted', 'evt-21', { opportunity: { identifier: ACE_ID } }),
        )
      ).outcome,
    ).toBe('updated');
    expect(await polls()).toHaveLength(2);
  });

  it('an ACE event about an opportunity the engine does not hold is ignored: nothing queued, no catch-up', async () => {
    await engaged();
    expect(
      await handler()(
        'aws',
        aceEvent('Opportunity Updated', 'evt-30', { opportunity: { identifier: 'O9999999999' } }),
      ),
    ).toEqual({ outcome: 'ignored' });
    expect(await polls()).toEqual([]);
    expect(catchUps).toEqual([]);
  });

  it('an ACE invitation event, or a payload that is no opportunity event, makes the AWS catch-up run', async () => {
    const handle = handler();
    expect(
      await handle(
        'aws',
        aceEvent('Engagement Invitation Created', 'evt-40', {
          engagementInvitation: { id: 'engi-7' },
        }),
      ),
    ).toEqual({ outcome: 'ignored' });
    expect(await handle('aws', {})).toEqual({ outcome: 'ignored' });
    expect(catchUps).toEqual(['AWS', 'AWS']);
    expect(await polls()).toEqual([]);
  });

  it('a repeated Partner Center notification about our own referral is a duplicate the second time', async () => {
    await engaged();
    webhook = {
      kind: 'engagement',
      salesforceId: pipelineOpportunityId(3),
      state: {
        portalId: '6c1f2b3a-9d4e-4f5a-8b7c-0e1d2c3b4a59',
        status: 'Submitted',
        version: 'W/"etag-2"',
        findings: [],
        locked: true,
      },
    };
    const handle = handler();
    expect((await handle('microsoft', { EventName: 'referral-updated' })).outcome).toBe('updated');
    expect((await handle('microsoft', { EventName: 'referral-updated' })).outcome).toBe(
      'duplicate',
    );
    expect(await polls()).toEqual([
      { target: 'microsoft', ordering_key: `engagement:${pipelineOpportunityId(3)}:Microsoft` },
    ]);
  });
});
