// Decline feedback is judged on specificity, not length or stock phrases; the Lightning copy of the
// rule carries the same data, and the shared case table fixes what both decide.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import {
  FEEDBACK_SPECIFICITY_RULE,
  judgeFeedback,
  type FeedbackSubject,
} from '../../../middleware/src/core/feedback/index.js';

interface SpecificityCases {
  subjects: Record<string, FeedbackSubject>;
  cases: Array<{
    subject: string;
    text: string;
    reason: string | null;
    detail: boolean;
    change: boolean;
  }>;
}

const table = JSON.parse(
  readFileSync(new URL('../../fixtures/feedback-specificity-cases.json', import.meta.url), 'utf8'),
) as SpecificityCases;
const LWC_RULE = new URL(
  '../../../force-app/main/default/lwc/coSellUtils/feedbackRule.js',
  import.meta.url,
);

describe('decline feedback specificity (service rule)', () => {
  it.each(table.cases)('judges "$text"', ({ subject, text, reason, detail, change }) => {
    const verdict = judgeFeedback(text, table.subjects[subject]!);
    expect({
      reason: verdict.reason?.reason ?? null,
      detail: verdict.detail !== null,
      change: verdict.change !== null,
    }).toEqual({ reason, detail, change });
  });

  it('keeps the Lightning component on the same rule data', () => {
    const source = readFileSync(LWC_RULE, 'utf8');
    const literal = /export const FEEDBACK_SPECIFICITY_RULE = ([\s\S]*);\s*$/.exec(source)?.[1];
    expect(literal).toBeDefined();
    // Evaluated as the JavaScript it is (the formatter writes it without JSON's quotes), with nothing in scope.
    expect(runInNewContext(`(${literal!})`)).toEqual(FEEDBACK_SPECIFICITY_RULE);
  });

  it('compiles every pattern of the rule', () => {
    const sources = [
      ...FEEDBACK_SPECIFICITY_RULE.reasons.flatMap((reason) => reason.cues),
      ...FEEDBACK_SPECIFICITY_RULE.details.map((detail) => detail.cue),
      ...FEEDBACK_SPECIFICITY_RULE.changes,
    ];
    for (const source of sources) expect(() => new RegExp(source)).not.toThrow();
  });
});
