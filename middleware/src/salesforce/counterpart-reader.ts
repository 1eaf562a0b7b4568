// The query and record parser for the named hyperscaler counterparts (CoSell_Counterpart__c): the
// CLI reads one cloud's (org-reads/counterparts.ts) for the readiness checklist's PDM-rhythm item;
// the service's gateway reads them all (gateway/counterparts.ts).
import { Counterpart, type Cloud } from '../core/model.js';
import { COUNTERPART_FIELDS, COUNTERPART_OBJECT } from '../core/salesforce-fields.js';
import { soqlString } from './soql.js';

export interface OrgCounterparts {
  counterparts: Counterpart[];
  /** Records the model refuses (a malformed email, an unknown layer), by Id with the reason. */
  skipped: Array<{ id: string | null; reason: string }>;
}

/** One cloud's counterparts, or every cloud's when none is named. */
export function counterpartSoql(cloud?: Cloud): string {
  const where = cloud ? ` WHERE ${COUNTERPART_FIELDS.cloud} = ${soqlString(cloud)}` : '';
  return `SELECT ${Object.values(COUNTERPART_FIELDS).join(', ')} FROM ${COUNTERPART_OBJECT}${where} ORDER BY Id`;
}

/** Salesforce writes `+0000`; the model wants an ISO offset with a colon. */
function isoInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

/** Adds one queried record to the result: parsed, or skipped with the Salesforce field at fault. */
export function addCounterpartRecord(
  result: OrgCounterparts,
  record: Record<string, unknown>,
): void {
  const input = Object.fromEntries(
    Object.entries(COUNTERPART_FIELDS).map(([path, column]) => [
      path,
      path === 'lastContactAt' ? isoInstant(record[column]) : (record[column] ?? null),
    ]),
  );
  if (input.id === null) delete input.id;
  const parsed = Counterpart.safeParse(input);
  if (parsed.success) result.counterparts.push(parsed.data);
  else {
    const issue = parsed.error.issues[0];
    const path = String(issue?.path[0] ?? '');
    const column = (COUNTERPART_FIELDS as Record<string, string>)[path] ?? path;
    result.skipped.push({
      id: typeof record.Id === 'string' ? record.Id : null,
      reason: `${column}: ${issue?.message ?? 'invalid'}`,
    });
  }
}
