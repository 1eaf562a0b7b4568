// Field- and object-level security in the local org, read from force-app's permission sets: what a
// user may read and edit is what their permission sets grant, as in a real org, so the integration
// user is refused a field its permission set leaves out with Salesforce's own error.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMetadataXml, type FieldSchema, type OrgSchema } from './schema.js';

export interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface PermissionSetDefinition {
  name: string;
  label: string;
  objects: Map<string, ObjectAccess>;
  /** `Object.Field` → access. */
  fields: Map<string, { read: boolean; edit: boolean }>;
}

/** The profile decides what no permission set speaks of. */
export type ProfileName =
  | 'System Administrator'
  | 'Standard User'
  | 'Minimum Access - API Only Integrations';

export interface OrgUser {
  Id: string;
  Username: string;
  profile: ProfileName;
  permissionSets: string[];
  /** System permissions beyond the profile's, by their API name (`CreateAuditFields`). */
  userPermissions?: string[];
}

const NO_ACCESS: ObjectAccess = {
  read: false,
  create: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false,
};

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

export async function loadPermissionSets(
  forceAppDir: string,
): Promise<Map<string, PermissionSetDefinition>> {
  const dir = join(forceAppDir, 'main', 'default', 'permissionsets');
  const out = new Map<string, PermissionSetDefinition>();
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.permissionset-meta.xml')).sort();
  } catch {
    return out;
  }
  for (const file of files) {
    const name = file.replace(/\.permissionset-meta\.xml$/, '');
    const xml = (parseMetadataXml(await readFile(join(dir, file), 'utf8')).PermissionSet ??
      {}) as Record<string, unknown>;
    const objects = new Map<string, ObjectAccess>();
    for (const entry of (xml.objectPermissions ?? []) as Array<Record<string, unknown>>) {
      objects.set(String(entry.object), {
        read: flag(entry.allowRead),
        create: flag(entry.allowCreate),
        edit: flag(entry.allowEdit),
        delete: flag(entry.allowDelete),
        viewAll: flag(entry.viewAllRecords),
        modifyAll: flag(entry.modifyAllRecords),
      });
    }
    // Custom metadata types are granted read through their own element.
    for (const entry of (xml.customMetadataTypeAccesses ?? []) as Array<Record<string, unknown>>) {
      if (flag(entry.enabled)) objects.set(String(entry.name), { ...NO_ACCESS, read: true });
    }
    const fields = new Map<string, { read: boolean; edit: boolean }>();
    for (const entry of (xml.fieldPermissions ?? []) as Array<Record<string, unknown>>) {
      fields.set(String(entry.field), { read: flag(entry.readable), edit: flag(entry.editable) });
    }
    out.set(name, { name, label: String(xml.label ?? name), objects, fields });
  }
  return out;
}

/** Standard objects every user reads, whatever the profile (the platform's own records and directories). */
const EVERYONE_READS = new Set([
  'User',
  'Group',
  'QueueSobject',
  'Organization',
  'OpportunityContactRole',
]);

/** What the profile grants before any permission set: permission sets only add to it. */
function profileAccess(profile: ProfileName, object: string, custom: boolean): ObjectAccess {
  if (profile === 'Standard User' && !custom)
    return { ...NO_ACCESS, read: true, create: true, edit: true };
  if (EVERYONE_READS.has(object)) return { ...NO_ACCESS, read: true };
  return NO_ACCESS;
}

const ALL_ACCESS: ObjectAccess = {
  read: true,
  create: true,
  edit: true,
  delete: true,
  viewAll: true,
  modifyAll: true,
};

/**
 * Decides access for one user. The rule (a simplification of Salesforce's, documented in the README):
 * - System Administrator (Modify All Data) reads and edits everything.
 * - Object access is the profile's grant (Standard User: read, create, edit on standard objects; the
 *   API-only integration profile: read on users, groups, queues and the organization) plus whatever
 *   the user's permission sets add.
 * - A custom field is readable or editable only when one of the user's sets grants it; compound parts
 *   follow their compound (BillingCity by BillingAddress). A standard field the user's sets do not
 *   name follows the profile: Standard User reads and edits it, the API-only integration profile
 *   neither. Required, master-detail, name and platform fields need no grant. Platform-set and formula
 *   fields are never edited.
 */
export class AccessPolicy {
  constructor(
    private readonly schema: OrgSchema,
    private readonly permissionSets: Map<string, PermissionSetDefinition>,
  ) {}

  permissionSet(name: string): PermissionSetDefinition | undefined {
    return this.permissionSets.get(name);
  }

  isAdmin(user: OrgUser): boolean {
    return user.profile === 'System Administrator';
  }

  private sets(user: OrgUser): PermissionSetDefinition[] {
    return user.permissionSets.flatMap((name) => this.permissionSets.get(name) ?? []);
  }

  objectAccess(user: OrgUser, object: string): ObjectAccess {
    if (this.isAdmin(user)) return ALL_ACCESS;
    const schema = this.schema.object(object);
    if (!schema) return NO_ACCESS;
    const grants = [
      profileAccess(user.profile, schema.name, schema.custom),
      ...this.sets(user).flatMap((set) => set.objects.get(schema.name) ?? []),
    ];
    return grants.reduce<ObjectAccess>(
      (sum, grant) => ({
        read: sum.read || grant.read,
        create: sum.create || grant.create,
        edit: sum.edit || grant.edit,
        delete: sum.delete || grant.delete,
        viewAll: sum.viewAll || grant.viewAll,
        modifyAll: sum.modifyAll || grant.modifyAll,
      }),
      NO_ACCESS,
    );
  }

  fieldAccess(user: OrgUser, object: string, field: FieldSchema): { read: boolean; edit: boolean } {
    const writable = !field.system && !field.calculated;
    if (this.isAdmin(user)) return { read: true, edit: writable };
    const objectAccess = this.objectAccess(user, object);
    if (!objectAccess.read) return { read: false, edit: false };
    const objectName = this.schema.object(object)?.name ?? object;
    const key = `${objectName}.${field.compoundField ?? field.name}`;
    const objectWrites = objectAccess.edit || objectAccess.create;
    if (field.alwaysAccessible) return { read: true, edit: writable && objectWrites };
    const grants = this.sets(user).flatMap((set) => set.fields.get(key) ?? []);
    // A standard field no permission set of the user grants follows the profile.
    if (grants.length === 0 && !field.custom && user.profile === 'Standard User')
      return { read: true, edit: writable && objectWrites };
    const read = grants.some((grant) => grant.read || grant.edit);
    return { read, edit: writable && objectWrites && grants.some((grant) => grant.edit) };
  }

  canRead(user: OrgUser, object: string, fieldName: string): boolean {
    const field = this.schema.field(object, fieldName);
    return field !== undefined && this.fieldAccess(user, object, field).read;
  }
}
