// Decline feedback must teach the referrer something: a listed reason plus text that states a
// concrete reason about this customer or deal and what would change the answer.
import { describe, expect, it } from '@jest/globals';
import { InboundReferral } from '../../../middleware/src/core/model.js';
import {
  FEEDBACK_CODES,
  genericFeedbackFindings,
  referralTerms,
  validateDecline,
} from '../../../middleware/src/core/feedback/index.js';

const northwind = InboundReferral.parse({
  cloud: 'Microsoft',
  portalId: 'ref-7c1e52d0-northwind',
  receivedAt: '2026-11-24T10:00:00Z',
  customerName: 'Northwind Traders',
  customerDomain: 'northwindtraders.com',
  title: 'Data platform modernisation',
  description:
    'Consolidating three on-premises Teradata warehouses onto Azure Synapse under the MACC.',
  sourceLayer: 'Partner Program',
  referrer: {
    name: 'Priya Raman',
    email: 'priya.raman@microsoft.com',
    title: 'Partner Development Manager',
  },
});

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

const SPECIFIC =
  'Northwind needs Teradata stored-procedure conversion, which our platform does not do; bring it back once a migration partner has moved the warehouses.';

describe('validateDecline', () => {
  it('accepts a listed reason with feedback about this customer and workload', () => {
    expect(
      validateDecline({
        reason: 'Product not relevant to workload',
        feedback: SPECIFIC,
        referral: northwind,
      }),
    ).toEqual([]);
  });

  it('requires a reason and names the field', () => {
    const findings = validateDecline({ reason: null, feedback: SPECIFIC, referral: northwind });
    expect(findings).toEqual([
      expect.objectContaining({
        code: FEEDBACK_CODES.reasonRequired,
        severity: 'error',
        field: 'Decline_Reason__c',
        cloud: 'Microsoft',
      }),
    ]);
    expect(findings[0]?.message).toContain('Below commercial threshold');
  });

  it('refuses a reason outside the fixed list', () => {
    const findings = validateDecline({
      reason: 'Not a fit',
      feedback: SPECIFIC,
      referral: northwind,
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: FEEDBACK_CODES.reasonUnknown,
        evidence: expect.objectContaining({ given: 'Not a fit' }),
      }),
    ]);
  });

  it('requires feedback text, and reports both missing pieces at once', () => {
    expect(codes(validateDecline({ reason: '  ', feedback: '   ', referral: northwind }))).toEqual([
      FEEDBACK_CODES.reasonRequired,
      FEEDBACK_CODES.feedbackRequired,
    ]);
  });

  it('flags the classic stock decline: no concrete reason, nothing about the deal, no way forward', () => {
    const findings = validateDecline({
      reason: 'Product not relevant to workload',
      feedback: 'Thanks, but not the right fit at this time.',
      referral: northwind,
    });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      [FEEDBACK_CODES.noConcreteReason, 'error'],
      [FEEDBACK_CODES.notSpecific, 'error'],
      [FEEDBACK_CODES.noWayForward, 'warning'],
    ]);
    expect(findings[1]?.message).toContain('Northwind Traders');
  });

  it('flags the polite reworded decline from the issue, whatever its wording', () => {
    const findings = validateDecline({
      reason: 'Below commercial threshold',
      feedback: "Isn't a fit for us right now, keep them coming!",
      referral: northwind,
    });
    expect(codes(findings.filter((f) => f.severity === 'error'))).toEqual([
      FEEDBACK_CODES.noConcreteReason,
      FEEDBACK_CODES.notSpecific,
    ]);
  });

  it('lets a short specific reason in the manner of the guide through, advising only on the way forward', () => {
    const findings = validateDecline({
      reason: 'Below commercial threshold',
      feedback: 'Northwind is a 12k pilot, below our 50k threshold.',
      referral: northwind,
    });
    expect(findings).toEqual([
      expect.objectContaining({ code: FEEDBACK_CODES.noWayForward, severity: 'warning' }),
    ]);
  });
});

describe('genericFeedbackFindings', () => {
  it('flags long feedback that states no reason and never mentions the customer or deal', () => {
    const findings = genericFeedbackFindings(
      'We reviewed this carefully with our sales leadership and product management and concluded we should focus our limited resources elsewhere.',
      northwind,
    );
    expect(codes(findings)).toEqual([
      FEEDBACK_CODES.noConcreteReason,
      FEEDBACK_CODES.notSpecific,
      FEEDBACK_CODES.noWayForward,
    ]);
  });

  it('counts a mention of the workload through a different word form', () => {
    const text =
      'Our connector cannot read BTEQ scripts, so consolidating their warehouse estate would stall until they convert them.';
    const findings = genericFeedbackFindings(text, {
      ...northwind,
      customerName: 'Contoso Pharma',
      customerDomain: null,
    });
    expect(findings).toEqual([]);
  });

  it('counts a possessive mention of the customer', () => {
    const text =
      "Northwind's procurement requires a sovereign deployment option that our hosted service cannot offer until next year.";
    expect(codes(genericFeedbackFindings(text, northwind))).toEqual([]);
  });

  it('counts the customer domain as a mention', () => {
    const text =
      'The northwindtraders team already licenses a competing product through an enterprise agreement renewed last month.';
    expect(codes(genericFeedbackFindings(text, northwind))).not.toContain(
      FEEDBACK_CODES.notSpecific,
    );
  });
});

describe('referralTerms', () => {
  it('keeps distinctive customer and workload words and drops words every referral has', () => {
    const terms = referralTerms(northwind);
    expect(terms).toEqual(
      expect.arrayContaining([
        'northwind',
        'traders',
        'northwindtraders',
        'teradata',
        'warehouses',
        'synapse',
      ]),
    );
    expect(terms).not.toContain('azure');
    expect(terms).not.toContain('com');
  });
});
