// The UI API resources Lightning components use (record get/create/update, object-info and
// picklist-values), shaped as the UI API documents them, over the same records, schema and security.
import { MASTER_RECORD_TYPE_ID } from './describe.js';
import type { RecordError, SRecord } from './org.js';
import type { AccessPolicy, OrgUser } from './permissions.js';
import type { FieldSchema, OrgSchema } from './schema.js';

export interface UiApiReply {
  status: number;
  body: unknown;
}

/** What the UI API needs from the org: records, writes and the caller's security. */
export interface UiApiOrg {
  schema: OrgSchema;
  policy: AccessPolicy;
  objectOfId(id: string): string;
  get(object: string, id: string): SRecord | undefined;
  write(
    object: string,
    fields: Record<string, unknown>,
    id: string | null,
  ): { id: string } | { errors: RecordError[] };
}

const DATA_TYPES: Record<string, string> = {
  id: 'String',
  string: 'String',
  textarea: 'TextArea',
  email: 'Email',
  url: 'Url',
  phone: 'Phone',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  double: 'Double',
  currency: 'Currency',
  percent: 'Percent',
  int: 'Int',
  datetime: 'DateTime',
  date: 'Date',
  boolean: 'Boolean',
  reference: 'Reference',
  address: 'Address',
};

function errorReply(status: number, errorCode: string, message: string): UiApiReply {
  return { status, body: [{ errorCode, message }] };
}

/** A field's value as the UI API gives it: `{ value, displayValue }` (a picklist shows its label). */
export function fieldValue(
  field: FieldSchema,
  value: unknown,
): { displayValue: string | null; value: unknown } {
  const label =
    field.picklist && typeof value === 'string'
      ? (field.picklist.values.find((entry) => entry.value === value)?.label ?? value)
      : null;
  return { displayValue: field.type === 'picklist' ? label : null, value: value ?? null };
}

export function recordRepresentation(
  org: UiApiOrg,
  user: OrgUser,
  object: string,
  record: SRecord,
  fieldNames: string[],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const name of fieldNames) {
    const field = org.schema.field(object, name);
    if (field) fields[field.name] = fieldValue(field, record[field.name]);
  }
  const stamp = String(record.SystemModstamp ?? '');
  return {
    apiName: object,
    childRelationships: {},
    eTag: Buffer.from(`${record.Id}:${stamp}`).toString('hex').slice(0, 32),
    fields,
    id: record.Id,
    lastModifiedById: record.LastModifiedById ?? null,
    lastModifiedDate: record.LastModifiedDate ?? null,
    recordTypeId: MASTER_RECORD_TYPE_ID,
    recordTypeInfo: null,
    systemModstamp: record.SystemModstamp ?? null,
    weakEtag: Date.parse(stamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) || 0,
  };
}

/** `fields=Opportunity.Name,...` (required: an unknown or unreadable one fails) and `optionalFields=` (skipped). */
function requestedFields(
  org: UiApiOrg,
  user: OrgUser,
  object: string,
  params: URLSearchParams,
): { names: string[] } | { error: UiApiReply } {
  const names: string[] = [];
  const parse = (list: string | null, required: boolean): UiApiReply | null => {
    for (const qualified of (list ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)) {
      const [prefix, name] = qualified.includes('.')
        ? [qualified.slice(0, qualified.indexOf('.')), qualified.slice(qualified.indexOf('.') + 1)]
        : [object, qualified];
      const field =
        prefix.toLowerCase() === object.toLowerCase() && !name.includes('.')
          ? org.schema.field(object, name)
          : undefined;
      const readable = field && org.policy.fieldAccess(user, object, field).read;
      if (!readable) {
        if (required)
          return errorReply(
            400,
            'INVALID_FIELD',
            `Cannot find field ${qualified} (or it is not accessible to the user)`,
          );
        continue;
      }
      names.push(field.name);
    }
    return null;
  };
  const failed = parse(params.get('fields'), true) ?? parse(params.get('optionalFields'), false);
  if (failed) return { error: failed };
  if (names.length === 0)
    return {
      error: errorReply(400, 'INVALID_INPUT', 'Either fields or optionalFields must be provided'),
    };
  return { names };
}

