import { describe, expect, it } from '@jest/globals';
import {
  createLinter,
  LINT_CODES,
  lintOpportunities,
  type LintFinding,
} from '../../../middleware/src/core/lint/index.js';
import { dataPlatformDeal, NOW } from '../../fixtures/opportunity.js';

const codes = (findings: LintFinding[]) => findings.map((finding) => finding.code);
const lintOne = (...args: Parameters<typeof dataPlatformDeal>) =>
  createLinter({ now: NOW }).add(dataPlatformDeal(...args));

describe('per-opportunity lint rules', () => {
  it('finds nothing on a well-described, current deal with a clear ask', () => {
    expect(lintOne()).toEqual([]);
  });

  it('ignores opportunities not tagged for any cloud', () => {
    expect(lintOne({ name: 'Test', description: null, coSell: { clouds: [] } })).toEqual([]);
  });

  it('emits one finding per tagged cloud, naming the cloud and the Salesforce field to fix', () => {
    const findings = lintOne({
      name: 'Co-sell with Microsoft opp',
      coSell: { clouds: ['Microsoft', 'AWS'] },
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'LINT_TEMPLATE_NAME',
        severity: 'warning',
        cloud: 'Microsoft',
        field: 'Name',
        opportunityId: '006Hs00001Nwh01AAA',
      }),
      expect.objectContaining({ code: 'LINT_TEMPLATE_NAME', cloud: 'AWS', field: 'Name' }),
    ]);
    expect(findings[0]?.message).toContain('Northwind Health');
  });

  it.each([
    'Co-sell with Microsoft opp',
    'New opportunity',
    'Test',
    'TEST 2',
    'AWS co-sell deal - TBD',
    'Copy of New Opportunity',
  ])('flags the template name "%s"', (name) => {
    expect(codes(lintOne({ name }))).toEqual([LINT_CODES.templateName]);
  });

  it.each([
    'AWS co-sell Q3',
    'Microsoft opp FY27 H1',
    'Google Cloud deal FY2027 Q1',
    'Azure co-sell - Oct',
    'GCP opp CY26',
  ])('flags the template name with a period tag "%s"', (name) => {
    expect(codes(lintOne({ name }))).toEqual([LINT_CODES.templateName]);
  });

  it.each([
    'Contoso Retail – demand forecasting on Vertex AI',
    'Fabrikam SIEM consolidation',
    'Test automation platform for Litware',
    'Northwind Q3 SIEM renewal',
    'Fabrikam FY27 lakehouse expansion',
  ])('accepts the customer-specific name "%s"', (name) => {
    expect(lintOne({ name })).toEqual([]);
  });

  it('reports a hyperscaler-led deal with no originating cloud: read as sourced by the single tagged cloud, or ambiguous across several', () => {
    const single = lintOne({
      coSell: { clouds: ['AWS'], origin: 'Hyperscaler-led', originatingCloud: null },
    });
    expect(single).toEqual([
      expect.objectContaining({
        code: 'LINT_ORIGINATING_CLOUD_MISSING',
        severity: 'warning',
        cloud: 'AWS',
        field: 'CoSell_Originating_Cloud__c',
        evidence: { origin: 'Hyperscaler-led', readAsSourcedBy: 'AWS' },
      }),
    ]);
    const several = lintOne({
      coSell: { clouds: ['AWS', 'Microsoft'], origin: 'Hyperscaler-led', originatingCloud: null },
    });
    expect(several.map((f) => [f.code, f.cloud, f.evidence])).toEqual([
      [
        'LINT_ORIGINATING_CLOUD_MISSING',
        'AWS',
        { origin: 'Hyperscaler-led', taggedClouds: ['AWS', 'Microsoft'] },
      ],
      [
        'LINT_ORIGINATING_CLOUD_MISSING',
        'Microsoft',
        { origin: 'Hyperscaler-led', taggedClouds: ['AWS', 'Microsoft'] },
      ],
    ]);
    expect(
      lintOne({ coSell: { clouds: ['AWS'], origin: 'Hyperscaler-led', originatingCloud: 'AWS' } }),
    ).toEqual([]);
  });

  it('lets an ISV add its own stock words to the generic list', () => {
    const findings = createLinter({
      now: NOW,
      thresholds: { extraGenericNameWords: ['Lakehouse'] },
    }).add(dataPlatformDeal({ name: 'Lakehouse deal 3' }));
    expect(codes(findings)).toEqual([LINT_CODES.templateName]);
  });

  it('flags an empty or short description but not one at the minimum length', () => {
    expect(codes(lintOne({ description: null }))).toEqual([LINT_CODES.thinDescription]);
    expect(codes(lintOne({ description: '   ' }))).toEqual([LINT_CODES.thinDescription]);
    const short = lintOne({ description: 'Customer wants Azure.' });
    expect(short[0]).toMatchObject({
      field: 'Description',
      evidence: { descriptionLength: 21, minimum: 80 },
    });
    expect(lintOne({ description: 'x'.repeat(80) })).toEqual([]);
  });

  it('flags a missing use case on the use-case field', () => {
    expect(lintOne({ coSell: { useCase: ' ' } })).toEqual([
      expect.objectContaining({ code: 'LINT_MISSING_USE_CASE', field: 'CoSell_Use_Case__c' }),
    ]);
  });

  it('flags an open deal untouched for more than the stale threshold, not at exactly the threshold', () => {
    expect(lintOne({ lastModifiedDate: '2026-10-11T09:00:00.000Z' })).toEqual([]); // 30 days
    const stale = lintOne({ lastModifiedDate: '2026-10-10T08:59:59.000Z' });
    expect(stale).toEqual([
      expect.objectContaining({
        code: 'LINT_STALE_RECORD',
        field: 'StageName',
        evidence: expect.objectContaining({ daysSinceUpdate: 31 }),
      }),
    ]);
  });

  it('does not call a closed deal stale or overdue', () => {
    const lost = lintOne({
      isClosed: true,
      stageName: 'Closed Lost',
      closeDate: '2026-01-15',
      lastModifiedDate: '2026-01-16T10:00:00.000Z',
    });
    expect(lost).toEqual([]);
  });

  it('flags a past close date on an open deal as an error, but not today', () => {
    expect(lintOne({ closeDate: '2026-11-10' })).toEqual([]);
    expect(lintOne({ closeDate: '2026-11-09' })).toEqual([
      expect.objectContaining({
        code: 'LINT_PAST_CLOSE_DATE',
        severity: 'error',
        field: 'CloseDate',
        evidence: { closeDate: '2026-11-09', daysOverdue: 1 },
      }),
    ]);
  });

  it('honours a close-date grace period', () => {
    const linter = createLinter({ now: NOW, thresholds: { closeDateGraceDays: 7 } });
    expect(linter.add(dataPlatformDeal({ closeDate: '2026-11-03' }))).toEqual([]);
    expect(codes(linter.add(dataPlatformDeal({ closeDate: '2026-11-02' })))).toEqual([
      LINT_CODES.pastCloseDate,
    ]);
  });

  it('treats a partner-led share with no ask as deal registration', () => {
    expect(lintOne({ coSell: { helpNeeded: [] } })).toEqual([
      expect.objectContaining({
        code: 'LINT_NO_HYPERSCALER_ASK',
        severity: 'error',
        field: 'CoSell_Help_Needed__c',
        cloud: 'Microsoft',
      }),
    ]);
  });

  it('does not ask for an ask on a deal the hyperscaler brought', () => {
    expect(
      lintOne({
        coSell: { helpNeeded: [], origin: 'Hyperscaler-led', originatingCloud: 'Microsoft' },
      }),
    ).toEqual([]);
  });

  it('flags a won deal never shared before it closed as a claim for credit', () => {
    const won = { isClosed: true, isWon: true, stageName: 'Closed Won', closeDate: '2026-10-20' };
    expect(lintOne(won)).toEqual([
      expect.objectContaining({
        code: 'LINT_WON_DEAL_FOR_CREDIT',
        severity: 'error',
        field: 'CoSell_Clouds__c',
        evidence: expect.objectContaining({ submittedAt: null }),
      }),
    ]);
    const sharedAfter = lintOne({
      ...won,
      engagements: [
        { cloud: 'Microsoft', status: 'Submitted', submittedAt: '2026-10-21T08:00:00.000Z' },
      ],
    });
    expect(sharedAfter[0]?.message).toContain('first shared with Microsoft on 2026-10-21');
  });

  it('accepts a won deal shared with that cloud on or before its close day', () => {
    const won = { isClosed: true, isWon: true, stageName: 'Closed Won', closeDate: '2026-10-20' };
    expect(
      lintOne({
        ...won,
        engagements: [
          { cloud: 'Microsoft', status: 'Won', submittedAt: '2026-10-20T23:00:00.000Z' },
        ],
      }),
    ).toEqual([]);
    // Shared with AWS early, but the Microsoft tag came with no engagement: only Microsoft is flagged.
    const findings = lintOne({
      ...won,
      coSell: { clouds: ['AWS', 'Microsoft'] },
      engagements: [{ cloud: 'AWS', status: 'Won', submittedAt: '2026-06-01T10:00:00.000Z' }],
    });
    expect(findings.map((finding) => finding.cloud)).toEqual(['Microsoft']);
  });

  it('refuses add() after finish(), a second finish() and an invalid now', () => {
    const linter = createLinter({ now: NOW });
    linter.finish();
    expect(() => linter.add(dataPlatformDeal())).toThrow(/after finish/);
    // finish() lets the tallies go, so it cannot answer twice.
    expect(() => linter.finish()).toThrow(/twice/);
    expect(() => createLinter({ now: new Date('not a date') })).toThrow(/now/);
  });

  it('lintOpportunities returns per-opportunity findings in input order', () => {
    const findings = lintOpportunities(
      [
        dataPlatformDeal({ id: '006Hs00001Nwh02AAA', name: 'Test' }),
        dataPlatformDeal({ closeDate: '2026-01-01' }),
      ],
      { now: NOW },
    );
    expect(findings.map((finding) => [finding.opportunityId, finding.code])).toEqual([
      ['006Hs00001Nwh02AAA', 'LINT_TEMPLATE_NAME'],
      ['006Hs00001Nwh01AAA', 'LINT_PAST_CLOSE_DATE'],
    ]);
  });
});
