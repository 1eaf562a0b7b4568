// The CoSell_Metric__c writer against the local Salesforce server: upserts on Metric_Key__c in
// 200-record collections, updates rows in place on the next run, and reports the rows the org refuses
// without losing the others.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { METRIC_NAMES } from '../../../middleware/src/core/salesforce-fields.js';
import { metricKey } from '../../../middleware/src/core/salesforce-keys.js';
import type { MetricSummaryRecord } from '../../../middleware/src/core/attribution/metric-summary.js';
import {
  openSalesforceSession,
  SalesforceApi,
} from '../../../middleware/src/salesforce/gateway/index.js';
import { MetricSummaryWriter } from '../../../middleware/src/salesforce/gateway/metric-summary.js';
import {
  startSalesforceFixture,
  type SalesforceFixture,
} from '../../support/salesforce-server/index.js';

/** 450 figures: every metric on AWS across 45 quarters (more than two collections' worth). */
function figures(value: (index: number) => number): MetricSummaryRecord[] {
  const records: MetricSummaryRecord[] = [];
  for (let year = 2016; records.length < 450; year++) {
    for (let quarter = 1; quarter <= 4 && records.length < 450; quarter++) {
      for (const metric of METRIC_NAMES.slice(0, 10)) {
        if (records.length >= 450) break;
        const period = `FY${year}Q${quarter}`;
        records.push({
          Metric_Key__c: metricKey('AWS', period, metric, 'All'),
          Cloud__c: 'AWS',
          Fiscal_Period__c: period,
          Metric__c: metric,
          Segment__c: 'All',
          Value__c: value(records.length),
          Sample_Size__c: null,
          Computed_At__c: '2026-11-26T08:00:00.000Z',
        });
      }
    }
  }
  return records;
}

describe('MetricSummaryWriter', () => {
  let fixture: SalesforceFixture;
  let writer: MetricSummaryWriter;

  beforeAll(async () => {
    fixture = await startSalesforceFixture();
    const session = await openSalesforceSession(fixture.config);
    writer = new MetricSummaryWriter(new SalesforceApi(session.connection));
  });
  afterAll(async () => fixture.stop());
  beforeEach(() => {
    fixture.server.org.table('CoSell_Metric__c').clear();
    fixture.server.resetCounts();
  });

  it('creates every row in collections of 200, then updates the same rows in place', async () => {
    const first = await writer.write(figures((index) => index));
    expect(first).toEqual({ created: 450, updated: 0, failed: [] });
    expect(fixture.server.calls.composite).toBe(3);
    expect(fixture.server.org.all('CoSell_Metric__c')).toHaveLength(450);

    fixture.server.resetCounts();
    const second = await writer.write(figures((index) => index * 2));
    expect(second).toEqual({ created: 0, updated: 450, failed: [] });
    expect(fixture.server.calls.composite).toBe(3);
    const rows = fixture.server.org.all('CoSell_Metric__c');
    expect(rows).toHaveLength(450);
    const winRate = fixture.server.org.findByField(
      'CoSell_Metric__c',
      'Metric_Key__c',
      metricKey('AWS', 'FY2016Q1', 'Win Rate', 'All'),
    );
    expect(winRate?.Value__c).toBe(6);
  });

  it('names the rows the org refuses and writes the rest', async () => {
    const refused = metricKey('AWS', 'FY2016Q2', 'Pipeline Value', 'All');
    fixture.server.org.addValidationRule((object, record) =>
      object === 'CoSell_Metric__c' && record.Metric_Key__c === refused
        ? {
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'Value out of range',
            fields: ['Value__c'],
          }
        : null,
    );
    const result = await writer.write(figures(() => 1));
    expect(result.created).toBe(449);
    expect(result.failed).toEqual([
      {
        key: refused,
        errors: [
          {
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'Value out of range',
            fields: ['Value__c'],
          },
        ],
      },
    ]);
    expect(
      fixture.server.org.findByField('CoSell_Metric__c', 'Metric_Key__c', refused),
    ).toBeUndefined();
  });
});
