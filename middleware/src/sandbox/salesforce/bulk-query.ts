// Bulk API 2.0 query jobs: the query runs when the job is created (it completes at once), and the
// results are served as CSV pages with the Sforce-Locator and Sforce-NumberOfRecords headers.
import { randomBytes } from 'node:crypto';
import { stringifyCsv } from './csv.js';
import { SoqlError } from './soql.js';

export interface QueryJob {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  createdById: string;
  createdDate: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/** Flattens a REST query row (`Account: {Name}`) into CSV columns (`Account.Name`). */
function flatten(
  row: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (key === 'attributes') continue;
    if (value && typeof value === 'object' && 'attributes' in value)
      flatten(value as Record<string, unknown>, `${prefix}${key}.`, out);
    else if (value && typeof value === 'object')
      throw new SoqlError(
        'FeatureNotEnabled',
        'Bulk API 2.0 query does not support sub-queries of child records',
      );
    else out[`${prefix}${key}`] = value ?? null;
  }
  return out;
}

export class BulkQueryJobs {
  readonly jobs = new Map<string, QueryJob>();

  create(
    operation: QueryJob['operation'],
    object: string,
    rows: Array<Record<string, unknown>>,
    createdById: string,
    createdDate: string,
    selected: string[],
  ): QueryJob {
    const id = `750${randomBytes(6).toString('hex').toUpperCase()}AAA`.slice(0, 18);
    const flat = rows.map((row) => flatten(row));
    const job: QueryJob = {
      id,
      operation,
      object,
      createdById,
      createdDate,
      columns: flat[0] ? Object.keys(flat[0]) : selected,
      rows: flat,
    };
    this.jobs.set(id, job);
    return job;
  }

  info(job: QueryJob, apiVersion: string): Record<string, unknown> {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      createdById: job.createdById,
      createdDate: job.createdDate,
      systemModstamp: job.createdDate,
      state: 'JobComplete',
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(apiVersion),
      jobType: 'V2Query',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: job.rows.length,
      retries: 0,
      totalProcessingTime: 0,
    };
  }

  /** One page of results from `locator` (an offset); the next locator is 'null' on the last page. */
  page(
    job: QueryJob,
    locator: string | null,
    maxRecords: number,
  ): { csv: string; next: string; count: number } {
    const start = locator ? Number.parseInt(locator, 36) : 0;
    const rows = job.rows.slice(start, start + maxRecords);
    const end = start + rows.length;
    return {
      csv: stringifyCsv(job.columns, rows),
      next: end < job.rows.length ? end.toString(36) : 'null',
      count: rows.length,
    };
  }
}
