// The shape of a portal mapping configuration (config/mapping/<portal>.json), checked with zod when
// it is loaded so a typo in a field name or value map fails at start-up with the key to fix.
import { z } from 'zod';
import { Severity } from '../../core/model.js';
import { CONTACT_FIELDS, OPPORTUNITY_FIELDS } from '../../core/salesforce-fields.js';
import { PORTALS } from '../portal.js';
import { parsePath } from './paths.js';

/** How a canonical value becomes a portal value (and back, for read-back). */
export const Transform = z.enum([
  'text',
  'email',
  'phone',
  'country',
  'isoDate',
  'utcDateTime',
  'googleDate',
  'decimalString',
  'number',
  'googleMoney',
  'domain',
  'wrapList',
  'picklist',
  'picklistList',
  'picklistFirst',
]);
export type Transform = z.infer<typeof Transform>;

const OPPORTUNITY_PATHS = Object.keys(OPPORTUNITY_FIELDS);
const CONTACT_PATHS = Object.keys(CONTACT_FIELDS);

const PortalPath = z.string().refine(
  (path) => {
    try {
      parsePath(path);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a dotted portal path such as Customer.Account.CompanyName or Items[0].Name' },
);

const opportunityPath = z.enum(OPPORTUNITY_PATHS as [string, ...string[]], {
  error: (issue) =>
    `"${String(issue.input)}" is not a canonical opportunity field; use one of ${OPPORTUNITY_PATHS.join(', ')}`,
});
const contactPath = z.enum(CONTACT_PATHS as [string, ...string[]], {
  error: (issue) =>
    `"${String(issue.input)}" is not a canonical contact field; use one of ${CONTACT_PATHS.join(', ')}`,
});

/** Second link of the fallback chain: a value computed when the CRM value is missing or unusable. */
export const Expression = z.discriminatedUnion('kind', [
  /** Today (from `now`, UTC) plus `days`, as an ISO date: e.g. a past close date → today + 15. */
  z.strictObject({ kind: z.literal('daysFromNow'), days: z.number().int().min(0).max(3650) }),
  /** Another canonical field, optionally divided (Amount / 12 when the monthly spend is blank). */
  z.strictObject({
    kind: z.literal('fromField'),
    from: opportunityPath,
    divideBy: z.number().positive().optional(),
  }),
]);
export type Expression = z.infer<typeof Expression>;

const ruleCommon = {
  /** Where the value goes in the portal payload. */
  path: PortalPath,
  transform: Transform.default('text'),
  /** Name of an entry in `valueMaps`, for the picklist transforms. */
  valueMap: z.string().optional(),
  /** Picklist values with no entry: drop them (`reject`) or send them as they are (`passThrough`). */
  unmapped: z.enum(['reject', 'passThrough']).default('reject'),
  /** When a picklist value fell back to `default`, the raw CRM value goes here (ACE OtherIndustry). */
  otherPath: PortalPath.optional(),
  /** A value the portal needs: when the whole chain yields nothing, a finding of `severity`. */
  required: z.boolean().default(false),
  severity: Severity.default('error'),
  /** Why the portal needs it, in a rep's words: "AWS reviews the deal against it". */
  why: z.string().optional(),
  /** A CRM value is used only when it passes: `dateNotInPast` turns a past date into a fallback. */
  guard: z.enum(['dateNotInPast']).optional(),
  expression: Expression.optional(),
  default: z.json().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  /** Over-long text is cut to `maxLength` with a warning instead of being reported as an error. */
  truncate: z.boolean().default(false),
  /** Written only when an earlier rule wrote this portal path (spend currency only with an amount). */
  onlyWith: PortalPath.optional(),
  /** The Salesforce field label the rep sees, when the built-in label is not the org's. */
  label: z.string().optional(),
};

export const FieldRule = z
  .strictObject({
    ...ruleCommon,
    /** Canonical field that feeds the portal field (its Salesforce API name follows from it). */
    from: opportunityPath.optional(),
    /** A constant the portal always gets (Catalog, Frequency); no CRM field behind it. */
    value: z.json().optional(),
  })
  .refine((rule) => (rule.from === undefined) !== (rule.value === undefined), {
    message: 'give exactly one of "from" (a canonical field) or "value" (a constant)',
  });
export type FieldRule = z.infer<typeof FieldRule>;

export const ContactFieldRule = z
  .strictObject({ ...ruleCommon, from: contactPath.optional(), value: z.json().optional() })
  .refine((rule) => (rule.from === undefined) !== (rule.value === undefined), {
    message: 'give exactly one of "from" (a contact field) or "value" (a constant)',
  });
export type ContactFieldRule = z.infer<typeof ContactFieldRule>;

/** The opportunity's contacts as a portal list (or, with `single`, the first one as an object). */
export const ContactListRule = z.strictObject({
  path: PortalPath,
  fromList: z.literal('contacts'),
  single: z.boolean().default(false),
  maxItems: z.number().int().positive().optional(),
  minItems: z.number().int().nonnegative().default(0),
  severity: Severity.default('warning'),
  why: z.string().optional(),
  fields: z.array(ContactFieldRule).min(1),
});
export type ContactListRule = z.infer<typeof ContactListRule>;

export type MappingRule = ContactListRule | FieldRule;

/** Each rule is checked against the one shape it claims (a list rule has `fromList`), so errors name its own keys. */
const MappingRules = z
  .array(z.record(z.string(), z.unknown()))
  .min(1)
  .transform((rules, ctx) => {
    const checked: MappingRule[] = [];
    rules.forEach((rule, index) => {
      const parsed =
        'fromList' in rule ? ContactListRule.safeParse(rule) : FieldRule.safeParse(rule);
      if (parsed.success) checked.push(parsed.data);
      else
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: [index, ...issue.path] });
    });
    return checked;
  });

