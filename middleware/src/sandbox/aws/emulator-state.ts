// The partner account the ACE emulator holds: opportunities, solutions, engagement invitations and
// tasks per catalog, each operation's behaviour (idempotency, optimistic concurrency, review locks),
// the review lifecycle on the emulator's clock, counters and EventBridge-shaped events.
import { createHash } from 'node:crypto';
import type { Finding } from '../../core/model.js';
import { createAwsWireFormat } from '../../portals/aws/schema.js';
import { editabilityFindings, LOCKED_REVIEW_STATUSES, REVIEW_OUTCOME_FIELDS, changedPaths, submissionFindings } from '../../portals/aws/rules.js';
import type { GetOpportunityOutput, UpdateOpportunityInput } from '../../portals/aws/generated/ace-schemas.js';
import type { ListEngagementInvitationsRequest, ListOpportunitiesRequest } from './emulator-requests.js';

type Json = Record<string, unknown>;

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

const VALIDATION_CODES: Array<[RegExp, string]> = [
  [/_WIRE_REQUIRED$|_SUBMIT_REQUIRED$/, 'REQUIRED_FIELD_MISSING'],
  [/_WIRE_INVALID_VALUE$/, 'INVALID_ENUM_VALUE'],
  [/_WIRE_INVALID_FORMAT$/, 'INVALID_STRING_FORMAT'],
  [/_WIRE_TOO_(SMALL|BIG)$|_TOO_SHORT$|_TOO_LONG$/, 'VALUE_OUT_OF_RANGE'],
  [/_LOCKED_IN_REVIEW$|_NOT_EDITABLE_|_FROZEN_AFTER_APPROVAL$|_READ_ONLY$/, 'ACTION_NOT_PERMITTED'],
  [/_WRONG_STATE$/, 'INVALID_RESOURCE_STATE'],
];

