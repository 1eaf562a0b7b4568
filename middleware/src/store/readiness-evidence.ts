// The readiness evidence per cloud the readiness API scores: saved from the org's CoSell_Readiness__c
// records by the gateway, read back as the validated evidence object.
import type { Kysely } from 'kysely';
import type { Cloud } from '../core/model.js';
import type { ReadinessEvidence } from '../core/readiness/index.js';
import { readDocument, upsertRow } from './rows.js';
import type { Database } from './schema.js';

export async function saveReadinessEvidence(
  db: Kysely<Database>,
  evidence: ReadinessEvidence,
  salesforceId: string | null,
  now: Date,
): Promise<void> {
  await upsertRow(db, 'readiness_evidence', 'cloud', {
    cloud: evidence.cloud,
    data: JSON.stringify(evidence),
    salesforce_id: salesforceId,
    updated_at: now,
  });
}

/** The stored evidence for a cloud as recorded (validated again by the checklist), or null. */
export async function readReadinessEvidence(
  db: Kysely<Database>,
  cloud: Cloud,
): Promise<unknown | null> {
  return readDocument(db, 'readiness_evidence', { cloud });
}
