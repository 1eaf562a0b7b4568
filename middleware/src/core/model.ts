// The canonical co-sell model: one shape for opportunities, referrals and counterparts that every
// portal dialect, rule, store and command shares. Enum values are the Salesforce picklist values of
// the package's data model (force-app), so a value read from the org needs no translation.
import { z } from 'zod';
import { withCompiledParse } from './compiled-parse.js';

/** Hyperscalers, as `CoSell_Clouds__c` / `Cloud__c` spell them. */
export const CLOUDS = ['AWS', 'Microsoft', 'Google'] as const;
export const Cloud = z.enum(CLOUDS);
export type Cloud = z.infer<typeof Cloud>;

/** The canonical cloud for a name in any case ("aws", "MICROSOFT", "Google"), or undefined. */
export function cloudNamed(name: string): Cloud | undefined {
  const wanted = name.trim().toLowerCase();
  return CLOUDS.find((cloud) => cloud.toLowerCase() === wanted);
}

/**
 * One of `names` written in any case, parsed to its canonical spelling. The check is a pattern
 * spelled case by case (`[aA][wW][sS]`), so JSON Schema clients, which have no regex flags, agree.
 */
export function anyCaseName<const T extends readonly [string, ...string[]]>(names: T) {
  const letters = (name: string) =>
    [...name]
      .map((c) =>
        c.toLowerCase() === c.toUpperCase()
          ? c.replace(/[-.]/g, '\\$&')
          : `[${c.toLowerCase()}${c.toUpperCase()}]`,
      )
      .join('');
  const pattern = new RegExp(`^\\s*(?:${names.map(letters).join('|')})\\s*$`);
  return z
    .string()
    .regex(pattern, `must be one of ${names.join(', ')} (in any case)`)
    .transform((value) => names.find((name) => name.toLowerCase() === value.trim().toLowerCase())!)
    .pipe(z.enum(names));
}

/**
 * A cloud as people and other systems write it, in any case: what requests, evidence files and
 * exports are read with. It parses to the canonical name, so nothing downstream sees the variants.
 */
export const CloudName = anyCaseName(CLOUDS);

/** Who brought the deal: the ISV shared it, or a hyperscaler person brought it. */
export const ORIGINS = ['Partner-led', 'Hyperscaler-led'] as const;
export const Origin = z.enum(ORIGINS);
export type Origin = z.infer<typeof Origin>;

/** Sourced = originated by the hyperscaler; Influenced = ISV-originated, worked jointly. */
export const ATTRIBUTIONS = ['Sourced', 'Influenced', 'None'] as const;
export const Attribution = z.enum(ATTRIBUTIONS);
export type Attribution = z.infer<typeof Attribution>;

export const MARKETPLACE_ROUTES = [
  'None',
  'Public listing',
  'Private offer',
  'Multi-party private offer',
] as const;
export const MarketplaceRoute = z.enum(MARKETPLACE_ROUTES);
export type MarketplaceRoute = z.infer<typeof MarketplaceRoute>;

export const COMMIT_DRAWDOWNS = ['None', 'AWS EDP', 'Microsoft MACC', 'Google commit'] as const;
export const CommitDrawdown = z.enum(COMMIT_DRAWDOWNS);
export type CommitDrawdown = z.infer<typeof CommitDrawdown>;

export const TENANCY_ARCHETYPES = ['ISV-hosted SaaS', 'Customer-deployed'] as const;
export const TenancyArchetype = z.enum(TENANCY_ARCHETYPES);
export type TenancyArchetype = z.infer<typeof TenancyArchetype>;

/** The five layers of a hyperscaler's field organisation, from executive (1) to partner program (5). */
export const SOURCE_LAYERS = [
  'Executive/Industry',
  'Regional/Segment',
  'Account Team',
  'Specialist',
  'Partner Program',
] as const;
export const SourceLayer = z.enum(SOURCE_LAYERS);
export type SourceLayer = z.infer<typeof SourceLayer>;

