import { describe, expect, it } from '@jest/globals';
import {
  createLinter,
  LintThresholdsError,
  parseLintThresholds,
  DEFAULT_LINT_THRESHOLDS,
} from '../../../middleware/src/core/lint/index.js';
import type { CoSellOpportunity } from '../../../middleware/src/core/model.js';
import { dataPlatformDeal, NOW, opportunityId } from '../../fixtures/opportunity.js';

/** The motion-wide rules (practice-rules.test.ts) would speak on these one-cloud fixtures: keep them quiet here. */
const QUIET_MOTION_RULES = {
  singleCloudMinDeals: 1_000_000,
  influencedNotSourcedMinInfluenced: 1_000_000,
};

function finishAll(opps: CoSellOpportunity[], thresholds = {}) {
  const linter = createLinter({ now: NOW, thresholds: { ...QUIET_MOTION_RULES, ...thresholds } });
  for (const opp of opps) linter.add(opp);
  return linter.finish();
}

/** `count` recent AWS deals with distinct amounts unless `amount` is given. */
function awsDeals(
  count: number,
  start: number,
  amount?: number,
  extra: Parameters<typeof dataPlatformDeal>[0] = {},
): CoSellOpportunity[] {
  return Array.from({ length: count }, (_, offset) =>
    dataPlatformDeal({
      id: opportunityId(start + offset),
      amount: amount ?? 31_000 + (start + offset) * 7,
      coSell: { clouds: ['AWS'] },
      ...extra,
    }),
  );
}

describe('placeholder amounts', () => {
  // Every deal here is open and shared, so keep the share-everything rule out of the way.
  const finishWith = (opps: CoSellOpportunity[], thresholds = {}) =>
    finishAll(opps, { shareEverythingMaxRate: 1, ...thresholds });

  it('flags one amount repeated on ten recent AWS submissions, with evidence', () => {
    const findings = finishWith([...awsDeals(10, 0, 100_000), ...awsDeals(30, 100)]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'LINT_PLACEHOLDER_AMOUNT',
        severity: 'warning',
        cloud: 'AWS',
        field: 'Amount',
        opportunityId: null,
        evidence: expect.objectContaining({
          amount: 100_000,
          currencyIsoCode: 'USD',
          occurrences: 10,
          exact: true,
          recentSubmissions: 40,
          share: 0.25,
          sampleOpportunityIds: [
            opportunityId(0),
            opportunityId(1),
            opportunityId(2),
            opportunityId(3),
            opportunityId(4),
          ],
        }),
      }),
    ]);
    expect(findings[0]?.message).toContain('USD 100,000');
  });

  it('does not flag nine repeats, nor ten that are under the minimum share', () => {
    expect(finishWith([...awsDeals(9, 0, 100_000), ...awsDeals(30, 100)])).toEqual([]);
    // 10 of 250 = 4% < 5%
    expect(finishWith([...awsDeals(10, 0, 100_000), ...awsDeals(240, 100)])).toEqual([]);
  });

  it('counts only recent submissions, per cloud and per currency', () => {
    const old = awsDeals(10, 0, 100_000, { createdDate: '2026-01-05T10:00:00.000Z' });
    const split = [
      ...awsDeals(5, 20, 50_000),
      ...awsDeals(5, 30, 50_000, { currencyIsoCode: 'EUR' }),
    ];
    const otherCloud = Array.from({ length: 10 }, (_, index) =>
      dataPlatformDeal({ id: opportunityId(40 + index), amount: 75_000 }),
    );
    const findings = finishWith([...old, ...split, ...otherCloud]);
    expect(findings.map((finding) => [finding.cloud, finding.evidence.amount])).toEqual([
      ['Microsoft', 75_000],
    ]);
  });

  it('ignores opportunities without an amount', () => {
    expect(finishWith(awsDeals(12, 0, undefined).map((opp) => ({ ...opp, amount: null })))).toEqual(
      [],
    );
  });

  it('still finds a dominant placeholder when distinct amounts overflow the tracked capacity, reported as a lower bound', () => {
    const placeholder = awsDeals(60, 0, 100_000);
    const noise = awsDeals(200, 1000);
    const interleaved = noise.flatMap((opp, index) =>
      index < placeholder.length ? [opp, placeholder[index]!] : [opp],
    );
    const findings = finishWith(interleaved, { placeholderTrackedAmounts: 10 });
    expect(findings).toHaveLength(1);
    const evidence = findings[0]!.evidence;
    expect(evidence.exact).toBe(false);
    expect(evidence.occurrences).toBeLessThanOrEqual(60);
    expect(evidence.occurrences).toBeGreaterThanOrEqual(60 - Math.floor(260 / 11));
    expect(findings[0]?.message).toContain('at least');
  });
});

describe('share-everything rate', () => {
  const finishWith = finishAll;
  const open = (count: number, start: number, clouds: CoSellOpportunity['coSell']['clouds']) =>
    Array.from({ length: count }, (_, index) =>
      dataPlatformDeal({
        id: opportunityId(start + index),
        amount: 10_000 + start + index,
        coSell: { clouds },
      }),
    );

  it('flags a cloud tagged on more than half the open pipeline, and only that cloud', () => {
    const findings = finishWith([...open(11, 0, ['AWS', 'Google']), ...open(9, 100, [])]);
    expect(findings.map((finding) => finding.cloud).sort()).toEqual(['AWS', 'Google']);
    expect(findings[0]).toMatchObject({
      code: 'LINT_SHARE_EVERYTHING',
      field: 'CoSell_Clouds__c',
      evidence: { sharedOpenDeals: 11, openDeals: 20, rate: 0.55 },
    });
  });

  it('does not flag exactly half, closed deals, or a pipeline under the minimum size', () => {
    expect(finishWith([...open(10, 0, ['AWS']), ...open(10, 100, [])])).toEqual([]);
    const closed = open(30, 200, ['AWS']).map((opp) => ({
      ...opp,
      isClosed: true,
      stageName: 'Closed Lost',
    }));
    expect(finishWith([...closed, ...open(5, 0, ['AWS']), ...open(15, 100, [])])).toEqual([]);
    expect(finishWith(open(19, 0, ['AWS']))).toEqual([]);
  });
});

describe('lint thresholds', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_LINT_THRESHOLDS).toMatchObject({
      staleAfterDays: 30,
      placeholderMinRepeats: 10,
      shareEverythingMaxRate: 0.5,
    });
  });

  it('names the bad key', () => {
    expect(() => parseLintThresholds({ staleAfterDays: -1 })).toThrow(LintThresholdsError);
    expect(() => parseLintThresholds({ shareEverythingMaxRate: 1.5 })).toThrow(
      /shareEverythingMaxRate/,
    );
    expect(() => createLinter({ now: NOW, thresholds: { staleAfterDay: 10 } as never })).toThrow(
      /staleAfterDay/,
    );
  });
});
