// Reading force-app's metadata XML: the parser settings the package's files need, and one
// `<CustomField>` turned into the field describe reports (type, length, picklist, required, formula).
import { XMLParser } from 'fast-xml-parser';
import { SchemaError, type FieldSchema, type FieldType } from './org-schema.js';

export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

function number(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'value',
      'fieldPermissions',
      'objectPermissions',
      'customMetadataTypeAccesses',
      'customPermissions',
      'referenceTo',
    ].includes(name),
});

export function parseMetadataXml(xml: string): Record<string, unknown> {
  return parser.parse(xml) as Record<string, unknown>;
}

/** Describe's type for each numeric metadata type, and the scale it has when the XML names none. */
const NUMERIC_TYPES: Record<'Number' | 'Currency' | 'Percent', [FieldType, number]> = {
  Number: ['double', 0],
  Currency: ['currency', 2],
  Percent: ['percent', 0],
};

/** One `<CustomField>` as describe sees it; throws for a type the local org does not model. */
export function fieldFromMetadata(xml: Record<string, unknown>, source: string): FieldSchema {
  const field = (xml.CustomField ?? {}) as Record<string, unknown>;
  const name = text(field.fullName);
  const metadataType = text(field.type);
  if (!name || !metadataType)
    throw new SchemaError(`${source}: a CustomField needs fullName and type`);
  const label = text(field.label) ?? name;
  const formula = field.formula !== undefined;
  const required = flag(field.required);
  // Universally required and master-detail fields have no field-level security in Salesforce.
  const base = {
    name,
    label,
    custom: true,
    calculated: formula,
    required: required && !formula,
    ...(required || metadataType === 'MasterDetail' ? { alwaysAccessible: true } : {}),
    ...(flag(field.externalId) ? { externalId: true } : {}),
    ...(flag(field.unique) ? { unique: true } : {}),
  };
  const valueSet = field.valueSet as
    | { restricted?: unknown; valueSetDefinition?: { value?: Array<Record<string, unknown>> } }
    | undefined;
  const picklist = () => ({
    restricted: flag(valueSet?.restricted),
    values: (valueSet?.valueSetDefinition?.value ?? []).map((entry) => ({
      value: String(entry.fullName),
      label: text(entry.label) ?? String(entry.fullName),
      default: flag(entry.default),
    })),
  });
  switch (metadataType) {
    case 'Text':
      return { ...base, type: 'string', length: number(field.length) ?? 255 };
    case 'TextArea':
      return { ...base, type: 'textarea', length: 255 };
    case 'LongTextArea':
    case 'Html':
      return { ...base, type: 'textarea', length: number(field.length) ?? 32768 };
    case 'Email':
      return { ...base, type: 'email', length: 80 };
    case 'Url':
      return { ...base, type: 'url', length: 255 };
    case 'Phone':
      return { ...base, type: 'phone', length: 40 };
    case 'Picklist':
      return { ...base, type: 'picklist', length: 255, picklist: picklist() };
    case 'MultiselectPicklist':
      return { ...base, type: 'multipicklist', length: 4099, picklist: picklist() };
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const [type, scale] = NUMERIC_TYPES[metadataType];
      return {
        ...base,
        type,
        precision: number(field.precision) ?? 18,
        scale: number(field.scale) ?? scale,
      };
    }
    case 'DateTime':
      return { ...base, type: 'datetime' };
    case 'Date':
      return { ...base, type: 'date' };
    case 'Checkbox':
      // A checkbox is never null: it defaults to false.
      return { ...base, type: 'boolean', required: false };
    case 'Lookup':
    case 'MasterDetail': {
      const masterDetail = metadataType === 'MasterDetail';
      const relationship = text(field.relationshipName);
      return {
        ...base,
        type: 'reference',
        length: 18,
        required: masterDetail || required,
        referenceTo: (field.referenceTo as string[] | undefined) ?? [],
        relationshipName: name.replace(/__c$/, '__r'),
        ...(relationship ? { childRelationshipName: `${relationship}__r` } : {}),
        ...(masterDetail
          ? { masterDetail: true, createOnly: !flag(field.reparentableMasterDetail) }
          : {}),
      };
    }
    default:
      throw new SchemaError(
        `${source}: field type ${metadataType} is not modelled by the local org`,
      );
  }
}
