// The local org's schema is the package: objects and fields are read from force-app's metadata XML at
// start (types, lengths, picklists, required, references, formulas), on top of the standard objects
// the product uses, so a field added to force-app exists in the local org with no code change.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEY_PREFIXES } from './org.js';
import { fieldFromMetadata, parseMetadataXml, text } from './field-metadata.js';
import { OrgSchema, type FieldSchema, type ObjectSchema, type SharingModel } from './org-schema.js';
import {
  auditFields,
  buildObject,
  field,
  currencyField,
  STANDARD_OBJECTS,
} from './standard-objects.js';

export * from './org-schema.js';
export { buildObject, fieldFromMetadata, parseMetadataXml };

function nameField(objectXml: Record<string, unknown>): FieldSchema {
  const name = (objectXml.nameField ?? {}) as Record<string, unknown>;
  const autoNumber = text(name.type) === 'AutoNumber';
  return {
    name: 'Name',
    label: text(name.label) ?? 'Name',
    type: 'string',
    length: 80,
    required: !autoNumber,
    calculated: autoNumber,
    custom: false,
    alwaysAccessible: true,
    ...(autoNumber ? { autoNumber: true } : {}),
  };
}

async function listXml(dir: string, suffix: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(suffix)).sort();
  } catch {
    return [];
  }
}

/** A custom metadata record's two names: required, and readable with the type. */
const METADATA_NAME = { length: 40, required: true, alwaysAccessible: true };

/**
 * Reads `<forceApp>/main/default/objects`: each custom object (`__c`) with its fields, and the custom
 * fields force-app adds to standard objects. Custom metadata types (`__mdt`) are read as objects too,
 * since the product queries them the same way.
 */
export async function loadSchema(forceAppDir: string): Promise<OrgSchema> {
  const objectsDir = join(forceAppDir, 'main', 'default', 'objects');
  const standard = new Map(STANDARD_OBJECTS.map((object) => [object.name, object]));
  const objects = new Map<string, ObjectSchema>();
  let customIndex = 0;
  for (const objectName of (await readdir(objectsDir)).sort()) {
    const dir = join(objectsDir, objectName);
    const fields: FieldSchema[] = [];
    for (const file of await listXml(join(dir, 'fields'), '.field-meta.xml')) {
      const source = join(dir, 'fields', file);
      const field = fieldFromMetadata(parseMetadataXml(await readFile(source, 'utf8')), source);
      // Custom metadata fields have no field-level security: access to the type is access to its fields.
      fields.push(objectName.endsWith('__mdt') ? { ...field, alwaysAccessible: true } : field);
    }
    const base = standard.get(objectName);
    if (base) {
      standard.delete(objectName);
      objects.set(
        objectName,
        buildObject({ ...base, fields: [...base.fields.values(), ...fields] }),
      );
      continue;
    }
    const objectFile = join(dir, `${objectName}.object-meta.xml`);
    const xml = (parseMetadataXml(await readFile(objectFile, 'utf8')).CustomObject ?? {}) as Record<
      string,
      unknown
    >;
    customIndex++;
    const isMetadataType = objectName.endsWith('__mdt');
    const systemFields = isMetadataType
      ? auditFields(true)
          .filter((field) => !['OwnerId', 'IsDeleted'].includes(field.name))
          .concat([
            field('DeveloperName', 'Custom Metadata Record Name', 'string', METADATA_NAME),
            field('MasterLabel', 'Label', 'string', METADATA_NAME),
          ])
      : [...auditFields(true), currencyField('Currency ISO Code')];
    const hasMaster = fields.some((field) => field.masterDetail);
    objects.set(
      objectName,
      buildObject({
        name: objectName,
        label: text(xml.label) ?? objectName,
        labelPlural: text(xml.pluralLabel) ?? text(xml.label) ?? objectName,
        keyPrefix:
          KEY_PREFIXES[objectName] ??
          `${isMetadataType ? 'm1' : 'a1'}${customIndex.toString(36).toUpperCase()}`,
        custom: true,
        sharingModel:
          (text(xml.sharingModel) as SharingModel | undefined) ??
          (hasMaster ? 'ControlledByParent' : 'ReadWrite'),
        // A detail object has no owner: its master's owner stands for it.
        fields: [
          ...systemFields.filter((field) => !(hasMaster && field.name === 'OwnerId')),
          nameField(xml),
          ...fields,
        ],
      }),
    );
  }
  for (const object of standard.values()) objects.set(object.name, object);
  return new OrgSchema(objects);
}
