// The readiness evidence per cloud the readiness API scores: saved from the org's CoSell_Readiness__c
// records by the gateway, read back as the validated evidence object.
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import type { ReadinessEvidence } from '../core/readiness/index.js';
import { decodeJson } from './json-column.js';
import type { Database } from './schema.js';

export async function saveReadinessEvidence(
  db: Kysely<Database>,
  evidence: ReadinessEvidence,
  salesforceId: string | null,
  now: Date,
): Promise<void> {
  const data = JSON.stringify(evidence);
  await db
    .insertInto('readiness_evidence')
    .values({ cloud: evidence.cloud, data, salesforce_id: salesforceId, updated_at: now })
    .onConflict((oc) =>
      oc.column('cloud').doUpdateSet({ data, salesforce_id: salesforceId, updated_at: now }),
    )
    .execute();
}

/** The stored evidence for a cloud as recorded (validated again by the checklist), or null. */
export async function readReadinessEvidence(
  db: Kysely<Database>,
  cloud: Cloud,
): Promise<unknown | null> {
  const row = await db
    .selectFrom('readiness_evidence')
    .select('data')
    .where('cloud', '=', cloud)
    .executeTakeFirst();
  if (!row) return null;
  return decodeJson(row.data);
}