export const PRIORITIES = ['Urgent', 'High', 'Standard'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** What the ISV asks of the hyperscaler (`CoSell_Help_Needed__c`, multi-select). */
export const HELP_NEEDS = [
  'Architecture validation',
  'Business presentation',
  'Competitive information',
  'Pricing assistance',
  'Technical consultation',
  'Total cost of ownership evaluation',
  'Deal support',
  'Public tender support',
  'Executive sponsorship',
  'Customer introduction',
  'Marketplace offer support',
] as const;
export const HelpNeed = z.enum(HELP_NEEDS);
export type HelpNeed = z.infer<typeof HelpNeed>;

/** Canonical engagement lifecycle every portal status maps onto (`CoSell_Engagement__c.Status__c`). */
export const ENGAGEMENT_STATUSES = [
  'Draft',
  'Submitted',
  'In review',
  'Action required',
  'Accepted',
  'Rejected',
  'Won',
  'Lost',
  'Expired',
  'Closed',
] as const;
export const EngagementStatus = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatus>;

export const ENGAGEMENT_ACTIONS = ['Validate', 'Submit', 'Update', 'Close'] as const;
export const EngagementAction = z.enum(ENGAGEMENT_ACTIONS);
export type EngagementAction = z.infer<typeof EngagementAction>;

export const REFERRAL_ACTIONS = ['Accept', 'Decline', 'Assign'] as const;
export const ReferralAction = z.enum(REFERRAL_ACTIONS);
export type ReferralAction = z.infer<typeof ReferralAction>;

/** Where a referral stands in the ISV's inbox (`CoSell_Referral__c.Triage_Status__c`). */
export const TRIAGE_STATUSES = ['New', 'Assigned', 'Accepted', 'Declined', 'Expired'] as const;
export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;

/** Fixed decline reasons: each tells the referrer something they can act on next time. */
export const DECLINE_REASONS = [
  'Product not relevant to workload',
  'Below commercial threshold',
  'Customer too early in cloud journey',
  'Region or compliance not supported',
  'Existing customer or duplicate',
  'Competitive or contractual conflict',
  'Customer unresponsive',
] as const;
export const DeclineReason = z.enum(DECLINE_REASONS);
export type DeclineReason = z.infer<typeof DeclineReason>;

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** Salesforce record Id: 15 or 18 alphanumeric characters. */
export const SalesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'must be a 15 or 18 character Salesforce Id');
/** Calendar date as Salesforce date fields carry it. */
export const IsoDate = z.iso.date();
/** Instant with an explicit offset (Salesforce datetimes are UTC, `Z` or `+0000`). */
export const IsoDateTime = z.iso.datetime({ offset: true });
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code');
/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code');

/**
 * A finding is something a person can act on: a stable code, how bad it is, what to do, and where.
 * `field` is the Salesforce field API name to fix (when there is one); `path` is the portal JSON path.
 */
