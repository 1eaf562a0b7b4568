// The test server's in-memory org: records by object and Id, the lookups and child relationships
// the gateway's queries walk, Salesforce-shaped Ids and timestamps, and per-object validation rules
// a test can add to make Salesforce refuse a field.
import { randomBytes } from 'node:crypto';

export type SRecord = Record<string, unknown> & { Id: string };

/** Key prefixes, so Ids look like the org's (006 Opportunity, 00G Group...). */
const PREFIXES: Record<string, string> = {
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
  CoSell_Triage_Rule__mdt: 'm0T',
};

/** Lookup fields: object → field → target object. */
export const LOOKUPS: Record<string, Record<string, string>> = {
  Opportunity: { AccountId: 'Account', OwnerId: 'User' },
  OpportunityContactRole: { OpportunityId: 'Opportunity', ContactId: 'Contact' },
  CoSell_Engagement__c: { Opportunity__c: 'Opportunity' },
  CoSell_Referral__c: { OwnerId: 'User', Opportunity__c: 'Opportunity' },
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
};

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** A validation rule: returns the refusal for a record about to be saved, or null. */
export type ValidationRule = (object: string, record: Readonly<SRecord>) => RecordError | null;

/** One committed write, as Change Data Capture reports it (the header fields and the values that changed). */
export interface OrgChange {
  entityName: string;
  changeType: 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';
  recordIds: string[];
  /** The fields an UPDATE changed, LastModifiedDate included; empty for the other change types. */
  changedFields: string[];
  /** Epoch milliseconds. */
  commitTimestamp: number;
  commitUser: string;
  transactionKey: string;
  /** New values: every populated field on CREATE, the changed ones on UPDATE, none on DELETE. */
  fields: Record<string, unknown>;
}

/** System fields a save stamps; an UPDATE never reports them as changed except LastModifiedDate. */
const STAMPS = new Set(['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp']);

/** The org's admin user, who commits every write (the local org has one session user). */
export const ADMIN_USER_ID = '005000000000001AAA';

/** Salesforce's datetime format in API responses. */
export function salesforceDateTime(instant: Date): string {
  return instant.toISOString().replace('Z', '+0000');
}

export class InMemoryOrg {
  private readonly tables = new Map<string, Map<string, SRecord>>();
  private readonly rules: ValidationRule[] = [];
  private readonly listeners = new Set<(change: OrgChange) => void>();
  private sequence = 0;

  constructor(private readonly clock: () => Date) {}

  /** Calls `listener` after every committed write; returns the function that stops it. */
  onChange(listener: (change: OrgChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(entityName: string, changeType: OrgChange['changeType'], record: SRecord, before: SRecord | undefined): void {
    if (this.listeners.size === 0) return;
    const fields: Record<string, unknown> = {};
    const changedFields: string[] = [];
    if (changeType === 'CREATE') {
      for (const [name, value] of Object.entries(record)) if (name !== 'Id' && value !== null && value !== undefined) fields[name] = value;
    } else if (changeType === 'UPDATE') {
      for (const [name, value] of Object.entries(record)) {
        if (STAMPS.has(name) || JSON.stringify(before?.[name] ?? null) === JSON.stringify(value ?? null)) continue;
        fields[name] = value ?? null;
        changedFields.push(name);
      }
      fields.LastModifiedDate = record.LastModifiedDate;
      changedFields.push('LastModifiedDate');
    }
    const change: OrgChange = {
      entityName,
      changeType,
      recordIds: [record.Id],
      changedFields,
      commitTimestamp: this.clock().getTime(),
      commitUser: ADMIN_USER_ID,
      transactionKey: randomBytes(16).toString('hex'),
      fields,
    };
    for (const listener of this.listeners) listener(change);
  }

  newId(object: string): string {
    this.sequence++;
    const prefix = PREFIXES[object] ?? 'a0Z';
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

  /** Every record by object, to persist the org. */
  dump(): Record<string, SRecord[]> {
    return Object.fromEntries([...this.tables].map(([object, table]) => [object, [...table.values()]]));
  }

  /** Puts back what `dump` returned (a restart); reports no changes. */
  restore(records: Record<string, SRecord[]>): void {
    for (const [object, rows] of Object.entries(records)) {
      const table = this.table(object);
      for (const row of rows) table.set(row.Id, row);
    }
  }

  all(object: string): SRecord[] {
    return [...this.table(object).values()];
  }

  get(object: string, id: string): SRecord | undefined {
    return this.table(object).get(id);
  }

  /** Seeds a record as-is (a test's fixture); stamps system fields unless given. */
  seed(object: string, fields: Record<string, unknown>): SRecord {
    const now = salesforceDateTime(this.clock());
    const record: SRecord = { CreatedDate: now, LastModifiedDate: now, SystemModstamp: now, ...fields, Id: (fields.Id as string | undefined) ?? this.newId(object) };
    const before = this.table(object).get(record.Id);
    this.table(object).set(record.Id, record);
    this.emit(object, before ? 'UPDATE' : 'CREATE', record, before);
    return record;
  }

  /** Deletes a record; false when there was none. */
  remove(object: string, id: string): boolean {
    const record = this.table(object).get(id);
    if (!record) return false;
    this.table(object).delete(id);
    this.emit(object, 'DELETE', record, record);
    return true;
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
  save(object: string, fields: Record<string, unknown>, existing: SRecord | undefined): { record?: SRecord; errors?: RecordError[]; created: boolean } {
    const now = salesforceDateTime(this.clock());
    const candidate: SRecord = existing
      ? { ...existing, ...fields, Id: existing.Id }
      : { CreatedDate: now, ...fields, Id: this.newId(object) };
    const errors = this.validate(object, candidate);
    if (errors.length > 0) return { errors, created: !existing };
    candidate.LastModifiedDate = now;
    candidate.SystemModstamp = now;
    this.table(object).set(candidate.Id, candidate);
    this.emit(object, existing ? 'UPDATE' : 'CREATE', candidate, existing);
    return { record: candidate, created: !existing };
  }

  findByField(object: string, field: string, value: unknown): SRecord | undefined {
    return this.all(object).find((record) => record[field] === value);
  }
}
