// Upserts records on an external id field in 200-record collections and sums up what the org did:
// created and updated counts, and each refused record by its key with the org's reasons.
import type { SalesforceApi } from './api.js';
import { CollectionsWriter, type SalesforceRecordError } from './collections.js';

export interface KeyedUpsertResult {
  created: number;
  updated: number;
  failed: Array<{ key: string; errors: SalesforceRecordError[] }>;
}

export async function upsertByExternalId(
  api: SalesforceApi,
  object: string,
  externalIdField: string,
  records: ReadonlyArray<Record<string, unknown>>,
): Promise<KeyedUpsertResult> {
  const results = await new CollectionsWriter(api).write({ object, externalIdField }, records);
  const outcome: KeyedUpsertResult = { created: 0, updated: 0, failed: [] };
  results.forEach((result, index) => {
    if (result.ok) {
      if (result.created) outcome.created += 1;
      else outcome.updated += 1;
    } else {
      outcome.failed.push({ key: String(records[index]![externalIdField]), errors: result.errors });
    }
  });
  return outcome;
}
