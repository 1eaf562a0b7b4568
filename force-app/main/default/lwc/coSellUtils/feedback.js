// Decline-feedback check for the decision form, so the user is warned before saving. It runs the same
// steps on the same data as the service's rule (middleware/src/core/feedback/specificity.ts), which
// stays the authority: a concrete reason, a detail of this customer or deal, and what would change
// the answer. A shared case table (test/fixtures/feedback-specificity-cases.json) tests both.
import { FEEDBACK_SPECIFICITY_RULE } from './feedbackRule';

function normalise(text) {
  return String(text || '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Crude stemming so "warehouses" meets "warehouse" and "migrating" meets "migration" halfway. */
function stem(word) {
  return word
    .replace(/'s?$/, '')
    .replace(/(?:ies|es|s|ing|ion|ed)$/, '')
    .slice(0, 8);
}

/** Words as a reader counts them: "doesn't" is one word, "on-premises" two. */
function feedbackWords(text) {
  return normalise(text)
    .split(/[^a-z0-9']+/)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
}

function subjectTerms(subject) {
  const noise = new Set(FEEDBACK_SPECIFICITY_RULE.referralNoiseWords);
  const domain = subject.customerDomain || '';
  const domainLabel = domain
    ? domain
        .replace(/^https?:\/\//, '')
        .split('.')
        .slice(0, -1)
        .join(' ')
    : '';
  const nameWords = [
    ...feedbackWords(subject.customerName || ''),
    ...feedbackWords(domainLabel),
  ].filter((word) => word.length >= 3);
  const workloadWords = feedbackWords(`${subject.title || ''} ${subject.description || ''}`).filter(
    (word) => word.length >= 4 && !/^\d+$/.test(word),
  );
  return [...new Set([...nameWords, ...workloadWords])].filter((word) => !noise.has(word));
}

function firstMatch(text, sources) {
  for (const source of sources) {
    const found = new RegExp(source).exec(text);
    if (found) {
      return found[0].trim();
    }
  }
  return null;
}

function properNoun(text) {
  const common = new Set(FEEDBACK_SPECIFICITY_RULE.commonCapitalised);
  for (const sentence of String(text || '')
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[.!?;:\n]+/)) {
    const tokens = sentence.split(/[^A-Za-z0-9'&-]+/).filter((token) => token !== '');
    for (let index = 0; index < tokens.length; index++) {
      const word = tokens[index].replace(/'s$/, '');
      if (!common.has(word.toLowerCase())) {
        const acronym = /^[A-Z][A-Z0-9&-]+$/.test(word) && /[A-Z].*[A-Z]/.test(word);
        if (acronym || (index > 0 && /^[A-Z][a-z]/.test(word))) {
          return word;
        }
      }
    }
  }
  return null;
}

/** The three parts of specific feedback, each null when the text lacks it. */
export function judgeFeedback(text, subject) {
  const about = subject || {};
  const normalised = normalise(text);
  let reason = null;
  for (const candidate of FEEDBACK_SPECIFICITY_RULE.reasons) {
    const matched = firstMatch(normalised, candidate.cues);
    if (matched !== null) {
      reason = { reason: candidate.reason, matched };
      break;
    }
  }
  const stems = new Set(feedbackWords(text).map(stem));
  const term = subjectTerms(about).find((candidate) => stems.has(stem(candidate)));
  let detail = term ? { kind: 'referral term', matched: term } : null;
  if (!detail) {
    const noun = properNoun(text);
    if (noun) {
      detail = { kind: 'proper noun', matched: noun };
    }
  }
  if (!detail) {
    for (const candidate of FEEDBACK_SPECIFICITY_RULE.details) {
      const matched = firstMatch(normalised, [candidate.cue]);
      if (matched !== null) {
        detail = { kind: candidate.kind, matched };
        break;
      }
    }
  }
  return { reason, detail, change: firstMatch(normalised, FEEDBACK_SPECIFICITY_RULE.changes) };
}

/**
 * True when the feedback lacks a concrete reason or anything particular to this customer or deal:
 * the two gaps the service refuses. (What would change the answer is advice, not a refusal.)
 */
export function isGenericFeedback(text, subject) {
  const verdict = judgeFeedback(text, subject);
  return verdict.reason === null || verdict.detail === null;
}
