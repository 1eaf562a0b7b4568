// Judges whether decline feedback is specific: a concrete reason, a detail of this customer or deal,
// and what would change the answer. Length and stock phrases are not the test: a short, exact reason
// teaches the referrer more than a long polite one. The LWC module coSellUtils/feedback.js runs the
// same steps on the same data (specificity-rule.ts), and a shared case table holds them together.
import { FEEDBACK_SPECIFICITY_RULE, type FeedbackSpecificityRule } from './specificity-rule.js';

/** What the feedback can be about: the referral's customer and workload (any field may be absent). */
export interface FeedbackSubject {
  customerName?: string | null;
  customerDomain?: string | null;
  title?: string | null;
  description?: string | null;
}

export interface FeedbackSpecificity {
  /** The decline reason the wording states concretely, with the words that showed it. */
  reason: { reason: string; matched: string } | null;
  /** A fact only this deal has: a term of the referral, a proper noun, a figure. */
  detail: { kind: 'referral term' | 'proper noun' | string; matched: string } | null;
  /** The words saying what would change the answer. */
  change: string | null;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Crude stemming so "warehouses" meets "warehouse" and "migrating" meets "migration" halfway. */
export function stem(word: string): string {
  return word
    .replace(/'s?$/, '')
    .replace(/(?:ies|es|s|ing|ion|ed)$/, '')
    .slice(0, 8);
}

/** Words as a reader counts them: "doesn't" is one word, "on-premises" two. */
export function feedbackWords(text: string): string[] {
  return normalise(text)
    .split(/[^a-z0-9']+/)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Distinctive terms of a referral: customer name and domain words, title and description words. */
export function subjectTerms(
  subject: FeedbackSubject,
  rule: FeedbackSpecificityRule = FEEDBACK_SPECIFICITY_RULE,
): string[] {
  const noise = new Set(rule.referralNoiseWords);
  const domainLabel = subject.customerDomain
    ? subject.customerDomain
        .replace(/^https?:\/\//, '')
        .split('.')
        .slice(0, -1)
        .join(' ')
    : '';
  const nameWords = [
    ...feedbackWords(subject.customerName ?? ''),
    ...feedbackWords(domainLabel),
  ].filter((word) => word.length >= 3);
  const workloadWords = feedbackWords(`${subject.title ?? ''} ${subject.description ?? ''}`).filter(
    (word) => word.length >= 4 && !/^\d+$/.test(word),
  );
  return [...new Set([...nameWords, ...workloadWords])].filter((word) => !noise.has(word));
}

function firstMatch(text: string, sources: readonly string[]): string | null {
  for (const source of sources) {
    const found = new RegExp(source).exec(text);
    if (found) return found[0].trim();
  }
  return null;
}

/**
 * A capitalised word that does not open a sentence, or an acronym anywhere ("SAP", "UAE"): names of
 * products, places and people are what generic feedback lacks.
 */
function properNoun(text: string, rule: FeedbackSpecificityRule): string | null {
  const common = new Set(rule.commonCapitalised);
  for (const sentence of text.replace(/[\u2018\u2019]/g, "'").split(/[.!?;:\n]+/)) {
    const tokens = sentence.split(/[^A-Za-z0-9'&-]+/).filter(Boolean);
    for (const [index, token] of tokens.entries()) {
      const word = token.replace(/'s$/, '');
      if (common.has(word.toLowerCase())) continue;
      const acronym = /^[A-Z][A-Z0-9&-]+$/.test(word) && /[A-Z].*[A-Z]/.test(word);
      if (acronym || (index > 0 && /^[A-Z][a-z]/.test(word))) return word;
    }
  }
  return null;
}

/** The three parts of specific feedback, each null when the text lacks it. */
export function judgeFeedback(
  text: string,
  subject: FeedbackSubject,
  rule: FeedbackSpecificityRule = FEEDBACK_SPECIFICITY_RULE,
): FeedbackSpecificity {
  const normalised = normalise(text);
  let reason: FeedbackSpecificity['reason'] = null;
  for (const candidate of rule.reasons) {
    const matched = firstMatch(normalised, candidate.cues);
    if (matched !== null) {
      reason = { reason: candidate.reason, matched };
      break;
    }
  }

  const stems = new Set(feedbackWords(text).map(stem));
  const term = subjectTerms(subject, rule).find((candidate) => stems.has(stem(candidate)));
  let detail: FeedbackSpecificity['detail'] = term
    ? { kind: 'referral term', matched: term }
    : null;
  if (!detail) {
    const noun = properNoun(text, rule);
    if (noun) detail = { kind: 'proper noun', matched: noun };
  }
  if (!detail) {
    for (const candidate of rule.details) {
      const matched = firstMatch(normalised, [candidate.cue]);
      if (matched !== null) {
        detail = { kind: candidate.kind, matched };
        break;
      }
    }
  }
  return { reason, detail, change: firstMatch(normalised, rule.changes) };
}
