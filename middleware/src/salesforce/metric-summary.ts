// Writes the CoSell_Metric__c summary into the org: upserts on Metric_Key__c in 200-record
// collections, so each tick updates the same rows in place and one refused row never blocks the rest.
import { METRIC_KEY_FIELD, METRIC_OBJECT } from '../core/salesforce-fields.js';
import type { MetricSummaryRecord } from '../core/attribution/metric-summary.js';
import type { SalesforceApi } from './api.js';
import { CollectionsWriter, type SalesforceRecordError } from './collections.js';

export interface MetricSummaryWriteResult {
  created: number;
  updated: number;
  /** Rows the org refused, by key, with its reasons (the other rows are written). */
  failed: Array<{ key: string; errors: SalesforceRecordError[] }>;
}

export class MetricSummaryWriter {
  private readonly writer: CollectionsWriter;

  constructor(api: SalesforceApi) {
    this.writer = new CollectionsWriter(api);
  }

  async write(records: readonly MetricSummaryRecord[]): Promise<MetricSummaryWriteResult> {
    const results = await this.writer.write({ object: METRIC_OBJECT, externalIdField: METRIC_KEY_FIELD }, records);
    const outcome: MetricSummaryWriteResult = { created: 0, updated: 0, failed: [] };
    results.forEach((result, index) => {
      if (result.ok) {
        if (result.created) outcome.created += 1;
        else outcome.updated += 1;
      } else {
        outcome.failed.push({ key: String(records[index]![METRIC_KEY_FIELD]), errors: result.errors });
      }
    });
    return outcome;
  }
}
