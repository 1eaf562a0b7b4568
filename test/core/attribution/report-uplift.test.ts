// The attribution report's conversion uplift: win-rate, deal-size and cycle-time uplift of co-sold
// over direct deals per cloud, with sample sizes and a low-confidence marker under the minimum.
import { describe, expect, it } from '@jest/globals';
import {
  attributionReportRows,
  buildAttributionReport,
} from '../../../middleware/src/core/attribution/index.js';
import type { CoSellOpportunity } from '../../../middleware/src/core/model.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from './fixtures.js';
import { options, row } from './report-helpers.js';

/** n closed deals closing 2026-05-15: `won` of them won at `amount`, each created `cycleDays` before close. */
function closedDeals(
  make: (o: Parameters<typeof directDeal>[0]) => CoSellOpportunity,
  n: number,
  won: number,
  amount: number,
  cycleDays: number,
) {
  const created = new Date(
    Date.parse('2026-05-15T00:00:00Z') - cycleDays * 86_400_000,
  ).toISOString();
  return Array.from({ length: n }, (_, index) =>
    make({
      amount,
      isClosed: true,
      isWon: index < won,
      stageName: index < won ? 'Closed Won' : 'Closed Lost',
      closeDate: '2026-05-15',
      createdDate: created,
    }),
  );
}

describe('attribution report: conversion uplift', () => {
  it('shows the uplift with its sample sizes, marked low confidence, when either side has fewer closed deals than the minimum', () => {
    const report = buildAttributionReport(
      [
        ...closedDeals(awsPdmReferral, 9, 6, 120_000, 60),
        ...closedDeals(directDeal, 10, 4, 100_000, 90),
      ],
      {
        ...options,
        cloud: 'AWS',
      },
    );
    const { uplift, coSold, directOnly } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(uplift.winRatePoints).toEqual({
      status: 'measured',
      value: 26.6667,
      lowConfidence: true,
      coSoldSample: 9,
      directOnlySample: 10,
      minSampleSize: 10,
    });
    expect(uplift.dealSize).toMatchObject({
      status: 'measured',
      lowConfidence: true,
      coSoldSample: 6,
      directOnlySample: 4,
    });
    expect(coSold.winRate).toBeCloseTo(6 / 9, 4);
    expect(directOnly.winRate).toBe(0.4);
  });

  it('measures win-rate points, deal-size uplift and cycle days saved once both sides reach the minimum', () => {
    const report = buildAttributionReport(
      [
        ...closedDeals(awsPdmReferral, 10, 7, 120_000, 60),
        ...closedDeals(directDeal, 10, 4, 100_000, 90),
      ],
      { ...options, cloud: 'AWS', minSampleSize: 4 },
    );
    const { uplift, coSold, directOnly } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(uplift.winRatePoints).toEqual({
      status: 'measured',
      value: 30,
      lowConfidence: false,
      coSoldSample: 10,
      directOnlySample: 10,
      minSampleSize: 4,
    });
    expect(uplift.dealSize).toEqual({
      status: 'measured',
      value: 0.2,
      lowConfidence: false,
      coSoldSample: 7,
      directOnlySample: 4,
      minSampleSize: 4,
    });
    expect(uplift.cycleDaysSaved).toEqual({
      status: 'measured',
      value: 30,
      lowConfidence: false,
      coSoldSample: 7,
      directOnlySample: 4,
      minSampleSize: 4,
    });
    expect(coSold.medianCycleDays).toBe(60);
    expect(directOnly.averageDealSize).toBe(100_000);
  });

  it('says no data only when a side has no deal at all', () => {
    const report = buildAttributionReport(closedDeals(awsPdmReferral, 3, 2, 50_000, 30), {
      ...options,
      cloud: 'AWS',
    });
    const { uplift } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(uplift.winRatePoints).toEqual({
      status: 'no data',
      coSoldSample: 3,
      directOnlySample: 0,
      minSampleSize: 10,
    });
    const flat = attributionReportRows(
      buildAttributionReport(
        [
          ...closedDeals(awsPdmReferral, 3, 2, 50_000, 30),
          ...closedDeals(directDeal, 2, 1, 40_000, 60),
        ],
        { ...options, cloud: 'AWS' },
      ),
    );
    expect(flat[0]).toMatchObject({
      winRateUpliftConfidence: 'low',
      coSoldClosed: 3,
      directOnlyClosed: 2,
    });
    expect(typeof flat[0]?.winRateUpliftPoints).toBe('number');
  });

  it('keeps deals co-sold only on another cloud out of both sides of a cloud’s comparison', () => {
    const report = buildAttributionReport(closedDeals(maccDrawdownDeal, 3, 2, 50_000, 30), {
      ...options,
      cloud: 'AWS',
    });
    const { coSold, directOnly } = row(report, 'AWS', 'FY2026Q2').conversion;
    expect(coSold.closed).toBe(0);
    expect(directOnly.closed).toBe(0);
  });
});
