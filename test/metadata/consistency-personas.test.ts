// Each persona's permission set stays least-privilege: AEs tag and request, Alliance Ops decide
// referrals, RevOps only read, and only the integration user is exempt from the validation rules.
import { describe, expect, it } from '@jest/globals';
import {
  ENGAGEMENT_FIELDS,
  ENGAGEMENT_OBJECT,
  OPPORTUNITY_FIELDS,
  REFERRAL_FIELDS,
  REFERRAL_OBJECT,
  TRIAGE_RULE_OBJECT,
} from '../../middleware/src/core/salesforce-fields.js';
import { fields } from './support/field-tables.js';
import { isPlatformGranted, permissionSet, rootOf, sourceComponents } from './support/force-app.js';

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
