// The open-loop report: the three ways a referrer is left in silence, the risk per referrer after
// repeated silences, and the Salesforce formula that ticks the same referrals as the core rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InboundReferral, type InboundReferralInput } from '../../../middleware/src/core/model.js';
import {
  FeedbackLoopError,
  feedbackLoopReport,
  openLoopKind,
} from '../../../middleware/src/core/feedback/index.js';
import { DEFAULT_DIR } from '../../metadata/support/force-app.js';

const priya = {
  name: 'Priya Raman',
  email: 'priya.raman@microsoft.com',
  title: 'Partner Development Manager',
};
const marcus = { name: 'Marcus Lee', email: 'marcus.lee@amazon.com', title: 'Account Executive' };
const NOW = '2026-11-26T12:00:00Z';

const referral = (portalId: string, overrides: Partial<InboundReferralInput> = {}) =>
  InboundReferral.parse({
    cloud: 'Microsoft',
    portalId,
    receivedAt: '2026-11-02T09:00:00Z',
    customerName: 'Northwind Traders',
    sourceLayer: 'Partner Program',
    referrer: priya,
    responseDue: '2026-11-04T17:00:00Z',
    ...overrides,
  });

/** One referral of each state, with the loop kind the guide's rule gives it at NOW (7-day debrief). */
const CASES: Array<[string, InboundReferral, string | null]> = [
  [
    'accepted 10 days ago, no debrief',
    referral('r-accepted', { triageStatus: 'Accepted', decidedAt: '2026-11-16T09:00:00Z' }),
    'accepted without debrief',
  ],
  [
    'accepted 2 days ago, debrief not due yet',
    referral('r-fresh', { triageStatus: 'Accepted', decidedAt: '2026-11-24T09:00:00Z' }),
    null,
  ],
  [
    'declined with no feedback',
    referral('r-declined', { triageStatus: 'Declined', decidedAt: '2026-11-05T09:00:00Z' }),
    'declined without feedback',
  ],
  [
    'declined and told why',
    referral('r-told', {
      triageStatus: 'Declined',
      decidedAt: '2026-11-05T09:00:00Z',
      feedbackSentAt: '2026-11-05T10:00:00Z',
    }),
    null,
  ],
  [
    'new, silent, past its response due time',
    referral('r-silent', { triageStatus: 'New' }),
    'undecided past SLA',
  ],
  [
    'assigned, silent, past due',
    referral('r-assigned', { triageStatus: 'Assigned', ownerId: '005000000000001AAA' }),
    'undecided past SLA',
  ],
  [
    'new and still within its SLA',
    referral('r-within', { triageStatus: 'New', responseDue: '2026-11-27T17:00:00Z' }),
    null,
  ],
  [
    'new with no SLA recorded',
    referral('r-untriaged', { triageStatus: 'New', responseDue: null }),
    null,
  ],
  [
    'expired with nobody answering',
    referral('r-expired', { triageStatus: 'Expired', responseDue: null }),
    'undecided past SLA',
  ],
  [
    'undecided past due but the referrer was updated',
    referral('r-updated', { triageStatus: 'New', feedbackSentAt: '2026-11-05T10:00:00Z' }),
    null,
  ],
];

