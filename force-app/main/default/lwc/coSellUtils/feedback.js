// Generic-feedback check for the decision form, so the user is warned before saving. It mirrors the
// middleware's rule (middleware/src/core/feedback/decline.ts, genericFeedbackFindings), which stays
// the authority: the same word minimum and a short subset of its stock phrases, enough to warn
// early. The service's check that the text names this customer or workload is not repeated here.

/** Stock phrases that tell a referrer nothing they can act on (a subset of STOCK_FEEDBACK_PHRASES). */
export const GENERIC_FEEDBACK_PHRASES = [
    'not the right fit',
    'not a good fit',
    'not a fit',
    'not the right time',
    'at this time',
    'not a priority',
    'not interested',
    'no bandwidth',
    'not moving forward',
    'circle back'
];

// The service's DEFAULT_MIN_FEEDBACK_WORDS: below this a referrer cannot learn why.
const MINIMUM_FEEDBACK_WORDS = 12;

function normalise(text) {
    return String(text || '')
        .toLowerCase()
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/\s+/g, ' ')
        .trim();
}

/** Words as a reader counts them: "doesn't" is one word, "on-premises" two. */
function countWords(text) {
    return normalise(text)
        .split(/[^a-z0-9']+/)
        .map((word) => word.replace(/^'+|'+$/g, ''))
        .filter((word) => word !== '').length;
}

/** True when the feedback uses stock wording or is too short to say anything specific. */
export function isGenericFeedback(text) {
    const normalised = normalise(text);
    if (GENERIC_FEEDBACK_PHRASES.some((phrase) => normalised.includes(phrase))) {
        return true;
    }
    return countWords(normalised) < MINIMUM_FEEDBACK_WORDS;
}
