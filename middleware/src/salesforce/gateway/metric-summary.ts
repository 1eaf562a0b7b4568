// Writes the CoSell_Metric__c summary into the org: upserts on Metric_Key__c in 200-record
// collections, so each tick updates the same rows in place and one refused row never blocks the rest.
import { METRIC_OBJECT } from '../../core/salesforce-fields.js';
import { METRIC_KEY_FIELD } from '../../core/salesforce-keys.js';
import type { MetricSummaryRecord } from '../../core/attribution/metric-summary.js';
import type { SalesforceApi } from './api.js';
import { upsertByExternalId, type KeyedUpsertResult } from './keyed-upsert.js';

export type MetricSummaryWriteResult = KeyedUpsertResult;

export class MetricSummaryWriter {
  constructor(private readonly api: SalesforceApi) {}

  write(records: readonly MetricSummaryRecord[]): Promise<MetricSummaryWriteResult> {
    return upsertByExternalId(this.api, METRIC_OBJECT, METRIC_KEY_FIELD, records);
  }
}
