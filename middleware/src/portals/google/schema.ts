// The Google Cloud Channel API v1alpha1 `Opportunity` resource as zod schemas: create, patch with an
// updateMask, read-back (get, query) and the Pub/Sub push that announces a change.
// ALPHA API: allowlisted, no public discovery document or proto. Top-level keys follow Google's REST
// reference; nested field lists and enum values are provisional (see GOOGLE_ENUMS_TO_COMPLETE).
import { z } from 'zod';
import { CUSTOMER_DOMAIN, E164, isCalendarDate } from './values.js';

/** Which API this dialect targets; breaking changes are possible until Google publishes v1. */
export const GOOGLE_OPPORTUNITY_API = {
  service: 'cloudchannel.googleapis.com',
  version: 'v1alpha1',
  maturity: 'alpha',
  resource: 'opportunities',
} as const;

/** The states a partner may set; Google alone moves an opportunity to accepted or not accepted. */
export const CLIENT_SETTABLE_STATES = ['DRAFT', 'SUBMITTED'] as const;
export type ClientSettableState = (typeof CLIENT_SETTABLE_STATES)[number];

/**
 * Enum values Google has not published yet. Each field accepts any UPPER_SNAKE_CASE value (passed
 * through unmapped); `confirmed` lists only values Google's reference names. TO COMPLETE from the
 * allowlisted discovery document (cloudchannel.googleapis.com/$discovery/rest?version=v1alpha1).
 */
export const GOOGLE_ENUMS_TO_COMPLETE = {
  state: {
    confirmed: ['DRAFT', 'SUBMITTED', 'ACCEPTED'],
    note: 'older reference wording said APPROVED; the not-accepted value is unpublished',
  },
  stage: {
    confirmed: ['CLOSED'],
    note: 'new opportunities start in "Stage 0"; its wire value is unpublished',
  },
  source: { confirmed: [], note: 'Google or Partner; wire values unpublished' },
  productFamily: { confirmed: [], note: 'ProductFamily' },
  productCategory: { confirmed: [], note: 'ProductCategory' },
  operationType: { confirmed: [], note: 'OperationType (new business vs expansion)' },
  budget: { confirmed: [], note: 'BANT' },
  authority: { confirmed: [], note: 'BANT' },
  need: { confirmed: [], note: 'BANT' },
  timeline: { confirmed: [], note: 'BANT' },
  decisionPhase: { confirmed: [], note: 'DecisionPhase' },
  industry: { confirmed: [], note: 'Industry' },
  region: { confirmed: [], note: 'Region (Google sales geography, not ISO)' },
  supportLevel: { confirmed: [], note: 'SupportLevel' },
  contractVehicle: { confirmed: [], note: 'ContractVehicle' },
  deliveryModel: { confirmed: [], note: 'DeliveryModel' },
  incentiveType: { confirmed: [], note: 'IncentiveType' },
  partnerCloseStage: { confirmed: [], note: 'PartnerCloseStage' },
  accessLevel: { confirmed: [], note: 'AccessLevel' },
  contactRole: { confirmed: [], note: 'CustomerContact Role' },
} as const satisfies Record<string, { confirmed: readonly string[]; note: string }>;
export type PassThroughEnumField = keyof typeof GOOGLE_ENUMS_TO_COMPLETE;

/** A pass-through enum: any value spelled the way proto JSON spells enum names. */
const PassThroughEnum = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE_CASE enum value as the API spells it');

export const OPPORTUNITY_EVENT_TYPES = ['CREATED', 'UPDATED', 'PARTNER_DETACHED'] as const;

/** Set by Google; present on read-back, ignored (and flagged) on create and never in an updateMask. */
export const OUTPUT_ONLY_FIELDS = [
  'name',
  'customerDisplayName',
  'stateDescription',
  'owner',
  'ownerEmail',
  'creationDate',
  'creatorEmail',
  'source',
  'createTime',
  'updateTime',
] as const;

export const OpportunityName = z
  .string()
  .regex(/^opportunities\/[^/]+$/, 'must be a resource name "opportunities/{id}"');
const Timestamp = z.iso.datetime({ offset: true });

export const GoogleMoneySchema = z
  .looseObject({
    currencyCode: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code'),
    units: z
      .union([z.string().regex(/^-?\d{1,19}$/, 'must be a whole number (int64 as text)'), z.int()])
      .optional(),
    nanos: z.int().min(-999_999_999).max(999_999_999).optional(),
  })
  .superRefine((money, ctx) => {
    const units = Number(money.units ?? 0);
    const nanos = money.nanos ?? 0;
    if ((units > 0 && nanos < 0) || (units < 0 && nanos > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['nanos'],
        message: 'nanos must have the same sign as units',
      });
    }
  });

export const GoogleDateSchema = z
  .looseObject({ year: z.int(), month: z.int(), day: z.int() })
  .refine(isCalendarDate, { message: 'must be a full calendar date (year, month and day)' });

