import { describe, expect, it } from '@jest/globals';
import { MaturityMetricsError, maturityMetricsFromReport, maturityStage, type MaturityMetrics } from '../../../middleware/src/core/readiness/index.js';
import { buildAttributionReport } from '../../../middleware/src/core/attribution/index.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from '../attribution/fixtures.js';

const starting: MaturityMetrics = {
  marketplaceTransactions: 0,
  marketplaceTransactionsPerQuarter: 0,
  partnerAttachRate: null,
  acceptanceRate: null,
  cloudsWithMotion: 1,
  sourcedDeals: 0,
  influencedDeals: 4,
};

describe('maturityStage', () => {
  it('is not started before the first marketplace transaction, and names what month 6 needs', () => {
    const assessment = maturityStage(starting);
    expect(assessment.level).toBe(0);
    expect(assessment.stage).toBe('Not started');
    expect(assessment.next?.gaps.map((gap) => gap.marker)).toEqual([
      'first marketplace transaction',
      'share of new business with hyperscaler attribution',
    ]);
  });

  it('reaches month 6 at the low end of the 5-10% range', () => {
    const assessment = maturityStage({ ...starting, marketplaceTransactions: 1, partnerAttachRate: 0.05 });
    expect(assessment.level).toBe(1);
    expect(assessment.stage).toBe('First transactions (month 6)');
    expect(assessment.next?.gaps).toEqual([
      { marker: 'portal acceptance rate', actual: null, target: 0.5, met: false },
      { marker: 'marketplace transactions per quarter', actual: 0, target: 5, met: false },
      { marker: 'share of new business with hyperscaler attribution', actual: 0.05, target: 0.15, met: false },
    ]);
  });

  it('does not skip a stage: a second cloud without month-12 acceptance stays at month 6', () => {
    const assessment = maturityStage({ ...starting, marketplaceTransactions: 12, partnerAttachRate: 0.3, cloudsWithMotion: 2, acceptanceRate: 0.42, marketplaceTransactionsPerQuarter: 6 });
    expect(assessment.level).toBe(1);
    expect(assessment.next?.gaps.map((gap) => gap.marker)).toEqual(['portal acceptance rate']);
  });

  it('reaches month 24+ when hyperscaler-led deals are at parity with partner-led ones', () => {
    const mature = {
      marketplaceTransactions: 60,
      marketplaceTransactionsPerQuarter: 9,
      partnerAttachRate: 0.45,
      acceptanceRate: 0.62,
      cloudsWithMotion: 2,
      sourcedDeals: 38,
      influencedDeals: 40,
    };
    expect(maturityStage(mature)).toMatchObject({ level: 4, stage: 'Hyperscaler-led at parity (month 24+)', next: null });
    expect(maturityStage({ ...mature, sourcedDeals: 20 }).level).toBe(3);
  });

  it('names the bad metric', () => {
    expect(() => maturityStage({ ...starting, partnerAttachRate: 1.5 })).toThrow(MaturityMetricsError);
    expect(() => maturityStage({ ...starting, partnerAttachRate: 1.5 })).toThrow(/^partnerAttachRate/);
  });
});

describe('maturityMetricsFromReport', () => {
  it('reads each deal once from the totals and takes the latest ended quarter for the per-quarter figure', () => {
    const won = { isClosed: true, isWon: true, stageName: 'Closed Won' };
    const report = buildAttributionReport(
      [
        awsPdmReferral({ ...won, closeDate: '2026-08-20', coSell: { clouds: ['AWS', 'Microsoft'] } }),
        maccDrawdownDeal({ ...won, closeDate: '2026-09-02', engagements: [{ cloud: 'Microsoft', status: 'Accepted', submittedAt: '2026-07-01T09:00:00Z', acceptedAt: '2026-07-03T09:00:00Z' }] }),
        maccDrawdownDeal({ closeDate: '2026-12-15', engagements: [{ cloud: 'Microsoft', status: 'Rejected', submittedAt: '2026-07-10T09:00:00Z' }] }),
        directDeal({ ...won, closeDate: '2026-09-10' }),
        awsPdmReferral({ ...won, closeDate: '2026-11-02' }),
      ],
      { reportingCurrency: 'USD', rates: { EUR: 1.08 }, now: new Date('2026-11-26T00:00:00Z') },
    );
    expect(maturityMetricsFromReport(report, new Date('2026-11-26T00:00:00Z'))).toEqual({
      marketplaceTransactions: 3,
      marketplaceTransactionsPerQuarter: 2,
      partnerAttachRate: 0.75,
      acceptanceRate: 0.5,
      cloudsWithMotion: 2,
      sourcedDeals: 2,
      influencedDeals: 1,
    });
  });
});
