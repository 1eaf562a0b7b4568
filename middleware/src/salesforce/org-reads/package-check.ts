// What the co-sell package ships (objects, fields, permission sets, the integration user's access,
// all read from core/salesforce-fields.ts) compared with what an org has: one verdict per item, so
// `cosell setup check` can print exactly what is missing and why it matters.
import {
  COUNTERPART_OBJECT,
  ENGAGEMENT_OBJECT,
  METRIC_OBJECT,
  READINESS_OBJECT,
  JOINT_PURSUIT_OBJECT,
  REFERRAL_OBJECT,
  TRIAGE_RULE_FIELDS,
  TRIAGE_RULE_OBJECT,
  VALUE_MAP_FIELDS,
  VALUE_MAP_OBJECT,
} from '../../core/salesforce-fields.js';
import { INTEGRATION_ACCESS, INTEGRATION_CUSTOM_METADATA } from '../../core/integration-access.js';
import type { MappingConfig } from '../../portals/mapping/config.js';
import {
  mappedPicklists,
  orgValueMapsFromRecords,
  unmappedPicklistValues,
  ValueMapRecordError,
  withOrgValueMaps,
} from '../../portals/mapping/org-value-maps.js';
import type { PortalName } from '../../portals/portal.js';

/** The permission set the service's integration user runs with. */
export const INTEGRATION_PERMISSION_SET = 'CoSell_Integration';
/** Every permission set in force-app/main/default/permissionsets. */
export const PACKAGE_PERMISSION_SETS = [
  INTEGRATION_PERMISSION_SET,
  'CoSell_AE',
  'CoSell_Alliance_Ops',
  'CoSell_RevOps',
] as const;
/** Objects the package creates (the custom metadata type included). */
export const PACKAGE_OBJECTS = [
  ENGAGEMENT_OBJECT,
  REFERRAL_OBJECT,
  COUNTERPART_OBJECT,
  METRIC_OBJECT,
  READINESS_OBJECT,
  JOINT_PURSUIT_OBJECT,
  ...INTEGRATION_CUSTOM_METADATA,
] as const;

type AccessObject = keyof typeof INTEGRATION_ACCESS;

/** Custom fields the package adds, per object (standard fields are the org's own). */
export function packageFields(): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [object, access] of Object.entries(INTEGRATION_ACCESS) as Array<
    [AccessObject, (typeof INTEGRATION_ACCESS)[AccessObject]]
  >) {
    const custom = access.readFields.filter((field) => field.endsWith('__c'));
    if (custom.length > 0) fields[object] = [...new Set(custom)].sort();
  }
  fields[TRIAGE_RULE_OBJECT] = Object.values(TRIAGE_RULE_FIELDS).sort();
  fields[VALUE_MAP_OBJECT] = Object.values(VALUE_MAP_FIELDS).sort();
  return fields;
}

export interface ObjectPermission {
  sobject: string;
  read: boolean;
  create: boolean;
  edit: boolean;
}

export interface FieldPermission {
  /** `Object.Field`, as FieldPermissions.Field spells it. */
  field: string;
  read: boolean;
  edit: boolean;
}

export interface OrgPackageFacts {
  /** Field names per described object; null when the object does not exist in the org. */
  objects: Record<string, readonly string[] | null>;
  permissionSets: readonly string[];
  integrationObjectAccess: readonly ObjectPermission[];
  integrationFieldAccess: readonly FieldPermission[];
  /** Active values of each picklist a portal mapping reads (`Object.Field`), when the org has it. */
  picklistValues?: Record<string, string[]>;
  /** The org's CoSell_Value_Map__mdt records (empty when it has none or lacks the type). */
  valueMapRecords?: Array<Record<string, unknown>>;
  /** Present when the operator named the integration user. */
  integrationUser?: { username: string; exists: boolean; assigned: boolean };
}

export type SetupArea =
  | 'object'
  | 'field'
  | 'permission set'
  | 'object access'
  | 'field access'
  | 'integration user'
  | 'value map';

export interface SetupCheck {
  area: SetupArea;
  item: string;
  ok: boolean;
  /** What is wrong and what it breaks; empty when ok. */
  problem: string;
}

function check(area: SetupArea, item: string, problem: string | null): SetupCheck {
  return { area, item, ok: problem === null, problem: problem ?? '' };
}

function objectChecks(facts: OrgPackageFacts): SetupCheck[] {
  const checks: SetupCheck[] = [];
  for (const object of PACKAGE_OBJECTS) {
    checks.push(
      check(
        'object',
        object,
        facts.objects[object] ? null : 'not in the org: deploy or install the co-sell package',
      ),
    );
  }
  for (const [object, fields] of Object.entries(packageFields())) {
    const present = facts.objects[object];
    if (!present) continue; // the missing object is already reported
    const names = new Set(present);
    for (const field of fields)
      checks.push(
        check(
          'field',
          `${object}.${field}`,
          names.has(field)
            ? null
            : 'not in the org (or hidden from your user by field-level security)',
        ),
      );
  }
  return checks;
}

