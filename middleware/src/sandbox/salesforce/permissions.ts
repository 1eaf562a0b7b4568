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
export type ProfileName = 'System Administrator' | 'Standard User' | 'Minimum Access - API Only Integrations';

export interface OrgUser {
  Id: string;
  Username: string;
  profile: ProfileName;
  permissionSets: string[];
}

const NO_ACCESS: ObjectAccess = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

export async function loadPermissionSets(forceAppDir: string): Promise<Map<string, PermissionSetDefinition>> {
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
    const xml = (parseMetadataXml(await readFile(join(dir, file), 'utf8')).PermissionSet ?? {}) as Record<string, unknown>;
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

const ALL_ACCESS: ObjectAccess = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };

/**
 * Decides access for one user. The rule (a simplification of Salesforce's, documented in the README):
 * - System Administrator (Modify All Data) reads and edits everything.
 * - A custom object, or a standard object one of the user's permission sets names, is reachable only
 *   through the union of the user's permission sets; other standard objects follow the profile
 *   (Standard User: read, create, edit; the API-only integration profile: read).
 * - A field any package permission set names (custom fields always) is readable or editable only when
 *   one of the user's sets grants it; compound parts follow their compound (BillingCity by
 *   BillingAddress). Other fields follow the object. Platform-set and formula fields are never edited.
 */
export class AccessPolicy {
  private readonly governedFields = new Set<string>();

  constructor(private readonly schema: OrgSchema, private readonly permissionSets: Map<string, PermissionSetDefinition>) {
    for (const set of permissionSets.values()) for (const field of set.fields.keys()) this.governedFields.add(field.toLowerCase());
  }

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
    const grants = this.sets(user).flatMap((set) => set.objects.get(schema.name) ?? []);
    if (grants.length === 0 && !schema.custom) {
      const writes = user.profile === 'Standard User';
      return { ...NO_ACCESS, read: true, create: writes, edit: writes };
    }
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
    if (field.alwaysAccessible || (!field.custom && !this.governedFields.has(key.toLowerCase()))) {
      return { read: true, edit: writable && (objectAccess.edit || objectAccess.create) };
    }
    const grants = this.sets(user).flatMap((set) => set.fields.get(key) ?? []);
    const read = grants.some((grant) => grant.read || grant.edit);
    return { read, edit: writable && grants.some((grant) => grant.edit) };
  }

  canRead(user: OrgUser, object: string, fieldName: string): boolean {
    const field = this.schema.field(object, fieldName);
    return field !== undefined && this.fieldAccess(user, object, field).read;
  }
}
