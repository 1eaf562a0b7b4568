// Holds the two halves together: every field the middleware maps exists in force-app with a compatible type,
// every canonical enum is exactly the org's picklist, and the integration user's grants are exactly its needs.
import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import {
  Counterpart,
  CoSellOpportunity,
  DECLINE_REASONS,
  Engagement,
  InboundReferral,
  PRIORITIES,
  SOURCE_LAYERS,
  TENANCY_ARCHETYPES,
} from '../../middleware/src/core/model.js';
import {
  CONTACT_FIELDS,
  COUNTERPART_FIELDS,
  COUNTERPART_OBJECT,
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  METRIC_CLOUDS,
  METRIC_FIELDS,
  METRIC_NAMES,
  METRIC_OBJECT,
  METRIC_SEGMENTS,
  METRIC_UNITS,
  OPPORTUNITY_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
  TRIAGE_RULE_FIELDS,
  TRIAGE_RULE_OBJECT,
} from '../../middleware/src/core/salesforce-fields.js';
import {
  ENGAGEMENT_KEY_FIELD,
  REFERRAL_KEY_FIELD,
} from '../../middleware/src/core/salesforce-keys.js';
import {
  INTEGRATION_ACCESS,
  INTEGRATION_CUSTOM_METADATA,
} from '../../middleware/src/core/integration-access.js';
import { DEFAULT_TRIAGE_RULES, TriageRule } from '../../middleware/src/core/triage/rules.js';
import { triageRuleFromRecord } from '../../middleware/src/core/triage/metadata.js';
import {
  addBusinessTime,
  DEFAULT_BUSINESS_CALENDAR,
} from '../../middleware/src/core/triage/business-calendar.js';
import {
  asArray,
  customFields,
  isPlatformGranted,
  permissionSet,
  rootOf,
  sourceComponents,
  type FieldDefinition,
} from './support/force-app.js';

/**
 * Standard fields the tables name that need no package metadata: they exist in every org and are readable
 * by anyone who can read the object (no field-level security), so no permission set lists them.
 * CurrencyIsoCode exists only in multi-currency orgs; single-currency orgs report the corporate currency.
 */
const ALWAYS_READABLE_STANDARD = new Set([
  'Opportunity.Id',
  'Opportunity.Name',
  'Opportunity.CurrencyIsoCode',
  'Opportunity.StageName',
  'Opportunity.IsClosed',
  'Opportunity.IsWon',
  'Opportunity.CloseDate',
  'Opportunity.CreatedDate',
  'Opportunity.LastModifiedDate',
  'Opportunity.OwnerId',
  'Opportunity.Owner.Name',
  'Opportunity.Owner.Email',
  'Opportunity.Account.Name',
  'Contact.Id',
  'Contact.FirstName',
  'Contact.LastName',
  'Contact.OpportunityContactRole.Role',
  'CoSell_Engagement__c.Id',
  'CoSell_Referral__c.Id',
  'CoSell_Referral__c.Name',
  'CoSell_Referral__c.CurrencyIsoCode',
  'CoSell_Referral__c.OwnerId',
  'CoSell_Counterpart__c.Id',
  'CoSell_Counterpart__c.Name',
  'CoSell_Metric__c.Id',
]);

/** Standard fields under field-level security: the integration permission set must grant read on them. */
const STANDARD_WITH_FLS: Record<string, string> = {
  'Opportunity.AccountId': 'Opportunity.AccountId',
  'Opportunity.Amount': 'Opportunity.Amount',
  'Opportunity.Description': 'Opportunity.Description',
  'Opportunity.NextStep': 'Opportunity.NextStep',
  'Opportunity.Probability': 'Opportunity.Probability',
  'Opportunity.Type': 'Opportunity.Type',
  'Opportunity.Account.Website': 'Account.Website',
  'Opportunity.Account.Industry': 'Account.Industry',
  // The billing parts share one compound field's security.
  'Opportunity.Account.BillingStreet': 'Account.BillingAddress',
  'Opportunity.Account.BillingCity': 'Account.BillingAddress',
  'Opportunity.Account.BillingState': 'Account.BillingAddress',
  'Opportunity.Account.BillingPostalCode': 'Account.BillingAddress',
  'Opportunity.Account.BillingCountry': 'Account.BillingAddress',
  'Contact.Email': 'Contact.Email',
  'Contact.Phone': 'Contact.Phone',
  'Contact.Title': 'Contact.Title',
};

