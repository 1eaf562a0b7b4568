// The sync worker and inbound referrals: repeated deliveries triaged once, sender roles read from
// named counterparts, and an inbox decision sent to the portal once.
import { describe, expect, it } from '@jest/globals';
import {
  recordInboundReferral,
  recordReferralDecision,
  ReferralStateError,
} from '../../middleware/src/engine/referral-intake.js';
import type { InboundReferral, InboundReferralInput } from '../../middleware/src/core/model.js';
import { storeVariants } from '../support/stores.js';
import {
  drain,
  pdmReferral,
  portal,
  salesforce,
  store,
  T0,
  triage,
  useWorkerStore,
  worker,
} from './worker-fixtures.js';

describe.each(storeVariants())('sync worker on $name', ({ options }) => {
  useWorkerStore(options);

  it('turns five deliveries of one referral event into one triaged referral', async () => {
    const outcomes = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(
        (
          await recordInboundReferral(
            store.db,
            { referral: pdmReferral, version: '2026-11-26T08:30:00Z' },
            triage,
            T0,
          )
        ).outcome,
      );
    expect(outcomes).toEqual(['created', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    const rows = await store.db.selectFrom('referrals').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ priority: 'Standard', source_layer: 'Partner Program' });
    await drain(worker());
    expect(salesforce.referrals).toHaveLength(1);
    expect(salesforce.referrals[0]!.priority).toBe('Standard');
  });

  it('reads the role of a sender the portal names without one from the named counterparts, and leaves a stranger to classify', async () => {
    const googleReferral = (portalId: string, email: string): InboundReferralInput => ({
      ...pdmReferral,
      cloud: 'Google',
      portalId,
      sourceLayer: null,
      tenancyArchetype: null,
      referrer: { name: null, email, title: null },
    });
    await store.db
      .insertInto('counterparts')
      .values({
        cloud: 'Google',
        layer: 'Partner Program',
        name: 'Sofia Rossi',
        email: 'Sofia@google.com',
        data: JSON.stringify({ title: 'Partner Development Manager' }),
        updated_at: T0,
      })
      .execute();
    const known = await recordInboundReferral(
      store.db,
      { referral: googleReferral('opportunities/1', 'sofia@google.com'), version: '1' },
      triage,
      T0,
    );
    const stranger = await recordInboundReferral(
      store.db,
      { referral: googleReferral('opportunities/2', 'kai@google.com'), version: '1' },
      triage,
      T0,
    );
    if (known.outcome !== 'created' || stranger.outcome !== 'created')
      throw new Error('expected new referrals');
    expect([known.decision?.sourceLayer, known.decision?.priority]).toEqual([
      'Partner Program',
      'Standard',
    ]);
    expect([
      stranger.decision?.sourceLayer,
      stranger.decision?.priority,
      stranger.decision?.flags,
    ]).toEqual([null, 'High', expect.arrayContaining(['classify-source'])]);
    const rows = await store.db
      .selectFrom('referrals')
      .select(['portal_id', 'data'])
      .orderBy('portal_id')
      .execute();
    const first = (
      typeof rows[0]!.data === 'string' ? JSON.parse(rows[0]!.data) : rows[0]!.data
    ) as InboundReferral;
    expect(first.referrer).toEqual({
      name: 'Sofia Rossi',
      email: 'sofia@google.com',
      title: 'Partner Development Manager',
    });
  });

  it('sends an inbox decision to the portal once and refuses a second decision', async () => {
    const created = await recordInboundReferral(
      store.db,
      { referral: pdmReferral, version: '1' },
      triage,
      T0,
    );
    if (created.outcome === 'duplicate') throw new Error('expected a new referral');
    await recordReferralDecision(
      store.db,
      {
        referralId: created.referralId,
        decision: 'decline',
        declineReason: 'Region or compliance not supported',
        feedback:
          'Contoso needs data residency in the UAE, where our telemetry platform has no region yet.',
        actor: 'alliance-ops',
      },
      T0,
    );
    await expect(
      recordReferralDecision(
        store.db,
        { referralId: created.referralId, decision: 'accept', actor: 'alliance-ops' },
        T0,
      ),
    ).rejects.toThrow(ReferralStateError);
    await drain(worker());
    expect(portal.decisions).toHaveLength(1);
    expect(portal.decisions[0]).toMatchObject({
      decision: 'decline',
      declineReason: 'Region or compliance not supported',
    });
  });
});
