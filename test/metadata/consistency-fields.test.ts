// Holds the two halves together: every field the middleware maps exists in force-app with a compatible
// type, every canonical enum is exactly the org's picklist, and each record kind has one unique key.
import { describe, expect, it } from '@jest/globals';
import {
  DECLINE_REASONS,
  Engagement,
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
import { COMPATIBLE, mappedCustomFields } from './support/canonical-schema.js';
import {
  ALWAYS_READABLE_STANDARD,
  STANDARD_WITH_FLS,
  field,
  fields,
} from './support/field-tables.js';
import { rootOf, sourceComponents } from './support/force-app.js';

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
