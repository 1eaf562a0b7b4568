// A decline teaches the referrer something only if it gives a reason from the fixed list and feedback
// that is specific: a concrete reason, a detail of this customer or deal, and what would change the
// answer (judged in specificity.ts). Silence and polite generalities are defects to flag.
import {
  DECLINE_REASONS,
  type DeclineReason,
  type Finding,
  type InboundReferral,
} from '../model.js';
import { REFERRAL_FIELDS } from '../salesforce-fields.js';
import { judgeFeedback, subjectTerms } from './specificity.js';

/** Stable finding codes: the inbox, the CLI and reports key on these. */
export const FEEDBACK_CODES = {
  reasonRequired: 'FEEDBACK_REASON_REQUIRED',
  reasonUnknown: 'FEEDBACK_REASON_UNKNOWN',
  feedbackRequired: 'FEEDBACK_REQUIRED',
  noConcreteReason: 'FEEDBACK_NO_CONCRETE_REASON',
  notSpecific: 'FEEDBACK_NOT_SPECIFIC',
  noWayForward: 'FEEDBACK_NO_WAY_FORWARD',
} as const;

/** What the feedback must speak to: the referral's customer and workload. */
export type ReferralContext = Pick<
  InboundReferral,
  'cloud' | 'customerName' | 'customerDomain' | 'title' | 'description'
>;

/** Distinctive terms of a referral: customer name and domain words, title and description words. */
export function referralTerms(referral: ReferralContext): string[] {
  return subjectTerms(referral);
}

/**
 * Findings for feedback a referrer could not learn from: no concrete reason (error), nothing about
 * this customer or deal (error), nothing about what would change the answer (warning: the guide's
 * own examples often leave it implicit). Empty when the text is specific on all three counts.
 */
export function genericFeedbackFindings(text: string, referral: ReferralContext): Finding[] {
  const verdict = judgeFeedback(text, referral);
  const findings: Finding[] = [];
  const common = { cloud: referral.cloud, field: REFERRAL_FIELDS.feedback };
  if (!verdict.reason) {
    findings.push({
      ...common,
      code: FEEDBACK_CODES.noConcreteReason,
      severity: 'error',
      message: `Feedback gives no concrete reason: say what did not fit (the workload the product does not cover, the deal size against your threshold, how early ${referral.customerName} is in its cloud journey, a region or certification you lack...).`,
      evidence: { reasons: DECLINE_REASONS.filter((reason) => reason !== 'Customer unresponsive') },
    });
  }
  if (!verdict.detail) {
    findings.push({
      ...common,
      code: FEEDBACK_CODES.notSpecific,
      severity: 'error',
      message: `Feedback says nothing particular to ${referral.customerName} or this deal: name the workload, product, figure or place behind the decision.`,
      evidence: { lookedFor: referralTerms(referral).slice(0, 15) },
    });
  }
  if (!verdict.change) {
    findings.push({
      ...common,
      code: FEEDBACK_CODES.noWayForward,
      severity: 'warning',
      message:
        'Say what would change the answer (for example "bring it back once they pass 200 seats"), so the referrer knows which introductions to send next.',
      evidence: {},
    });
  }
  return findings;
}

export interface DeclineInput {
  reason: string | null | undefined;
  feedback: string | null | undefined;
  referral: ReferralContext;
}

function isDeclineReason(value: string): value is DeclineReason {
  return (DECLINE_REASONS as readonly string[]).includes(value);
}

/** Everything wrong with a decline before it goes back to the referrer; no errors means it may be sent. */
export function validateDecline(input: DeclineInput): Finding[] {
  const findings: Finding[] = [];
  const { referral } = input;
  const reason = input.reason?.trim();
  if (!reason) {
    findings.push({
      code: FEEDBACK_CODES.reasonRequired,
      severity: 'error',
      message: `A decline needs a reason: one of ${DECLINE_REASONS.join('; ')}.`,
      cloud: referral.cloud,
      field: REFERRAL_FIELDS.declineReason,
      evidence: { allowed: [...DECLINE_REASONS] },
    });
  } else if (!isDeclineReason(reason)) {
    findings.push({
      code: FEEDBACK_CODES.reasonUnknown,
      severity: 'error',
      message: `"${reason}" is not a decline reason: use one of ${DECLINE_REASONS.join('; ')}.`,
      cloud: referral.cloud,
      field: REFERRAL_FIELDS.declineReason,
      evidence: { given: reason, allowed: [...DECLINE_REASONS] },
    });
  }

  const feedback = input.feedback?.trim();
  if (!feedback) {
    findings.push({
      code: FEEDBACK_CODES.feedbackRequired,
      severity: 'error',
      message: `A decline needs feedback for the referrer: what about ${referral.customerName}'s deal did not fit, specifically.`,
      cloud: referral.cloud,
      field: REFERRAL_FIELDS.feedback,
    });
    return findings;
  }
  return [...findings, ...genericFeedbackFindings(feedback, referral)];
}
