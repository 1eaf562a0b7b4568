// Gathers from an org what `checkPackage` compares: describes of the package's objects, which of its
// permission sets exist, what the integration permission set grants and who holds it.
import { describeIfPresent, queryAll, type OrgConnection } from './org-connection.js';
import { soqlString } from '../soql.js';
import { VALUE_MAP_OBJECT } from '../../core/salesforce-fields.js';
import { valueMapQuery } from '../../portals/mapping/org-value-maps.js';
import {
  INTEGRATION_PERMISSION_SET,
  PACKAGE_OBJECTS,
  PACKAGE_PERMISSION_SETS,
  packageFields,
  type OrgPackageFacts,
} from './package-check.js';

async function all(
  connection: OrgConnection,
  soql: string,
): Promise<Array<Record<string, unknown>>> {
  const records: Array<Record<string, unknown>> = [];
  for await (const record of queryAll(connection, soql)) records.push(record);
  return records;
}

export async function gatherPackageFacts(
  connection: OrgConnection,
  options: { integrationUsername?: string; picklists?: readonly string[] } = {},
): Promise<OrgPackageFacts> {
  const wanted = new Map<string, string[]>();
  for (const picklist of options.picklists ?? []) {
    const [object, field] = picklist.split('.') as [string, string];
    wanted.set(object, [...(wanted.get(object) ?? []), field]);
  }
  const objectNames = [
    ...new Set([
      'Opportunity',
      ...PACKAGE_OBJECTS,
      ...Object.keys(packageFields()),
      ...wanted.keys(),
    ]),
  ];
  const objects: Record<string, string[] | null> = {};
  const picklistValues: Record<string, string[]> = {};
  for (const name of objectNames) {
    const described = await describeIfPresent(connection, name);
    objects[name] = described ? described.fields.map((field) => field.name) : null;
    for (const field of described?.fields ?? []) {
      if (!wanted.get(name)?.includes(field.name) || !field.picklistValues) continue;
      picklistValues[`${name}.${field.name}`] = field.picklistValues
        .filter((entry) => entry.active !== false)
        .map((entry) => entry.value);
    }
  }
  const names = PACKAGE_PERMISSION_SETS.map(soqlString).join(', ');
  const permissionSets = (
    await all(connection, `SELECT Name FROM PermissionSet WHERE Name IN (${names})`)
  ).map((record) => String(record.Name));
  const parent = `Parent.Name = ${soqlString(INTEGRATION_PERMISSION_SET)}`;
  const integrationObjectAccess = permissionSets.includes(INTEGRATION_PERMISSION_SET)
    ? (
        await all(
          connection,
          `SELECT SobjectType, PermissionsRead, PermissionsCreate, PermissionsEdit FROM ObjectPermissions WHERE ${parent}`,
        )
      ).map((record) => ({
        sobject: String(record.SobjectType),
        read: record.PermissionsRead === true,
        create: record.PermissionsCreate === true,
        edit: record.PermissionsEdit === true,
      }))
    : [];
  const integrationFieldAccess = permissionSets.includes(INTEGRATION_PERMISSION_SET)
    ? (
        await all(
          connection,
          `SELECT Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ${parent}`,
        )
      ).map((record) => ({
        field: String(record.Field),
        read: record.PermissionsRead === true,
        edit: record.PermissionsEdit === true,
      }))
    : [];
  const facts: OrgPackageFacts = {
    objects,
    permissionSets,
    integrationObjectAccess,
    integrationFieldAccess,
  };
  if (options.picklists) {
    facts.picklistValues = picklistValues;
    facts.valueMapRecords = objects[VALUE_MAP_OBJECT] ? await all(connection, valueMapQuery()) : [];
  }
  if (options.integrationUsername) {
    const username = soqlString(options.integrationUsername);
    const users = await all(
      connection,
      `SELECT Id FROM User WHERE Username = ${username} AND IsActive = true`,
    );
    const assignments = users.length
      ? await all(
          connection,
          `SELECT Id FROM PermissionSetAssignment WHERE Assignee.Username = ${username} AND PermissionSet.Name = ${soqlString(INTEGRATION_PERMISSION_SET)}`,
        )
      : [];
    facts.integrationUser = {
      username: options.integrationUsername,
      exists: users.length > 0,
      assigned: assignments.length > 0,
    };
  }
  return facts;
}
