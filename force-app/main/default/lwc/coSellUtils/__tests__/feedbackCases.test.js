// The decision form's feedback check decides the shared case table exactly as the service's rule does
// (test/core/feedback/specificity.test.ts runs the same table against the TypeScript core).
import { judgeFeedback, isGenericFeedback } from 'c/coSellUtils';

const table = require('../../../../../../test/fixtures/feedback-specificity-cases.json');

describe('decline feedback specificity (Lightning copy)', () => {
  it.each(table.cases)('judges "$text"', ({ subject, text, reason, detail, change }) => {
    const verdict = judgeFeedback(text, table.subjects[subject]);
    expect({
      reason: verdict.reason ? verdict.reason.reason : null,
      detail: verdict.detail !== null,
      change: verdict.change !== null,
    }).toEqual({ reason, detail, change });
    expect(isGenericFeedback(text, table.subjects[subject])).toBe(reason === null || !detail);
  });
});
