// A decline teaches the referrer something only if it gives a reason from the fixed list and says
// something specific about this customer or workload; stock phrases and silence are defects to flag.
import { DECLINE_REASONS, type DeclineReason, type Finding, type InboundReferral } from '../model.js';
import { REFERRAL_FIELDS } from '../salesforce-fields.js';

/** Stable finding codes: the inbox, the CLI and reports key on these. */
export const FEEDBACK_CODES = {
  reasonRequired: 'FEEDBACK_REASON_REQUIRED',
  reasonUnknown: 'FEEDBACK_REASON_UNKNOWN',
  feedbackRequired: 'FEEDBACK_REQUIRED',
  genericPhrase: 'FEEDBACK_GENERIC_PHRASE',
  tooShort: 'FEEDBACK_TOO_SHORT',
  notSpecific: 'FEEDBACK_NOT_SPECIFIC',
} as const;

/** Phrases that tell a referrer nothing they can act on. Matched on lower-cased, straight-quoted text. */
export const STOCK_FEEDBACK_PHRASES: readonly string[] = [
  'not the right fit',
  'not a good fit',
  'not a fit',
  'not the right time',
  'at this time',
  'not a priority',
  'not a focus',
  'not aligned',
  "doesn't align",
  'does not align',
  'not a match',
  'not interested',
  'no bandwidth',
  'lack of bandwidth',
  'no capacity',
  'not moving forward',
  'decided not to proceed',
  'decided to pass',
  'going in a different direction',
  'moving in a different direction',
  'circle back',
  'revisit later',
  'maybe next quarter',
  'timing is not right',
  "timing isn't right",
  'thanks but no thanks',
];

/** Feedback shorter than this many words is too thin to learn from, unless configured otherwise. */
export const DEFAULT_MIN_FEEDBACK_WORDS = 12;

export interface FeedbackCheckOptions {
  minWords?: number;
  stockPhrases?: readonly string[];
}

/** What the feedback must speak to: the referral's customer and workload. */
export type ReferralContext = Pick<InboundReferral, 'cloud' | 'customerName' | 'customerDomain' | 'title' | 'description'>;

// Words that appear in almost every referral and so prove nothing about this one.
const UNSPECIFIC_WORDS = new Set([
  'about', 'after', 'also', 'azure', 'been', 'cloud', 'company', 'customer', 'customers', 'deal', 'from', 'google',
  'have', 'into', 'microsoft', 'more', 'opportunity', 'partner', 'project', 'referral', 'solution', 'that', 'their',
  'them', 'there', 'they', 'this', 'want', 'wants', 'what', 'when', 'which', 'will', 'with', 'work', 'would', 'your',
  'inc', 'ltd', 'llc', 'gmbh', 'corp', 'limited', 'group', 'plc', 'www', 'com', 'net', 'org', 'aws', 'amazon', 'gcp',
]);

function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Crude stemming so "warehouses" meets "warehouse" and "migrating" meets "migration" halfway. */
function stem(word: string): string {
  return word
    .replace(/'s?$/, '')
    .replace(/(?:ies|es|s|ing|ion|ed)$/, '')
    .slice(0, 8);
}

/** Words as a reader counts them: "doesn't" is one word, "on-premises" two. */
function words(text: string): string[] {
  return normaliseText(text)
    .split(/[^a-z0-9']+/)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Distinctive terms of a referral: customer name and domain words, title and description words. */
export function referralTerms(referral: ReferralContext): string[] {
  const domainLabel = referral.customerDomain ? referral.customerDomain.replace(/^https?:\/\//, '').split('.').slice(0, -1).join(' ') : '';
  const nameWords = [...words(referral.customerName), ...words(domainLabel)].filter((word) => word.length >= 3);
  const workloadWords = words(`${referral.title ?? ''} ${referral.description ?? ''}`).filter((word) => word.length >= 4 && !/^\d+$/.test(word));
  return [...new Set([...nameWords, ...workloadWords])].filter((word) => !UNSPECIFIC_WORDS.has(word));
}

/**
 * Findings for feedback that a referrer could not learn from: stock phrases (warning), too few
 * words (error), and no mention of this customer or workload (error). Empty when the text is specific.
 */
export function genericFeedbackFindings(text: string, referral: ReferralContext, options: FeedbackCheckOptions = {}): Finding[] {
  const minWords = options.minWords ?? DEFAULT_MIN_FEEDBACK_WORDS;
  const phrases = options.stockPhrases ?? STOCK_FEEDBACK_PHRASES;
  const normalised = normaliseText(text);
  const findings: Finding[] = [];
  const common = { cloud: referral.cloud, field: REFERRAL_FIELDS.feedback };

  const stock = phrases.filter((phrase) => normalised.includes(phrase.toLowerCase()));
  if (stock.length > 0) {
    findings.push({
      ...common,
      code: FEEDBACK_CODES.genericPhrase,
      severity: 'warning',
      message: `Feedback uses stock wording (${stock.map((phrase) => `"${phrase}"`).join(', ')}): say what specifically did not fit.`,
      evidence: { phrases: stock },
    });
  }

  const feedbackWords = words(text);
  if (feedbackWords.length < minWords) {
    findings.push({
      ...common,
      code: FEEDBACK_CODES.tooShort,
      severity: 'error',
      message: `Feedback has ${feedbackWords.length} word${feedbackWords.length === 1 ? '' : 's'}; write at least ${minWords} so the referrer learns why.`,
      evidence: { words: feedbackWords.length, minimum: minWords },
    });
  }

  const terms = referralTerms(referral);
  const feedbackStems = new Set(feedbackWords.map(stem));
  const mentioned = terms.filter((term) => feedbackStems.has(stem(term)));
  if (terms.length > 0 && mentioned.length === 0) {
    findings.push({
      ...common,
      code: FEEDBACK_CODES.notSpecific,
      severity: 'error',
      message: `Feedback says nothing about ${referral.customerName} or its workload: name what about this deal did not fit.`,
      evidence: { lookedFor: terms.slice(0, 15) },
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
export function validateDecline(input: DeclineInput, options: FeedbackCheckOptions = {}): Finding[] {
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
  return [...findings, ...genericFeedbackFindings(feedback, referral, options)];
}
