// Answers UserRecordAccess queries (may this user read or edit these records?) from the sharing model
// the package declares, so a service that authorises callers by asking the org gets an org's answer.
import { parseQuery, type WhereClause } from '@jetstreamapp/soql-parser-js';
import type { InMemoryOrg } from './org.js';
import type { AccessPolicy, OrgUser } from './permissions.js';
import type { OrgSchema } from './schema.js';
import { SoqlError } from './soql.js';

export interface RecordAccess {
  read: boolean;
  edit: boolean;
}

/**
 * The rule, in order:
 * 1. System Administrator (Modify All Data): read and edit.
 * 2. The record's owner: read and edit (edit still needs the object's edit permission).
 * 3. View All / Modify All on the object from a permission set: read / read and edit.
 * 4. Otherwise the object's org-wide default from force-app (`<sharingModel>`): Private → nothing,
 *    Read → read, ReadWrite → read and edit, ControlledByParent → the same answer for the master
 *    record (the first master-detail field). Opportunity is Private unless force-app says otherwise.
 * Object permissions cap the answer: no object read → nothing; no object edit → no edit.
 * Roles, sharing rules, teams and manual shares are not modelled.
 */
export function recordAccess(
  org: InMemoryOrg,
  schema: OrgSchema,
  policy: AccessPolicy,
  user: OrgUser,
  recordId: string,
  depth = 0,
): RecordAccess {
  const none = { read: false, edit: false };
  const object = [...schema.objects.values()].find(
    (candidate) => candidate.keyPrefix === recordId.slice(0, 3),
  );
  const record = object ? org.get(object.name, recordId) : undefined;
  if (!object || !record || depth > 5) return none;
  if (policy.isAdmin(user)) return { read: true, edit: true };
  const objectAccess = policy.objectAccess(user, object.name);
  if (!objectAccess.read) return none;
  const cap = (access: RecordAccess): RecordAccess => ({
    read: access.read,
    edit: access.read && access.edit && objectAccess.edit,
  });
  if (objectAccess.modifyAll) return { read: true, edit: true };
  if (record.OwnerId === user.Id) return cap({ read: true, edit: true });
  if (objectAccess.viewAll) return cap({ read: true, edit: false });
  switch (object.sharingModel) {
    case 'Read':
      return cap({ read: true, edit: false });
    case 'ReadWrite':
    case 'FullAccess':
      return cap({ read: true, edit: true });
    case 'ControlledByParent': {
      const master =
        [...object.fields.values()].find((field) => field.masterDetail) ??
        [...object.fields.values()].find(
          (field) => field.type === 'reference' && field.required && !field.system,
        );
      const parentId = master ? record[master.name] : undefined;
      return typeof parentId === 'string'
        ? cap(recordAccess(org, schema, policy, user, parentId, depth + 1))
        : none;
    }
    default:
      return none;
  }
}

function conditions(
  where: WhereClause | undefined,
  out: Array<{ field: string; operator: string; values: string[] }> = [],
): typeof out {
  if (!where) return out;
  const left = where.left as {
    field?: string;
    operator?: string;
    value?: string | string[];
    literalType?: unknown;
  } | null;
  if (!left?.field || !left.operator)
    throw new SoqlError(
      'MALFORMED_QUERY',
      'UserRecordAccess needs UserId = and RecordId = or IN conditions',
    );
  const raw = Array.isArray(left.value) ? left.value : [left.value ?? ''];
  out.push({
    field: left.field.toLowerCase(),
    operator: left.operator.toUpperCase(),
    values: raw.map((value) => value.replace(/^'|'$/g, '')),
  });
  if ('operator' in where && where.operator) {
    if (where.operator !== 'AND')
      throw new SoqlError('MALFORMED_QUERY', 'UserRecordAccess conditions must be joined with AND');
    conditions(where.right, out);
  }
  return out;
}

const ACCESS_FIELDS = new Map([
  ['recordid', 'RecordId'],
  ['hasreadaccess', 'HasReadAccess'],
  ['haseditaccess', 'HasEditAccess'],
]);

/** Runs `SELECT RecordId, HasReadAccess, HasEditAccess FROM UserRecordAccess WHERE UserId = … AND RecordId IN (…)`. */
export function queryUserRecordAccess(
  soql: string,
  version: string,
  answer: (userId: string, recordId: string) => RecordAccess,
): Array<Record<string, unknown>> {
  const query = parseQuery(soql);
  const fields = (query.fields ?? []).map((field) => {
    const name = field.type === 'Field' ? ACCESS_FIELDS.get(field.field.toLowerCase()) : undefined;
    if (!name)
      throw new SoqlError(
        'INVALID_FIELD',
        `No such column '${field.type === 'Field' ? field.field : field.type}' on entity 'UserRecordAccess' supported by the local org`,
      );
    return name;
  });
  if (query.orderBy || query.groupBy || query.offset !== undefined)
    throw new SoqlError(
      'MALFORMED_QUERY',
      'UserRecordAccess supports no ORDER BY, GROUP BY or OFFSET',
    );
  const found = conditions(query.where);
  const user = found.find(
    (condition) => condition.field === 'userid' && condition.operator === '=',
  );
  const records = found.find(
    (condition) =>
      condition.field === 'recordid' && (condition.operator === '=' || condition.operator === 'IN'),
  );
  if (!user || !records || found.length !== 2)
    throw new SoqlError(
      'MALFORMED_QUERY',
      'UserRecordAccess needs exactly UserId = and RecordId = or IN',
    );
  if (records.values.length > 200)
    throw new SoqlError('MALFORMED_QUERY', 'UserRecordAccess accepts at most 200 record ids');
  const rows = records.values.map((recordId) => {
    const access = answer(user.values[0]!, recordId);
    const values: Record<string, unknown> = {
      RecordId: recordId,
      HasReadAccess: access.read,
      HasEditAccess: access.edit,
    };
    return {
      attributes: {
        type: 'UserRecordAccess',
        url: `/services/data/v${version}/sobjects/UserRecordAccess/${recordId}`,
      },
      ...Object.fromEntries(fields.map((name) => [name, values[name]])),
    };
  });
  return query.limit !== undefined ? rows.slice(0, query.limit) : rows;
}
