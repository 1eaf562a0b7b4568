// Upserts records into the `--target-org` org by an external id, in sObject Collections calls of at
// most 200 with allOrNone=false, and reports each refused record by its key (the rest are written).
import type { Connection } from '@salesforce/core';

/** Salesforce's cap on records in one sObject Collections request. */
export const ORG_COLLECTION_LIMIT = 200;

export interface OrgUpsertResult {
  created: number;
  updated: number;
  failed: Array<{
    key: string;
    errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  }>;
}

interface CollectionItem {
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }>;
}

export async function upsertToOrg(
  connection: Connection,
  object: string,
  externalIdField: string,
  records: ReadonlyArray<Record<string, unknown>>,
): Promise<OrgUpsertResult> {
  const outcome: OrgUpsertResult = { created: 0, updated: 0, failed: [] };
  for (let start = 0; start < records.length; start += ORG_COLLECTION_LIMIT) {
    const part = records.slice(start, start + ORG_COLLECTION_LIMIT);
    const items = await connection.request<CollectionItem[]>({
      method: 'PATCH',
      url: `/services/data/v${connection.getApiVersion()}/composite/sobjects/${object}/${externalIdField}`,
      body: JSON.stringify({
        allOrNone: false,
        records: part.map((record) => ({ attributes: { type: object }, ...record })),
      }),
      headers: { 'content-type': 'application/json' },
    });
    part.forEach((record, index) => {
      const item = items[index];
      if (item?.success) {
        if (item.created) outcome.created += 1;
        else outcome.updated += 1;
        return;
      }
      const errors = (
        item?.errors ?? [
          {
            statusCode: 'MISSING_RESULT',
            message: 'Salesforce returned no result for this record',
          },
        ]
      ).map((error) => ({
        statusCode: error.statusCode ?? 'UNKNOWN_EXCEPTION',
        message: error.message ?? 'no message',
        fields: error.fields ?? [],
      }));
      outcome.failed.push({ key: String(record[externalIdField]), errors });
    });
  }
  return outcome;
}