describe('feedbackLoopReport', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(openLoopKind(input, Date.parse(NOW), 7)?.kind ?? null).toBe(expected);
  });

  it('lists each open loop oldest first, with its kind and age, and counts them by kind', () => {
    const report = feedbackLoopReport(
      CASES.map(([, input]) => input),
      { now: NOW, debriefDays: 7 },
    );
    expect(report.loops.map((loop) => [loop.referralId, loop.kind, loop.ageDays])).toEqual([
      ['r-expired', 'undecided past SLA', 24],
      ['r-assigned', 'undecided past SLA', 21],
      ['r-silent', 'undecided past SLA', 21],
      ['r-declined', 'declined without feedback', 21],
      ['r-accepted', 'accepted without debrief', 10],
    ]);
    expect(report.summary).toEqual({
      'accepted without debrief': 1,
      'declined without feedback': 1,
      'undecided past SLA': 3,
      referrersAtRisk: 1,
    });
  });

  it('rates each referrer by their silences: one to watch, two at risk, three or more disengaging', () => {
    const aws = (portalId: string, overrides: Partial<InboundReferralInput> = {}) =>
      referral(portalId, {
        cloud: 'AWS',
        referrer: marcus,
        sourceLayer: 'Account Team',
        ...overrides,
      });
    const report = feedbackLoopReport(
      [
        referral('p-1'),
        referral('p-2', { triageStatus: 'Declined', decidedAt: '2026-11-03T09:00:00Z' }),
        referral('p-3', {
          triageStatus: 'Accepted',
          decidedAt: '2026-11-03T09:00:00Z',
          feedbackSentAt: '2026-11-04T09:00:00Z',
        }),
        aws('a-1'),
        aws('a-2', { receivedAt: '2026-11-06T09:00:00Z' }),
        aws('a-3', { triageStatus: 'Expired' }),
        referral('g-1', {
          cloud: 'Google',
          referrer: { name: 'Sam Ortiz', email: 'sam@google.com', title: 'Specialist' },
        }),
      ],
      { now: NOW, debriefDays: 7 },
    );
    expect(
      report.referrers.map((entry) => [
        entry.cloud,
        entry.referrer.email,
        entry.silences,
        entry.referrals,
        entry.risk,
      ]),
    ).toEqual([
      ['AWS', 'marcus.lee@amazon.com', 3, 3, 'disengaging'],
      ['Microsoft', 'priya.raman@microsoft.com', 2, 3, 'at risk'],
      ['Google', 'sam@google.com', 1, 1, 'watch'],
    ]);
    expect(report.summary.referrersAtRisk).toBe(2);
    expect(report.referrers[1]?.openReferralIds).toEqual(['p-1', 'p-2']);
  });

  it('rejects a bad moment or debrief window with the option named', () => {
    expect(() => feedbackLoopReport([], { now: 'yesterday', debriefDays: 7 })).toThrow(
      FeedbackLoopError,
    );
    expect(() => feedbackLoopReport([], { now: NOW, debriefDays: -1 })).toThrow(
      /^debriefDays: must be zero or a positive number/,
    );
  });
});

/**
 * Evaluates the checkbox formula for one referral: only the functions this formula uses, so a change
 * to the formula that the translation does not know fails loudly instead of passing.
 */
function evaluateLoopFormula(formula: string, referral: InboundReferral, now: number): boolean {
  const fields: Record<string, string | null> = {
    Feedback_Sent_At__c: referral.feedbackSentAt,
    Decided_At__c: referral.decidedAt,
    Response_Due__c: referral.responseDue,
    Triage_Status__c: referral.triageStatus,
  };
  const js = formula
    .replace(
      /ISPICKVAL\((\w+__c),\s*"([^"]*)"\)/g,
      (_m, field: string, value: string) => `(f.${field} === ${JSON.stringify(value)})`,
    )
    .replace(/ISBLANK\((\w+__c)\)/g, (_m, field: string) => `(f.${field} === null)`)
    .replace(/NOT\(/g, '!(')
    .replace(/NOW\(\)/g, 'now')
    .replace(/(\w+__c)\s*<\s*now/g, (_m, field: string) => `(Date.parse(f.${field}) < now)`);
  if (/[A-Z]{3,}\(/.test(js))
    throw new Error(`formula uses a function this test cannot evaluate: ${js}`);
  return Boolean(new Function('f', 'now', `return ${js};`)(fields, now));
}

describe('CoSell_Referral__c.Feedback_Loop_Open__c', () => {
  const xml = readFileSync(
    join(
      DEFAULT_DIR,
      'objects',
      'CoSell_Referral__c',
      'fields',
      'Feedback_Loop_Open__c.field-meta.xml',
    ),
    'utf8',
  );
  const formula = /<formula>([\s\S]*?)<\/formula>/
    .exec(xml)![1]!
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');

  // Salesforce has no debrief window: the box ticks as soon as the decision is unanswered, the core
  // waits debriefDays; with a zero window the two agree on every case, undecided silent ones included.
  it.each(CASES)(
    'ticks exactly when the core rule finds an open loop with no debrief window: %s',
    (_name, input) => {
      expect(evaluateLoopFormula(formula, input, Date.parse(NOW))).toBe(
        openLoopKind(input, Date.parse(NOW), 0) !== null,
      );
    },
  );
});
