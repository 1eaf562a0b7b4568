// Decline feedback must teach the referrer something: a listed reason plus text about this
// customer or workload. Stock phrases, thin text and missing pieces each get a stable finding.
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
  description: 'Consolidating three on-premises Teradata warehouses onto Azure Synapse under the MACC.',
  sourceLayer: 'Partner Program',
  referrer: { name: 'Priya Raman', email: 'priya.raman@microsoft.com', title: 'Partner Development Manager' },
});

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

const SPECIFIC =
  'Northwind needs Teradata stored-procedure conversion, which our platform does not do; the warehouses would still need a migration partner first.';

describe('validateDecline', () => {
  it('accepts a listed reason with feedback about this customer and workload', () => {
    expect(validateDecline({ reason: 'Product not relevant to workload', feedback: SPECIFIC, referral: northwind })).toEqual([]);
  });

  it('requires a reason and names the field', () => {
    const findings = validateDecline({ reason: null, feedback: SPECIFIC, referral: northwind });
    expect(findings).toEqual([
      expect.objectContaining({ code: FEEDBACK_CODES.reasonRequired, severity: 'error', field: 'Decline_Reason__c', cloud: 'Microsoft' }),
    ]);
    expect(findings[0]?.message).toContain('Below commercial threshold');
  });

  it('refuses a reason outside the fixed list', () => {
    const findings = validateDecline({ reason: 'Not a fit', feedback: SPECIFIC, referral: northwind });
    expect(findings).toEqual([
      expect.objectContaining({ code: FEEDBACK_CODES.reasonUnknown, evidence: expect.objectContaining({ given: 'Not a fit' }) }),
    ]);
  });

  it('requires feedback text, and reports both missing pieces at once', () => {
    expect(codes(validateDecline({ reason: '  ', feedback: '   ', referral: northwind }))).toEqual([
      FEEDBACK_CODES.reasonRequired,
      FEEDBACK_CODES.feedbackRequired,
    ]);
  });

  it('flags the classic stock decline on every count', () => {
    const findings = validateDecline({
      reason: 'Product not relevant to workload',
      feedback: 'Thanks, but not the right fit at this time.',
      referral: northwind,
    });
    expect(codes(findings)).toEqual([FEEDBACK_CODES.genericPhrase, FEEDBACK_CODES.tooShort, FEEDBACK_CODES.notSpecific]);
    expect(findings[0]).toMatchObject({ severity: 'warning', evidence: { phrases: ['not the right fit', 'at this time'] } });
    expect(findings[1]).toMatchObject({ severity: 'error', evidence: { words: 9, minimum: 12 } });
  });
});

describe('genericFeedbackFindings', () => {
  it('warns about a stock phrase even when the rest is specific', () => {
    const findings = genericFeedbackFindings(`Not a priority for us this quarter. ${SPECIFIC}`, northwind);
    expect(findings).toEqual([expect.objectContaining({ code: FEEDBACK_CODES.genericPhrase, severity: 'warning' })]);
  });

  it('catches curly apostrophes and capitals in stock phrases', () => {
    expect(codes(genericFeedbackFindings('We Don\u2019t think it Doesn\u2019t Align; timing isn\u2019t right for Northwind.', northwind))).toContain(
      FEEDBACK_CODES.genericPhrase,
    );
  });

  it('flags long feedback that never mentions the customer or workload', () => {
    const findings = genericFeedbackFindings(
      'We reviewed this carefully with our sales leadership and product management and concluded we should focus our limited resources elsewhere.',
      northwind,
    );
    expect(codes(findings)).toEqual([FEEDBACK_CODES.notSpecific]);
    expect(findings[0]?.message).toContain('Northwind Traders');
  });

  it('counts a mention of the workload through a different word form', () => {
    const text = 'Our connector cannot read Teradata BTEQ scripts, so consolidating their warehouse estate would stall on day one.';
    expect(genericFeedbackFindings(text, { ...northwind, customerName: 'Contoso Pharma', customerDomain: null })).toEqual([]);
  });

  it('counts a possessive mention of the customer', () => {
    const text = "Northwind's procurement requires a sovereign deployment option that our hosted service cannot offer today.";
    expect(codes(genericFeedbackFindings(text, northwind))).toEqual([]);
  });

  it('counts the customer domain as a mention', () => {
    const text = 'The northwindtraders team already licenses a competing product through an enterprise agreement renewed last month.';
    expect(codes(genericFeedbackFindings(text, northwind))).not.toContain(FEEDBACK_CODES.notSpecific);
  });

  it('lets the minimum length be configured', () => {
    expect(codes(genericFeedbackFindings('Northwind Teradata estate is out of scope.', northwind, { minWords: 5 }))).toEqual([]);
    expect(codes(genericFeedbackFindings('Northwind Teradata estate is out of scope.', northwind, { minWords: 10 }))).toEqual([FEEDBACK_CODES.tooShort]);
  });
});

describe('referralTerms', () => {
  it('keeps distinctive customer and workload words and drops words every referral has', () => {
    const terms = referralTerms(northwind);
    expect(terms).toEqual(expect.arrayContaining(['northwind', 'traders', 'northwindtraders', 'teradata', 'warehouses', 'synapse']));
    expect(terms).not.toContain('azure');
    expect(terms).not.toContain('com');
  });
});
