// The Microsoft Partner Center Referrals API wire format (v1.0 engagements/referrals) as zod schemas:
// what we send (create, full PUT, JSON Patch) and what we read back (referral, list page, webhook).
// Field names follow Partner Center's published request and response samples exactly, including the
// real wire name `consentToToShareInfoWithOthers` (doubled "To").
import { z } from 'zod';

/** `status`: the top level of the referral lifecycle. */
export const REFERRAL_STATUSES = ['None', 'New', 'Active', 'Closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** `substatus`: refines `status`; which pairs are legal lives in status.ts. */
export const REFERRAL_SUBSTATUSES = [
  'None',
  'Pending',
  'Received',
  'Accepted',
  'Won',
  'Lost',
  'Declined',
  'Expired',
] as const;
export type ReferralSubstatus = (typeof REFERRAL_SUBSTATUSES)[number];

/** `type`: Independent is visible to one partner; Shared is collaborative (e.g. with Microsoft). */
export const REFERRAL_TYPES = ['Independent', 'Shared'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

export const REFERRAL_QUALIFICATIONS = [
  'None',
  'Direct',
  'MarketingQualified',
  'SalesQualified',
] as const;
export type ReferralQualification = (typeof REFERRAL_QUALIFICATIONS)[number];

/** `customerProfile.size`, both the coarse and the fine buckets the API documents. */
export const CUSTOMER_SIZES = [
  '1to50employees',
  '51to500employees',
  'Morethan500employees',
  '1to9employees',
  '10to50employees',
  '51to250employees',
  '251to1000employees',
  '1001to5000employees',
  '5001to10000employees',
  '10001to20000employees',
  'Morethan20000employees',
] as const;

/** `target[].type`: `{BusinessProfileLocation, "msft"}` targets Microsoft; SolutionProfile targets a solution. */
export const TARGET_TYPES = ['None', 'BusinessProfileLocation', 'SolutionProfile'] as const;
export const SOLUTION_TYPES = ['None', 'Category', 'Name'] as const;
export const CUSTOMER_ID_PROFILE_TYPES = ['Duns', 'External'] as const;
/** Set by Partner Center on read-back: whether the referral came to us or went out from us. */
export const REFERRAL_DIRECTIONS = ['Incoming', 'Outgoing'] as const;
export const SALES_STAGES = ['Qualify', 'Develop', 'Propose', 'Close'] as const;

/** `inviteContext.assistanceRequestCode`: the co-sell ask ("how can Microsoft help"); Unknown = no ask. */
export const ASSISTANCE_REQUEST_CODES = [
  'Unknown',
  'GeneralOrOther',
  'CustomerTechnicalArchitecture',
  'ProofOfConceptOrDemo',
  'QuotesOrLicensing',
  'PostSalesCustomerSuccess',
  'WorkloadSpecificValueProposition',
] as const;
export type AssistanceRequestCode = (typeof ASSISTANCE_REQUEST_CODES)[number];

export const WEBHOOK_EVENT_NAMES = [
  'referral-created',
  'referral-updated',
  'related-referral-created',
  'related-referral-updated',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];

/** The API accepts only these RFC 6902 operations on a referral (remove/move/copy/test are refused). */
export const PATCH_OPERATIONS = ['add', 'replace'] as const;

/** Fields Partner Center maintains: never part of a create body, tolerated (as read) in a full PUT. */
export const SERVER_MAINTAINED_FIELDS = [
  'id',
  'organizationId',
  'organizationName',
  'mpnId',
  'createdDateTime',
  'updatedDateTime',
  'expirationDateTime',
  'acceptedDateTime',
  'closedDateTime',
  'direction',
  'eTag',
  'links',
  'trackingInfo',
  'registrationStatus',
  '@odata.context',
] as const;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const ReferralGuid = z.string().regex(GUID, 'must be a GUID');
/** ISO 3166-1 alpha-2: the 2019 docs table says three letters, but every sample and the connector use two. */
export const MicrosoftCountry = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code, e.g. "US"');
const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code, e.g. "USD"');
const UtcDateTime = z.iso.datetime({ offset: true });

/**
 * How strictly a family of schemas reads: what we send is strict (unknown keys are typos, enums are
 * closed); a full PUT keeps unknown keys (they came from Partner Center and must survive the round
 * trip); read-back also keeps enum values this module does not know yet (see `unknownEnumValues`).
 */
interface Strictness {
  objects: 'strict' | 'loose';
  enums: 'closed' | 'open';
}

function referralSchemas(mode: Strictness) {
  const object = <S extends z.core.$ZodLooseShape>(shape: S) =>
    mode.objects === 'strict' ? z.strictObject(shape) : z.looseObject(shape);
  const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
    mode.enums === 'closed' ? z.enum(values) : z.union([z.enum(values), z.string()]);
  const text = () => z.string().nullish();
  const flag = () => z.boolean().nullish();

  const ContactPreference = object({ locale: text(), disableNotifications: flag() });
  const Member = object({
    firstName: text(),
    lastName: text(),
    phoneNumber: text(),
    email: z.email().nullish(),
    title: text(),
    contactPreference: ContactPreference.nullish(),
  });
  const Address = object({
    addressLine1: text(),
    addressLine2: text(),
    city: text(),
    state: text(),
    postalCode: text(),
    country: MicrosoftCountry,
    region: text(),
  });
  const CustomerId = object({
    profileType: oneOf(CUSTOMER_ID_PROFILE_TYPES),
    id: z.string().min(1),
  });
  const CustomerProfile = object({
    name: z.string().min(1),
    address: Address,
    size: oneOf(CUSTOMER_SIZES).nullish(),
    team: z.array(Member).nullish(),
    ids: z.array(CustomerId).nullish(),
  });
  const Consent = object({
    consentToToShareInfoWithOthers: flag(),
    consentToContact: flag(),
    consentToShareReferralWithMicrosoftSellers: flag(),
    consentToMicrosoftToContactSpecificPartners: flag(),
  });
  const Tag = object({ id: z.string().min(1), name: text() });
  const Solution = object({
    id: z.string().min(1),
    name: text(),
    type: oneOf(SOLUTION_TYPES).nullish(),
    publisherName: text(),
    solutionType: text(),
    price: z.number().nonnegative().nullish(),
    quantity: z.int().nonnegative().nullish(),
    currency: Currency.nullish(),
    closingDateTime: UtcDateTime.nullish(),
  });
  const Attribute = object({ type: z.string().min(1), id: z.string().min(1) });
  const Requirements = object({
    industries: z.array(Tag).nullish(),
    products: z.array(Tag).nullish(),
    services: z.array(Tag).nullish(),
    solutions: z.array(Solution).nullish(),
    offers: z.array(Tag).nullish(),
    salesPlays: z.array(Tag).nullish(),
    additionalRequirements: object({ attributes: z.array(Attribute).nullish() }).nullish(),
  });
  const Details = object({
    notes: text(),
    dealValue: z.number().nonnegative().nullish(),
    currency: Currency.nullish(),
    closingDateTime: UtcDateTime.nullish(),
    customerRequestedContact: flag(),
    requirements: Requirements.nullish(),
  });
  const Target = object({ type: oneOf(TARGET_TYPES), id: z.string().min(1) });
  const InviteContext = object({
    notes: text(),
    invitedBy: object({ organizationId: z.string().min(1), organizationName: text() }).nullish(),
    assistanceRequestCode: oneOf(ASSISTANCE_REQUEST_CODES).nullish(),
    invitedMpnId: text(),
  });

  /** What a partner may set on a referral. */
  const writable = {
    name: text(),
    engagementId: ReferralGuid.nullish(),
    externalReferenceId: text(),
    status: oneOf(REFERRAL_STATUSES).nullish(),
    substatus: oneOf(REFERRAL_SUBSTATUSES).nullish(),
    statusReason: text(),
    qualification: oneOf(REFERRAL_QUALIFICATIONS).nullish(),
    type: oneOf(REFERRAL_TYPES),
    salesStage: oneOf(SALES_STAGES).nullish(),
    target: z.array(Target).nullish(),
    customerProfile: CustomerProfile,
    consent: Consent,
    details: Details,
    team: z.array(Member).nullish(),
    inviteContext: InviteContext.nullish(),
    partnerRole: text(),
    solutionArea: text(),
    solutionPlay: text(),
  };
  return { writable, Member, object };
}

const request = referralSchemas({ objects: 'strict', enums: 'closed' });
const fullUpdate = referralSchemas({ objects: 'loose', enums: 'closed' });
const readBack = referralSchemas({ objects: 'loose', enums: 'open' });

/** Server-maintained keys are accepted by the create schema only so rules.ts can name them precisely. */
const serverMaintainedSlots = Object.fromEntries(
  SERVER_MAINTAINED_FIELDS.map((key) => [key, z.unknown().optional()]),
);

/** `POST /v1.0/engagements/referrals`: required `type`, `customerProfile`, `consent`, `details`. */
export const ReferralCreateRequest = z.strictObject({
  ...request.writable,
  ...serverMaintainedSlots,
});
export type ReferralCreateRequest = z.infer<typeof ReferralCreateRequest>;

/**
 * `PUT /v1.0/engagements/referrals/{id}`: the whole resource as read back, minus `links`, sent with
 * `If-Match` (see concurrency.ts). Unknown keys are kept: dropping them would erase fields on the server.
 */
export const ReferralFullUpdateRequest = z.looseObject({
  ...fullUpdate.writable,
  id: ReferralGuid,
  status: z.enum(REFERRAL_STATUSES),
  substatus: z.enum(REFERRAL_SUBSTATUSES),
});
export type ReferralFullUpdateRequest = z.infer<typeof ReferralFullUpdateRequest>;

/** A JSON Pointer (RFC 6901) into the referral, e.g. `/details/dealValue` or `/team/-`. */
const JsonPointer = z
  .string()
  .regex(/^(\/([^~/]|~[01])*)+$/, 'must be a JSON Pointer such as "/details/dealValue"');

/** `PATCH /v1.0/engagements/referrals/{id}`: an RFC 6902 document limited to add and replace. */
export const ReferralPatchOperation = z.strictObject({
  op: z.enum(PATCH_OPERATIONS),
  path: JsonPointer,
  value: z.unknown().refine((value) => value !== undefined, 'add and replace need a value'),
});
export const ReferralPatchRequest = z
  .array(ReferralPatchOperation)
  .min(1, 'a patch needs at least one operation');
export type ReferralPatchRequest = z.infer<typeof ReferralPatchRequest>;

const Link = z.looseObject({ uri: z.string().min(1), method: z.string().min(1) });

/** A referral as Partner Center returns it (get, create/update responses, list items). */
export const ReferralReadBack = z.looseObject({
  ...readBack.writable,
  id: ReferralGuid,
  status: z.union([z.enum(REFERRAL_STATUSES), z.string()]),
  substatus: z.union([z.enum(REFERRAL_SUBSTATUSES), z.string()]),
  externalReferenceId: z.string().nullish(),
  // The published sample shows consent-less list items (2020 list response).
  consent: z.looseObject({}).nullish(),
  customerProfile: z.looseObject({
    ...readBack.writable.customerProfile.shape,
    // The 2019 list sample shows `"ids": {}` where every other sample has an array: read it as "none".
    ids: z
      .union([
        z.array(z.looseObject({ profileType: z.string(), id: z.string() })),
        z.strictObject({}),
      ])
      .nullish(),
  }),
  organizationId: z.string().nullish(),
  organizationName: z.string().nullish(),
  createdDateTime: UtcDateTime,
  updatedDateTime: UtcDateTime.nullish(),
  expirationDateTime: UtcDateTime.nullish(),
  acceptedDateTime: UtcDateTime.nullish(),
  closedDateTime: UtcDateTime.nullish(),
  direction: z.union([z.enum(REFERRAL_DIRECTIONS), z.string()]).nullish(),
  eTag: z.string().min(1).nullish(),
  links: z.looseObject({ relatedReferrals: Link.nullish(), self: Link.nullish() }).nullish(),
});
export type ReferralReadBack = z.infer<typeof ReferralReadBack>;
export type ReferralMember = z.infer<typeof readBack.Member>;

/** `GET /v1.0/engagements/referrals`: an OData page; follow `@odata.nextLink` verbatim for the next one. */
export const ReferralListResponse = z.looseObject({
  '@odata.context': z.string().optional(),
  '@odata.count': z.int().nonnegative().optional(),
  value: z.array(ReferralReadBack),
  '@odata.nextLink': z.url().optional(),
});
export type ReferralListResponse = z.infer<typeof ReferralListResponse>;

/** A Partner Center webhook notification: thin, it names the referral to GET, not its content. */
export const ReferralWebhookEvent = z.looseObject({
  EventName: z.enum(WEBHOOK_EVENT_NAMES),
  ResourceUri: z.url(),
  ResourceName: z.literal('referral'),
  AuditUri: z.string().nullish(),
  ResourceChangeUtcDate: UtcDateTime,
});
export type ReferralWebhookEvent = z.infer<typeof ReferralWebhookEvent>;

/** Registering our callback for referral events (one URL per event per Partner Center account). */
export const WebhookRegistrationRequest = z.strictObject({
  WebhookUrl: z.url({ protocol: /^https$/, error: 'must be an https:// callback URL' }),
  WebhookEvents: z.array(z.enum(WEBHOOK_EVENT_NAMES)).min(1),
  signatureTokenToMsSignatureHeader: z.boolean().optional(),
});

interface ApiErrorShape {
  code: string;
  message?: string | undefined;
  target?: string | null | undefined;
  innerError?: ApiErrorShape | null | undefined;
}
const ApiErrorDetail: z.ZodType<ApiErrorShape> = z.lazy(() =>
  z.looseObject({
    code: z.string().min(1),
    message: z.string().optional(),
    target: z.string().nullish(),
    innerError: ApiErrorDetail.nullish(),
  }),
);
/** Error body: code against `code` (and nested `innerError` codes), never against `message`. */
export const ReferralErrorResponse = z.looseObject({ error: ApiErrorDetail });
export type ReferralErrorResponse = z.infer<typeof ReferralErrorResponse>;
