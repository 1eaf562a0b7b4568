// Describe answers from the org's schema, shaped as the REST API's describeGlobal and sObject describe
// resources document them, showing only the fields the caller may read.
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema.js';

/** The master record type every object has; the UI API names it in picklist-values URLs. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  email: 'xsd:string',
  url: 'xsd:string',
  phone: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  datetime: 'xsd:dateTime',
  date: 'xsd:date',
  boolean: 'xsd:boolean',
  address: 'urn:address',
};

function urls(object: string, version: string) {
  const base = `/services/data/v${version}/sobjects/${object}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

export function describeField(
  field: FieldSchema,
  access: { read: boolean; edit: boolean },
): Record<string, unknown> {
  const writable = access.edit;
  const text = [
    'string',
    'textarea',
    'email',
    'url',
    'phone',
    'picklist',
    'multipicklist',
  ].includes(field.type);
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type] ?? 'xsd:anyType',
    length: text ? (field.length ?? 0) : 0,
    byteLength: text
      ? (field.length ?? 0) * 3
      : field.type === 'id' || field.type === 'reference'
        ? 18
        : 0,
    precision: field.precision ?? 0,
    scale: field.scale ?? 0,
    digits: field.type === 'int' ? 9 : 0,
    custom: field.custom,
    calculated: field.calculated,
    autoNumber: field.autoNumber === true,
    nillable: !field.required && field.type !== 'boolean' && field.type !== 'id',
    createable: writable,
    updateable: writable && field.createOnly !== true,
    defaultedOnCreate:
      field.system === true ||
      field.type === 'boolean' ||
      field.autoNumber === true ||
      field.name === 'OwnerId',
    externalId: field.externalId === true,
    unique: field.unique === true,
    idLookup: field.type === 'id' || field.externalId === true,
    nameField: field.name === 'Name',
    filterable: field.type !== 'textarea' || (field.length ?? 0) <= 255,
    sortable: field.type !== 'textarea' && field.type !== 'multipicklist',
    groupable: !['textarea', 'multipicklist', 'double', 'currency', 'percent', 'datetime'].includes(
      field.type,
    ),
    htmlFormatted: false,
    dependentPicklist: false,
    restrictedPicklist: field.picklist?.restricted === true,
    picklistValues: (field.picklist?.values ?? []).map((value) => ({
      active: true,
      defaultValue: value.default,
      label: value.label,
      validFor: null,
      value: value.value,
    })),
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.type === 'reference' ? (field.relationshipName ?? null) : null,
    cascadeDelete: false,
    compoundFieldName: field.compoundField ?? null,
  };
}

export type FieldAccessFn = (
  object: string,
  field: FieldSchema,
) => { read: boolean; edit: boolean };

export function describeGlobal(
  schema: OrgSchema,
  version: string,
  canRead: (object: string) => boolean,
): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...schema.objects.values()]
      .filter((object) => canRead(object.name))
      .map((object) => ({
        name: object.name,
        label: object.label,
        labelPlural: object.labelPlural,
        keyPrefix: object.keyPrefix,
        custom: object.custom,
        customSetting: false,
        createable: true,
        updateable: true,
        deletable: true,
        queryable: true,
        retrieveable: true,
        searchable: false,
        layoutable: !object.name.endsWith('__mdt'),
        triggerable: true,
        urls: urls(object.name, version),
      })),
  };
}

export function describeObject(
  schema: OrgSchema,
  object: ObjectSchema,
  version: string,
  access: FieldAccessFn,
  objectAccess: { create: boolean; edit: boolean; delete: boolean },
): Record<string, unknown> {
  const fields = [...object.fields.values()]
    .map((field) => ({ field, access: access(object.name, field) }))
    .filter((entry) => entry.access.read);
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    createable: objectAccess.create,
    updateable: objectAccess.edit,
    deletable: objectAccess.delete,
    queryable: true,
    retrieveable: true,
    searchable: false,
    layoutable: !object.name.endsWith('__mdt'),
    fields: fields.map((entry) => describeField(entry.field, entry.access)),
    childRelationships: schema.childRelationships(object.name).map((child) => ({
      childSObject: child.childSObject,
      field: child.field,
      relationshipName: child.relationshipName,
      cascadeDelete: child.cascadeDelete,
      restrictedDelete: false,
      deprecatedAndHidden: false,
    })),
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID,
        urls: {
          layout: `/services/data/v${version}/sobjects/${object.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}`,
        },
      },
    ],
    urls: urls(object.name, version),
  };
}
