import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_BUSINESS_CALENDAR,
  DEFAULT_TRIAGE_RULES,
  triageReferral,
} from '../../middleware/src/core/triage/index.js';
import type { InboundReferral, InboundReferralInput } from '../../middleware/src/core/model.js';
import { recordOpportunity } from '../../middleware/src/engine/intake.js';
import { catchUpInbound, schedulePortalPolls } from '../../middleware/src/engine/scheduler.js';
import type { InboundPage } from '../../middleware/src/engine/portal-client.js';
import { openStore, type Store } from '../../middleware/src/store/database.js';
import { dataPlatformDeal } from '../fixtures/opportunity.js';
import { FakePortal } from '../support/fake-portal.js';
import { storeVariants, truncateAll } from '../support/stores.js';

const T0 = new Date('2026-11-26T09:00:00.000Z');
const triage = (referral: InboundReferral) =>
  triageReferral(referral, DEFAULT_TRIAGE_RULES, DEFAULT_BUSINESS_CALENDAR);

function referral(n: number): InboundReferralInput {
  return {
    cloud: 'Google',
    portalId: `partners/C01abc/opportunities/opp-${n}`,
    receivedAt: '2026-11-26T08:00:00.000Z',
    customerName: `Fabrikam Retail ${n}`,
    title: 'BigQuery migration for store analytics',
    referrer: {
      name: 'Priya Raman',
      email: 'priya@google.com',
      title: 'Customer Engineer, Data Analytics',
    },
  };
}

/** A portal whose inbound feed pages through fixed referrals by cursor. */
class PagedPortal extends FakePortal {
  constructor(private readonly pages: InboundPage[]) {
    super('Google');
  }
  override async listInbound(cursor: string | null): Promise<InboundPage> {
    const index = cursor === null ? 0 : Number(cursor);
    return this.pages[index] ?? { referrals: [], cursor };
  }
}

describe.each(storeVariants())('scheduler on $name', ({ options }) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await options());
  });
  beforeEach(async () => truncateAll(store.db));
  afterAll(async () => store?.close());

  it('catches up on every page of referrals, advancing the cursor, and finds nothing new on a second run', async () => {
    const portal = new PagedPortal([
      {
        referrals: [1, 2].map((n) => ({ referral: referral(n), version: 'v1', findings: [] })),
        cursor: '1',
      },
      {
        referrals: [3].map((n) => ({ referral: referral(n), version: 'v1', findings: [] })),
        cursor: '2',
      },
    ]);
    expect(await catchUpInbound(store.db, portal, triage, T0)).toMatchObject({
      created: 3,
      duplicates: 0,
      cursor: '2',
    });
    expect(await catchUpInbound(store.db, portal, triage, T0)).toMatchObject({
      created: 0,
      cursor: '2',
    });
    expect(await store.db.selectFrom('referrals').select('portal_id').execute()).toHaveLength(3);
  });

  it('records a referral the model refuses in the audit log and keeps going', async () => {
    const bad = { ...referral(9), customerName: '' };
    const portal = new PagedPortal([
      {
        referrals: [
          { referral: bad, version: 'v1', findings: [] },
          { referral: referral(10), version: 'v1', findings: [] },
        ],
        cursor: '1',
      },
    ]);
    expect(await catchUpInbound(store.db, portal, triage, T0)).toMatchObject({
      created: 1,
      rejected: 1,
    });
    const rejected = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'rejected')
      .execute();
    expect(rejected.map((r) => r.entity_id)).toEqual(['partners/C01abc/opportunities/opp-9']);
  });

  it('polls an accepted engagement far less often than one under review', async () => {
    const deal = {
      ...dataPlatformDeal(),
      engagements: [
        { cloud: 'Microsoft' as const, portalId: 'MS-1', status: 'In review' as const },
        { cloud: 'AWS' as const, portalId: 'O1001', status: 'Accepted' as const },
      ],
    };
    await recordOpportunity(store.db, deal, T0);
    const minute = 60_000;
    const synced = async (at: Date) => {
      await store.db
        .updateTable('outbox')
        .set({ status: 'done' })
        .where('kind', '=', 'portal.poll')
        .execute();
      await store.db.updateTable('engagements').set({ last_synced_at: at }).execute();
    };
    // First pass: both have never been synced.
    expect(await schedulePortalPolls(store.db, T0, minute, 30 * minute)).toBe(2);
    await synced(T0);
    // For the next half hour only the one under review is polled, once a minute.
    let polls = 0;
    for (let m = 1; m < 30; m++) {
      const at = new Date(T0.getTime() + m * minute);
      polls += await schedulePortalPolls(store.db, at, minute, 30 * minute);
      await store.db
        .updateTable('outbox')
        .set({ status: 'done' })
        .where('kind', '=', 'portal.poll')
        .execute();
      await store.db
        .updateTable('engagements')
        .set({ last_synced_at: at })
        .where('cloud', '=', 'Microsoft')
        .execute();
    }
    expect(polls).toBe(29);
    const kinds = await store.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'portal.poll')
      .execute();
    expect(kinds.filter((k) => (k.payload as { cloud: string }).cloud === 'AWS')).toHaveLength(1);
    // Thirty minutes after its last sync the accepted one is due again.
    expect(
      await schedulePortalPolls(
        store.db,
        new Date(T0.getTime() + 30 * minute),
        minute,
        30 * minute,
      ),
    ).toBe(2);
  });

  it('polls engagements awaiting the portal once per interval', async () => {
    const deal = {
      ...dataPlatformDeal(),
      engagements: [
        { cloud: 'Microsoft' as const, portalId: 'MS-1', status: 'In review' as const },
        { cloud: 'AWS' as const, status: 'Draft' as const },
      ],
    };
    await recordOpportunity(store.db, deal, T0);
    expect(await schedulePortalPolls(store.db, T0, 60_000)).toBe(1);
    expect(await schedulePortalPolls(store.db, new Date(T0.getTime() + 10_000), 60_000)).toBe(0);
    // The first poll has not run yet (the queue is behind): a second one would only pile up.
    expect(await schedulePortalPolls(store.db, new Date(T0.getTime() + 60_000), 60_000)).toBe(0);
    await store.db
      .updateTable('outbox')
      .set({ status: 'done' })
      .where('kind', '=', 'portal.poll')
      .execute();
    expect(await schedulePortalPolls(store.db, new Date(T0.getTime() + 60_000), 60_000)).toBe(1);
  });
});
