// The local org's records: by object and Id, the lookups and child relationships the gateway's
// queries walk, Salesforce-shaped Ids and timestamps, per-object validation rules a test can add to
// make Salesforce refuse a field, and a change feed (one OrgChange per committed record) that Change
// Data Capture is built on.
import { randomBytes } from 'node:crypto';

export type SRecord = Record<string, unknown> & { Id: string };

/** Key prefixes, so Ids look like the org's (006 Opportunity, 00G Group...). */
export const KEY_PREFIXES: Record<string, string> = {
  Organization: '00D',
  QueueSobject: '03g',
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  OpportunityContactRole: '00K',
  User: '005',
  Group: '00G',
  CoSell_Engagement__c: 'a0E',
  CoSell_Referral__c: 'a0R',
  CoSell_Counterpart__c: 'a0C',
  CoSell_Metric__c: 'a0M',
  CoSell_Joint_Pursuit__c: 'a0J',
  CoSell_Triage_Rule__mdt: 'm0T',
};

/** Lookup fields: object → field → target object. */
export const LOOKUPS: Record<string, Record<string, string>> = {
  Opportunity: { AccountId: 'Account', OwnerId: 'User' },
  OpportunityContactRole: { OpportunityId: 'Opportunity', ContactId: 'Contact' },
  CoSell_Engagement__c: { Opportunity__c: 'Opportunity' },
  CoSell_Referral__c: { OwnerId: 'User', Opportunity__c: 'Opportunity' },
  CoSell_Joint_Pursuit__c: { Account__c: 'Account' },
};

/** Child relationships: parent object → relationship name → [child object, lookup field on the child]. */
export const CHILDREN: Record<string, Record<string, [string, string]>> = {
  Opportunity: {
    CoSell_Engagements__r: ['CoSell_Engagement__c', 'Opportunity__c'],
    OpportunityContactRoles: ['OpportunityContactRole', 'OpportunityId'],
  },
};

/** Unique external id fields an upsert may name. */
export const EXTERNAL_IDS: Record<string, string[]> = {
  CoSell_Engagement__c: ['Engagement_Key__c'],
  CoSell_Referral__c: ['Referral_Key__c'],
  CoSell_Metric__c: ['Metric_Key__c'],
  CoSell_Joint_Pursuit__c: ['Pursuit_Key__c'],
};

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** A validation rule: returns the refusal for a record about to be saved, or null. */
export type ValidationRule = (object: string, record: Readonly<SRecord>) => RecordError | null;

/** One committed change to one record, as Change Data Capture's ChangeEventHeader describes it. */
export interface OrgChange {
  entityName: string;
  changeType: 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';
  recordIds: string[];
  /** Empty except on UPDATE, where it names the fields whose value changed (LastModifiedDate included). */
  changedFields: string[];
  /** Epoch milliseconds. */
  commitTimestamp: number;
  /** The Id of the user who made the change. */
  commitUser: string;
  /** Shared by every change of one request (one transaction). */
  transactionKey: string;
  /** CREATE: every non-null field; UPDATE: the changed fields' new values; DELETE: none. */
  fields: Record<string, unknown>;
}

export type OrgChangeListener = (change: OrgChange) => void;

/** Who makes a write and in which transaction (defaults: the org's automated process, one per call). */
export interface WriteContext {
  userId?: string;
  transactionKey?: string;
}

/** The user Salesforce names for system-made changes when no caller is known. */
export const AUTOMATED_USER_ID = '005000000000000AAA';

export function newTransactionKey(): string {
  return randomBytes(16).toString('hex');
}

/** Salesforce's datetime format in API responses. */
export function salesforceDateTime(instant: Date): string {
  return instant.toISOString().replace('Z', '+0000');
}

export class InMemoryOrg {
  private readonly tables = new Map<string, Map<string, SRecord>>();
  private readonly rules: ValidationRule[] = [];
  private readonly listeners = new Set<OrgChangeListener>();
  /** While a transaction is open: the tables as they were, and the changes held until commit. */
  private open: { snapshot: Map<string, Map<string, SRecord>>; pending: OrgChange[] } | null = null;
  private sequence = 0;

  constructor(private readonly clock: () => Date) {}

  newId(object: string): string {
    this.sequence++;
    const prefix = KEY_PREFIXES[object] ?? 'a0Z';
    const body = `${prefix}${randomBytes(3).toString('hex').toUpperCase()}${String(this.sequence).padStart(6, '0')}`;
    return `${body}AAA`.slice(0, 18).padEnd(18, 'A');
  }

  table(object: string): Map<string, SRecord> {
    let table = this.tables.get(object);
    if (!table) {
      table = new Map();
      this.tables.set(object, table);
    }
    return table;
  }

  all(object: string): SRecord[] {
    return [...this.table(object).values()];
  }

  get(object: string, id: string): SRecord | undefined {
    return this.table(object).get(id);
  }

