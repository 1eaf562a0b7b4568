// Triage rules as data: who sent a referral (source layer) and how the product runs (tenancy
// archetype) decide its priority, response deadline, responder and owner queue. The defaults are
// the standard co-sell triage table plus the cases it leaves open; an admin tunes them (CoSell_Triage_Rule__mdt).
import { z } from 'zod';
import { Priority, SourceLayer, TenancyArchetype } from '../model.js';
import { BusinessTimeBudget } from './business-calendar.js';

/** Custom metadata DeveloperName rules: a letter first, letters/digits/single underscores, 40 max. */
export const TriageRuleId = z
  .string()
  .max(40, 'must be at most 40 characters (a custom metadata DeveloperName)')
  .regex(
    /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/,
    'must start with a letter and use letters, digits and single underscores (e.g. "Account_Team_Customer_Deployed")',
  );

export const TriageRule = z
  .object({
    id: TriageRuleId,
    /** A layer; 'any' for every known layer; null for referrals whose source is unknown. */
    sourceLayer: z.union([SourceLayer, z.literal('any'), z.null()]),
    /** An archetype, or 'any' (which also covers referrals whose archetype is not yet known). */
    tenancyArchetype: z.union([TenancyArchetype, z.literal('any')]),
    priority: Priority,
    response: BusinessTimeBudget,
    /**
     * "Within hours even out of hours": when set and the referral arrives outside business hours,
     * someone acknowledges it within this many elapsed (not business) hours. The response deadline
     * itself still counts business time.
     */
    outOfHoursAcknowledgeHours: z.number().positive().max(72).nullable().default(null),
    /** Who responds, in the alliance team's words. */
    responder: z.string().trim().min(1, 'must name who responds'),
    /** The Salesforce queue (DeveloperName) that owns the referral. */
    ownerQueue: z.string().trim().min(1, 'must name the owner queue'),
    /** Why the rule says what it says; quoted in the triage decision. */
    rationale: z.string().nullable().default(null),
  })
  .refine((rule) => rule.sourceLayer !== null || rule.priority !== 'Standard', {
    path: ['priority'],
    message: 'a referral with an unknown source is never Standard: use High or Urgent',
  });
export type TriageRule = z.infer<typeof TriageRule>;
export type TriageRuleInput = z.input<typeof TriageRule>;

const SAME_BUSINESS_DAY = { unit: 'business-days', amount: 0, minimumBusinessHours: 2 } as const;
const NEXT_BUSINESS_DAY = { unit: 'business-days', amount: 1 } as const;

