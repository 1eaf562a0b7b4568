// The joint pursuit list as CoSell_Joint_Pursuit__c records, keyed by Pursuit_Key__c, so the CLI and
// the service upsert the same rows and the Salesforce report reads one row per cloud and account.
import { JOINT_PURSUIT_FIELDS } from '../salesforce-fields.js';
import { jointPursuitKey } from '../salesforce-keys.js';
import { normaliseCompanyName } from './normalise.js';
import type { AccountMappingResult, JointPursuit } from './pursuit.js';

export type JointPursuitRecord = Record<string, string | number | boolean | null>;

// Salesforce's limits on the text fields (Name 80, Next Step 1,000, the rest 255): a long value is
// shortened visibly rather than refused.
function fit(value: string | null, length: number): string | null {
  if (value === null) return null;
  return value.length <= length ? value : `${value.slice(0, length - 1)}…`;
}

export function jointPursuitRecord(pursuit: JointPursuit, ranOn: string): JointPursuitRecord {
  const F = JOINT_PURSUIT_FIELDS;
  return {
    [F.key]: jointPursuitKey(pursuit.cloud, {
      accountId: pursuit.accountId,
      domain: pursuit.domain,
      nameKey: normaliseCompanyName(pursuit.accountName),
    }),
    [F.accountName]: fit(pursuit.accountName, 80),
    [F.accountId]: pursuit.accountId,
    [F.cloud]: pursuit.cloud,
    [F.relationship]: pursuit.relationship,
    [F.onTargetList]: pursuit.onTargetList,
    [F.domain]: fit(pursuit.domain, 255),
    [F.hyperscalerOwner]: fit(pursuit.hyperscalerOwner, 255),
    [F.hyperscalerOwnerEmail]: fit(pursuit.hyperscalerOwnerEmail, 255),
    [F.isvOwner]: fit(pursuit.isvOwner, 255),
    [F.confidence]: pursuit.confidence,
    [F.nextStep]: fit(pursuit.nextStep, 1000),
    [F.runDate]: ranOn,
  };
}

/** Every pursuit of a run, one record per key (a later duplicate of a key would overwrite the first in the org). */
export function jointPursuitRecords(
  result: Pick<AccountMappingResult, 'pursuits' | 'ranOn'>,
): JointPursuitRecord[] {
  const byKey = new Map<string, JointPursuitRecord>();
  for (const pursuit of result.pursuits) {
    const record = jointPursuitRecord(pursuit, result.ranOn);
    const key = String(record[JOINT_PURSUIT_FIELDS.key]);
    if (!byKey.has(key)) byKey.set(key, record);
  }
  return [...byKey.values()];
}
