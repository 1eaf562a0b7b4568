// One entry point for "is this decline feedback good enough to send?", shared by `cosell feedback
// check` and POST /api/v1/feedback/check: the whole decline when a reason is given, the feedback text
// alone otherwise. It only calls the feedback rule's public functions, so the rule can change inside.
import type { Cloud, Finding } from '../model.js';
import { genericFeedbackFindings, validateDecline, type ReferralContext } from './decline.js';

export interface FeedbackCheckInput {
  text: string;
  cloud: Cloud;
  reason?: string | undefined;
  customerName?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
}

export function checkFeedback(input: FeedbackCheckInput): Finding[] {
  const referral: ReferralContext = {
    cloud: input.cloud,
    // Without a named customer the check still judges the text; the phrase reads naturally in messages.
    customerName: input.customerName?.trim() || 'the customer',
    customerDomain: null,
    title: input.title ?? null,
    description: input.description ?? null,
  };
  if (input.reason !== undefined)
    return validateDecline({ reason: input.reason, feedback: input.text, referral });
  return genericFeedbackFindings(input.text, referral);
}