type Canonical =
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
const COMPATIBLE: Record<Canonical, string[]> = {
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

interface MappedField {
  object: string;
  path: string;
  apiName: string;
  canonical: { kind: Canonical; values?: string[] };
}

/** Every custom field the canonical tables name, with the canonical schema it carries. */
function mappedCustomFields(): MappedField[] {
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

/** CoSell_Metric__c has no canonical zod schema: the service writes it from these constants. */
const METRIC_EXPECTED: Record<string, { types: string[]; values?: readonly string[] }> = {
  [METRIC_FIELDS.cloud]: { types: ['Picklist'], values: METRIC_CLOUDS },
  [METRIC_FIELDS.fiscalPeriod]: { types: ['Text'] },
  [METRIC_FIELDS.metric]: { types: ['Picklist'], values: METRIC_NAMES },
  [METRIC_FIELDS.segment]: { types: ['Picklist'], values: METRIC_SEGMENTS },
  [METRIC_FIELDS.value]: { types: ['Number'] },
  [METRIC_FIELDS.sampleSize]: { types: ['Number'] },
  [METRIC_FIELDS.computedAt]: { types: ['DateTime'] },
  [METRIC_FIELDS.key]: { types: ['Text'] },
  [METRIC_FIELDS.stageLevel]: { types: ['Number'] },
  [METRIC_FIELDS.stage]: { types: ['Text'] },
  [METRIC_FIELDS.stageReached]: { types: ['Checkbox'] },
  [METRIC_FIELDS.marker]: { types: ['Text'] },
  [METRIC_FIELDS.met]: { types: ['Checkbox'] },
  [METRIC_FIELDS.target]: { types: ['Number'] },
  [METRIC_FIELDS.unit]: { types: ['Picklist'], values: METRIC_UNITS },
  [METRIC_FIELDS.source]: { types: ['Text'] },
  [METRIC_FIELDS.note]: { types: ['Text'] },
};

const fields = customFields();
const field = (object: string, name: string): FieldDefinition => {
  const found = fields.get(`${object}.${name}`);
  if (!found) throw new Error(`${object}.${name} is not in force-app`);
  return found;
};

describe('canonical field tables against force-app', () => {
  const mapped = mappedCustomFields();

  it('finds every mapped custom field in force-app with a compatible type', () => {
    expect(mapped.length).toBeGreaterThan(40);
    const problems = mapped
      .map((m) => ({ m, sf: fields.get(`${m.object}.${m.apiName}`) }))
      .filter(({ m, sf }) => !sf || !COMPATIBLE[m.canonical.kind].includes(sf.type))
      .map(
        ({ m, sf }) =>
          `${m.object}.${m.apiName} (${m.path}: ${m.canonical.kind}) is ${sf ? sf.type : 'missing'}`,
      );
    expect(problems).toEqual([]);
  });

  it('spells every canonical enum exactly as the matching picklist (nothing missing, nothing extra)', () => {
    const problems = mapped
      .filter((m) => m.canonical.values)
      .map((m) => ({ m, sf: field(m.object, m.apiName) }))
      .filter(({ m, sf }) => JSON.stringify(sf.values) !== JSON.stringify(m.canonical.values))
      .map(({ m, sf }) => ({
        field: `${m.object}.${m.apiName}`,
        model: m.canonical.values,
        org: sf.values,
      }));
    expect(problems).toEqual([]);
  });

  it('lists every standard field the tables name as known standard (no typo can hide as "standard")', () => {
    const standard = [
      ...Object.values(OPPORTUNITY_FIELDS).map((name) => `Opportunity.${name}`),
      ...Object.values(CONTACT_FIELDS).map((name) => `Contact.${name}`),
      ...Object.values(ENGAGEMENT_FIELDS).map((name) => `${ENGAGEMENT_OBJECT}.${name}`),
      ...Object.values(REFERRAL_FIELDS).map((name) => `${REFERRAL_OBJECT}.${name}`),
      ...Object.values(COUNTERPART_FIELDS).map((name) => `${COUNTERPART_OBJECT}.${name}`),
      ...Object.values(METRIC_FIELDS).map((name) => `${METRIC_OBJECT}.${name}`),
    ].filter((name) => !name.endsWith('__c'));
    expect(
      standard.filter(
        (name) => !ALWAYS_READABLE_STANDARD.has(name) && !(name in STANDARD_WITH_FLS),
      ),
    ).toEqual([]);
  });

  it('defines CoSell_Metric__c as the service writes it', () => {
    for (const [name, expected] of Object.entries(METRIC_EXPECTED)) {
      const sf = field(METRIC_OBJECT, name);
      expect({ name, type: expected.types.includes(sf.type) }).toEqual({ name, type: true });
      if (expected.values)
        expect({ name, values: sf.values }).toEqual({ name, values: [...expected.values] });
    }
  });

  it('defines the triage rule type with the fields the engine reads', () => {
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.sourceLayer).values).toEqual([
      ...SOURCE_LAYERS,
    ]);
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.tenancyArchetype).values).toEqual([
      ...TENANCY_ARCHETYPES,
    ]);
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.priority).values).toEqual([...PRIORITIES]);
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.responseUnit).values).toEqual([
      'Business hours',
      'Business days',
    ]);
    for (const numeric of [
      TRIAGE_RULE_FIELDS.responseAmount,
      TRIAGE_RULE_FIELDS.minimumBusinessHours,
      TRIAGE_RULE_FIELDS.acknowledgeWithinHours,
    ]) {
      expect(field(TRIAGE_RULE_OBJECT, numeric).type).toBe('Number');
    }
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.sortOrder).type).toBe('Number');
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.responder).type).toBe('Text');
    expect(field(TRIAGE_RULE_OBJECT, TRIAGE_RULE_FIELDS.ownerQueue).type).toBe('Text');
  });

  it('gives every custom field a help text and decline reasons in the order the inbox offers them', () => {
    const withoutHelp = [...fields.values()]
      .filter((f) => !f.inlineHelpText)
      .map((f) => `${f.object}.${f.name}`);
    expect(withoutHelp).toEqual([]);
    expect(field(REFERRAL_OBJECT, REFERRAL_FIELDS.declineReason).values).toEqual([
      ...DECLINE_REASONS,
    ]);
  });

  it('defaults new records the way the model does', () => {
    expect(field('Opportunity', OPPORTUNITY_FIELDS['coSell.marketplaceRoute']).defaultValue).toBe(
      'None',
    );
    expect(field('Opportunity', OPPORTUNITY_FIELDS['coSell.commitDrawdown']).defaultValue).toBe(
      'None',
    );
    expect(field(ENGAGEMENT_OBJECT, ENGAGEMENT_FIELDS.status).defaultValue).toBe(
      Engagement.parse({ cloud: 'AWS' }).status,
    );
    expect(field(REFERRAL_OBJECT, REFERRAL_FIELDS.triageStatus).defaultValue).toBe('New');
  });
});

