// Checks one record write against the org's schema and the caller's field access before it is saved,
// answering with Salesforce's error codes and messages, and reads CSV/JSON text into the field's type.
import type { RecordError } from './org.js';
import type { AccessPolicy, OrgUser } from './permissions.js';
import type { FieldSchema, OrgSchema } from './schema.js';

export interface WriteCheck {
  schema: OrgSchema;
  policy?: AccessPolicy;
  user?: OrgUser;
}

export type CheckedWrite =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: RecordError[] };

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fieldError(statusCode: string, message: string, field: string): RecordError {
  return { statusCode, message, fields: [field] };
}

/** The value in the field's type, or an error in Salesforce's words. */
function coerce(field: FieldSchema, value: unknown): { value: unknown } | { error: RecordError } {
  if (value === null) return { value: null };
  const wrongType = () => ({
    error: fieldError(
      'INVALID_TYPE_ON_FIELD_IN_RECORD',
      `${field.label}: value not of required type: ${String(value)}`,
      field.name,
    ),
  });
  switch (field.type) {
    case 'string':
    case 'textarea':
    case 'email':
    case 'url':
    case 'phone':
    case 'picklist':
    case 'multipicklist': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        return wrongType();
      const text = String(value);
      if (field.length !== undefined && text.length > field.length) {
        return {
          error: fieldError(
            'STRING_TOO_LONG',
            `${field.label}: data value too large: ${text} (max length=${field.length})`,
            field.name,
          ),
        };
      }
      if (field.type === 'email' && text !== '' && !EMAIL.test(text))
        return {
          error: fieldError(
            'INVALID_EMAIL_ADDRESS',
            `${field.label}: invalid email address: ${text}`,
            field.name,
          ),
        };
      if (field.picklist?.restricted && text !== '') {
        const allowed = new Set(field.picklist.values.map((entry) => entry.value));
        const chosen = field.type === 'multipicklist' ? text.split(';') : [text];
        const bad = chosen.find((entry) => !allowed.has(entry));
        if (bad !== undefined)
          return {
            error: fieldError(
              'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
              `${field.label}: bad value for restricted picklist field: ${bad}`,
              field.name,
            ),
          };
      }
      return { value: text === '' ? null : text };
    }
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const number =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      if (!Number.isFinite(number)) return wrongType();
      const integerDigits = Math.trunc(Math.abs(number)).toString().length;
      if (field.precision !== undefined && integerDigits > field.precision - (field.scale ?? 0)) {
        return {
          error: fieldError(
            'NUMBER_OUTSIDE_VALID_RANGE',
            `${field.label}: value outside of valid range on numeric field: ${number}`,
            field.name,
          ),
        };
      }
      return { value: number };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { value };
      if (value === 'true' || value === 'false') return { value: value === 'true' };
      return wrongType();
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? { value }
        : wrongType();
    case 'datetime':
      return typeof value === 'string' &&
        DATETIME.test(value) &&
        !Number.isNaN(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')))
        ? { value }
        : wrongType();
    case 'reference':
    case 'id':
      if (typeof value !== 'string' || !ID.test(value))
        return {
          error: fieldError(
            'MALFORMED_ID',
            `${field.label}: id value of incorrect type: ${String(value)}`,
            field.name,
          ),
        };
      return { value };
    default:
      return wrongType();
  }
}

/** Fields a user with "Set Audit Fields upon Record Creation" may give on insert (never on update). */
const AUDIT_FIELDS = new Set([
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
]);

function setsAuditFields(check: WriteCheck, field: string): boolean {
  return (
    AUDIT_FIELDS.has(field) && check.user?.userPermissions?.includes('CreateAuditFields') === true
  );
}

/**
 * Checks `values` for a create (no `existing`) or an update of `object`: unknown fields, fields the
 * caller may not see or edit, read-only fields, types, lengths, restricted picklists and required
 * fields. Returns the values in their canonical names and types, or every error found.
 */
export function checkWrite(
  check: WriteCheck,
  object: string,
  values: Record<string, unknown>,
  existing?: Record<string, unknown>,
): CheckedWrite {
  const schema = check.schema.object(object);
  if (!schema)
    return {
      ok: false,
      errors: [
        {
          statusCode: 'NOT_FOUND',
          message: `The requested resource does not exist: sObject type '${object}' is not supported.`,
          fields: [],
        },
      ],
    };
  const access =
    check.policy && check.user ? check.policy.objectAccess(check.user, schema.name) : null;
  if (access && !(existing ? access.edit : access.create)) {
    return {
      ok: false,
      errors: [
        {
          statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
          message: 'insufficient access rights on object id',
          fields: [],
        },
      ],
    };
  }
  const errors: RecordError[] = [];
  const readOnly: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = check.schema.field(schema.name, name);
    const visible =
      field &&
      (!check.policy ||
        !check.user ||
        check.policy.fieldAccess(check.user, schema.name, field).read);
    if (!field || !visible) {
      errors.push({
        statusCode: 'INVALID_FIELD',
        message: `No such column '${name}' on sobject of type ${schema.name}`,
        fields: [],
      });
      continue;
    }
    const editable =
      (check.policy && check.user
        ? check.policy.fieldAccess(check.user, schema.name, field).edit
        : !field.system && !field.calculated) ||
      (existing === undefined && setsAuditFields(check, field.name));
    const locked = existing !== undefined && field.createOnly && existing[field.name] !== value;
    if (!editable || locked) {
      readOnly.push(field.name);
      continue;
    }
    const coerced = coerce(field, value);
    if ('error' in coerced) errors.push(coerced.error);
    else out[field.name] = coerced.value;
  }
  if (readOnly.length > 0) {
    errors.push({
      statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields: readOnly,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  // A create must fill every required field; an update may not empty one.
  const blank = (value: unknown) => value === undefined || value === null || value === '';
  const missing = [...schema.fields.values()]
    .filter(
      (field) =>
        field.required &&
        !field.system &&
        !field.calculated &&
        !field.autoNumber &&
        field.name !== 'OwnerId',
    )
    .filter((field) =>
      existing ? field.name in out && blank(out[field.name]) : blank(out[field.name]),
    )
    .map((field) => field.name);
  if (missing.length > 0)
    return {
      ok: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: `Required fields are missing: [${missing.join(', ')}]`,
          fields: missing,
        },
      ],
    };
  return { ok: true, values: out };
}