const DEFAULT_RULE_INPUTS: TriageRuleInput[] = [
  // The standard triage table, one row each.
  {
    id: 'Account_Team_Customer_Deployed',
    sourceLayer: 'Account Team',
    tenancyArchetype: 'Customer-deployed',
    priority: 'Urgent',
    response: SAME_BUSINESS_DAY,
    outOfHoursAcknowledgeHours: 4,
    responder: 'Senior alliance manager + technical SE',
    ownerQueue: 'CoSell_Senior_Alliance_Managers',
    rationale:
      'account-team inbound often comes after the hyperscaler ran out of options: answer fast and prepared',
  },
  {
    id: 'Specialist_Customer_Deployed',
    sourceLayer: 'Specialist',
    tenancyArchetype: 'Customer-deployed',
    priority: 'Urgent',
    response: SAME_BUSINESS_DAY,
    responder: 'Alliance manager + SE for that workload',
    ownerQueue: 'CoSell_Alliance_Managers',
    rationale: 'the specialist carries quota on the consumption a customer-deployed product drives',
  },
  {
    id: 'Specialist_ISV_Hosted',
    sourceLayer: 'Specialist',
    tenancyArchetype: 'ISV-hosted SaaS',
    priority: 'High',
    response: NEXT_BUSINESS_DAY,
    responder: 'Alliance manager',
    ownerQueue: 'CoSell_Alliance_Managers',
    rationale:
      'hosted SaaS drives little consumption in the customer cloud, so less specialist leverage',
  },
  {
    id: 'Executive_Industry',
    sourceLayer: 'Executive/Industry',
    tenancyArchetype: 'any',
    priority: 'Urgent',
    response: SAME_BUSINESS_DAY,
    responder: 'Alliance leader / exec sponsor',
    ownerQueue: 'CoSell_Alliance_Leadership',
    rationale: 'an executive or industry lead expects a peer to answer the same day',
  },
  {
    id: 'Regional_Segment',
    sourceLayer: 'Regional/Segment',
    tenancyArchetype: 'any',
    priority: 'High',
    response: NEXT_BUSINESS_DAY,
    responder: 'Alliance manager',
    ownerQueue: 'CoSell_Alliance_Managers',
    rationale: 'regional and segment leaders route pipeline across many accounts',
  },
  {
    id: 'Partner_Program',
    sourceLayer: 'Partner Program',
    tenancyArchetype: 'any',
    priority: 'Standard',
    response: { unit: 'business-days', amount: 2 },
    responder: 'Alliance ops queue (standard qualification)',
    ownerQueue: 'CoSell_Alliance_Ops',
    rationale: 'partner-programme referrals go through standard qualification',
  },
  // Cases the table leaves open, decided here.
  {
    id: 'Account_Team_Other_Archetype',
    sourceLayer: 'Account Team',
    tenancyArchetype: 'any',
    priority: 'Urgent',
    response: SAME_BUSINESS_DAY,
    outOfHoursAcknowledgeHours: 4,
    responder: 'Senior alliance manager',
    ownerQueue: 'CoSell_Senior_Alliance_Managers',
    rationale:
      'not in the table (ISV-hosted or archetype unknown): the account is at stake whatever the archetype, so keep layer 3 urgent; add an SE once the workload needs one',
  },
  {
    id: 'Specialist_Unknown_Archetype',
    sourceLayer: 'Specialist',
    tenancyArchetype: 'any',
    priority: 'Urgent',
    response: SAME_BUSINESS_DAY,
    responder: 'Alliance manager + SE for that workload',
    ownerQueue: 'CoSell_Alliance_Managers',
    rationale:
      'not in the table (archetype unknown): treated as the faster customer-deployed case until the archetype is set',
  },
  {
    id: 'Unclassified_Source',
    sourceLayer: null,
    tenancyArchetype: 'any',
    priority: 'High',
    response: NEXT_BUSINESS_DAY,
    responder: 'Alliance manager (classify the source first)',
    ownerQueue: 'CoSell_Alliance_Managers',
    rationale:
      'an unknown source is never treated as standard: it could be an account team about to lose the customer',
  },
];

/** The shipped defaults: the standard triage table, then the gap rules. */
export const DEFAULT_TRIAGE_RULES: readonly TriageRule[] = Object.freeze(
  DEFAULT_RULE_INPUTS.map((rule) => TriageRule.parse(rule)),
);

/** Whether a rule applies to a referral's (possibly unknown) source layer and archetype. */
export function ruleApplies(
  rule: TriageRule,
  layer: SourceLayer | null,
  archetype: TenancyArchetype | null,
): boolean {
  const layerFits =
    rule.sourceLayer === null
      ? layer === null
      : rule.sourceLayer === 'any'
        ? layer !== null
        : rule.sourceLayer === layer;
  const archetypeFits = rule.tenancyArchetype === 'any' || rule.tenancyArchetype === archetype;
  return layerFits && archetypeFits;
}

/** An exact layer (or the unknown-source rule) outranks 'any'; an exact archetype outranks 'any'. */
function specificity(rule: TriageRule): number {
  return (rule.sourceLayer === 'any' ? 0 : 2) + (rule.tenancyArchetype === 'any' ? 0 : 1);
}

/** The most specific applicable rule; among equals, the first in the list. Null when none applies. */
export function selectTriageRule(
  rules: readonly TriageRule[],
  layer: SourceLayer | null,
  archetype: TenancyArchetype | null,
): TriageRule | null {
  let best: TriageRule | null = null;
  for (const rule of rules) {
    if (
      ruleApplies(rule, layer, archetype) &&
      (best === null || specificity(rule) > specificity(best))
    )
      best = rule;
  }
  return best;
}