describe('one record per key', () => {
  it.each([
    [ENGAGEMENT_OBJECT, ENGAGEMENT_KEY_FIELD],
    [REFERRAL_OBJECT, REFERRAL_KEY_FIELD],
    [METRIC_OBJECT, METRIC_FIELDS.key],
  ])('%s.%s is a unique, case-insensitive external id', (object, name) => {
    const key = field(object, name);
    expect({ type: key.type, externalId: key.externalId, unique: key.unique }).toEqual({
      type: 'Text',
      externalId: true,
      unique: true,
    });
  });

  it('stamps the engagement key in a before-save flow from the opportunity and cloud', () => {
    const flow = sourceComponents().find(
      (c) => c.type.name === 'Flow' && c.fullName === 'CoSell_Engagement_Key',
    );
    if (!flow) throw new Error('flow CoSell_Engagement_Key not found');
    const xml = rootOf(flow, 'Flow');
    const start = xml.start as Record<string, string>;
    expect({
      object: start.object,
      trigger: start.triggerType,
      on: start.recordTriggerType,
    }).toEqual({
      object: ENGAGEMENT_OBJECT,
      trigger: 'RecordBeforeSave',
      on: 'CreateAndUpdate',
    });
    const assignment = xml.assignments as { assignmentItems: { assignToReference: string } };
    expect(assignment.assignmentItems.assignToReference).toBe(`$Record.${ENGAGEMENT_KEY_FIELD}`);
    const formula = xml.formulas as { expression: string };
    expect(formula.expression).toBe(
      `CASESAFEID({!$Record.${ENGAGEMENT_FIELDS.opportunityId}}) & ":" & TEXT({!$Record.${ENGAGEMENT_FIELDS.cloud}})`,
    );
  });
});