  /** Seeds a record as-is (a test's fixture); stamps system fields unless given. */
  /** Every record by object, to persist the org. */
  dump(): Record<string, SRecord[]> {
    return Object.fromEntries(
      [...this.tables].map(([object, table]) => [object, [...table.values()]]),
    );
  }

  /** Puts back what `dump` returned (a restart); reports no changes. */
  restore(records: Record<string, SRecord[]>): void {
    for (const [object, rows] of Object.entries(records)) {
      const table = this.table(object);
      for (const row of rows) table.set(row.Id, row);
    }
  }

  seed(object: string, fields: Record<string, unknown>): SRecord {
    const now = salesforceDateTime(this.clock());
    const record: SRecord = {
      CreatedDate: now,
      LastModifiedDate: now,
      SystemModstamp: now,
      ...fields,
      Id: (fields.Id as string | undefined) ?? this.newId(object),
    };
    this.table(object).set(record.Id, record);
    return record;
  }

  /** Calls `listener` after every committed create, update or delete (one call per record); returns the unsubscribe. */
  onChange(listener: OrgChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Runs `work` as one transaction: its changes are emitted on commit, or undone when it returns false. */
  transaction<T>(work: () => { commit: boolean; result: T }): T {
    if (this.open) return work().result;
    this.open = {
      snapshot: new Map([...this.tables].map(([name, table]) => [name, new Map(table)])),
      pending: [],
    };
    let outcome: { commit: boolean; result: T };
    try {
      outcome = work();
    } catch (error) {
      this.rollback();
      throw error;
    }
    if (!outcome.commit) {
      this.rollback();
      return outcome.result;
    }
    const pending = this.open.pending;
    this.open = null;
    for (const change of pending) this.emit(change);
    return outcome.result;
  }

  private rollback(): void {
    const snapshot = this.open!.snapshot;
    this.open = null;
    this.tables.clear();
    for (const [name, table] of snapshot) this.tables.set(name, table);
  }

  private emit(change: OrgChange): void {
    if (this.open) {
      this.open.pending.push(change);
      return;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A failing subscriber must not undo or block a committed write.
      }
    }
  }

  addValidationRule(rule: ValidationRule): void {
    this.rules.push(rule);
  }

  validate(object: string, record: SRecord): RecordError[] {
    return this.rules.flatMap((rule) => {
      const error = rule(object, record);
      return error ? [error] : [];
    });
  }

  /** Applies a change as a save would: validation rules first, then the system stamps. */
  save(
    object: string,
    fields: Record<string, unknown>,
    existing: SRecord | undefined,
    context: WriteContext = {},
  ): { record?: SRecord; errors?: RecordError[]; created: boolean } {
    const instant = this.clock();
    const now = salesforceDateTime(instant);
    const userId = context.userId ?? AUTOMATED_USER_ID;
    const candidate: SRecord = existing
      ? { ...existing, ...fields, Id: existing.Id }
      : { CreatedDate: now, CreatedById: userId, ...fields, Id: this.newId(object) };
    const errors = this.validate(object, candidate);
    if (errors.length > 0) return { errors, created: !existing };
    candidate.LastModifiedDate = now;
    candidate.LastModifiedById = userId;
    candidate.SystemModstamp = now;
    this.table(object).set(candidate.Id, candidate);
    const base = {
      entityName: object,
      recordIds: [candidate.Id],
      commitTimestamp: instant.getTime(),
      commitUser: userId,
      transactionKey: context.transactionKey ?? newTransactionKey(),
    };
    if (existing) {
      const changed = Object.keys(candidate).filter(
        (key) =>
          key !== 'SystemModstamp' &&
          key !== 'LastModifiedById' &&
          candidate[key] !== existing[key],
      );
      if (!changed.includes('LastModifiedDate')) changed.push('LastModifiedDate');
      this.emit({
        ...base,
        changeType: 'UPDATE',
        changedFields: changed,
        fields: Object.fromEntries(changed.map((key) => [key, candidate[key] ?? null])),
      });
    } else {
      const fieldsSet = Object.fromEntries(
        Object.entries(candidate).filter(
          ([key, value]) => key !== 'Id' && value !== null && value !== undefined,
        ),
      );
      this.emit({ ...base, changeType: 'CREATE', changedFields: [], fields: fieldsSet });
    }
    return { record: candidate, created: !existing };
  }

  /** Deletes a record; false when there was none. */
  remove(object: string, id: string, context: WriteContext = {}): boolean {
    const existed = this.table(object).delete(id);
    if (existed) {
      this.emit({
        entityName: object,
        changeType: 'DELETE',
        recordIds: [id],
        changedFields: [],
        commitTimestamp: this.clock().getTime(),
        commitUser: context.userId ?? AUTOMATED_USER_ID,
        transactionKey: context.transactionKey ?? newTransactionKey(),
        fields: {},
      });
    }
    return existed;
  }

  findByField(object: string, field: string, value: unknown): SRecord | undefined {
    return this.all(object).find((record) => record[field] === value);
  }
}
