// The CoSell_Metric__c rows the attribution page reads, built from the attribution report and the
// maturity assessment: the figures per cloud and period, and one row per maturity marker with its evidence.
import { describe, expect, it } from '@jest/globals';
import { buildAttributionReport } from '../../../middleware/src/core/attribution/index.js';
import {
  calendarQuarterLabel,
  metricSummaryRecords,
} from '../../../middleware/src/core/attribution/metric-summary.js';
import {
  maturityMetricsFromReport,
  maturityStage,
} from '../../../middleware/src/core/readiness/index.js';
import { METRIC_NAMES } from '../../../middleware/src/core/salesforce-fields.js';
import { maturityMarkerKey } from '../../../middleware/src/core/salesforce-keys.js';
import { awsPdmReferral, directDeal, maccDrawdownDeal } from './fixtures.js';

const now = new Date('2026-11-26T08:00:00Z');
const won = { isClosed: true, isWon: true, stageName: 'Closed Won' };

function summary() {
  const report = buildAttributionReport(
    [
      awsPdmReferral({ ...won, closeDate: '2026-08-20', amount: 120_000 }),
      maccDrawdownDeal({
        ...won,
        closeDate: '2026-09-02',
        engagements: [
          {
            cloud: 'Microsoft',
            status: 'Accepted',
            submittedAt: '2026-07-01T09:00:00Z',
            acceptedAt: '2026-07-03T09:00:00Z',
          },
        ],
      }),
      directDeal({ ...won, closeDate: '2026-09-10' }),
    ],
    { reportingCurrency: 'USD', rates: { EUR: 1.08 }, now },
  );
  const pdm = {
    cloud: 'AWS' as const,
    layer: 'Partner Program' as const,
    name: 'Priya Raman',
    email: null,
    title: 'PDM',
    region: null,
    lastContactAt: null,
  };
  const maturity = maturityStage(maturityMetricsFromReport(report, now, { counterparts: [pdm] }));
  return { report, maturity, records: metricSummaryRecords(report, maturity, now) };
}