function accessChecks(facts: OrgPackageFacts): SetupCheck[] {
  if (!facts.permissionSets.includes(INTEGRATION_PERMISSION_SET)) return [];
  const checks: SetupCheck[] = [];
  const objects = new Map(
    facts.integrationObjectAccess.map((permission) => [permission.sobject, permission]),
  );
  const fields = new Map(
    facts.integrationFieldAccess.map((permission) => [permission.field, permission]),
  );
  for (const [object, access] of Object.entries(INTEGRATION_ACCESS) as Array<
    [AccessObject, (typeof INTEGRATION_ACCESS)[AccessObject]]
  >) {
    const granted = objects.get(object);
    const lacking = [
      granted?.read ? null : 'read',
      access.create && !granted?.create ? 'create' : null,
      access.update && !granted?.edit ? 'edit' : null,
    ].filter((name): name is string => name !== null);
    checks.push(
      check(
        'object access',
        object,
        lacking.length === 0
          ? null
          : `${INTEGRATION_PERMISSION_SET} does not grant ${lacking.join(', ')}`,
      ),
    );
    const editable = new Set<string>(access.editFields);
    for (const field of [...new Set(access.readFields)]) {
      const name = `${object}.${field}`;
      const permission = fields.get(name);
      const problem = !permission?.read
        ? `${INTEGRATION_PERMISSION_SET} cannot read it: the service would not see it`
        : editable.has(field) && !permission.edit
          ? `${INTEGRATION_PERMISSION_SET} cannot edit it: the service's write-back would fail`
          : null;
      checks.push(check('field access', name, problem));
    }
  }
  return checks;
}

const PORTAL_LABEL: Record<PortalName, string> = {
  aws: 'AWS',
  microsoft: 'Microsoft',
  google: 'Google',
};

/**
 * One check per portal and mapped picklist: every active value of the org's picklist must have a
 * portal value, from the shipped maps or the org's CoSell_Value_Map__mdt records.
 */
export function valueMapChecks(
  facts: OrgPackageFacts,
  mappings: Record<PortalName, MappingConfig>,
): SetupCheck[] {
  if (!facts.picklistValues) return [];
  let org;
  try {
    org = orgValueMapsFromRecords(
      facts.valueMapRecords ?? [],
      Object.fromEntries(
        Object.entries(mappings).map(([portal, config]) => [portal, Object.keys(config.valueMaps)]),
      ),
    );
  } catch (error) {
    if (!(error instanceof ValueMapRecordError)) throw error;
    return [check('value map', VALUE_MAP_OBJECT, error.issues.join('; '))];
  }
  const checks: SetupCheck[] = [];
  for (const [portal, shipped] of Object.entries(mappings) as Array<[PortalName, MappingConfig]>) {
    const config = withOrgValueMaps(shipped, org);
    const unmapped = new Map(
      unmappedPicklistValues(config, facts.picklistValues).map((entry) => [
        `${entry.field}|${entry.valueMap}`,
        entry,
      ]),
    );
    for (const picklist of mappedPicklists(config)) {
      if (!facts.picklistValues[picklist.field]) continue;
      const gap = unmapped.get(`${picklist.field}|${picklist.valueMap}`);
      checks.push(
        check(
          'value map',
          `${PORTAL_LABEL[portal]} ${picklist.field}`,
          gap
            ? `${gap.values.map((value) => `"${value}"`).join(', ')} map${gap.values.length === 1 ? 's' : ''} to nothing in ${PORTAL_LABEL[portal]}'s "${picklist.valueMap}" map: add ${VALUE_MAP_OBJECT} records (Setup > Custom Metadata Types > Co-Sell Value Map) with Portal ${PORTAL_LABEL[portal]} and Value Map ${picklist.valueMap}`
            : null,
        ),
      );
    }
  }
  return checks;
}

/** Every expected item with its verdict, in a stable order (objects, fields, permission sets, access, user). */
export function checkPackage(
  facts: OrgPackageFacts,
  mappings?: Record<PortalName, MappingConfig>,
): SetupCheck[] {
  const checks = objectChecks(facts);
  for (const name of PACKAGE_PERMISSION_SETS) {
    checks.push(
      check(
        'permission set',
        name,
        facts.permissionSets.includes(name)
          ? null
          : 'not in the org: deploy or install the co-sell package',
      ),
    );
  }
  checks.push(...accessChecks(facts));
  const user = facts.integrationUser;
  if (user) {
    const problem = !user.exists
      ? 'no active user with this username'
      : user.assigned
        ? null
        : `not assigned ${INTEGRATION_PERMISSION_SET}: assign it (sf org assign permset --name ${INTEGRATION_PERMISSION_SET} --on-behalf-of ${user.username})`;
    checks.push(check('integration user', user.username, problem));
  }
  if (mappings) checks.push(...valueMapChecks(facts, mappings));
  return checks;
}
