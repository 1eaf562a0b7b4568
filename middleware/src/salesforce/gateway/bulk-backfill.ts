// Large one-off writes (a first sync of an org's history, recomputing attribution for every deal)
// go through Bulk API 2.0: a few calls per job instead of one per 200 records, processed by
// Salesforce asynchronously. Everyday writes stay on sObject Collections.
import type { Connection } from 'jsforce';
import type { RecordWriteResult, SObjectRecord } from './collections.js';

/** From this many records a write goes through Bulk API 2.0 ("a few thousand"; Salesforce's own guide says above 2,000). */
export const DEFAULT_BULK_THRESHOLD = 5_000;

export interface BulkWriteOptions {
  object: string;
  /** Upsert on this external id; absent = update by Id. */
  externalIdField?: string;
  /** Bulk jobs can take minutes in a busy org: jsforce's 30-second default is far too short. */
  pollTimeoutMs?: number;
  pollIntervalMs?: number;
}

type BulkRow = Record<string, unknown>;

/** Values as Bulk CSV wants them: `#N/A` clears a field; an empty cell would leave it unchanged. */
function toBulkRow(record: SObjectRecord): BulkRow {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, value === null ? '#N/A' : value]),
  );
}

/**
 * Runs one ingest job and returns a result per input record, in input order (matched by the key
 * field, since Bulk results come back unordered). Records Salesforce never processed are failures.
 */
export async function bulkWrite(
  connection: Connection,
  records: readonly SObjectRecord[],
  options: BulkWriteOptions,
): Promise<RecordWriteResult[]> {
  const keyField = options.externalIdField ?? 'Id';
  const results = await connection.bulk2.loadAndWaitForResults({
    object: options.object,
    operation: options.externalIdField ? 'upsert' : 'update',
    ...(options.externalIdField ? { externalIdFieldName: options.externalIdField } : {}),
    input: records.map(toBulkRow) as never,
    pollTimeout: options.pollTimeoutMs ?? 30 * 60_000,
    pollInterval: options.pollIntervalMs ?? 5_000,
  });
  const byKey = new Map<string, RecordWriteResult>();
  for (const row of results.successfulResults as unknown as BulkRow[]) {
    byKey.set(String(row[keyField]), {
      ok: true,
      id: String(row.sf__Id),
      created: String(row.sf__Created) === 'true',
    });
  }
  for (const row of results.failedResults as unknown as BulkRow[]) {
    const message = String(row.sf__Error ?? 'failed');
    const [statusCode, ...rest] = message.split(':');
    const fields =
      /fields?:\s*\[([^\]]*)\]/i
        .exec(message)?.[1]
        ?.split(',')
        .map((field) => field.trim())
        .filter(Boolean) ?? [];
    byKey.set(String(row[keyField]), {
      ok: false,
      errors: [
        { statusCode: statusCode!.trim(), message: rest.join(':').trim() || message, fields },
      ],
    });
  }
  return records.map(
    (record) =>
      byKey.get(String(record[keyField])) ?? {
        ok: false,
        errors: [
          {
            statusCode: 'UNPROCESSED',
            message: 'Salesforce did not process this record in the bulk job',
            fields: [],
          },
        ],
      },
  );
}