/** Findings → ACE's ValidationException (ErrorList entries name the field as a dotted member path). */
export function validationError(findings: Finding[], reason: 'REQUEST_VALIDATION_FAILED' | 'BUSINESS_VALIDATION_FAILED'): AceServiceError {
  const errorList = findings.map((f) => ({
    FieldName: (f.path ?? '$').replace(/^\$\.?/, ''),
    Message: f.message,
    Code: VALIDATION_CODES.find(([pattern]) => pattern.test(f.code))?.[1] ?? 'INVALID_VALUE',
  }));
  const first = findings[0];
  const message = findings.length === 1 && first ? first.message : `${findings.length} fields are invalid: ${errorList.map((e) => e.FieldName).join(', ')}`;
  return new AceServiceError('ValidationException', 400, message, { Reason: reason, ErrorList: errorList });
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

export const DEFAULT_REVIEW: ReviewTiming = { inReviewAfterMs: 30_000, decisionAfterMs: 120_000, outcome: 'Approved' };

/** Why AWS decided as it did: what a partner sees in ReviewComments. */
const REVIEW_FEEDBACK: Record<ReviewOutcome, { reason: string; comments: string } | null> = {
  Approved: null,
  'Action Required': {
    reason: 'Customer website and business problem need detail',
    comments: 'Please confirm the customer website and describe which workloads move to AWS and the expected monthly spend per workload.',
  },
  Rejected: {
    reason: 'Duplicate of an existing opportunity',
    comments: 'An AWS seller already registered this customer project; contact the account team to join the existing engagement.',
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

export interface EmulatorCounters {
  /** Opportunities that exist because of a CreateOpportunity call (AWS referrals created by the control API excluded). */
  created: number;
  createdByClientToken: Record<string, number>;
  createdByPartnerOpportunityId: Record<string, number>;
  callsByOperation: Record<string, number>;
  faultsInjected: Record<string, number>;
  throttled: number;
  validationErrors: number;
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
  layer?: 'Executive/Industry' | 'Regional/Segment' | 'Account Team' | 'Specialist' | 'Partner Program';
  senderTitle?: string;
  customer?: { companyName?: string; websiteUrl?: string; industry?: string; countryCode?: string };
  project?: { title?: string; businessProblem?: string; monthlySpendUsd?: number; targetCompletionDate?: string };
  message?: string;
  expiresInDays?: number;
}

/** Titles AWS field people actually carry, one per field layer (SOURCE_LAYERS in core/model.ts). */
export const SENDER_TITLE_BY_LAYER: Record<NonNullable<InvitationInput['layer']>, { first: string; last: string; title: string }> = {
  'Executive/Industry': { first: 'Renata', last: 'Okafor', title: 'General Manager, Healthcare Industry' },
  'Regional/Segment': { first: 'Tomasz', last: 'Wieczorek', title: 'Regional Sales Director, EMEA Enterprise' },
  'Account Team': { first: 'Priya', last: 'Raman', title: 'Senior Account Manager' },
  Specialist: { first: 'Daniel', last: 'Ferreira', title: 'Analytics Specialist Solutions Architect' },
  'Partner Program': { first: 'Hannah', last: 'Lindqvist', title: 'Partner Development Manager' },
};

const ASSOCIATION_LIMITS: Record<string, { list: string; max: number }> = {
  Solutions: { list: 'Solutions', max: 10 },
  AwsProducts: { list: 'AwsProducts', max: 20 },
  AwsMarketplaceOffers: { list: 'AwsMarketplaceOffers', max: 1 },
  AwsMarketplaceOfferSets: { list: 'AwsMarketplaceOfferSets', max: 1 },
};

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Json).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Key order is not meaning on awsJson; rule comparisons must not see it. */
function sortedKeys<T>(value: T): T {
  return JSON.parse(stableJson(value)) as T;
}

function digest(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The account's data and the operations on it; `now` is read from the emulator's clock per call. */
/** Everything an account holds, as plain JSON, so the sandbox can keep it across restarts. */
export interface AceAccountState {
  opportunities: Array<[string, StoredOpportunity]>;
  createTokens: Array<[string, { id: string; body: string }]>;
  startTokens: Array<[string, { body: string; response: Json }]>;
  invitations: Array<[string, StoredInvitation]>;
  reviewOverrides: Array<[string, ReviewOutcome]>;
  eventLog: EmulatorEvent[];
  sequence: number;
}

export class AceAccount {
  readonly counters: EmulatorCounters = {
    created: 0,
    createdByClientToken: {},
    createdByPartnerOpportunityId: {},
    callsByOperation: {},
    faultsInjected: {},
    throttled: 0,
    validationErrors: 0,
    conflicts: 0,
  };
  private readonly opportunities = new Map<string, StoredOpportunity>();
  private readonly createTokens = new Map<string, { id: string; body: string }>();
  private readonly startTokens = new Map<string, { body: string; response: Json }>();
  private readonly invitations = new Map<string, StoredInvitation>();
  private readonly reviewOverrides = new Map<string, ReviewOutcome>();
  private readonly eventLog: EmulatorEvent[] = [];
  private readonly subscribers = new Set<(event: EmulatorEvent) => void>();
  private sequence = 0;

  constructor(
    private readonly options: {
      accountId: string;
      review: ReviewTiming;
      solutions: string[];
      clock: () => number;
    },
  ) {}

  /** The account's records, tokens, invitations and events (counters are per run and not kept). */
  snapshot(): AceAccountState {
    return structuredClone({
      opportunities: [...this.opportunities],
      createTokens: [...this.createTokens],
      startTokens: [...this.startTokens],
      invitations: [...this.invitations],
      reviewOverrides: [...this.reviewOverrides],
      eventLog: this.eventLog,
      sequence: this.sequence,
    });
  }

  /** Puts back what `snapshot` returned (a restart); emits no events. */
  restore(state: AceAccountState): void {
    const copy = structuredClone(state);
    for (const [id, value] of copy.opportunities) this.opportunities.set(id, value);
    for (const [key, value] of copy.createTokens) this.createTokens.set(key, value);
    for (const [key, value] of copy.startTokens) this.startTokens.set(key, value);
    for (const [id, value] of copy.invitations) this.invitations.set(id, value);
    for (const [id, value] of copy.reviewOverrides) this.reviewOverrides.set(id, value);
    this.eventLog.push(...copy.eventLog);
    this.sequence = Math.max(this.sequence, copy.sequence);
  }

  // ---- events -------------------------------------------------------------------------------

  events(): EmulatorEvent[] {
    return [...this.eventLog];
  }

  subscribe(listener: (event: EmulatorEvent) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  private emit(detailType: string, at: number, resources: string[], detail: Json): void {
    const event: EmulatorEvent = {
      version: '0',
      id: `evt-${String(++this.sequence).padStart(8, '0')}`,
      'detail-type': detailType,
      source: 'aws.partnercentral-selling',
      account: this.options.accountId,
      time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: 'us-east-1',
      resources,
      detail,
    };
    this.eventLog.push(event);
    for (const listener of this.subscribers) listener(event);
  }

  private opportunityEvent(kind: 'Created' | 'Updated', stored: StoredOpportunity, at: number): void {
    const record = stored.record;
    this.emit(`Opportunity ${kind}`, at, [String(record.Arn)], { schemaVersion: '1', catalog: record.Catalog, opportunity: { identifier: record.Id } });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private nextDigits(width: number): string {
    this.sequence += 1;
    return String(this.sequence).padStart(width, '0');
  }

  private key(catalog: unknown, id: unknown): string {
    return `${String(catalog)}/${String(id)}`;
  }

  private find(catalog: unknown, id: unknown): StoredOpportunity {
    const stored = this.opportunities.get(this.key(catalog, id));
    if (!stored) throw new AceServiceError('ResourceNotFoundException', 404, `Opportunity ${String(id)} does not exist in the ${String(catalog)} catalog.`);
    return stored;
  }

  /** LastModifiedDate moves forward on every change, even when the clock stands still. */
  private touch(stored: StoredOpportunity, at: number): void {
    const previous = Date.parse(String(stored.record.LastModifiedDate ?? 0));
    stored.record.LastModifiedDate = new Date(Math.max(at, previous + 1)).toISOString();
  }

  private lifeCycle(stored: StoredOpportunity): Json {
    const life = (stored.record.LifeCycle as Json | undefined) ?? {};
    stored.record.LifeCycle = life;
    return life;
  }

  private reviewOf(stored: StoredOpportunity): string {
    return String((stored.record.LifeCycle as Json | undefined)?.ReviewStatus ?? 'Pending Submission');
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** Moves every review (and invitation expiry) forward to `now`; called before each request and on advance. */
  settle(now: number): void {
    const { inReviewAfterMs, decisionAfterMs } = this.options.review;
    for (const stored of this.opportunities.values()) {
      if (stored.submittedAt === null) continue;
      const review = this.reviewOf(stored);
      const inReviewAt = stored.submittedAt + inReviewAfterMs;
      const decidedAt = inReviewAt + decisionAfterMs;
      if (review === 'Submitted' && now >= inReviewAt) {
        this.lifeCycle(stored).ReviewStatus = 'In review';
        this.touch(stored, inReviewAt);
        this.opportunityEvent('Updated', stored, inReviewAt);
      }
      if (this.reviewOf(stored) === 'In review' && now >= decidedAt) this.decide(stored, this.outcomeFor(stored), decidedAt);
    }
    for (const invitation of this.invitations.values()) {
      const expires = Date.parse(String(invitation.summary.ExpirationDate));
      if (invitation.summary.Status === 'PENDING' && now >= expires) {
        invitation.summary.Status = 'EXPIRED';
        invitation.detail.Status = 'EXPIRED';
        this.invitationEvent('Expired', invitation, expires);
      }
    }
  }

  private outcomeFor(stored: StoredOpportunity): ReviewOutcome {
    const override = this.reviewOverrides.get(String(stored.record.Id));
    if (override) return override;
    const { outcome } = this.options.review;
    return typeof outcome === 'function' ? outcome(clone(stored.record) as GetOpportunityOutput) : outcome;
  }

  private decide(stored: StoredOpportunity, outcome: ReviewOutcome, at: number): void {
    const life = this.lifeCycle(stored);
    life.ReviewStatus = outcome;
    const feedback = REVIEW_FEEDBACK[outcome];
    if (feedback) {
      life.ReviewComments = feedback.comments;
      life.ReviewStatusReason = feedback.reason;
    } else {
      delete life.ReviewComments;
      delete life.ReviewStatusReason;
      stored.awsStage = 'Qualified';
    }
    stored.submittedAt = null;
    this.reviewOverrides.delete(String(stored.record.Id));
    this.touch(stored, at);
    this.opportunityEvent('Updated', stored, at);
    this.emit(outcome === 'Approved' ? 'Opportunity Accepted' : outcome === 'Rejected' ? 'Opportunity Rejected' : 'Opportunity Updated', at, [String(stored.record.Arn)],
      { schemaVersion: '1', catalog: stored.record.Catalog, opportunity: { identifier: stored.record.Id } });
  }

  /** Control: the outcome the next (or current) review of this opportunity will have; `now` finishes it at once. */
  setReviewOutcome(id: string, outcome: ReviewOutcome, options: { now?: number } = {}): void {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    if (!stored) throw new Error(`setReviewOutcome: no opportunity ${id}`);
    this.reviewOverrides.set(id, outcome);
    if (options.now !== undefined && ['Submitted', 'In review'].includes(this.reviewOf(stored))) this.decide(stored, outcome, options.now);
  }

  // ---- opportunities ------------------------------------------------------------------------

  createOpportunity(body: Json, now: number): Json {
    const token = String(body.ClientToken);
    const tokenKey = this.key(body.Catalog, token);
    const { ClientToken: _token, ...content } = body;
    const bodyDigest = digest(content);
    const previous = this.createTokens.get(tokenKey);
    if (previous) {
      if (previous.body !== bodyDigest) {
        this.counters.conflicts += 1;
        throw new AceServiceError('ConflictException', 409, 'Conflicting client token submitted for a new request body.');
      }
      const stored = this.find(body.Catalog, previous.id);
      return { Id: stored.record.Id, PartnerOpportunityIdentifier: stored.record.PartnerOpportunityIdentifier, LastModifiedDate: stored.record.LastModifiedDate };
    }
    const findings = createAwsWireFormat({ today: dayOf(now) }).validate('CreateOpportunity', body).filter((f) => f.severity === 'error');
    if (findings.length > 0) throw validationError(findings, 'BUSINESS_VALIDATION_FAILED');
    const stored = this.insertOpportunity(content, now, body.Origin === 'AWS Referral' ? 'AWS Referral' : 'Partner Referral', token);
    this.createTokens.set(tokenKey, { id: String(stored.record.Id), body: bodyDigest });
    this.counters.created += 1;
    this.counters.createdByClientToken[token] = (this.counters.createdByClientToken[token] ?? 0) + 1;
    const partnerId = stored.record.PartnerOpportunityIdentifier;
    if (typeof partnerId === 'string' && partnerId) {
      this.counters.createdByPartnerOpportunityId[partnerId] = (this.counters.createdByPartnerOpportunityId[partnerId] ?? 0) + 1;
    }
    return { Id: stored.record.Id, PartnerOpportunityIdentifier: stored.record.PartnerOpportunityIdentifier, LastModifiedDate: stored.record.LastModifiedDate };
  }

  private insertOpportunity(content: Json, now: number, origin: StoredOpportunity['origin'], token: string | null): StoredOpportunity {
    const id = `O${this.nextDigits(7)}`;
    const { Origin: _origin, Tags: _tags, ...record } = clone(content);
    const at = new Date(now).toISOString();
    const life = (record.LifeCycle as Json | undefined) ?? {};
    // A partner cannot create an opportunity already reviewed; AWS referrals arrive approved.
    life.ReviewStatus = origin === 'AWS Referral' ? 'Approved' : 'Pending Submission';
    delete life.ReviewComments;
    delete life.ReviewStatusReason;
    const stored: StoredOpportunity = {
      record: {
        ...record,
        LifeCycle: life,
        Id: id,
        Arn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${String(record.Catalog)}/opportunity/${id}`,
        CreatedDate: at,
        LastModifiedDate: at,
        RelatedEntityIdentifiers: { Solutions: [], AwsProducts: [], AwsMarketplaceOffers: [], AwsMarketplaceOfferSets: [] },
      },
      origin,
      createToken: token,
      submittedAt: null,
      involvementType: null,
      visibility: null,
      awsStage: origin === 'AWS Referral' ? 'Qualified' : null,
    };
    this.opportunities.set(this.key(record.Catalog, id), stored);
    this.opportunityEvent('Created', stored, now);
    return stored;
  }

  getOpportunity(body: Json): Json {
    return clone(this.find(body.Catalog, body.Identifier).record);
  }

  updateOpportunity(body: Json, now: number): Json {
    const stored = this.find(body.Catalog, body.Identifier);
    const current = stored.record as unknown as GetOpportunityOutput;
    if (Date.parse(String(body.LastModifiedDate)) !== Date.parse(String(current.LastModifiedDate))) {
      this.counters.conflicts += 1;
      throw new AceServiceError('ConflictException', 409,
        `Opportunity ${current.Id} was modified at ${current.LastModifiedDate}; your copy is from ${String(body.LastModifiedDate)}. Get the opportunity again and reapply your change.`);
    }
    const findings = createAwsWireFormat({ today: dayOf(now) }).validate('UpdateOpportunity', body).filter((f) => f.severity === 'error');
    if (findings.length > 0) throw validationError(findings, 'BUSINESS_VALIDATION_FAILED');
    const sandboxReview = body.Catalog === 'Sandbox';
    const locked = editabilityFindings(sortedKeys(current), sortedKeys(body) as UpdateOpportunityInput).filter((f) => {
      // The Sandbox lets a partner write review fields to simulate AWS's review (research ace.md §11).
      if (!sandboxReview) return true;
      return !REVIEW_OUTCOME_FIELDS.some((field) => f.path === field || f.path?.startsWith(`${field}.`));
    });
    if (locked.length > 0) throw validationError(locked, 'BUSINESS_VALIDATION_FAILED');
    const review = this.reviewOf(stored);
    const { Identifier: _id, LastModifiedDate: _lmd, ...content } = body;
    const next: Json = { ...clone(content) };
    const life = (next.LifeCycle as Json | undefined) ?? {};
    const sentReview = typeof life.ReviewStatus === 'string' ? life.ReviewStatus : null;
    if (!(sandboxReview && sentReview && sentReview !== review)) {
      // Only AWS moves the review; the partner's copy of it is ignored outside the Sandbox.
      life.ReviewStatus = review;
      const currentLife = (current.LifeCycle ?? {}) as Json;
      for (const field of ['ReviewComments', 'ReviewStatusReason']) {
        if (currentLife[field] === undefined) delete life[field];
        else life[field] = currentLife[field];
      }
    }
    next.LifeCycle = life;
    const changes = changedPaths(stored.record, { ...stored.record, ...next });
    stored.record = {
      ...next,
      Id: current.Id,
      Arn: current.Arn,
      CreatedDate: current.CreatedDate,
      LastModifiedDate: current.LastModifiedDate,
      RelatedEntityIdentifiers: current.RelatedEntityIdentifiers,
      ...(current.OpportunityTeam ? { OpportunityTeam: current.OpportunityTeam } : {}),
    };
    if (sandboxReview && sentReview && sentReview !== review) {
      stored.submittedAt = null;
      if (sentReview === 'Approved') stored.awsStage = 'Qualified';
    } else if (review === 'Action Required' && changes.length > 0) {
      // Answering AWS's request sends the opportunity back into review (research ace.md §7).
      life.ReviewStatus = 'Submitted';
      stored.submittedAt = now;
    }
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
    return { Id: stored.record.Id, LastModifiedDate: stored.record.LastModifiedDate };
  }

  listOpportunities(body: ListOpportunitiesRequest): Json {
    const catalog = body.Catalog;
    const after = (value: unknown, bound: string | null | undefined) => !bound || Date.parse(String(value)) > Date.parse(bound);
    const before = (value: unknown, bound: string | null | undefined) => !bound || Date.parse(String(value)) < Date.parse(bound);
    const names = body.CustomerCompanyName?.map((n) => n.toLowerCase());
    const rows = [...this.opportunities.values()]
      .map((s) => s.record)
      .filter((r) => r.Catalog === catalog)
      .filter((r) => !body.Identifier || body.Identifier.includes(String(r.Id)))
      .filter((r) => !body.LifeCycleStage || (body.LifeCycleStage as readonly string[]).includes(String((r.LifeCycle as Json | undefined)?.Stage)))
      .filter((r) => !body.LifeCycleReviewStatus || (body.LifeCycleReviewStatus as readonly string[]).includes(String((r.LifeCycle as Json | undefined)?.ReviewStatus)))
      .filter((r) => !names || names.includes(String(((r.Customer as Json | undefined)?.Account as Json | undefined)?.CompanyName ?? '').toLowerCase()))
      .filter((r) => after(r.LastModifiedDate, body.LastModifiedDate?.AfterLastModifiedDate) && before(r.LastModifiedDate, body.LastModifiedDate?.BeforeLastModifiedDate))
      .filter((r) => after(r.CreatedDate, body.CreatedDate?.AfterCreatedDate) && before(r.CreatedDate, body.CreatedDate?.BeforeCreatedDate));
    const sortBy = body.Sort?.SortBy ?? 'LastModifiedDate';
    const sortKey = (r: Json): string => {
      if (sortBy === 'Identifier') return String(r.Id).padStart(21, '0');
      if (sortBy === 'CustomerCompanyName') return String(((r.Customer as Json | undefined)?.Account as Json | undefined)?.CompanyName ?? '');
      if (sortBy === 'TargetCloseDate') return String((r.LifeCycle as Json | undefined)?.TargetCloseDate ?? '');
      return new Date(String(r[sortBy])).toISOString();
    };
    rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : String(a.Id) < String(b.Id) ? -1 : 1));
    if (body.Sort?.SortOrder === 'DESCENDING') rows.reverse();
    const { page, next } = this.paginate(rows, body.MaxResults ?? 20, body.NextToken, 'ListOpportunities');
    return {
      OpportunitySummaries: page.map((r) => {
        const life = (r.LifeCycle as Json | undefined) ?? {};
        const account = ((r.Customer as Json | undefined)?.Account as Json | undefined) ?? undefined;
        const address = account?.Address as Json | undefined;
        const project = r.Project as Json | undefined;
        return {
          Catalog: r.Catalog,
          Id: r.Id,
          Arn: r.Arn,
          PartnerOpportunityIdentifier: r.PartnerOpportunityIdentifier,
          OpportunityType: r.OpportunityType,
          LastModifiedDate: r.LastModifiedDate,
          CreatedDate: r.CreatedDate,
          LifeCycle: { Stage: life.Stage, ClosedLostReason: life.ClosedLostReason, NextSteps: life.NextSteps, TargetCloseDate: life.TargetCloseDate,
            ReviewStatus: life.ReviewStatus, ReviewComments: life.ReviewComments, ReviewStatusReason: life.ReviewStatusReason },
          Customer: account ? { Account: { Industry: account.Industry, OtherIndustry: account.OtherIndustry, CompanyName: account.CompanyName ?? '', WebsiteUrl: account.WebsiteUrl,
            Address: address ? { City: address.City, PostalCode: address.PostalCode, StateOrRegion: address.StateOrRegion, CountryCode: address.CountryCode } : undefined } } : undefined,
          Project: project ? { DeliveryModels: project.DeliveryModels, ExpectedCustomerSpend: project.ExpectedCustomerSpend } : undefined,
        };
      }),
      ...(next ? { NextToken: next } : {}),
    };
  }

  /** NextToken = base64 of the operation and offset; a token from another operation is refused. */
  private paginate<T>(rows: T[], size: number, token: string | null | undefined, operation: string): { page: T[]; next: string | null } {
    let offset = 0;
    if (token) {
      const decoded = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
      if (!decoded || decoded[1] !== operation) {
        throw validationError([{ code: 'AWS_WIRE_INVALID_FORMAT', severity: 'error', cloud: 'AWS', path: '$.NextToken', message: 'NextToken is not a token this operation issued.' }], 'REQUEST_VALIDATION_FAILED');
      }
      offset = Number(decoded[2]);
    }
    const page = rows.slice(offset, offset + size);
    const nextOffset = offset + page.length;
    return { page, next: nextOffset < rows.length ? Buffer.from(`${operation}:${nextOffset}`).toString('base64') : null };
  }

  associateOpportunity(body: Json, now: number): Json {
    const stored = this.find(body.Catalog, body.OpportunityIdentifier);
    const type = String(body.RelatedEntityType);
    const identifier = String(body.RelatedEntityIdentifier);
    if (type === 'Solutions' && !this.options.solutions.includes(identifier)) {
      throw new AceServiceError('ResourceNotFoundException', 404, `Solution ${identifier} does not exist; known solutions: ${this.options.solutions.join(', ')}.`);
    }
    const limit = ASSOCIATION_LIMITS[type]!;
    const related = stored.record.RelatedEntityIdentifiers as Record<string, string[]>;
    const list = (related[limit.list] ??= []);
    if (list.includes(identifier)) return {};
    if (list.length >= limit.max) {
      throw new AceServiceError('ServiceQuotaExceededException', 400, `An opportunity can have at most ${limit.max} associated ${type}.`);
    }
    list.push(identifier);
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
    return {};
  }

  startEngagementFromOpportunityTask(body: Json, now: number): Json {
    const tokenKey = this.key(body.Catalog, `start:${String(body.ClientToken)}`);
    const bodyDigest = digest(body);
    const replay = this.startTokens.get(tokenKey);
    if (replay) {
      if (replay.body !== bodyDigest) throw new AceServiceError('ConflictException', 409, 'Conflicting client token submitted for a new request body.');
      return clone(replay.response);
    }
    const stored = this.find(body.Catalog, body.Identifier);
    const review = this.reviewOf(stored);
    if (review !== 'Pending Submission') {
      throw validationError([{ code: 'AWS_WRONG_STATE', severity: 'error', cloud: 'AWS', path: '$.Identifier',
        message: `Opportunity ${String(body.Identifier)} is ${review}; only an opportunity pending submission can start an engagement.` }], 'BUSINESS_VALIDATION_FAILED');
    }
    const findings = submissionFindings(stored.record, { severity: 'error', today: dayOf(now) });
    const solutions = (stored.record.RelatedEntityIdentifiers as Record<string, string[]>).Solutions ?? [];
    if (solutions.length === 0) {
      findings.push({ code: 'AWS_SUBMIT_REQUIRED', severity: 'error', cloud: 'AWS', path: '$.RelatedEntityIdentifiers.Solutions',
        message: 'Associate at least one solution (AssociateOpportunity) before submitting the opportunity to AWS.' });
    }
    if (findings.length > 0) throw validationError(findings, 'BUSINESS_VALIDATION_FAILED');
    const submission = body.AwsSubmission as Json;
    stored.involvementType = String(submission.InvolvementType);
    stored.visibility = typeof submission.Visibility === 'string' ? submission.Visibility : 'Full';
    stored.submittedAt = now;
    this.lifeCycle(stored).ReviewStatus = 'Submitted';
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
    const response = {
      TaskId: `task-${this.nextDigits(13)}`,
      TaskArn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${String(body.Catalog)}/engagement-from-opportunity-task/task-${this.sequence}`,
      StartTime: new Date(now).toISOString(),
      TaskStatus: 'COMPLETE',
      OpportunityId: stored.record.Id,
      EngagementId: `eng-${this.nextDigits(14)}`,
      EngagementInvitationId: `engi-${this.nextDigits(13)}`,
      ResourceSnapshotJobId: `job-${this.nextDigits(13)}`,
    };
    this.startTokens.set(tokenKey, { body: bodyDigest, response });
    return clone(response);
  }

  getAwsOpportunitySummary(body: Json): Json {
    const stored = this.find(body.Catalog, body.RelatedOpportunityIdentifier);
    const record = stored.record;
    const team = stored.awsStage
      ? [
          { FirstName: 'Priya', LastName: 'Raman', Email: 'praman@amazon.com', BusinessTitle: 'AWSSalesRep' },
          { FirstName: 'Hannah', LastName: 'Lindqvist', Email: 'hlindqvist@amazon.com', BusinessTitle: 'PDM' },
        ]
      : [];
    return {
      Catalog: record.Catalog,
      RelatedOpportunityId: record.Id,
      Origin: stored.origin,
      ...(stored.involvementType ? { InvolvementType: stored.involvementType, Visibility: stored.visibility } : {}),
      LifeCycle: {
        ...(stored.awsStage ? { Stage: stored.awsStage } : {}),
        ...((record.LifeCycle as Json | undefined)?.TargetCloseDate ? { TargetCloseDate: (record.LifeCycle as Json).TargetCloseDate } : {}),
      },
      OpportunityTeam: team,
      RelatedEntityIds: { Solutions: (record.RelatedEntityIdentifiers as Record<string, string[]>).Solutions ?? [] },
    };
  }

  /** Control: AWS moves its own pipeline stage (e.g. Launched, Closed Lost). */
  setAwsStage(id: string, stage: string, now: number): void {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    if (!stored) throw new Error(`setAwsStage: no opportunity ${id}`);
    stored.awsStage = stage;
    this.touch(stored, now);
    this.opportunityEvent('Updated', stored, now);
  }

  // ---- invitations --------------------------------------------------------------------------

  private invitationEvent(kind: 'Created' | 'Accepted' | 'Rejected' | 'Expired', invitation: StoredInvitation, at: number): void {
    const s = invitation.summary;
    this.emit(`Engagement Invitation ${kind}`, at, [String(s.Arn)], {
      catalog: s.Catalog,
      engagementInvitation: {
        arn: s.Arn,
        id: s.Id,
        engagementId: s.EngagementId,
        senderAccountId: s.SenderAwsAccountId,
        receiverAccountId: this.options.accountId,
        participantType: 'Receiver',
        payloadType: s.PayloadType,
        ...(kind === 'Created' ? { senderCompanyName: s.SenderCompanyName, expirationDate: s.ExpirationDate } : {}),
      },
    });
  }

  createInvitation(input: InvitationInput, now: number): Json {
    const catalog = input.catalog ?? 'Sandbox';
    const sender = SENDER_TITLE_BY_LAYER[input.layer ?? 'Account Team'];
    const title = input.senderTitle ?? sender.title;
    const id = `engi-${this.nextDigits(13)}`;
    const engagementId = `eng-${this.nextDigits(14)}`;
    const monthly = input.project?.monthlySpendUsd ?? 42_000;
    const summary: Json = {
      Arn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${catalog}/engagement-invitation/${id}`,
      PayloadType: 'OpportunityInvitation',
      Id: id,
      EngagementId: engagementId,
      EngagementTitle: (input.project?.title ?? 'Contoso Clinics data lakehouse').slice(0, 40),
      Status: 'PENDING',
      InvitationDate: new Date(now).toISOString(),
      ExpirationDate: new Date(now + (input.expiresInDays ?? 15) * 24 * 3600 * 1000).toISOString(),
      SenderAwsAccountId: '999988887777',
      SenderCompanyName: 'Amazon Web Services',
      Receiver: { Account: { AwsAccountId: this.options.accountId } },
      Catalog: catalog,
      ParticipantType: 'RECEIVER',
    };
    const { ParticipantType: _p, ...detailBase } = summary;
    const detail: Json = {
      ...detailBase,
      InvitationMessage: input.message ?? `Referral from ${title}: the customer wants help moving their analytics estate this quarter.`,
      Payload: {
        OpportunityInvitation: {
          SenderContacts: [{ Email: `${sender.first.toLowerCase()}.${sender.last.toLowerCase()}@amazon.com`, FirstName: sender.first, LastName: sender.last, BusinessTitle: title }],
          ReceiverResponsibilities: ['Software Partner'],
          Customer: {
            Industry: input.customer?.industry ?? 'Healthcare',
            CompanyName: input.customer?.companyName ?? 'Contoso Clinics',
            WebsiteUrl: input.customer?.websiteUrl ?? 'https://www.contoso-clinics.example.com',
            CountryCode: input.customer?.countryCode ?? 'US',
          },
          Project: {
            Title: input.project?.title ?? 'Contoso Clinics data lakehouse',
            BusinessProblem: input.project?.businessProblem ?? 'Claims and EHR extracts sit in three on-premises warehouses; analysts wait days for reports and the hardware lease ends in June.',
            TargetCompletionDate: input.project?.targetCompletionDate ?? dayOf(now + 120 * 24 * 3600 * 1000),
            ExpectedCustomerSpend: [{ Amount: String(monthly), CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
          },
        },
      },
    };
    const invitation: StoredInvitation = { summary, detail, acceptTask: null, acceptToken: null };
    this.invitations.set(this.key(catalog, id), invitation);
    this.invitationEvent('Created', invitation, now);
    return clone(detail);
  }

  /** Control: an AWS referral created straight in the partner account (Sandbox "Origin: AWS Referral"). */
  createAwsReferral(body: Json, now: number): Json {
    const stored = this.insertOpportunity(body, now, 'AWS Referral', null);
    return clone(stored.record);
  }

  private findInvitation(catalog: unknown, id: unknown): StoredInvitation {
    const key = String(id).startsWith('arn:') ? [...this.invitations.entries()].find(([, i]) => i.summary.Arn === id)?.[0] : this.key(catalog, id);
    const invitation = key ? this.invitations.get(key) : undefined;
    if (!invitation || invitation.summary.Catalog !== catalog) {
      throw new AceServiceError('ResourceNotFoundException', 404, `Engagement invitation ${String(id)} does not exist in the ${String(catalog)} catalog.`);
    }
    return invitation;
  }

  listEngagementInvitations(body: ListEngagementInvitationsRequest): Json {
    const rows = [...this.invitations.values()]
      .map((i) => i.summary)
      .filter((s) => s.Catalog === body.Catalog && s.ParticipantType === body.ParticipantType)
      .filter((s) => !body.Status || (body.Status as readonly string[]).includes(String(s.Status)))
      .filter((s) => !body.PayloadType || (body.PayloadType as readonly string[]).includes(String(s.PayloadType)))
      .filter((s) => !body.EngagementIdentifier || body.EngagementIdentifier.includes(String(s.EngagementId)))
      .filter((s) => !body.SenderAwsAccountId || body.SenderAwsAccountId.includes(String(s.SenderAwsAccountId)))
      .sort((a, b) => Date.parse(String(a.InvitationDate)) - Date.parse(String(b.InvitationDate)) || (String(a.Id) < String(b.Id) ? -1 : 1));
    if (body.Sort?.SortOrder !== 'ASCENDING') rows.reverse();
    const { page, next } = this.paginate(rows, body.MaxResults ?? 20, body.NextToken, 'ListEngagementInvitations');
    return { EngagementInvitationSummaries: clone(page), ...(next ? { NextToken: next } : {}) };
  }

  getEngagementInvitation(body: Json): Json {
    return clone(this.findInvitation(body.Catalog, body.Identifier).detail);
  }

  startEngagementByAcceptingInvitationTask(body: Json, now: number): Json {
    const invitation = this.findInvitation(body.Catalog, body.Identifier);
    if (invitation.acceptTask && invitation.acceptToken === body.ClientToken) return clone(invitation.acceptTask);
    if (invitation.summary.Status !== 'PENDING') {
      throw validationError([{ code: 'AWS_WRONG_STATE', severity: 'error', cloud: 'AWS', path: '$.Identifier',
        message: `Invitation ${String(body.Identifier)} is ${String(invitation.summary.Status)}; only a pending invitation can be accepted.` }], 'BUSINESS_VALIDATION_FAILED');
    }
    const payload = (invitation.detail.Payload as Json).OpportunityInvitation as Json;
    const customer = payload.Customer as Json;
    const project = payload.Project as Json;
    const stored = this.insertOpportunity({
      Catalog: body.Catalog,
      Customer: { Account: { CompanyName: customer.CompanyName, Industry: customer.Industry, WebsiteUrl: customer.WebsiteUrl, Address: { CountryCode: customer.CountryCode } } },
      Project: { Title: project.Title, CustomerBusinessProblem: project.BusinessProblem, ExpectedCustomerSpend: project.ExpectedCustomerSpend },
      LifeCycle: { Stage: 'Qualified', TargetCloseDate: project.TargetCompletionDate },
    }, now, 'AWS Referral', null);
    invitation.summary.Status = 'ACCEPTED';
    invitation.detail.Status = 'ACCEPTED';
    invitation.acceptToken = String(body.ClientToken);
    invitation.acceptTask = {
      TaskId: `task-${this.nextDigits(13)}`,
      TaskArn: `arn:aws:partnercentral:us-east-1:${this.options.accountId}:catalog/${String(body.Catalog)}/engagement-by-accepting-invitation-task/task-${this.sequence}`,
      StartTime: new Date(now).toISOString(),
      TaskStatus: 'COMPLETE',
      OpportunityId: stored.record.Id,
      EngagementInvitationId: invitation.summary.Id,
    };
    this.invitationEvent('Accepted', invitation, now);
    return clone(invitation.acceptTask);
  }

  listEngagementByAcceptingInvitationTasks(body: Json): Json {
    const opportunities = body.OpportunityIdentifier as string[] | undefined;
    const invitationIds = body.EngagementInvitationIdentifier as string[] | undefined;
    const tasks = [...this.invitations.values()]
      .filter((i) => i.acceptTask && i.summary.Catalog === body.Catalog)
      .map((i) => i.acceptTask as Json)
      .filter((t) => !opportunities || opportunities.includes(String(t.OpportunityId)))
      .filter((t) => !invitationIds || invitationIds.includes(String(t.EngagementInvitationId)));
    return { TaskSummaries: clone(tasks) };
  }

  rejectEngagementInvitation(body: Json, now: number): Json {
    const invitation = this.findInvitation(body.Catalog, body.Identifier);
    if (invitation.summary.Status === 'REJECTED') return {};
    if (invitation.summary.Status !== 'PENDING') {
      throw validationError([{ code: 'AWS_WRONG_STATE', severity: 'error', cloud: 'AWS', path: '$.Identifier',
        message: `Invitation ${String(body.Identifier)} is ${String(invitation.summary.Status)}; only a pending invitation can be rejected.` }], 'BUSINESS_VALIDATION_FAILED');
    }
    invitation.summary.Status = 'REJECTED';
    invitation.detail.Status = 'REJECTED';
    if (typeof body.RejectionReason === 'string') invitation.detail.RejectionReason = body.RejectionReason;
    this.invitationEvent('Rejected', invitation, now);
    return {};
  }

  /** Counts for tests: opportunities per catalog and partner id, so a duplicate shows. */
  opportunityCount(catalog?: string): number {
    return [...this.opportunities.values()].filter((s) => !catalog || s.record.Catalog === catalog).length;
  }

  isLocked(id: string): boolean {
    const stored = [...this.opportunities.values()].find((s) => s.record.Id === id);
    return stored ? (LOCKED_REVIEW_STATUSES as readonly string[]).includes(this.reviewOf(stored)) : false;
  }
}