export function objectInfo(org: UiApiOrg, user: OrgUser, objectName: string): UiApiReply {
  const object = org.schema.object(objectName);
  const access = object ? org.policy.objectAccess(user, object.name) : null;
  if (!object || !access?.read)
    return errorReply(404, 'NOT_FOUND', `The requested resource does not exist`);
  const fields: Record<string, unknown> = {};
  for (const field of object.fields.values()) {
    const fieldAccess = org.policy.fieldAccess(user, object.name, field);
    if (!fieldAccess.read) continue;
    fields[field.name] = {
      apiName: field.name,
      calculated: field.calculated,
      compound: field.type === 'address',
      compoundFieldName: field.compoundField ?? null,
      controllerName: null,
      createable: fieldAccess.edit,
      custom: field.custom,
      dataType: DATA_TYPES[field.type] ?? 'String',
      externalId: field.externalId === true,
      filterable: true,
      label: field.label,
      length: field.length ?? 0,
      nameField: field.name === 'Name',
      polymorphicForeignKey: (field.referenceTo?.length ?? 0) > 1,
      precision: field.precision ?? 0,
      reference: field.type === 'reference',
      referenceToInfos: (field.referenceTo ?? []).map((apiName) => ({
        apiName,
        nameFields: ['Name'],
      })),
      relationshipName: field.type === 'reference' ? (field.relationshipName ?? null) : null,
      required: field.required,
      scale: field.scale ?? 0,
      sortable: field.type !== 'textarea' && field.type !== 'multipicklist',
      unique: field.unique === true,
      updateable: fieldAccess.edit && field.createOnly !== true,
    };
  }
  return {
    status: 200,
    body: {
      apiName: object.name,
      associateEntityType: null,
      associateParentEntity: null,
      childRelationships: org.schema.childRelationships(object.name).map((child) => ({
        childObjectApiName: child.childSObject,
        fieldName: child.field,
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: child.relationshipName,
      })),
      createable: access.create,
      custom: object.custom,
      defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
      deletable: access.delete,
      dependentFields: {},
      feedEnabled: false,
      fields,
      keyPrefix: object.keyPrefix,
      label: object.label,
      labelPlural: object.labelPlural,
      layoutable: true,
      mruEnabled: false,
      nameFields: ['Name'],
      queryable: true,
      recordTypeInfos: {
        [MASTER_RECORD_TYPE_ID]: {
          available: true,
          defaultRecordTypeMapping: true,
          master: true,
          name: 'Master',
          recordTypeId: MASTER_RECORD_TYPE_ID,
        },
      },
      searchable: false,
      themeInfo: null,
      updateable: access.edit,
    },
  };
}

export function picklistValues(
  org: UiApiOrg,
  user: OrgUser,
  objectName: string,
  recordTypeId: string,
  fieldName: string,
  version: string,
): UiApiReply {
  const object = org.schema.object(objectName);
  const field = object ? org.schema.field(object.name, fieldName) : undefined;
  if (!object || !field || !org.policy.fieldAccess(user, object.name, field).read)
    return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (recordTypeId !== MASTER_RECORD_TYPE_ID)
    return errorReply(
      404,
      'NOT_FOUND',
      `Record type ${recordTypeId} does not exist on ${object.name}`,
    );
  if (!field.picklist)
    return errorReply(400, 'INVALID_FIELD', `${field.name} is not a picklist field`);
  const fallback = field.picklist.values.find((entry) => entry.default);
  return {
    status: 200,
    body: {
      controllerValues: {},
      defaultValue: fallback
        ? { attributes: null, label: fallback.label, validFor: [], value: fallback.value }
        : null,
      eTag: Buffer.from(field.picklist.values.map((entry) => entry.value).join('|'))
        .toString('base64url')
        .slice(0, 32),
      url: `/services/data/v${version}/ui-api/object-info/${object.name}/picklist-values/${recordTypeId}/${field.name}`,
      values: field.picklist.values.map((entry) => ({
        attributes: null,
        label: entry.label,
        validFor: [],
        value: entry.value,
      })),
    },
  };
}

function writeErrors(errors: RecordError[]): UiApiReply {
  return {
    status: 400,
    body: errors.map((error) => ({
      errorCode: error.statusCode,
      message: error.message,
      ...(error.fields.length
        ? {
            fieldErrors: Object.fromEntries(
              error.fields.map((name) => [
                name,
                [{ errorCode: error.statusCode, message: error.message }],
              ]),
            ),
          }
        : {}),
    })),
  };
}

/** Routes `/ui-api/...` (the part after `/services/data/vXX.X`). */
export function uiApi(
  org: UiApiOrg,
  user: OrgUser,
  method: string,
  path: string,
  params: URLSearchParams,
  body: Record<string, unknown> | null,
  version: string,
): UiApiReply {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // ui-api, ...
  if (parts[1] === 'object-info' && parts[2] && method === 'GET') {
    if (parts.length === 3) return objectInfo(org, user, parts[2]);
    if (parts[3] === 'picklist-values' && parts[4] && parts[5])
      return picklistValues(org, user, parts[2], parts[4], parts[5], version);
  }
  if (parts[1] === 'records') {
    const id = parts[2];
    if (method === 'GET' && id) {
      const object = org.objectOfId(id);
      const record = object ? org.get(object, id) : undefined;
      if (!record) return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
      const fields = requestedFields(org, user, object, params);
      if ('error' in fields) return fields.error;
      return { status: 200, body: recordRepresentation(org, user, object, record, fields.names) };
    }
    const fields = (body?.fields ?? null) as Record<string, unknown> | null;
    if (!fields || typeof fields !== 'object')
      return errorReply(400, 'INVALID_INPUT', 'The request body needs a fields object');
    if (method === 'POST' && !id) {
      const apiName =
        typeof body?.apiName === 'string' ? org.schema.object(body.apiName)?.name : undefined;
      if (!apiName)
        return errorReply(
          400,
          'INVALID_INPUT',
          'The request body needs the apiName of a known object',
        );
      const outcome = org.write(apiName, fields, null);
      if ('errors' in outcome) return writeErrors(outcome.errors);
      return {
        status: 201,
        body: recordRepresentation(org, user, apiName, org.get(apiName, outcome.id)!, [
          'Id',
          ...Object.keys(fields),
        ]),
      };
    }
    if (method === 'PATCH' && id) {
      const object = org.objectOfId(id);
      if (!object || !org.get(object, id))
        return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
      const outcome = org.write(object, fields, id);
      if ('errors' in outcome) return writeErrors(outcome.errors);
      return {
        status: 200,
        body: recordRepresentation(org, user, object, org.get(object, id)!, [
          'Id',
          ...Object.keys(fields),
        ]),
      };
    }
  }
  return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
}