export const PhoneNumberSchema = z
  .looseObject({
    e164Number: z.string().regex(E164, 'must be an E.164 number such as +442079460123').optional(),
    shortCode: z
      .looseObject({ regionCode: z.string().regex(/^[A-Z]{2}$/), number: z.string().min(1) })
      .optional(),
    extension: z.string().optional(),
  })
  .refine((phone) => Boolean(phone.e164Number) !== Boolean(phone.shortCode), {
    message: 'set exactly one of e164Number or shortCode',
  });

export const PostalAddressSchema = z.looseObject({
  regionCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 region code, e.g. "GB"'),
  languageCode: z.string().optional(),
  postalCode: z.string().optional(),
  sortingCode: z.string().optional(),
  administrativeArea: z.string().optional(),
  locality: z.string().optional(),
  sublocality: z.string().optional(),
  addressLines: z.array(z.string()).optional(),
  recipients: z.array(z.string()).optional(),
  organization: z.string().optional(),
});

const CustomerDomain = z
  .string()
  .regex(
    CUSTOMER_DOMAIN,
    'must be a bare domain such as "northwindtraders.co.uk" (no scheme, path or www.)',
  );

const Contact = z.looseObject({
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  email: z.email().optional(),
  phone: PhoneNumberSchema.optional(),
  primary: z.boolean().optional(),
});

/**
 * The sections that carry required fields. A patch or a read-back may hold part of a section, so
 * they are built twice: `full` (create) and `partial` (patch body, read-back).
 */
