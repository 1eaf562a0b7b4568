// Record writes, deletes and reads as the local org's REST routes perform them: the schema and the
// caller's permission sets are checked, platform defaults applied, test-locked records refused.
import type { SalesforceTestServerOptions } from './server-options.js';
import {
  EXTERNAL_IDS,
  KEY_PREFIXES,
  type InMemoryOrg,
  type RecordError,
  type SRecord,
  type WriteContext,
} from './org.js';
import type { OrgUser } from './permissions.js';
import { applyPlatformFields } from './platform-fields.js';
import { checkWrite } from './write-checks.js';

/** The org a write goes to, the package it is checked against, and the records a test has locked. */
export interface RecordStore {
  readonly org: InMemoryOrg;
  readonly options: SalesforceTestServerOptions;
  /** Consumes one lock failure for the record when a test locked it. */
  lockedFor(record: Record<string, unknown>): boolean;
}

export type WriteMode =
  | { kind: 'create' }
  | { kind: 'update' }
  | { kind: 'upsert'; externalIdField: string };
export type WriteOutcome = { id: string; created: boolean } | { errors: RecordError[] };

/** One record of a write: create, update by Id, or upsert on an external id. */
export function writeRecord(
  host: RecordStore,
  object: string,
  fields: Record<string, unknown>,
  mode: WriteMode,
  context: WriteContext & { user?: OrgUser } = {},
): WriteOutcome {
  const values = { ...fields };
  delete values.attributes;
  // Field names are case-insensitive in the API; jsforce sends a collection update's Id as `id`.
  if (values.Id === undefined && values.id !== undefined) values.Id = values.id;
  delete values.id;
  const schema = host.options.schema;
  if (schema) {
    const known = schema.object(object);
    if (!known)
      return {
        errors: [
          {
            statusCode: 'INVALID_TYPE',
            message: `sObject type '${object}' is not supported.`,
            fields: [],
          },
        ],
      };
    object = known.name;
  }
  if (host.lockedFor({ ...values, object })) {
    return {
      errors: [
        {
          statusCode: 'UNABLE_TO_LOCK_ROW',
          message: 'unable to obtain exclusive access to this record or 1 records',
          fields: [],
        },
      ],
    };
  }
  let existing: SRecord | undefined;
  if (mode.kind === 'update') {
    const id = values.Id;
    if (typeof id !== 'string')
      return {
        errors: [
          {
            statusCode: 'MISSING_ARGUMENT',
            message: 'Id not specified in an update call',
            fields: [],
          },
        ],
      };
    existing = host.org.get(object, id);
    if (!existing)
      return {
        errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
      };
  } else if (mode.kind === 'upsert') {
    const externalIds = schema
      ? [...(schema.object(object)?.fields.values() ?? [])]
          .filter((field) => field.externalId)
          .map((field) => field.name)
      : (EXTERNAL_IDS[object] ?? []);
    if (!externalIds.includes(mode.externalIdField)) {
      return {
        errors: [
          {
            statusCode: 'INVALID_FIELD',
            message: `Field ${mode.externalIdField} is not an external id on ${object}`,
            fields: [mode.externalIdField],
          },
        ],
      };
    }
    const key = values[mode.externalIdField];
    if (typeof key !== 'string' || key === '')
      return {
        errors: [
          {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: `Required fields are missing: [${mode.externalIdField}]`,
            fields: [mode.externalIdField],
          },
        ],
      };
    existing = host.org.findByField(object, mode.externalIdField, key);
  }
  delete values.Id;
  if (schema) {
    const checked = checkWrite(
      {
        schema,
        ...(host.options.policy ? { policy: host.options.policy } : {}),
        ...(context.user ? { user: context.user } : {}),
      },
      object,
      values,
      existing,
    );
    if (!checked.ok) return { errors: checked.errors };
    Object.keys(values).forEach((key) => delete values[key]);
    Object.assign(values, checked.values);
    if (!existing) defaultsOnCreate(host, object, values, context);
    applyPlatformFields(schema, object, values, existing);
  }
  const saved = host.org.save(object, values, existing, context);
  if (saved.errors) return { errors: saved.errors };
  return { id: saved.record!.Id, created: saved.created };
}

/** Platform defaults of a new record: the caller owns it, and an auto-number Name is assigned. */
function defaultsOnCreate(
  host: RecordStore,
  object: string,
  values: Record<string, unknown>,
  context: WriteContext,
): void {
  const schema = host.options.schema?.object(object);
  if (!schema) return;
  if (schema.fields.has('OwnerId') && values.OwnerId === undefined) values.OwnerId = context.userId;
  const name = schema.fields.get('Name');
  if (name?.autoNumber)
    values.Name = `${schema.keyPrefix}-${String(host.org.all(object).length + 1).padStart(6, '0')}`;
}

/** The object an Id belongs to, by its key prefix. */
export function objectOfId(host: RecordStore, id: string): string {
  const prefix = id.slice(0, 3);
  const fromSchema = host.options.schema
    ? [...host.options.schema.objects.values()].find((object) => object.keyPrefix === prefix)?.name
    : undefined;
  return (
    fromSchema ?? Object.entries(KEY_PREFIXES).find(([, value]) => value === prefix)?.[0] ?? ''
  );
}

/** Deletes one record as `context.user`; the error when refused. */
export function deleteRecord(
  host: RecordStore,
  object: string,
  id: string,
  context: WriteContext & { user?: OrgUser },
): RecordError | null {
  const { schema, policy } = host.options;
  const canonical = schema?.object(object)?.name ?? object;
  if (!host.org.get(canonical, id))
    return { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
  if (schema && policy && context.user) {
    const access = policy.objectAccess(context.user, canonical);
    if (!access.delete)
      return {
        statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
        message: 'insufficient access rights on object id',
        fields: [],
      };
  }
  if (host.lockedFor({ ...host.org.get(canonical, id), object: canonical }))
    return {
      statusCode: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record or 1 records',
      fields: [],
    };
  host.org.remove(canonical, id, context);
  return null;
}

/** A record as the caller may see it: only readable fields, optionally only the named ones. */
export function visibleRecord(
  host: RecordStore,
  object: string,
  record: SRecord,
  version: string,
  caller: OrgUser | undefined,
  only?: string[],
): Record<string, unknown> {
  const { schema, policy } = host.options;
  const attributes = {
    type: object,
    url: `/services/data/v${version}/sobjects/${object}/${record.Id}`,
  };
  if (!schema) return { attributes, ...record };
  const fields = [...(schema.object(object)?.fields.values() ?? [])].filter(
    (field) =>
      field.type !== 'address' &&
      (!policy || !caller || policy.fieldAccess(caller, object, field).read),
  );
  const wanted = only ? new Set(only.map((name) => name.toLowerCase())) : null;
  return {
    attributes,
    ...Object.fromEntries(
      fields
        .filter((field) => !wanted || wanted.has(field.name.toLowerCase()))
        .map((field) => [field.name, record[field.name] ?? null]),
    ),
  };
}
