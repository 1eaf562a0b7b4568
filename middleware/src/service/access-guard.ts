// Record-level checks for the routes: a caller acts on an opportunity or referral only where the
// Salesforce user behind the token may, and a refusal says why and who could do it instead.
import type { CoSellOpportunity } from '../core/model.js';
import type { ReferralRecord } from '../store/referrals.js';
import type { Principal } from './auth.js';
import type { ServiceDeps } from './deps.js';
import { HttpProblem, PROBLEM_TYPES } from './problem.js';
import type { Access, RecordRef } from './record-access.js';

export function opportunityRef(opportunity: Pick<CoSellOpportunity, 'id' | 'ownerId'>): RecordRef {
  return {
    key: opportunity.id,
    object: 'Opportunity',
    salesforceId: opportunity.id,
    ownerId: opportunity.ownerId,
  };
}

export function referralRef(row: Pick<ReferralRecord, 'id' | 'salesforce_id' | 'data'>): RecordRef {
  const { data } = row;
  return {
    key: String(row.id),
    object: 'CoSell_Referral__c',
    salesforceId: row.salesforce_id,
    ownerId: typeof data.ownerId === 'string' ? data.ownerId : null,
  };
}

const NOUN: Record<RecordRef['object'], string> = {
  Opportunity: 'opportunity',
  CoSell_Referral__c: 'referral',
};

function who(principal: Principal): string {
  return principal.userId
    ? `Salesforce user ${principal.userId}`
    : `"${principal.subject}" (no Salesforce user)`;
}

/** Throws 403 unless the caller has `need` on the record; `action` is what they tried, in plain words. */
export async function requireAccess(
  deps: ServiceDeps,
  principal: Principal,
  record: RecordRef,
  need: keyof Access,
  action: string,
): Promise<void> {
  const access = (await deps.recordAccess.check(principal, [record])).get(record.key);
  if (access?.[need]) return;
  const noun = NOUN[record.object];
  const right = need === 'edit' ? 'edit' : 'see';
  const instead =
    record.object === 'CoSell_Referral__c'
      ? 'its owner, alliance-ops or admin can'
      : 'its owner, a user it is shared with for editing, or admin can';
  throw new HttpProblem(
    403,
    PROBLEM_TYPES.forbidden,
    `${who(principal)} may not ${right} ${noun} ${record.salesforceId ?? record.key} in Salesforce, so cannot ${action}; ${instead}`,
  );
}

/** The records of `records` the caller may read, in their order. */
export async function readable<T>(
  deps: ServiceDeps,
  principal: Principal,
  records: readonly T[],
  ref: (record: T) => RecordRef,
): Promise<T[]> {
  const refs = records.map(ref);
  const access = await deps.recordAccess.check(principal, refs);
  return records.filter((_record, index) => access.get(refs[index]!.key)?.read === true);
}