describe('CoSell_Integration grants exactly what the middleware needs', () => {
  const grants = permissionSet('CoSell_Integration');
  const fieldDef = (qualified: string) => fields.get(qualified);

  it('reads every field the canonical tables name, through FLS or as an always-readable standard field', () => {
    const needs: string[] = [];
    const tables: Array<[string, Record<string, string>]> = [
      ['Opportunity', OPPORTUNITY_FIELDS],
      ['Contact', CONTACT_FIELDS],
      [ENGAGEMENT_OBJECT, ENGAGEMENT_FIELDS],
      [REFERRAL_OBJECT, REFERRAL_FIELDS],
      [COUNTERPART_OBJECT, COUNTERPART_FIELDS],
      [METRIC_OBJECT, METRIC_FIELDS],
    ];
    for (const [object, table] of tables) {
      for (const apiName of Object.values(table)) {
        const qualified = `${object}.${apiName}`;
        if (ALWAYS_READABLE_STANDARD.has(qualified)) continue;
        needs.push(STANDARD_WITH_FLS[qualified] ?? qualified);
      }
    }
    const declared = new Set(
      Object.entries(INTEGRATION_ACCESS).flatMap(([object, access]) =>
        access.readFields.map((name) => `${object}.${name}`),
      ),
    );
    expect([...new Set(needs)].filter((need) => !declared.has(need))).toEqual([]);
  });

  it('declares only edits that are also reads, on writable custom fields', () => {
    const problems: string[] = [];
    for (const [object, access] of Object.entries(INTEGRATION_ACCESS)) {
      for (const name of access.editFields) {
        const readFields: readonly string[] = access.readFields;
        if (!readFields.includes(name)) problems.push(`${object}.${name} edited but not read`);
        const def = fieldDef(`${object}.${name}`);
        if (!def) problems.push(`${object}.${name} is not in force-app`);
        else if (def.formula) problems.push(`${object}.${name} is a formula`);
      }
      if (access.editFields.length > 0 && !access.update)
        problems.push(`${object} has edit fields but no object edit`);
    }
    expect(problems).toEqual([]);
  });

  it('has exactly the declared object permissions, never delete, view-all or modify-all', () => {
    const expected = Object.fromEntries(
      Object.entries(INTEGRATION_ACCESS).map(([object, access]) => [
        object,
        {
          allowCreate: access.create,
          allowRead: true,
          allowEdit: access.update,
          allowDelete: false,
          viewAllRecords: false,
          modifyAllRecords: false,
        },
      ]),
    );
    expect(Object.fromEntries(grants.objects)).toEqual(expected);
  });

  it('has exactly the declared field permissions (fields the platform always grants are left out)', () => {
    const expected = new Map<string, { readable: boolean; editable: boolean }>();
    for (const [object, access] of Object.entries(INTEGRATION_ACCESS)) {
      const edits: readonly string[] = access.editFields;
      for (const name of access.readFields) {
        const def = fieldDef(`${object}.${name}`);
        if (def && isPlatformGranted(def)) continue;
        expected.set(`${object}.${name}`, { readable: true, editable: edits.includes(name) });
      }
    }
    expect(Object.fromEntries([...grants.fields].sort())).toEqual(
      Object.fromEntries([...expected].sort()),
    );
  });

  it('only relies on platform-granted fields on objects it can create or edit', () => {
    for (const [object, access] of Object.entries(INTEGRATION_ACCESS)) {
      const granted = access.editFields.filter((name) => {
        const def = fieldDef(`${object}.${name}`);
        return def !== undefined && isPlatformGranted(def);
      });
      if (granted.length > 0)
        expect({ object, create: access.create }).toEqual({ object, create: true });
    }
  });

  it('reads the triage rules, uses the API, and sees no app, tab or other custom metadata', () => {
    expect(grants.customMetadataTypes).toEqual([...INTEGRATION_CUSTOM_METADATA]);
    expect(grants.userPermissions).toEqual(['ApiEnabled']);
    expect(grants.tabs.size).toBe(0);
    expect(grants.applications).toEqual([]);
  });
});

