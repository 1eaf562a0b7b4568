// The local org's schema as describe sees it: field and object shapes, and the case-insensitive
// look-ups (objects, fields, child relationships, lookups by relationship name) every route uses.
/** Field types as describe names them. */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'datetime'
  | 'date'
  | 'boolean'
  | 'email'
  | 'url'
  | 'phone'
  | 'reference'
  | 'address';

export interface PicklistValue {
  value: string;
  label: string;
  default: boolean;
}

export interface FieldSchema {
  name: string;
  label: string;
  type: FieldType;
  length?: number;
  precision?: number;
  scale?: number;
  picklist?: { values: PicklistValue[]; restricted: boolean };
  /** Must have a value on create (nillable false for a createable field). */
  required: boolean;
  /** Formula, roll-up or auto-number: never written by a caller. */
  calculated: boolean;
  /** Set by the platform (Id, CreatedDate, SystemModstamp...): never written by a caller. */
  system?: boolean;
  /** Writable on create only (a master-detail that is not reparentable, for example). */
  createOnly?: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  externalId?: boolean;
  unique?: boolean;
  custom: boolean;
  autoNumber?: boolean;
  /** Governed by this compound field's permission (BillingCity by BillingAddress). */
  compoundField?: string;
  /** On a reference: the parent's name for the children (`CoSell_Engagements__r`). */
  childRelationshipName?: string;
  masterDetail?: boolean;
  /** Access needs no field permission (Id, Name, system stamps, required standard fields). */
  alwaysAccessible?: boolean;
}

export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent' | 'FullAccess';

export interface ObjectSchema {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  sharingModel: SharingModel;
  fields: Map<string, FieldSchema>;
  /** Lower-case field name → canonical name (Salesforce names are case-insensitive). */
  fieldNames: Map<string, string>;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string;
  cascadeDelete: boolean;
}

export class SchemaError extends Error {}

/** The org's objects, by name, case-insensitively. */
export class OrgSchema {
  private readonly byLowerName = new Map<string, ObjectSchema>();

  constructor(readonly objects: Map<string, ObjectSchema>) {
    for (const object of objects.values()) this.byLowerName.set(object.name.toLowerCase(), object);
  }

  object(name: string): ObjectSchema | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  field(object: string, name: string): FieldSchema | undefined {
    const schema = this.object(object);
    const canonical = schema?.fieldNames.get(name.toLowerCase());
    return canonical ? schema!.fields.get(canonical) : undefined;
  }

  /** Child relationships of `parent`: every reference field that names one. */
  childRelationships(parent: string): ChildRelationship[] {
    const out: ChildRelationship[] = [];
    for (const object of this.objects.values()) {
      for (const field of object.fields.values()) {
        if (
          field.type !== 'reference' ||
          !field.referenceTo?.includes(parent) ||
          !field.childRelationshipName
        )
          continue;
        out.push({
          childSObject: object.name,
          field: field.name,
          relationshipName: field.childRelationshipName,
          cascadeDelete: field.masterDetail === true,
        });
      }
    }
    return out;
  }

  /** The reference field a relationship name (`Account`, `Opportunity__r`) walks from `object`. */
  lookupByRelationship(object: string, relationship: string): FieldSchema | undefined {
    const schema = this.object(object);
    if (!schema) return undefined;
    const lower = relationship.toLowerCase();
    return [...schema.fields.values()].find(
      (field) => field.type === 'reference' && field.relationshipName?.toLowerCase() === lower,
    );
  }
}
