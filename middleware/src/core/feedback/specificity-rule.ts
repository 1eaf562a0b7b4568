// The data behind the decline-feedback rule, kept as plain JSON-shaped values so the Lightning
// component (force-app/main/default/lwc/coSellUtils/feedbackRule.js) carries an identical copy; a test
// compares the two. Patterns are regular-expression sources matched on lower-cased text.
//
// Closing the loop: a decline teaches the referrer only when it gives a concrete reason,
// ties it to this customer or deal, and ideally says what would change the answer. The reason cues
// follow the decline reasons the product offers (DeclineReason in core/model.ts); the
// cue lists themselves are our interpretation, not the guide's.

export interface FeedbackSpecificityRule {
  /** Per decline reason, wording that states that reason concretely (not "not a fit"). */
  reasons: Array<{ reason: string; cues: string[] }>;
  /** Facts that can only be about one deal: figures and amounts. Proper nouns and referral terms are found in code. */
  details: Array<{ kind: string; cue: string }>;
  /** Wording that tells the referrer what would change the answer. */
  changes: string[];
  /** Capitalised words that name nobody in particular (clouds, greetings), lower-cased. */
  commonCapitalised: string[];
  /** Words in almost every referral, which prove nothing about this one when echoed back. */
  referralNoiseWords: string[];
}

export const FEEDBACK_SPECIFICITY_RULE: FeedbackSpecificityRule = {
  reasons: [
    {
      reason: 'Product not relevant to workload',
      cues: [
        '\\b(?:not relevant|irrelevant|not applicable|out of scope|outside (?:our|the) scope|not supported|unsupported)\\b',
        "\\b(?:does not|doesn't|do not|don't|cannot|can't|won't|will not|could not|couldn't) (?:support|cover|run|handle|do|read|integrate|connect|replace|address|solve|work)\\b",
        '\\b(?:no|without) (?:support|connector|integration|plugin|adapter) for\\b',
        '\\bonly (?:supports?|runs?|works?|covers?|handles?)\\b',
        "\\bwe (?:don't|do not) (?:have|offer|sell|build)\\b",
      ],
    },
    {
      reason: 'Below commercial threshold',
      cues: [
        '\\b(?:threshold|too small|deal size|below our|under our|minimum (?:deal|contract|acv|arr|size|spend|commitment))\\b',
        '[$€£]\\s?\\d',
        '\\b\\d+(?:[.,]\\d+)?\\s?(?:k|m|mm)\\b',
        '\\b\\d+ (?:seats?|users?|licen[cs]es?|nodes?|cores?|vms?|hosts?)\\b',
      ],
    },
    {
      reason: 'Customer too early in cloud journey',
      cues: [
        '\\b(?:too early|early (?:stage|days)|cloud journey|landing zone)\\b',
        '\\bstill (?:on[- ]?prem(?:ise|ises)?|in (?:discovery|evaluation|planning)|evaluating|planning)\\b',
        '\\bnot yet (?:migrated|moved|in the cloud|on|live|running)\\b',
        "\\b(?:has not|hasn't|have not|haven't) (?:started|moved|migrated|signed|chosen)\\b",
        '\\bbefore (?:their|the|its) (?:migration|move)\\b',
      ],
    },
    {
      reason: 'Region or compliance not supported',
      cues: [
        '\\b(?:regions?|residency|sovereign(?:ty)?|in-country|fedramp|hipaa|gdpr|pci(?:[- ]dss)?|soc ?2|iso ?27001|itar|il[2-6]|irap|c5|compliance|certification|certified|accreditation)\\b',
        '\\bdata cent(?:re|er)s?\\b',
      ],
    },
    {
      reason: 'Existing customer or duplicate',
      cues: [
        '\\balready (?:a customer|our customer|working|engaged|registered|submitted|shared|licen[cs]es?|in (?:our|the) pipeline)\\b',
        '\\b(?:existing (?:customer|deal|opportunity|contract)|duplicate|same (?:deal|opportunity) as)\\b',
      ],
    },
    {
      reason: 'Competitive or contractual conflict',
      cues: [
        '\\b(?:competitor|competing|competitive|exclusiv\\w*|contract(?:ual|ed)?|conflict|non-compete|incumbent|locked in|enterprise agreement|signed with)\\b',
      ],
    },
    {
      reason: 'Customer unresponsive',
      cues: [
        '\\b(?:no (?:reply|response|answer)|unresponsive|no-show|unanswered)\\b',
        "\\b(?:did not|didn't|never|has not|hasn't) (?:reply|replied|respond|responded|answer|answered|show up|turn up)\\b",
        '\\b(?:went|gone|go) (?:quiet|silent|dark)\\b',
      ],
    },
  ],
  details: [{ kind: 'figure', cue: '\\d' }],
  changes: [
    '\\b(?:if|once|unless|until|as soon as)\\b',
    '\\bwhen (?:they|the|it|its|their|we|you)\\b',
    '\\bwould (?:change|reconsider|revisit|work|fit|engage|qualify|be (?:happy|glad|keen))\\b',
    '\\b(?:revisit|re-?engage|re-?open|look again|come back to)\\b',
    '\\b(?:send|bring) (?:it|them|this|that) back\\b',
    '\\bpick (?:it|them|this|that) (?:back )?up\\b',
    '\\b(?:next (?:year|quarter|fiscal year)|later this year|in (?:q[1-4]|h[12]|fy\\s?\\d{2,4}))\\b',
  ],
  commonCapitalised: [
    'aws',
    'amazon',
    'microsoft',
    'azure',
    'google',
    'gcp',
    'cloud',
    'partner',
    'partners',
    'pdm',
    'ace',
    'psc',
    'thanks',
    'thank',
    'please',
    'hi',
    'hello',
    'dear',
    'cheers',
    'regards',
    'best',
    'team',
    'we',
    'our',
    'us',
    'ok',
  ],
  referralNoiseWords: [
    'about',
    'after',
    'also',
    'azure',
    'been',
    'cloud',
    'company',
    'customer',
    'customers',
    'deal',
    'from',
    'google',
    'have',
    'into',
    'microsoft',
    'more',
    'opportunity',
    'partner',
    'project',
    'referral',
    'solution',
    'that',
    'their',
    'them',
    'there',
    'they',
    'this',
    'want',
    'wants',
    'what',
    'when',
    'which',
    'will',
    'with',
    'work',
    'would',
    'your',
    'inc',
    'ltd',
    'llc',
    'gmbh',
    'corp',
    'limited',
    'group',
    'plc',
    'www',
    'com',
    'net',
    'org',
    'aws',
    'amazon',
    'gcp',
  ],
};
