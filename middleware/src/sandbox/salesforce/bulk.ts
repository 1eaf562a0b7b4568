// Bulk API 2.0 ingest jobs for the test server: create, upload CSV, mark UploadComplete (processed at
// once), job info, and the successful/failed/unprocessed result CSVs jsforce downloads.
import { randomBytes } from 'node:crypto';
import { parseCsv, stringifyCsv } from './csv.js';

export interface IngestJob {
  id: string;
  object: string;
  operation: 'insert' | 'update' | 'upsert';
  externalIdFieldName?: string;
  state: 'Open' | 'UploadComplete' | 'JobComplete' | 'Aborted' | 'Failed';
  csv: string;
  columns: string[];
  successful: Array<Record<string, unknown>>;
  failed: Array<Record<string, unknown>>;
}

export type BulkRowWriter = (
  job: IngestJob,
  row: Record<string, unknown>,
) => { id: string; created: boolean } | { error: string };

export class BulkJobs {
  readonly jobs = new Map<string, IngestJob>();

  create(body: {
    object: string;
    operation: IngestJob['operation'];
    externalIdFieldName?: string;
  }): IngestJob {
    const id = `750${randomBytes(6).toString('hex').toUpperCase()}AAA`.slice(0, 18);
    const job: IngestJob = {
      id,
      object: body.object,
      operation: body.operation,
      state: 'Open',
      csv: '',
      columns: [],
      successful: [],
      failed: [],
      ...(body.externalIdFieldName ? { externalIdFieldName: body.externalIdFieldName } : {}),
    };
    this.jobs.set(id, job);
    return job;
  }

  /** Runs the uploaded rows through the org: `#N/A` clears a field, an empty cell leaves it alone. */
  complete(job: IngestJob, write: BulkRowWriter): void {
    const rows = parseCsv(job.csv);
    job.columns = rows[0] ? Object.keys(rows[0]) : [];
    for (const row of rows) {
      const fields = Object.fromEntries(
        Object.entries(row).flatMap(([key, value]) =>
          value === '' ? [] : [[key, value === '#N/A' ? null : value]],
        ),
      );
      const outcome = write(job, fields);
      if ('error' in outcome) job.failed.push({ sf__Id: '', sf__Error: outcome.error, ...row });
      else
        job.successful.push({ sf__Id: outcome.id, sf__Created: String(outcome.created), ...row });
    }
    job.state = 'JobComplete';
  }

  info(job: IngestJob): Record<string, unknown> {
    return {
      id: job.id,
      operation: job.operation,
      object: job.object,
      state: job.state,
      externalIdFieldName: job.externalIdFieldName ?? null,
      contentType: 'CSV',
      apiVersion: 63.0,
      numberRecordsProcessed: job.successful.length + job.failed.length,
      numberRecordsFailed: job.failed.length,
    };
  }

  results(
    job: IngestJob,
    kind: 'successfulResults' | 'failedResults' | 'unprocessedrecords',
  ): string {
    if (kind === 'successfulResults')
      return stringifyCsv(['sf__Id', 'sf__Created', ...job.columns], job.successful);
    if (kind === 'failedResults')
      return stringifyCsv(['sf__Id', 'sf__Error', ...job.columns], job.failed);
    return stringifyCsv(job.columns, []);
  }
}