export const MappingConfig = z
  .strictObject({
    portal: z.enum(PORTALS),
    /** Bumped when the shape of this file changes. */
    version: z.literal(1),
    /** Free text for the admin: what a value map is based on, which lists are still to complete. */
    notes: z.array(z.string()).default([]),
    /** Free-text country names an org stores, beyond English names: "USA" → "US", "Deutschland" → "DE". */
    countryAliases: z
      .record(z.string(), z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'))
      .default({}),
    /** Salesforce picklist value → portal value. The first Salesforce value listed for a portal value is the one read back. */
    valueMaps: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    rules: MappingRules,
  })
  .superRefine((config, ctx) => {
    const written = new Set<string>();
    const checkRule = (rule: FieldRule | ContactFieldRule, path: PropertyKey[]) => {
      const isPicklist =
        rule.transform === 'picklist' ||
        rule.transform === 'picklistList' ||
        rule.transform === 'picklistFirst';
      if (isPicklist && rule.valueMap === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'valueMap'],
          message: `transform "${rule.transform}" needs a valueMap`,
        });
      }
      if (rule.valueMap !== undefined && !(rule.valueMap in config.valueMaps)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'valueMap'],
          message: `"${rule.valueMap}" is not in valueMaps (known: ${Object.keys(config.valueMaps).join(', ') || 'none'})`,
        });
      }
      if (rule.onlyWith !== undefined && !written.has(rule.onlyWith)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'onlyWith'],
          message: `"${rule.onlyWith}" is not written by an earlier rule`,
        });
      }
    };
    config.rules.forEach((rule, index) => {
      if ('fromList' in rule) {
        rule.fields.forEach((field, fieldIndex) =>
          checkRule(field, ['rules', index, 'fields', fieldIndex]),
        );
      } else {
        checkRule(rule, ['rules', index]);
      }
      written.add(rule.path);
    });
  });
export type MappingConfig = z.infer<typeof MappingConfig>;

export class MappingConfigError extends Error {
  constructor(
    public readonly source: string,
    public readonly problems: string[],
  ) {
    super(
      `${source} is not a valid mapping configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'MappingConfigError';
  }
}

function keyOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
}

/** Parses raw configuration data; throws `MappingConfigError` naming each bad key. */
export function parseMappingConfig(raw: unknown, source: string): MappingConfig {
  const parsed = MappingConfig.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new MappingConfigError(
    source,
    parsed.error.issues.map((issue) => `${keyOf(issue.path) || '(root)'}: ${issue.message}`),
  );
}