describe('persona permission sets stay least-privilege', () => {
  const personas = ['CoSell_AE', 'CoSell_Alliance_Ops', 'CoSell_RevOps', 'CoSell_Integration'];

  it.each(personas)(
    '%s only lists fields that exist, never a formula as editable, never a platform-granted field',
    (name) => {
      const problems: string[] = [];
      for (const [qualified, grant] of permissionSet(name).fields) {
        const def = fields.get(qualified);
        const standard = !qualified.endsWith('__c');
        if (!def && !standard) problems.push(`${qualified} does not exist`);
        if (def?.formula && grant.editable) problems.push(`${qualified} is a formula but editable`);
        if (def && isPlatformGranted(def))
          problems.push(`${qualified} is required or master-detail: the platform rejects its FLS`);
        if (grant.editable && !grant.readable)
          problems.push(`${qualified} editable but not readable`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('keeps the validation-rule exemption to the integration user alone', () => {
    const holders = personas.filter((name) =>
      permissionSet(name).customPermissions.includes('CoSell_Service_Writes'),
    );
    expect(holders).toEqual(['CoSell_Integration']);
    expect(permissionSet('CoSell_Integration').customPermissions).toEqual([
      'CoSell_Service_Writes',
    ]);
  });

  it('exempts only the service from the Opportunity rules people must follow', () => {
    const opportunityRules = sourceComponents().filter(
      (c) => c.type.name === 'ValidationRule' && c.fullName.startsWith('Opportunity.'),
    );
    expect(opportunityRules.length).toBeGreaterThanOrEqual(3);
    const unguarded = opportunityRules
      .filter(
        (rule) =>
          !String(rootOf(rule, 'ValidationRule').errorConditionFormula).startsWith(
            'NOT($Permission.CoSell_Service_Writes) && (',
          ),
      )
      .map((rule) => rule.fullName);
    expect(unguarded).toEqual([]);
  });

  it.each(personas)('%s never grants modify-all', (name) => {
    expect(
      [...permissionSet(name).objects.values()].filter((grant) => grant.modifyAllRecords),
    ).toEqual([]);
  });

  it('lets AEs tag co-sell fields and request actions but not set attribution or edit portal outcomes', () => {
    const ae = permissionSet('CoSell_AE');
    expect(ae.fields.get(`Opportunity.${OPPORTUNITY_FIELDS['coSell.clouds']}`)).toEqual({
      readable: true,
      editable: true,
    });
    expect(ae.fields.get(`Opportunity.${OPPORTUNITY_FIELDS['coSell.attribution']}`)).toEqual({
      readable: true,
      editable: false,
    });
    expect(
      ae.fields.get(`${ENGAGEMENT_OBJECT}.${ENGAGEMENT_FIELDS.requestedAction}`)?.editable,
    ).toBe(true);
    for (const outcome of [
      ENGAGEMENT_FIELDS.status,
      ENGAGEMENT_FIELDS.portalId,
      ENGAGEMENT_FIELDS.findings,
      ENGAGEMENT_FIELDS.acceptedAt,
    ]) {
      expect({
        outcome,
        editable: ae.fields.get(`${ENGAGEMENT_OBJECT}.${outcome}`)?.editable,
      }).toEqual({ outcome, editable: false });
    }
    expect(ae.objects.get(REFERRAL_OBJECT)).toMatchObject({
      allowRead: true,
      allowEdit: false,
      allowCreate: false,
    });
    expect(
      [...ae.objects.values()].some((grant) => grant.allowDelete || grant.viewAllRecords),
    ).toBe(false);
  });

  it('lets Alliance Ops decide referrals and keep counterparts, reading triage rules only', () => {
    const ops = permissionSet('CoSell_Alliance_Ops');
    for (const input of [
      REFERRAL_FIELDS.requestedAction,
      REFERRAL_FIELDS.declineReason,
      REFERRAL_FIELDS.feedback,
    ]) {
      expect({ input, editable: ops.fields.get(`${REFERRAL_OBJECT}.${input}`)?.editable }).toEqual({
        input,
        editable: true,
      });
    }
    for (const computed of [
      REFERRAL_FIELDS.priority,
      REFERRAL_FIELDS.responseDue,
      REFERRAL_FIELDS.feedbackSentAt,
      REFERRAL_FIELDS.triageStatus,
    ]) {
      expect({
        computed,
        editable: ops.fields.get(`${REFERRAL_OBJECT}.${computed}`)?.editable,
      }).toEqual({ computed, editable: false });
    }
    expect(ops.objects.get(REFERRAL_OBJECT)).toMatchObject({
      allowCreate: false,
      allowDelete: false,
    });
    expect(ops.customMetadataTypes).toEqual([TRIAGE_RULE_OBJECT]);
    expect(ops.tabs.get('CoSell_Inbox')).toBe('Visible');
  });

  it('lets RevOps read every co-sell field and edit none', () => {
    const revops = permissionSet('CoSell_RevOps');
    const coSellFields = [...fields.values()].filter(
      (f) => f.object !== TRIAGE_RULE_OBJECT && !isPlatformGranted(f),
    );
    const unreadable = coSellFields
      .map((f) => `${f.object}.${f.name}`)
      .filter((q) => !revops.fields.get(q)?.readable);
    expect(unreadable).toEqual([]);
    expect([...revops.fields].filter(([, grant]) => grant.editable)).toEqual([]);
    expect(
      [...revops.objects.values()].filter((g) => g.allowCreate || g.allowEdit || g.allowDelete),
    ).toEqual([]);
  });
});

describe('triage rule records ship the default triage rules', () => {
  // The standard triage table: source layer, archetype (null = any), priority, who responds.
  const DOMAIN_DEFAULTS = [
    ['Account Team', 'Customer-deployed', 'Urgent'],
    ['Specialist', 'Customer-deployed', 'Urgent'],
    ['Specialist', 'ISV-hosted SaaS', 'High'],
    ['Executive/Industry', null, 'Urgent'],
    ['Regional/Segment', null, 'High'],
    ['Partner Program', null, 'Standard'],
  ];
  const records = sourceComponents()
    .filter((c) => c.type.name === 'CustomMetadata' && c.fullName.startsWith('CoSell_Triage_Rule.'))
    .map((c) => {
      const xml = rootOf(c, 'CustomMetadata');
      const values = asArray(xml.values as Array<{ field: string; value: unknown }>);
      const get = (name: string) => {
        const value = values.find((v) => v.field === name)?.value;
        return typeof value === 'object' && value !== null && '#text' in value
          ? String((value as { '#text': unknown })['#text'])
          : null;
      };
      const numeric = new Set<string>([
        TRIAGE_RULE_FIELDS.responseAmount,
        TRIAGE_RULE_FIELDS.minimumBusinessHours,
        TRIAGE_RULE_FIELDS.acknowledgeWithinHours,
        TRIAGE_RULE_FIELDS.sortOrder,
      ]);
      const fieldValues = Object.fromEntries(
        Object.values(TRIAGE_RULE_FIELDS).map((api) => {
          const raw = get(api);
          return [api, raw !== null && numeric.has(api) ? Number(raw) : raw];
        }),
      );
      // The shape SOQL returns, read through the same function the engine uses.
      const rule = TriageRule.parse(
        triageRuleFromRecord({
          DeveloperName: c.fullName.replace('CoSell_Triage_Rule.', ''),
          ...fieldValues,
        }),
      );
      return {
        name: c.fullName,
        rule,
        layer: get(TRIAGE_RULE_FIELDS.sourceLayer),
        archetype: get(TRIAGE_RULE_FIELDS.tenancyArchetype),
        priority: get(TRIAGE_RULE_FIELDS.priority),
        queue: get(TRIAGE_RULE_FIELDS.ownerQueue),
        responder: get(TRIAGE_RULE_FIELDS.responder),
        sortOrder: Number(get(TRIAGE_RULE_FIELDS.sortOrder)),
      };
    });

  it('has one record per row of the table, with its priority', () => {
    expect(records.map((r) => [r.layer, r.archetype, r.priority]).sort()).toEqual(
      [...DOMAIN_DEFAULTS].sort(),
    );
  });

  it('overrides the engine built-in default of the same DeveloperName with the same routing', () => {
    // The engine merges org rules over its defaults by id: a record under another name would collide with
    // the default covering the same layer and archetype instead of replacing it.
    const problems = records.flatMap((record) => {
      const id = record.name.replace('CoSell_Triage_Rule.', '');
      const engine = DEFAULT_TRIAGE_RULES.find((rule) => rule.id === id);
      if (!engine) return [`${id} is not one of the engine's default rule ids`];
      const org = { ...record.rule, rationale: null };
      const expected = { ...engine, rationale: null };
      return JSON.stringify(org) === JSON.stringify(expected)
        ? []
        : [`${id}: org ${JSON.stringify(org)} vs engine ${JSON.stringify(expected)}`];
    });
    expect(problems).toEqual([]);
  });

  it('answers urgent referrals no slower than high, and high no slower than standard', () => {
    // Deadlines for a referral arriving Monday 10:00 on the default calendar.
    const monday = '2026-11-23T10:00:00.000Z';
    const due = (priority: string) =>
      records
        .filter((r) => r.rule.priority === priority)
        .map((r) => addBusinessTime(monday, r.rule.response, DEFAULT_BUSINESS_CALENDAR).getTime());
    expect(Math.max(...due('Urgent'))).toBeLessThanOrEqual(Math.min(...due('High')));
    expect(Math.max(...due('High'))).toBeLessThanOrEqual(Math.min(...due('Standard')));
    expect(records.every((r) => r.responder)).toBe(true);
  });

  it('routes every rule to a queue the package ships that takes referrals, in a distinct order', () => {
    const queues = new Map(
      sourceComponents()
        .filter((c) => c.type.name === 'Queue')
        .map((c) => {
          const xml = rootOf(c, 'Queue');
          const objects = asArray(xml.queueSobject as Array<{ sobjectType: string }>).map(
            (q) => q.sobjectType,
          );
          return [c.fullName, objects] as const;
        }),
    );
    for (const record of records) {
      expect({
        rule: record.name,
        routesReferrals: queues.get(record.queue ?? '')?.includes(REFERRAL_OBJECT),
      }).toEqual({
        rule: record.name,
        routesReferrals: true,
      });
    }
    expect(new Set(records.map((r) => r.sortOrder)).size).toBe(records.length);
  });
});
