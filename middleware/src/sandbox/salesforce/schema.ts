// The local org's schema is the package: objects and fields are read from force-app's metadata XML at
// start (types, lengths, picklists, required, references, formulas), on top of the standard objects
// the product uses, so a field added to force-app exists in the local org with no code change.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { KEY_PREFIXES } from './org.js';
import { buildObject, currencyField, STANDARD_OBJECTS } from './standard-objects.js';

export { buildObject };

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

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

function number(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'value',
      'fieldPermissions',
      'objectPermissions',
      'customMetadataTypeAccesses',
      'customPermissions',
      'referenceTo',
    ].includes(name),
});

export function parseMetadataXml(xml: string): Record<string, unknown> {
  return parser.parse(xml) as Record<string, unknown>;
}

/** One `<CustomField>` as describe sees it; throws for a type the local org does not model. */
export function fieldFromMetadata(xml: Record<string, unknown>, source: string): FieldSchema {
  const field = (xml.CustomField ?? {}) as Record<string, unknown>;
  const name = text(field.fullName);
  const metadataType = text(field.type);
  if (!name || !metadataType)
    throw new SchemaError(`${source}: a CustomField needs fullName and type`);
  const label = text(field.label) ?? name;
  const formula = field.formula !== undefined;
  const required = flag(field.required);
  // Universally required and master-detail fields have no field-level security in Salesforce.
  const base = {
    name,
    label,
    custom: true,
    calculated: formula,
    required: required && !formula,
    ...(required || metadataType === 'MasterDetail' ? { alwaysAccessible: true } : {}),
    ...(flag(field.externalId) ? { externalId: true } : {}),
    ...(flag(field.unique) ? { unique: true } : {}),
  };
  const valueSet = field.valueSet as
    | { restricted?: unknown; valueSetDefinition?: { value?: Array<Record<string, unknown>> } }
    | undefined;
  const picklist = () => ({
    restricted: flag(valueSet?.restricted),
    values: (valueSet?.valueSetDefinition?.value ?? []).map((entry) => ({
      value: String(entry.fullName),
      label: text(entry.label) ?? String(entry.fullName),
      default: flag(entry.default),
    })),
  });
  switch (metadataType) {
    case 'Text':
      return { ...base, type: 'string', length: number(field.length) ?? 255 };
    case 'TextArea':
      return { ...base, type: 'textarea', length: 255 };
    case 'LongTextArea':
    case 'Html':
      return { ...base, type: 'textarea', length: number(field.length) ?? 32768 };
    case 'Email':
      return { ...base, type: 'email', length: 80 };
    case 'Url':
      return { ...base, type: 'url', length: 255 };
    case 'Phone':
      return { ...base, type: 'phone', length: 40 };
    case 'Picklist':
      return { ...base, type: 'picklist', length: 255, picklist: picklist() };
    case 'MultiselectPicklist':
      return { ...base, type: 'multipicklist', length: 4099, picklist: picklist() };
    case 'Number':
      return {
        ...base,
        type: 'double',
        precision: number(field.precision) ?? 18,
        scale: number(field.scale) ?? 0,
      };
    case 'Currency':
      return {
        ...base,
        type: 'currency',
        precision: number(field.precision) ?? 18,
        scale: number(field.scale) ?? 2,
      };
    case 'Percent':
      return {
        ...base,
        type: 'percent',
        precision: number(field.precision) ?? 18,
        scale: number(field.scale) ?? 0,
      };
    case 'DateTime':
      return { ...base, type: 'datetime' };
    case 'Date':
      return { ...base, type: 'date' };
    case 'Checkbox':
      // A checkbox is never null: it defaults to false.
      return { ...base, type: 'boolean', required: false };
    case 'Lookup':
    case 'MasterDetail': {
      const masterDetail = metadataType === 'MasterDetail';
      const relationship = text(field.relationshipName);
      return {
        ...base,
        type: 'reference',
        length: 18,
        required: masterDetail || required,
        referenceTo: (field.referenceTo as string[] | undefined) ?? [],
        relationshipName: name.replace(/__c$/, '__r'),
        ...(relationship ? { childRelationshipName: `${relationship}__r` } : {}),
        ...(masterDetail
          ? { masterDetail: true, createOnly: !flag(field.reparentableMasterDetail) }
          : {}),
      };
    }
    default:
      throw new SchemaError(
        `${source}: field type ${metadataType} is not modelled by the local org`,
      );
  }
}

function nameField(objectXml: Record<string, unknown>): FieldSchema {
  const name = (objectXml.nameField ?? {}) as Record<string, unknown>;
  const autoNumber = text(name.type) === 'AutoNumber';
  return {
    name: 'Name',
    label: text(name.label) ?? 'Name',
    type: 'string',
    length: 80,
    required: !autoNumber,
    calculated: autoNumber,
    custom: false,
    alwaysAccessible: true,
    ...(autoNumber ? { autoNumber: true } : {}),
  };
}

