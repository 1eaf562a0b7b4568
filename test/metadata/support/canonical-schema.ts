// Reads the canonical zod model as Salesforce field kinds: which kind each mapped custom field carries
// (enum values included), and which Salesforce field types can hold that kind without loss.
import type { z } from 'zod';
import {
  Counterpart,
  CoSellOpportunity,
  Engagement,
  InboundReferral,
} from '../../../middleware/src/core/model.js';
import {
  COUNTERPART_FIELDS,
  COUNTERPART_OBJECT,
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  OPPORTUNITY_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
} from '../../../middleware/src/core/salesforce-fields.js';

export type Canonical =
  | 'enum'
  | 'enum[]'
  | 'string'
  | 'email'
  | 'datetime'
  | 'date'
  | 'number'
  | 'boolean'
  | 'json';
/** Salesforce field types that can carry each canonical kind without loss. */
export const COMPATIBLE: Record<Canonical, string[]> = {
  enum: ['Picklist'],
  'enum[]': ['MultiselectPicklist'],
  string: ['Text', 'TextArea', 'LongTextArea', 'Url', 'Phone', 'Lookup', 'MasterDetail'],
  email: ['Email'],
  datetime: ['DateTime'],
  date: ['Date'],
  number: ['Number', 'Currency', 'Percent'],
  boolean: ['Checkbox'],
  json: ['LongTextArea'],
};

// zod 4 keeps its definition on `_zod.def`; wrappers (nullable, default...) hold the real schema as innerType.
interface Def {
  type: string;
  innerType?: Schema;
  out?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  format?: string;
  entries?: Record<string, string>;
}
interface Schema {
  _zod: { def: Def };
  shape?: Record<string, Schema>;
}
const WRAPPERS = new Set(['nullable', 'optional', 'default', 'prefault', 'readonly', 'catch']);

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    // A value read leniently (a cloud in any case) is judged by what it parses to.
    else if (def.type === 'pipe' && def.out) current = def.out;
    else return current;
  }
}

/** The schema at a dot path of the canonical model, unwrapped. */
function schemaAt(root: z.ZodType, dotPath: string): Schema {
  let current = unwrap(root as unknown as Schema);
  for (const key of dotPath.split('.')) {
    const next = current.shape?.[key];
    if (!next) throw new Error(`canonical path ${dotPath} not found at ${key}`);
    current = unwrap(next);
  }
  return current;
}

function canonicalKind(schema: Schema): { kind: Canonical; values?: string[] } {
  const { type, format, entries, element } = schema._zod.def;
  if (type === 'enum') return { kind: 'enum', values: Object.values(entries ?? {}) };
  if (type === 'array' && element) {
    const inner = unwrap(element);
    if (inner._zod.def.type === 'enum')
      return { kind: 'enum[]', values: Object.values(inner._zod.def.entries ?? {}) };
    return { kind: 'json' };
  }
  if (type === 'string') {
    if (format === 'datetime') return { kind: 'datetime' };
    if (format === 'date') return { kind: 'date' };
    if (format === 'email') return { kind: 'email' };
    return { kind: 'string' };
  }
  if (type === 'number') return { kind: 'number' };
  if (type === 'boolean') return { kind: 'boolean' };
  throw new Error(`no Salesforce mapping for zod type ${type}`);
}

export interface MappedField {
  object: string;
  path: string;
  apiName: string;
  canonical: { kind: Canonical; values?: string[] };
}

/** Every custom field the canonical tables name, with the canonical schema it carries. */
export function mappedCustomFields(): MappedField[] {
  const tables: Array<
    [string, Record<string, string>, (p: string) => { kind: Canonical; values?: string[] }]
  > = [
    ['Opportunity', OPPORTUNITY_FIELDS, (p) => canonicalKind(schemaAt(CoSellOpportunity, p))],
    [ENGAGEMENT_OBJECT, ENGAGEMENT_FIELDS, (p) => canonicalKind(schemaAt(Engagement, p))],
    [REFERRAL_OBJECT, REFERRAL_FIELDS, (p) => canonicalKind(schemaAt(InboundReferral, p))],
    [COUNTERPART_OBJECT, COUNTERPART_FIELDS, (p) => canonicalKind(schemaAt(Counterpart, p))],
  ];
  const mapped: MappedField[] = [];
  for (const [object, table, kindOf] of tables) {
    for (const [canonicalPath, apiName] of Object.entries(table)) {
      if (!apiName.endsWith('__c') || apiName.includes('.')) continue;
      // The engagement's opportunity is implied by nesting in the canonical model, not a property of it.
      const canonical =
        canonicalPath === 'opportunityId' && object === ENGAGEMENT_OBJECT
          ? { kind: 'string' as const }
          : kindOf(canonicalPath);
      mapped.push({ object, path: canonicalPath, apiName, canonical });
    }
  }
  return mapped;
}
