// The integration user's permission set grants exactly what the middleware reads and writes
// (INTEGRATION_ACCESS), nothing the platform grants by itself and nothing more.
import { describe, expect, it } from '@jest/globals';
import {
  CONTACT_FIELDS,
  COUNTERPART_FIELDS,
  COUNTERPART_OBJECT,
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  METRIC_FIELDS,
  METRIC_OBJECT,
  OPPORTUNITY_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
} from '../../middleware/src/core/salesforce-fields.js';
import {
  INTEGRATION_ACCESS,
  INTEGRATION_CUSTOM_METADATA,
} from '../../middleware/src/core/integration-access.js';
import { ALWAYS_READABLE_STANDARD, STANDARD_WITH_FLS, fields } from './support/field-tables.js';
import { isPlatformGranted, permissionSet } from './support/force-app.js';

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
