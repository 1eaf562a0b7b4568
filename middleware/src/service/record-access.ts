// Whether a caller may read or change a record: what the Salesforce user behind the token may do
// in the org (UserRecordAccess), or, with no org connected, the same decision made from the
// mirror's owner and the sharing the package declares. The admin persona (the operator) sees all.
import type { Principal } from './auth.js';

export interface Access {
  read: boolean;
  edit: boolean;
}

export const NO_ACCESS: Access = { read: false, edit: false };
const FULL_ACCESS: Access = { read: true, edit: true };

/** The Salesforce objects the API acts on, with what the service knows of each record. */
export type AccessObject = 'Opportunity' | 'CoSell_Referral__c';

export interface RecordRef {
  /** How the caller of `check` finds the answer again: the opportunity Id or the referral row id. */
  key: string;
  object: AccessObject;
  /** The record's Salesforce Id; null while a referral has not been written to Salesforce yet. */
  salesforceId: string | null;
  /** The owning User or Queue Id as mirrored; null when nobody owns it yet. */
  ownerId: string | null;
}

export interface RecordAccessChecker {
  /** Access per record key; a record missing from the answer is one the caller may not touch. */
  check(principal: Principal, records: readonly RecordRef[]): Promise<Map<string, Access>>;
}

/**
 * Organisation-wide defaults: `CoSell_Referral__c` declares Read (force-app); Opportunity is a
 * standard object the package does not set, and the local org takes Public Read Only for it.
 */
export const SHARING_MODEL: Record<AccessObject, 'Private' | 'Read' | 'ReadWrite'> = {
  Opportunity: 'Read',
  CoSell_Referral__c: 'Read',
};

/**
 * The local decision: the owner reads and edits; alliance ops work the whole referral inbox (in an
 * org, their role or Modify All gives them that); everyone else gets what the object's sharing model gives.
 */
export function ownershipAccess(principal: Principal, record: RecordRef): Access {
  if (principal.persona === 'admin') return FULL_ACCESS;
  if (principal.userId === null) return NO_ACCESS;
  if (record.ownerId !== null && record.ownerId === principal.userId) return FULL_ACCESS;
  if (record.object === 'CoSell_Referral__c' && principal.persona === 'alliance-ops')
    return FULL_ACCESS;
  const model = SHARING_MODEL[record.object];
  return { read: model !== 'Private', edit: model === 'ReadWrite' };
}

/** With no org connected: every decision from the mirror. */
export function mirrorRecordAccess(): RecordAccessChecker {
  return {
    async check(principal, records) {
      return new Map(records.map((record) => [record.key, ownershipAccess(principal, record)]));
    },
  };
}

export interface UserRecordAccessRow {
  RecordId: string;
  HasReadAccess: boolean;
  HasEditAccess: boolean;
}

/** UserRecordAccess takes at most 200 record Ids per query. */
export const USER_RECORD_ACCESS_BATCH = 200;

function quote(id: string): string {
  // Ids are checked as alphanumeric before they get here; the escape is a second line of defence.
  return `'${id.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

export function userRecordAccessQuery(userId: string, recordIds: readonly string[]): string {
  return `SELECT RecordId, HasReadAccess, HasEditAccess FROM UserRecordAccess WHERE UserId = ${quote(userId)} AND RecordId IN (${recordIds.map(quote).join(', ')})`;
}

/** Salesforce matches the first 15 characters of an Id; 18-character answers are compared the same way. */
function idKey(id: string): string {
  return id.slice(0, 15);
}

/**
 * Asks the org, in batches of 200, and remembers each answer briefly (sharing changes are rare and
 * a stale grant lasts at most `ttlMs`). Records not yet in Salesforce get the local decision.
 */
export function orgRecordAccess(options: {
  query: (soql: string) => Promise<UserRecordAccessRow[]>;
  clock: () => Date;
  ttlMs?: number;
}): RecordAccessChecker {
  const ttlMs = options.ttlMs ?? 30_000;
  const cache = new Map<string, { access: Access; until: number }>();
  return {
    async check(principal, records) {
      const answers = new Map<string, Access>();
      const now = options.clock().getTime();
      const ask: RecordRef[] = [];
      for (const record of records) {
        if (
          principal.persona === 'admin' ||
          principal.userId === null ||
          record.salesforceId === null
        ) {
          answers.set(record.key, ownershipAccess(principal, record));
          continue;
        }
        const cached = cache.get(`${principal.userId}:${idKey(record.salesforceId)}`);
        if (cached && cached.until > now) answers.set(record.key, cached.access);
        else ask.push(record);
      }
      if (ask.length > 0) {
        const userId = principal.userId!;
        const ids = [...new Set(ask.map((record) => record.salesforceId!))];
        const found = new Map<string, Access>();
        for (let start = 0; start < ids.length; start += USER_RECORD_ACCESS_BATCH) {
          const rows = await options.query(
            userRecordAccessQuery(userId, ids.slice(start, start + USER_RECORD_ACCESS_BATCH)),
          );
          for (const row of rows)
            found.set(idKey(row.RecordId), {
              read: row.HasReadAccess === true,
              edit: row.HasEditAccess === true,
            });
        }
        if (cache.size > 10_000) cache.clear();
        for (const record of ask) {
          const access = found.get(idKey(record.salesforceId!)) ?? NO_ACCESS;
          cache.set(`${userId}:${idKey(record.salesforceId!)}`, { access, until: now + ttlMs });
          answers.set(record.key, access);
        }
      }
      return answers;
    },
  };
}