export const Finding = z.object({
  code: z.string().min(1),
  severity: Severity,
  message: z.string().min(1),
  cloud: Cloud.optional(),
  field: z.string().optional(),
  path: z.string().optional(),
  evidence: z.record(z.string(), z.unknown()).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Account = z.object({
  id: SalesforceId.optional(),
  name: z.string().min(1),
  website: z.string().nullable().default(null),
  industry: z.string().nullable().default(null),
  billingStreet: z.string().nullable().default(null),
  billingCity: z.string().nullable().default(null),
  billingState: z.string().nullable().default(null),
  billingPostalCode: z.string().nullable().default(null),
  /** ISO 3166-1 alpha-2 when the org uses state and country picklists; free text otherwise. */
  billingCountry: z.string().nullable().default(null),
});
export type Account = z.infer<typeof Account>;

export const Contact = z.object({
  id: SalesforceId.optional(),
  firstName: z.string().nullable().default(null),
  lastName: z.string().min(1),
  email: z.email().nullable().default(null),
  phone: z.string().nullable().default(null),
  title: z.string().nullable().default(null),
  /** Opportunity contact role, e.g. "Decision Maker". */
  role: z.string().nullable().default(null),
});
export type Contact = z.infer<typeof Contact>;

/** One `CoSell_Engagement__c`: the opportunity's life in one cloud's portal. */
export const Engagement = z.object({
  id: SalesforceId.optional(),
  cloud: Cloud,
  portalId: z.string().nullable().default(null),
  status: EngagementStatus.default('Draft'),
  submittedAt: IsoDateTime.nullable().default(null),
  acceptedAt: IsoDateTime.nullable().default(null),
  findings: z.array(Finding).default([]),
  requestedAction: EngagementAction.nullable().default(null),
  lastSyncedAt: IsoDateTime.nullable().default(null),
  syncError: z.string().nullable().default(null),
});
export type Engagement = z.infer<typeof Engagement>;

/** The co-sell tags an AE sets on the Opportunity. */
export const CoSellTags = z.object({
  clouds: z.array(CloudName).default([]),
  origin: Origin.nullable().default(null),
  originatingCloud: Cloud.nullable().default(null),
  /** Stored on the Opportunity so native reports work; computed by the attribution rule. */
  attribution: Attribution.nullable().default(null),
  helpNeeded: z.array(HelpNeed).default([]),
  /** The specific ask in the AE's words (`CoSell_Help_Details__c`). */
  helpDetails: z.string().nullable().default(null),
  marketplaceRoute: MarketplaceRoute.default('None'),
  commitDrawdown: CommitDrawdown.default('None'),
  tenancyArchetype: TenancyArchetype.nullable().default(null),
  /** Expected cloud consumption the deal drives, per month, in the opportunity currency. */
  expectedMonthlySpend: z.number().nonnegative().nullable().default(null),
  /** Workload / use case, e.g. "Data platform modernisation" (`CoSell_Use_Case__c`). */
  useCase: z.string().nullable().default(null),
});
export type CoSellTags = z.infer<typeof CoSellTags>;

// Parsed for every row a command reads and every deal the service syncs: the compiled parse clears
// valid input without zod's per-member result objects; zod still parses (and reports) the rest.
export const CoSellOpportunity = withCompiledParse(
  z
    .object({
      id: SalesforceId,
      name: z.string().min(1),
      amount: z.number().nullable().default(null),
      currencyIsoCode: CurrencyCode.default('USD'),
      stageName: z.string().min(1),
      probability: z.number().min(0).max(100).nullable().default(null),
      isClosed: z.boolean().default(false),
      isWon: z.boolean().default(false),
      closeDate: IsoDate,
      createdDate: IsoDateTime,
      lastModifiedDate: IsoDateTime,
      description: z.string().nullable().default(null),
      nextStep: z.string().nullable().default(null),
      type: z.string().nullable().default(null),
      /** The owning User's Id: who may edit the deal in Salesforce (the service's local access rule reads it). */
      ownerId: z.string().nullable().default(null),
      ownerName: z.string().nullable().default(null),
      ownerEmail: z.email().nullable().default(null),
      account: Account,
      contacts: z.array(Contact).default([]),
      coSell: CoSellTags.default(() => CoSellTags.parse({})),
      engagements: z.array(Engagement).default([]),
    })
    .superRefine((opp, ctx) => {
      // Checked for every row read: with fewer than two engagements no cloud can repeat.
      if (opp.engagements.length < 2) return;
      const seen = new Set<Cloud>();
      opp.engagements.forEach((engagement, index) => {
        if (seen.has(engagement.cloud)) {
          ctx.addIssue({
            code: 'custom',
            path: ['engagements', index, 'cloud'],
            message: `only one engagement per cloud: ${engagement.cloud} appears twice`,
          });
        }
        seen.add(engagement.cloud);
      });
    })
    .refine((opp) => !opp.isWon || opp.isClosed, {
      path: ['isWon'],
      message: 'a won opportunity must also be closed',
    }),
);
export type CoSellOpportunity = z.infer<typeof CoSellOpportunity>;
export type CoSellOpportunityInput = z.input<typeof CoSellOpportunity>;

export const Money = z.object({ amount: z.number().nonnegative(), currencyIsoCode: CurrencyCode });
export type Money = z.infer<typeof Money>;

/** The hyperscaler person who sent a referral. */
export const Referrer = z.object({
  name: z.string().nullable().default(null),
  email: z.email().nullable().default(null),
  title: z.string().nullable().default(null),
});
export type Referrer = z.infer<typeof Referrer>;

/** An inbound, hyperscaler-led referral (`CoSell_Referral__c`). */
export const InboundReferral = z.object({
  id: SalesforceId.optional(),
  cloud: Cloud,
  portalId: z.string().min(1),
  receivedAt: IsoDateTime,
  customerName: z.string().min(1),
  customerDomain: z.string().nullable().default(null),
  customerCountry: z.string().nullable().default(null),
  title: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  estimatedValue: Money.nullable().default(null),
  tenancyArchetype: TenancyArchetype.nullable().default(null),
  /** Null when the source could not be classified: triage then flags it, never treats it as standard. */
  sourceLayer: SourceLayer.nullable().default(null),
  referrer: Referrer.default(() => Referrer.parse({})),
  priority: Priority.nullable().default(null),
  responseDue: IsoDateTime.nullable().default(null),
  triageStatus: TriageStatus.default('New'),
  ownerId: z.string().nullable().default(null),
  declineReason: DeclineReason.nullable().default(null),
  feedback: z.string().nullable().default(null),
  feedbackSentAt: IsoDateTime.nullable().default(null),
  decidedAt: IsoDateTime.nullable().default(null),
  opportunityId: SalesforceId.nullable().default(null),
  requestedAction: ReferralAction.nullable().default(null),
});
export type InboundReferral = z.infer<typeof InboundReferral>;
export type InboundReferralInput = z.input<typeof InboundReferral>;

/** A named hyperscaler person the ISV works with (`CoSell_Counterpart__c`). */
export const Counterpart = z.object({
  id: SalesforceId.optional(),
  cloud: Cloud,
  layer: SourceLayer,
  name: z.string().min(1),
  email: z.email().nullable().default(null),
  title: z.string().nullable().default(null),
  region: z.string().nullable().default(null),
  lastContactAt: IsoDateTime.nullable().default(null),
});
export type Counterpart = z.infer<typeof Counterpart>;
