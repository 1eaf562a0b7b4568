// What the sync engine needs from a portal client (aws/, microsoft/, google/ each provide one),
// and the one error type they all throw, classified so the engine knows whether to retry, re-read
// and merge, or park the job with findings for a person to fix.
import type {
  Cloud,
  CoSellOpportunity,
  EngagementStatus,
  Finding,
  InboundReferralInput,
} from '../core/model.js';

export interface PortalRecordState {
  portalId: string;
  status: EngagementStatus;
  /** Concurrency token to send on the next update (ACE LastModifiedDate, ETag, Google etag). */
  version: string | null;
  /** Portal feedback a person must act on (ACE review comments, Microsoft status reasons...). */
  findings: Finding[];
  /** The portal still reviews the record: edits wait until it unlocks. */
  locked: boolean;
  acceptedAt?: string | null;
}

export interface SubmitRequest {
  opportunity: CoSellOpportunity;
  /**
   * Stable per logical submission (derived from the outbox job): the portal must create at most
   * one record for it however often the call is retried (ACE ClientToken; Microsoft and Google by
   * looking up externalReferenceId / the Salesforce Id before creating).
   */
  idempotencyKey: string;
  now: Date;
  /**
   * Told once the portal holds the record while more of the submission's calls are still to come
   * (ACE: after the create, before associate and start), with the record's state as the portal
   * reports it, so the engine can show the portal id without waiting for the rest.
   */
  onRecorded?: (state: PortalRecordState) => void;
}

export interface UpdateRequest {
  opportunity: CoSellOpportunity;
  portalId: string;
  /** Version read with the record the change was computed from; a mismatch is a conflict. */
  expectedVersion: string | null;
  now: Date;
}

export interface InboundPage {
  referrals: Array<{ referral: InboundReferralInput; version: string; findings: Finding[] }>;
  /** Opaque cursor (last-modified time, page token) for the next catch-up poll. */
  cursor: string | null;
}

/** One referral as a portal delivers it, with the version that deduplicates a delivery. */
export type InboundDelivery = InboundPage['referrals'][number];

/**
 * What a portal's push (a Partner Center webhook, a Cloud Channel Pub/Sub message) turned out to
 * be once read and the record it names fetched: a referral to record, news about one of our own
 * records (`salesforceId` is the opportunity it carries, when it carries one), or a record no
 * longer ours.
 */
export type PortalEventReading =
  | { kind: 'inbound'; delivery: InboundDelivery }
  | { kind: 'engagement'; state: PortalRecordState; salesforceId: string | null }
  | { kind: 'detached'; portalId: string };

/** The port the engine reads portal pushes through; each REST portal's client provides it. */
export interface PortalEventReader {
  /** Validates the push and reads the record it names; throws a validation PortalError for a push it refuses. */
  readEvent(payload: unknown): Promise<PortalEventReading>;
}

export interface ReferralDecision {
  portalId: string;
  decision: 'accept' | 'decline';
  declineReason?: string;
  feedback?: string;
  now: Date;
}

export interface PortalClient {
  cloud: Cloud;
  /** Creates (or finds the record a previous attempt created) and starts the portal's review. */
  submit(request: SubmitRequest): Promise<PortalRecordState>;
  /** Full update with read-merge-write where the portal replaces whole records. */
  update(request: UpdateRequest): Promise<PortalRecordState>;
  /** Current state, for polling the review lifecycle. */
  fetch(portalId: string): Promise<PortalRecordState>;
  /** Referrals created or changed since the cursor (catch-up poll; a missed event is never a lost referral). */
  listInbound(cursor: string | null, now: Date): Promise<InboundPage>;
  /** Accepts or declines an inbound referral on the portal. */
  decide(decision: ReferralDecision): Promise<void>;
}

export const PORTAL_ERROR_KINDS = [
  'throttled',
  'unavailable',
  'timeout',
  'conflict',
  /** The portal record is under review and takes no edit now: the engine queues it until it unlocks. */
  'locked',
  'validation',
  'not-found',
  'auth',
  'quota-exhausted',
] as const;
export type PortalErrorKind = (typeof PORTAL_ERROR_KINDS)[number];

export class PortalError extends Error {
  readonly cloud: Cloud;
  readonly kind: PortalErrorKind;
  readonly retryAfterMs: number | undefined;
  readonly findings: Finding[];
  readonly status: number | undefined;

  constructor(
    cloud: Cloud,
    kind: PortalErrorKind,
    message: string,
    details: { retryAfterMs?: number; findings?: Finding[]; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'PortalError';
    this.cloud = cloud;
    this.kind = kind;
    this.retryAfterMs = details.retryAfterMs;
    this.findings = details.findings ?? [];
    this.status = details.status;
  }

  /** Throttling, 5xx and timeouts: the same call may succeed later. */
  get transient(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable' || this.kind === 'timeout';
  }

  /** Retrying cannot help: a person (or a configuration change) must act first. */
  get permanent(): boolean {
    return this.kind === 'validation' || this.kind === 'auth' || this.kind === 'not-found';
  }
}

/** Parses an HTTP Retry-After header (seconds or an HTTP date) into milliseconds from `now`. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * After a create whose answer timed out or failed in transit (on a portal with no idempotency
 * key), what it made once the request had time to land: waits at least the request timeout, then
 * looks. Null for any other failure, or when nothing turned up.
 */
export async function landedAfterLostAnswer<T>(
  error: unknown,
  find: () => Promise<T | null>,
  requestTimeoutMs: number,
): Promise<T | null> {
  if (!(error instanceof PortalError) || (error.kind !== 'timeout' && error.kind !== 'unavailable'))
    return null;
  await new Promise((resolve) => setTimeout(resolve, Math.max(requestTimeoutMs, 1_000)));
  return find().catch(() => null);
}