function sections(mode: 'full' | 'partial') {
  const need = <T extends z.ZodType>(schema: T) => (mode === 'full' ? schema : schema.optional());
  const OpportunityInfo = z.looseObject({
    displayName: need(z.string().min(1)),
    description: z.string().optional(),
    productFamily: z.array(PassThroughEnum).optional(),
    productCategory: z.array(PassThroughEnum).optional(),
    confidential: z.boolean().optional(),
  });
  const QualificationInfo = z.looseObject({
    dealSize: need(GoogleMoneySchema),
    estimatedCloseDate: need(GoogleDateSchema),
    contractLengthMonths: z.int().positive().optional(),
    quantity: z.union([z.int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
    operationType: PassThroughEnum.optional(),
    budget: PassThroughEnum.optional(),
    authority: PassThroughEnum.optional(),
    need: PassThroughEnum.optional(),
    timeline: PassThroughEnum.optional(),
    decisionPhase: PassThroughEnum.optional(),
    campaignCode: z.string().optional(),
    publicSector: z.boolean().optional(),
    msspDeal: z.boolean().optional(),
    legalLanguageAccepted: z.boolean().optional(),
    publicTenderAttestation: z.boolean().optional(),
    region: PassThroughEnum.optional(),
    dealNumber: z.string().optional(),
  });
  const CustomerInfo = z.looseObject({
    customerDetails: need(
      z.looseObject({
        organizationName: need(z.string().min(1)),
        domain: need(CustomerDomain),
        address: need(PostalAddressSchema),
        industry: PassThroughEnum.optional(),
        employeeCount: z.union([z.int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
      }),
    ),
    contact: Contact.optional(),
    region: PassThroughEnum.optional(),
  });
  return { OpportunityInfo, QualificationInfo, CustomerInfo };
}
const full = sections('full');
const partial = sections('partial');

const IsvSolutionConnectInfo = z.looseObject({
  isvSolutionConnectDeal: z.boolean().optional(),
  customerContactRequested: z.boolean().optional(),
  supportLevel: PassThroughEnum.optional(),
  contractVehicle: PassThroughEnum.optional(),
  deliveryModel: PassThroughEnum.optional(),
  notes: z.string().optional(),
  nextStep: z.string().optional(),
});

const PartnerInfo = z.looseObject({
  incentiveEligibility: z.boolean().optional(),
  incentiveType: PassThroughEnum.optional(),
  contractExpiryDate: GoogleDateSchema.optional(),
  rebateExpirationDate: GoogleDateSchema.optional(),
  distributor: z.string().optional(),
  subBillingAccountId: z.string().optional(),
  gcpProjectNumbers: z
    .array(z.string().regex(/^\d+$/, 'must be a numeric GCP project number'))
    .optional(),
});

const SalesCycle = z.looseObject({
  closeDate: GoogleDateSchema.optional(),
  partnerReadyToClose: PassThroughEnum.optional(),
});

const OpportunityLine = z.looseObject({
  displayName: z.string().min(1),
  quantity: z.union([z.int().nonnegative(), z.string().regex(/^\d+$/)]).optional(),
  salesPrice: GoogleMoneySchema.optional(),
  listPrice: GoogleMoneySchema.optional(),
  totalPrice: GoogleMoneySchema.optional(),
  metric: z.string().optional(),
  description: z.string().optional(),
});

const TeamMember = z.looseObject({
  name: z.string().optional(),
  email: z.email(),
  accessLevel: PassThroughEnum.optional(),
});

const CustomerContact = z.looseObject({
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  title: z.string().optional(),
  role: PassThroughEnum.optional(),
  email: z.email().optional(),
  phone: PhoneNumberSchema.optional(),
  primary: z.boolean().optional(),
});

/** Fields a partner may write; which are required is our judgement from the public alpha documentation, unverified against the live API. */
function writableFields(section: ReturnType<typeof sections>) {
  return {
    state: z
      .enum(CLIENT_SETTABLE_STATES, { error: 'a partner can only set state to DRAFT or SUBMITTED' })
      .optional(),
    stage: PassThroughEnum.optional(),
    opportunityInfo: section.OpportunityInfo,
    qualificationInfo: section.QualificationInfo,
    customerInfo: section.CustomerInfo,
    isvSolutionConnectInfo: IsvSolutionConnectInfo.optional(),
    partnerInfo: PartnerInfo.optional(),
    salesCycle: SalesCycle.optional(),
    winLossInfo: z.looseObject({}).optional(),
    opportunityLines: z.array(OpportunityLine).optional(),
    opportunityTeamMembers: z.array(TeamMember).optional(),
    customerContacts: z.array(CustomerContact).optional(),
    rebateExtensions: z.array(z.looseObject({})).optional(),
    referenceOpportunityId: z.string().optional(),
  };
}
const writable = writableFields(full);

const outputOnlySlots = Object.fromEntries(
  OUTPUT_ONLY_FIELDS.map((key) => [key, z.unknown().optional()]),
);

/** `POST /v1alpha1/opportunities`: the body is the Opportunity. Unknown top-level keys are typos. */
export const OpportunityCreateRequest = z.strictObject({ ...writable, ...outputOnlySlots });
export type OpportunityCreateRequest = z.infer<typeof OpportunityCreateRequest>;

/** A partial Opportunity: which fields matter is said by the updateMask. */
const partialWritable = Object.fromEntries(
  Object.entries(writableFields(partial)).map(([key, schema]) => [key, schema.optional()]),
);

/**
 * `PATCH /v1alpha1/{opportunity.name=opportunities/*}?updateMask=...`: validated as one envelope,
 * the query parameter beside the body. Mask paths are comma-separated camelCase field paths.
 */
export const OpportunityPatchRequest = z.strictObject({
  updateMask: z
    .string()
    .regex(
      /^[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)*(,[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)*)*$/,
      'must list field paths separated by commas, e.g. "stage,salesCycle.closeDate"',
    ),
  opportunity: z.strictObject({ ...partialWritable, ...outputOnlySlots, name: OpportunityName }),
});
export type OpportunityPatchRequest = z.infer<typeof OpportunityPatchRequest>;

/** An Opportunity as Google returns it: enums pass through, unknown keys are kept. */
export const OpportunityReadBack = z.looseObject({
  name: OpportunityName,
  customerDisplayName: z.string().optional(),
  state: PassThroughEnum,
  stateDescription: z.string().optional(),
  stage: PassThroughEnum.optional(),
  owner: z.string().optional(),
  ownerEmail: z.email().optional(),
  creatorEmail: z.email().optional(),
  source: PassThroughEnum.optional(),
  opportunityInfo: partial.OpportunityInfo.optional(),
  qualificationInfo: partial.QualificationInfo.optional(),
  customerInfo: partial.CustomerInfo.optional(),
  isvSolutionConnectInfo: IsvSolutionConnectInfo.optional(),
  partnerInfo: PartnerInfo.optional(),
  salesCycle: SalesCycle.optional(),
  opportunityLines: z.array(OpportunityLine).optional(),
  opportunityTeamMembers: z.array(TeamMember).optional(),
  customerContacts: z.array(CustomerContact.partial()).optional(),
  createTime: Timestamp,
  updateTime: Timestamp.optional(),
});
export type OpportunityReadBack = z.infer<typeof OpportunityReadBack>;

/** `GET /v1alpha1/opportunities:query`: a page of opportunities. */
export const OpportunityQueryResponse = z.looseObject({
  opportunities: z.array(OpportunityReadBack).optional(),
  nextPageToken: z.string().optional(),
});

/** The Cloud Channel subscriber event carrying an opportunity change (names only, no content). */
export const OpportunitySubscriberEvent = z.looseObject({
  opportunityEvent: z.looseObject({
    eventType: z.enum(OPPORTUNITY_EVENT_TYPES),
    opportunity: OpportunityName,
    partner: z.string().regex(/^partners\/[^/]+$/, 'must be a resource name "partners/{id}"'),
  }),
});
export type OpportunitySubscriberEvent = z.infer<typeof OpportunitySubscriberEvent>;

/** A Pub/Sub push request body: the subscriber event is base64 JSON in `message.data`. */
export const PubSubPushBody = z.looseObject({
  message: z.looseObject({
    data: z.base64('must be base64'),
    messageId: z.string().min(1),
    publishTime: Timestamp,
    attributes: z.record(z.string(), z.string()).optional(),
  }),
  subscription: z
    .string()
    .regex(
      /^projects\/[^/]+\/subscriptions\/[^/]+$/,
      'must be "projects/{project}/subscriptions/{name}"',
    ),
});
export type PubSubPushBody = z.infer<typeof PubSubPushBody>;