/** Fields every custom object has, set by the platform. */
function customObjectSystemFields(): FieldSchema[] {
  const system = (
    name: string,
    label: string,
    type: FieldType,
    extra: Partial<FieldSchema> = {},
  ): FieldSchema => ({
    name,
    label,
    type,
    required: false,
    calculated: false,
    system: true,
    custom: false,
    alwaysAccessible: true,
    ...extra,
  });
  return [
    system('Id', 'Record ID', 'id', { length: 18 }),
    system('OwnerId', 'Owner ID', 'reference', {
      referenceTo: ['User', 'Group'],
      relationshipName: 'Owner',
      length: 18,
      system: false,
    }),
    system('IsDeleted', 'Deleted', 'boolean'),
    system('CreatedDate', 'Created Date', 'datetime'),
    system('CreatedById', 'Created By ID', 'reference', {
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
      length: 18,
    }),
    system('LastModifiedDate', 'Last Modified Date', 'datetime'),
    system('LastModifiedById', 'Last Modified By ID', 'reference', {
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      length: 18,
    }),
    system('SystemModstamp', 'System Modstamp', 'datetime'),
  ];
}

async function listXml(dir: string, suffix: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(suffix)).sort();
  } catch {
    return [];
  }
}

/**
 * Reads `<forceApp>/main/default/objects`: each custom object (`__c`) with its fields, and the custom
 * fields force-app adds to standard objects. Custom metadata types (`__mdt`) are read as objects too,
 * since the product queries them the same way.
 */
export async function loadSchema(forceAppDir: string): Promise<OrgSchema> {
  const objectsDir = join(forceAppDir, 'main', 'default', 'objects');
  const standard = new Map(STANDARD_OBJECTS.map((object) => [object.name, object]));
  const objects = new Map<string, ObjectSchema>();
  let customIndex = 0;
  for (const objectName of (await readdir(objectsDir)).sort()) {
    const dir = join(objectsDir, objectName);
    const fields: FieldSchema[] = [];
    for (const file of await listXml(join(dir, 'fields'), '.field-meta.xml')) {
      const source = join(dir, 'fields', file);
      const field = fieldFromMetadata(parseMetadataXml(await readFile(source, 'utf8')), source);
      // Custom metadata fields have no field-level security: access to the type is access to its fields.
      fields.push(objectName.endsWith('__mdt') ? { ...field, alwaysAccessible: true } : field);
    }
    const base = standard.get(objectName);
    if (base) {
      standard.delete(objectName);
      objects.set(
        objectName,
        buildObject({ ...base, fields: [...base.fields.values(), ...fields] }),
      );
      continue;
    }
    const objectFile = join(dir, `${objectName}.object-meta.xml`);
    const xml = (parseMetadataXml(await readFile(objectFile, 'utf8')).CustomObject ?? {}) as Record<
      string,
      unknown
    >;
    customIndex++;
    const isMetadataType = objectName.endsWith('__mdt');
    const systemFields = isMetadataType
      ? customObjectSystemFields()
          .filter((field) => !['OwnerId', 'IsDeleted'].includes(field.name))
          .concat([
            {
              name: 'DeveloperName',
              label: 'Custom Metadata Record Name',
              type: 'string',
              length: 40,
              required: true,
              calculated: false,
              custom: false,
              alwaysAccessible: true,
            },
            {
              name: 'MasterLabel',
              label: 'Label',
              type: 'string',
              length: 40,
              required: true,
              calculated: false,
              custom: false,
              alwaysAccessible: true,
            },
          ])
      : [...customObjectSystemFields(), currencyField('Currency ISO Code')];
    const hasMaster = fields.some((field) => field.masterDetail);
    objects.set(
      objectName,
      buildObject({
        name: objectName,
        label: text(xml.label) ?? objectName,
        labelPlural: text(xml.pluralLabel) ?? text(xml.label) ?? objectName,
        keyPrefix:
          KEY_PREFIXES[objectName] ??
          `${isMetadataType ? 'm1' : 'a1'}${customIndex.toString(36).toUpperCase()}`,
        custom: true,
        sharingModel:
          (text(xml.sharingModel) as SharingModel | undefined) ??
          (hasMaster ? 'ControlledByParent' : 'ReadWrite'),
        // A detail object has no owner: its master's owner stands for it.
        fields: [
          ...systemFields.filter((field) => !(hasMaster && field.name === 'OwnerId')),
          nameField(xml),
          ...fields,
        ],
      }),
    );
  }
  for (const object of standard.values()) objects.set(object.name, object);
  return new OrgSchema(objects);
}
