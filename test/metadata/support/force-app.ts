// Reads the package's metadata the way Salesforce's own tooling does (SDR), so the metadata tests share one
// view of force-app: its components, every field's definition and every permission set's grants.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ComponentSet, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { REPO_ROOT } from '../../../scripts/metadata/metadata-xsd.js';

export const FORCE_APP = path.join(REPO_ROOT, 'force-app');
export const DEFAULT_DIR = path.join(FORCE_APP, 'main', 'default');

/** XML as SDR parses it: text values are strings, a repeated element is an array, a single one is not. */
export type Xml = Record<string, unknown>;

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The root element's content of a component's XML file, as SDR parses it. */
export function rootOf(component: SourceComponent, rootElement: string): Xml {
  const parsed = component.parseXmlSync() as Record<string, unknown>;
  const root = parsed[rootElement];
  if (typeof root !== 'object' || root === null)
    throw new Error(`${component.fullName} has no <${rootElement}> root`);
  return root as Xml;
}

let cached: SourceComponent[] | undefined;
/** Every source component in force-app (SDR honours .forceignore). Resolved once per test file. */
export function sourceComponents(): SourceComponent[] {
  cached ??= ComponentSet.fromSource(FORCE_APP).getSourceComponents().toArray();
  return cached;
}

export interface FieldDefinition {
  object: string;
  name: string;
  type: string;
  required: boolean;
  formula: boolean;
  externalId: boolean;
  unique: boolean;
  /** Picklist value API names in order; empty for other types. */
  values: string[];
  defaultValue: string | undefined;
  inlineHelpText: string | undefined;
}

function fieldFrom(object: string, xml: Xml): FieldDefinition {
  const valueSet = xml.valueSet as Xml | undefined;
  const definition = valueSet?.valueSetDefinition as Xml | undefined;
  const values = asArray(definition?.value as Xml | Xml[] | undefined);
  const defaultValue = values.find((value) => value.default === 'true');
  return {
    object,
    name: String(xml.fullName),
    type: String(xml.type),
    required: xml.required === 'true',
    formula: typeof xml.formula === 'string',
    externalId: xml.externalId === 'true',
    unique: xml.unique === 'true',
    values: values.map((value) => String(value.fullName)),
    defaultValue: defaultValue ? String(defaultValue.fullName) : undefined,
    inlineHelpText: typeof xml.inlineHelpText === 'string' ? xml.inlineHelpText : undefined,
  };
}

/**
 * Custom fields keyed `Object.Field`. Fields of custom objects arrive as children of their object; fields of
 * standard objects (Opportunity) arrive as standalone CustomField components named `Object.Field`.
 */
export function customFields(): Map<string, FieldDefinition> {
  const fields = new Map<string, FieldDefinition>();
  for (const component of sourceComponents()) {
    const candidates =
      component.type.name === 'CustomObject' ? component.getChildren() : [component];
    for (const candidate of candidates) {
      if (candidate.type.name !== 'CustomField') continue;
      const [object] = candidate.fullName.split('.');
      const xml = rootOf(candidate, 'CustomField');
      const field = fieldFrom(object ?? '', xml);
      fields.set(`${field.object}.${field.name}`, field);
    }
  }
  return fields;
}

/** The platform grants these to anyone with object access; a permission set may not list them. */
export function isPlatformGranted(field: FieldDefinition): boolean {
  return field.required || field.type === 'MasterDetail';
}

export interface ObjectGrant {
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface PermissionSetGrants {
  objects: Map<string, ObjectGrant>;
  /** `Object.Field` → editable. */
  fields: Map<string, { readable: boolean; editable: boolean }>;
  customMetadataTypes: string[];
  customPermissions: string[];
  userPermissions: string[];
  tabs: Map<string, string>;
  applications: string[];
}

export function permissionSet(name: string): PermissionSetGrants {
  const component = sourceComponents().find(
    (c) => c.type.name === 'PermissionSet' && c.fullName === name,
  );
  if (!component) throw new Error(`permission set ${name} not found in force-app`);
  const xml = rootOf(component, 'PermissionSet');
  const flag = (value: unknown) => value === 'true';
  return {
    objects: new Map(
      asArray(xml.objectPermissions as Xml | Xml[] | undefined).map((grant) => [
        String(grant.object),
        {
          allowCreate: flag(grant.allowCreate),
          allowRead: flag(grant.allowRead),
          allowEdit: flag(grant.allowEdit),
          allowDelete: flag(grant.allowDelete),
          viewAllRecords: flag(grant.viewAllRecords),
          modifyAllRecords: flag(grant.modifyAllRecords),
        },
      ]),
    ),
    fields: new Map(
      asArray(xml.fieldPermissions as Xml | Xml[] | undefined).map((grant) => [
        String(grant.field),
        { readable: flag(grant.readable), editable: flag(grant.editable) },
      ]),
    ),
    customMetadataTypes: asArray(xml.customMetadataTypeAccesses as Xml | Xml[] | undefined)
      .filter((grant) => flag(grant.enabled))
      .map((grant) => String(grant.name)),
    customPermissions: asArray(xml.customPermissions as Xml | Xml[] | undefined)
      .filter((grant) => flag(grant.enabled))
      .map((grant) => String(grant.name)),
    userPermissions: asArray(xml.userPermissions as Xml | Xml[] | undefined)
      .filter((grant) => flag(grant.enabled))
      .map((grant) => String(grant.name)),
    tabs: new Map(
      asArray(xml.tabSettings as Xml | Xml[] | undefined).map((tab) => [
        String(tab.tab),
        String(tab.visibility),
      ]),
    ),
    applications: asArray(xml.applicationVisibilities as Xml | Xml[] | undefined)
      .filter((app) => flag(app.visible))
      .map((app) => String(app.application)),
  };
}

/** Files under `dir` (recursive) whose name ends with `suffix`. */
export function filesEndingWith(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
