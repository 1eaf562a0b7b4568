// Open feedback loops per referrer: the N-day clock from receipt or decision, closed loops dropped,
// grouping per referrer and cloud, ordering, and bad options.
import { describe, expect, it } from '@jest/globals';
import { InboundReferral, type InboundReferralInput } from '../../../middleware/src/core/model.js';
import {
  FeedbackLoopError,
  openFeedbackLoops,
} from '../../../middleware/src/core/feedback/index.js';

const priya = {
  name: 'Priya Raman',
  email: 'priya.raman@microsoft.com',
  title: 'Partner Development Manager',
};
const marcus = { name: 'Marcus Lee', email: 'marcus.lee@amazon.com', title: 'Account Executive' };

const referral = (portalId: string, overrides: Partial<InboundReferralInput> = {}) =>
  InboundReferral.parse({
    cloud: 'Microsoft',
    portalId,
    receivedAt: '2026-11-02T09:00:00Z',
    customerName: 'Northwind Traders',
    title: 'Data platform modernisation',
    sourceLayer: 'Partner Program',
    referrer: priya,
    ...overrides,
  });

const now = '2026-11-26T12:00:00Z';

describe('openFeedbackLoops', () => {
  it('summarises open loops per referrer with counts, age and the referral ids', () => {
    const referrals = [
      referral('ref-northwind', { receivedAt: '2026-11-02T09:00:00Z' }),
      referral('ref-fabrikam', {
        receivedAt: '2026-11-10T09:00:00Z',
        customerName: 'Fabrikam Health',
      }),
      referral('ref-contoso', {
        receivedAt: '2026-11-12T09:00:00Z',
        feedbackSentAt: '2026-11-13T16:00:00Z',
        customerName: 'Contoso Pharma',
      }),
    ];
    expect(openFeedbackLoops(referrals, { now, days: 7 })).toEqual([
      {
        referrer: priya,
        cloud: 'Microsoft',
        layer: 'Partner Program',
        referralCount: 3,
        closedCount: 1,
        openCount: 2,
        oldestOpenDays: 24,
        oldestOpenSince: '2026-11-02T09:00:00.000Z',
        referralIds: ['ref-northwind', 'ref-fabrikam'],
      },
    ]);
  });

  it('opens a loop exactly N days after receipt, not before', () => {
    const fresh = [referral('ref-tailspin', { receivedAt: '2026-11-19T12:00:00Z' })];
    expect(openFeedbackLoops(fresh, { now, days: 7 })).toHaveLength(1);
    expect(openFeedbackLoops(fresh, { now: '2026-11-26T11:59:59Z', days: 7 })).toEqual([]);
  });

  it('restarts the clock at the decision', () => {
    const decided = [
      referral('ref-adatum', {
        receivedAt: '2026-11-01T09:00:00Z',
        decidedAt: '2026-11-24T09:00:00Z',
        triageStatus: 'Declined',
      }),
    ];
    expect(openFeedbackLoops(decided, { now, days: 7 })).toEqual([]);
    expect(openFeedbackLoops(decided, { now: '2026-12-01T09:00:00Z', days: 7 })[0]).toMatchObject({
      oldestOpenDays: 7,
    });
  });

  it('keeps referrers and clouds apart and puts the most open loops first', () => {
    const referrals = [
      referral('ref-northwind'),
      referral('aws-O1234567', {
        cloud: 'AWS',
        referrer: marcus,
        sourceLayer: 'Account Team',
        receivedAt: '2026-11-05T09:00:00Z',
      }),
      referral('aws-O7654321', {
        cloud: 'AWS',
        referrer: marcus,
        sourceLayer: 'Account Team',
        receivedAt: '2026-11-06T09:00:00Z',
      }),
      // Same person, different capitalisation of the email: one referrer.
      referral('aws-O1111111', {
        cloud: 'AWS',
        referrer: { ...marcus, email: 'Marcus.Lee@amazon.com' },
        sourceLayer: null,
        receivedAt: '2026-11-04T09:00:00Z',
      }),
    ];
    const summaries = openFeedbackLoops(referrals, { now, days: 7 });
    expect(
      summaries.map((summary) => [
        summary.cloud,
        summary.referrer.name,
        summary.openCount,
        summary.layer,
      ]),
    ).toEqual([
      ['AWS', 'Marcus Lee', 3, 'Account Team'],
      ['Microsoft', 'Priya Raman', 1, 'Partner Program'],
    ]);
    expect(summaries[0]?.referralIds).toEqual(['aws-O1111111', 'aws-O1234567', 'aws-O7654321']);
  });

  it('prefers the Salesforce Id and groups referrals with no referrer together', () => {
    const anonymous = referral('gcp-opp-889', {
      id: 'a0B5g00000XyZ12AAB',
      cloud: 'Google',
      referrer: {},
      sourceLayer: null,
    });
    expect(openFeedbackLoops([anonymous], { now, days: 7 })[0]).toMatchObject({
      referrer: { name: null, email: null },
      layer: null,
      referralIds: ['a0B5g00000XyZ12AAB'],
    });
  });

  it('rejects a bad now or days, naming the option', () => {
    expect(() => openFeedbackLoops([], { now: 'yesterday', days: 7 })).toThrow(FeedbackLoopError);
    expect(() => openFeedbackLoops([], { now, days: 0 })).toThrow(
      /days: must be a positive number of days, got 0/,
    );
  });
});
