// Generic-feedback check for the decision form, so the user is warned before saving. It mirrors the
// middleware's rule (middleware/src/core/feedback/), which stays the authority: this is a short
// list of the stock phrases only, enough to warn early, never to decide.

/** Stock phrases that tell a referrer nothing they can act on next time. */
export const GENERIC_FEEDBACK_PHRASES = [
    'not the right fit',
    'not a good fit',
    'not a fit',
    'not at this time',
    'bad timing',
    'no interest',
    'not interested',
    'other priorities',
    'n/a'
];

// Below this many words there is no room for anything specific about the customer or the deal.
const MINIMUM_SPECIFIC_WORDS = 6;

function normalise(text) {
    return String(text || '')
        .toLowerCase()
        .replace(/[^a-z0-9/\s]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}

/** True when the feedback is empty, too short to be specific, or mostly a stock phrase. */
export function isGenericFeedback(text) {
    const normalised = normalise(text);
    if (normalised === '') {
        return true;
    }
    let remainder = ` ${normalised} `;
    GENERIC_FEEDBACK_PHRASES.forEach((phrase) => {
        remainder = remainder.split(` ${phrase} `).join(' ');
    });
    const specificWords = remainder.trim() === '' ? 0 : remainder.trim().split(' ').length;
    return specificWords < MINIMUM_SPECIFIC_WORDS;
}
