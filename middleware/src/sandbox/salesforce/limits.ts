// The `/limits` counters the local org can truly count, each with the allocation Salesforce
// documents for it: API requests (every counted call), Bulk API 2.0 query jobs (one per job
// created) and Bulk API batches (a Bulk API 2.0 ingest job counts one per 10,000 records it
// processes, at least one). The counters run from the org's start; a real org's window rolls over
// 24 hours.

/** Salesforce's maxima for the counters besides DailyApiRequests (whose maximum the org is given). */
export const BULK_LIMITS = { DailyBulkV2QueryJobs: 10_000, DailyBulkApiBatches: 15_000 } as const;

/** Records of a Bulk API 2.0 ingest job that count as one batch. */
export const RECORDS_PER_BULK_BATCH = 10_000;

export class OrgLimitCounters {
  private bulkQueryJobs = 0;
  private bulkBatches = 0;

  /** A Bulk API 2.0 query job was created. */
  queryJobCreated(): void {
    this.bulkQueryJobs++;
  }

  /** A Bulk API 2.0 ingest job processed `records` rows. */
  ingestJobProcessed(records: number): void {
    this.bulkBatches += Math.max(1, Math.ceil(records / RECORDS_PER_BULK_BATCH));
  }

  /** The `/limits` body: each counter's maximum and what remains of it. */
  report(api: { used: number; max: number }): Record<string, { Max: number; Remaining: number }> {
    const entry = (max: number, used: number) => ({ Max: max, Remaining: Math.max(0, max - used) });
    return {
      DailyApiRequests: entry(api.max, api.used),
      DailyBulkApiBatches: entry(BULK_LIMITS.DailyBulkApiBatches, this.bulkBatches),
      DailyBulkV2QueryJobs: entry(BULK_LIMITS.DailyBulkV2QueryJobs, this.bulkQueryJobs),
    };
  }
}
