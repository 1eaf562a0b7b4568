// The audit log: one row per change the engine, Salesforce or a portal made, written in the same
// transaction as the change itself.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface AuditRecord {
  side: 'salesforce' | 'aws' | 'microsoft' | 'google' | 'engine';
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  jobId?: string | null;
}

export async function audit(
  trx: Transaction<Database> | Kysely<Database>,
  record: AuditRecord,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      side: record.side,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      job_id: record.jobId ?? null,
    })
    .execute();
}
