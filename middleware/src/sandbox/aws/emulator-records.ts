// The ACE emulator's records and their rules of thumb: ACE's error shape, the review timing and
// outcomes, EventBridge-shaped events, counters, stored opportunities and invitations, and the
// stable JSON that makes idempotency comparisons exact.
import { createHash } from 'node:crypto';
import type { Finding } from '../../core/model.js';
import type { CallCounters } from '../rest-emulator-calls.js';
import type { GetOpportunityOutput } from '../../portals/aws/generated/ace-schemas.js';

export type Json = Record<string, unknown>;

/** An error ACE answers with: its `__type`, HTTP status and extra members (Reason, ErrorList). */
export class AceServiceError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    readonly members: Json = {},
  ) {
    super(message);
    this.name = type;
  }
}

export const VALIDATION_CODES: Array<[RegExp, string]> = [
  [/_WIRE_REQUIRED$|_SUBMIT_REQUIRED$/, 'REQUIRED_FIELD_MISSING'],
  [/_WIRE_INVALID_VALUE$/, 'INVALID_ENUM_VALUE'],
  [/_WIRE_INVALID_FORMAT$/, 'INVALID_STRING_FORMAT'],
  [/_WIRE_TOO_(SMALL|BIG)$|_TOO_SHORT$|_TOO_LONG$/, 'VALUE_OUT_OF_RANGE'],
  [/_LOCKED_IN_REVIEW$|_NOT_EDITABLE_|_FROZEN_AFTER_APPROVAL$|_READ_ONLY$/, 'ACTION_NOT_PERMITTED'],
  [/_WRONG_STATE$/, 'INVALID_RESOURCE_STATE'],
];

/** Findings → ACE's ValidationException (ErrorList entries name the field as a dotted member path). */
export function validationError(
  findings: Finding[],
  reason: 'REQUEST_VALIDATION_FAILED' | 'BUSINESS_VALIDATION_FAILED',
): AceServiceError {
  const errorList = findings.map((f) => ({
    FieldName: (f.path ?? '$').replace(/^\$\.?/, ''),
    Message: f.message,
    Code: VALIDATION_CODES.find(([pattern]) => pattern.test(f.code))?.[1] ?? 'INVALID_VALUE',
  }));
  const first = findings[0];
  const message =
    findings.length === 1 && first
      ? first.message
      : `${findings.length} fields are invalid: ${errorList.map((e) => e.FieldName).join(', ')}`;
  return new AceServiceError('ValidationException', 400, message, {
    Reason: reason,
    ErrorList: errorList,
  });
}

/** ACE's business refusal of an operation on a resource in the wrong state (the Identifier names it). */
export function wrongState(message: string): AceServiceError {
  return validationError(
    [{ code: 'AWS_WRONG_STATE', severity: 'error', cloud: 'AWS', path: '$.Identifier', message }],
    'BUSINESS_VALIDATION_FAILED',
  );
}

export type ReviewOutcome = 'Approved' | 'Action Required' | 'Rejected';

export interface ReviewTiming {
  /** Submitted → In review. */
  inReviewAfterMs: number;
  /** In review → the outcome. */
  decisionAfterMs: number;
  /** The outcome of every review, or chosen per opportunity. */
  outcome: ReviewOutcome | ((opportunity: GetOpportunityOutput) => ReviewOutcome);
}

export const DEFAULT_REVIEW: ReviewTiming = {
  inReviewAfterMs: 30_000,
  decisionAfterMs: 120_000,
  outcome: 'Approved',
};

/** Why AWS decided as it did: what a partner sees in ReviewComments. */
export const REVIEW_FEEDBACK: Record<ReviewOutcome, { reason: string; comments: string } | null> = {
  Approved: null,
  'Action Required': {
    reason: 'Customer website and business problem need detail',
    comments:
      'Please confirm the customer website and describe which workloads move to AWS and the expected monthly spend per workload.',
  },
  Rejected: {
    reason: 'Duplicate of an existing opportunity',
    comments:
      'An AWS seller already registered this customer project; contact the account team to join the existing engagement.',
  },
};

export interface EmulatorEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: 'aws.partnercentral-selling';
  account: string;
  time: string;
  region: 'us-east-1';
  resources: string[];
  detail: Json;
}

/** `created` counts CreateOpportunity calls that made one (AWS referrals the control API makes excluded). */
export interface EmulatorCounters extends CallCounters {
  createdByClientToken: Record<string, number>;
  createdByPartnerOpportunityId: Record<string, number>;
  conflicts: number;
}

export interface StoredOpportunity {
  record: Json;
  origin: 'AWS Referral' | 'Partner Referral';
  createToken: string | null;
  submittedAt: number | null;
  involvementType: string | null;
  visibility: string | null;
  awsStage: string | null;
}

export interface StoredInvitation {
  summary: Json;
  detail: Json;
  acceptTask: Json | null;
  acceptToken: string | null;
}

/** What a control call needs to invent an AWS referral; everything has a realistic default. */
export interface InvitationInput {
  catalog?: string;
  layer?:
    | 'Executive/Industry'
    | 'Regional/Segment'
    | 'Account Team'
    | 'Specialist'
    | 'Partner Program';
  senderTitle?: string;
  customer?: { companyName?: string; websiteUrl?: string; industry?: string; countryCode?: string };
  project?: {
    title?: string;
    businessProblem?: string;
    monthlySpendUsd?: number;
    targetCompletionDate?: string;
  };
  message?: string;
  expiresInDays?: number;
}

/** Titles AWS field people actually carry, one per field layer (SOURCE_LAYERS in core/model.ts). */
export const SENDER_TITLE_BY_LAYER: Record<
  NonNullable<InvitationInput['layer']>,
  { first: string; last: string; title: string }
> = {
  'Executive/Industry': {
    first: 'Renata',
    last: 'Okafor',
    title: 'General Manager, Healthcare Industry',
  },
  'Regional/Segment': {
    first: 'Tomasz',
    last: 'Wieczorek',
    title: 'Regional Sales Director, EMEA Enterprise',
  },
  'Account Team': { first: 'Priya', last: 'Raman', title: 'Senior Account Manager' },
  Specialist: {
    first: 'Daniel',
    last: 'Ferreira',
    title: 'Analytics Specialist Solutions Architect',
  },
  'Partner Program': { first: 'Hannah', last: 'Lindqvist', title: 'Partner Development Manager' },
};

export const ASSOCIATION_LIMITS: Record<string, { list: string; max: number }> = {
  Solutions: { list: 'Solutions', max: 10 },
  AwsProducts: { list: 'AwsProducts', max: 20 },
  AwsMarketplaceOffers: { list: 'AwsMarketplaceOffers', max: 1 },
  AwsMarketplaceOfferSets: { list: 'AwsMarketplaceOfferSets', max: 1 },
};

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Key order is not meaning on awsJson; rule comparisons must not see it. */
export function sortedKeys<T>(value: T): T {
  return JSON.parse(stableJson(value)) as T;
}

export function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The account's data and the operations on it; `now` is read from the emulator's clock per call. */
/** Everything an account holds, as plain JSON, so the sandbox can keep it across restarts. */