describe('metricSummaryRecords', () => {
  it('writes the figures the attribution page reads, per cloud and period, keyed for upsert', () => {
    const { report, records } = summary();
    const aws = report.rows.find((row) => row.scope === 'AWS' && row.period === 'FY2026Q3')!;
    const row = (key: string) => records.find((record) => record.Metric_Key__c === key);
    expect(row('AWS|FY2026Q3|Pipeline Value|Sourced')).toMatchObject({
      Cloud__c: 'AWS',
      Fiscal_Period__c: 'FY2026Q3',
      Metric__c: 'Pipeline Value',
      Segment__c: 'Sourced',
      Value__c: aws.sourced.value,
      Sample_Size__c: aws.sourced.count,
      Computed_At__c: now.toISOString(),
    });
    expect(aws.sourced.value).toBeGreaterThan(0);
    expect(row('AWS|FY2026Q3|Win Rate|Co-sold')).toMatchObject({
      Value__c: aws.conversion.coSold.winRate,
      Sample_Size__c: aws.conversion.coSold.closed,
    });
    expect(row('AWS|FY2026Q3|Win Rate|Direct only')).toMatchObject({
      Value__c: aws.conversion.directOnly.winRate,
      Sample_Size__c: aws.conversion.directOnly.closed,
    });
    // Microsoft's fiscal year starts in July, so the same September deal sits in its FY2027Q1.
    const microsoft = row('Microsoft|FY2027Q1|Acceptance Rate|All');
    expect(microsoft).toMatchObject({ Value__c: 1, Sample_Size__c: 1 });
    // The all-cloud totals are filed under cloud All: the last eight calendar quarters, the one with deals among them.
    expect(report.totals).toHaveLength(1);
    expect(
      records.filter(
        (record) => record.Cloud__c === 'All' && record.Metric__c !== 'Maturity Marker',
      ).length,
    ).toBe(8 * 16);
    expect(row('AWS|FY2026Q3|Pipeline Value|Sourced')).toMatchObject({
      Period_Start__c: '2026-07-01',
      Period_End__c: '2026-09-30',
    });
    expect(row('Microsoft|FY2027Q1|Acceptance Rate|All')).toMatchObject({
      Period_Start__c: '2026-07-01',
      Period_End__c: '2026-09-30',
    });
    // A quarter of the series with no deals is written as zeros (a count of none is news), not left out.
    expect(row('Google|FY2025Q1|Pipeline Count|Sourced')).toMatchObject({
      Value__c: 0,
      Period_Start__c: '2025-01-01',
      Period_End__c: '2025-03-31',
    });
    expect(row('Google|FY2025Q1|Acceptance Rate|All')).toMatchObject({
      Value__c: null,
      Sample_Size__c: 0,
    });
    expect(row('Google|FY2024Q4|Pipeline Count|Sourced')).toBeUndefined();
    // One row per key: an upsert never writes two rows to the same record.
    expect(new Set(records.map((record) => record.Metric_Key__c)).size).toBe(records.length);
    expect(
      records.every((record) => (METRIC_NAMES as readonly unknown[]).includes(record.Metric__c)),
    ).toBe(true);
  });

  it('writes every maturity marker with its stage, whether it is met, figure, target, source and note', () => {
    const { maturity, records } = summary();
    const markers = records.filter((record) => record.Metric__c === 'Maturity Marker');
    expect(markers).toHaveLength(
      maturity.evidence.reduce((count, stage) => count + stage.markers.length, 0),
    );
    expect(calendarQuarterLabel(now)).toBe('FY2026Q4');
    const pdm = markers.find(
      (record) => record.Metric_Key__c === maturityMarkerKey('FY2026Q4', 1, 1),
    )!;
    expect(pdm).toMatchObject({
      Cloud__c: 'All',
      Segment__c: 'All',
      Fiscal_Period__c: 'FY2026Q4',
      Stage_Level__c: 1,
      Stage__c: 'Foundation (month 1)',
      Stage_Reached__c: true,
      Marker__c: 'first PDM relationship named',
      Met__c: true,
      Value__c: 1,
      Target__c: 1,
      Unit__c: 'Yes/No',
      Source__c: 'named counterparts (Partner Program layer)',
      Note__c: null,
    });
    // Unrecorded facts stay empty rather than reading as "no".
    const listing = markers.find((record) => record.Marker__c === 'marketplace listing live')!;
    expect(listing).toMatchObject({
      Stage_Level__c: 2,
      Value__c: null,
      Met__c: false,
      Stage_Reached__c: false,
    });
    const cadence = markers.find(
      (record) => record.Marker__c === 'marketplace transactions per quarter',
    )!;
    expect(cadence).toMatchObject({ Stage_Level__c: 4, Target__c: 5, Unit__c: 'Number' });
    expect(markers.find((record) => record.Marker__c === 'portal acceptance rate')).toMatchObject({
      Target__c: 0.5,
      Unit__c: 'Share',
    });
    expect(
      markers.find((record) => record.Marker__c === 'hyperscaler-led deals per partner-led deal'),
    ).toMatchObject({ Target__c: 1, Unit__c: 'Number' });
    expect(String(cadence.Note__c)).toMatch(/tenancy archetype unknown/);
  });

  it('leaves the maturity rows out when no assessment is given, and refuses a malformed period', () => {
    const { report } = summary();
    expect(
      metricSummaryRecords(report, null, now).some(
        (record) => record.Metric__c === 'Maturity Marker',
      ),
    ).toBe(false);
    expect(() => maturityMarkerKey('2026-Q4', 1, 1)).toThrow(/Fiscal_Period__c/);
    expect(() => maturityMarkerKey('FY2026Q4', 0, 1)).toThrow(/Stage_Level__c/);
  });
});
