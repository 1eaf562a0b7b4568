// A local Partner Center Referrals API (v1.0 engagements/referrals) over node:http: every request
// checked with the microsoft/ wire format, eTags with If-Match (412), OData $filter/$top/$orderby
// with @odata.nextLink paging, the documented error body, 429/503 with Retry-After, Microsoft's
// review of a co-sell ask on an injectable clock, incoming referrals on demand, thin webhooks,
// seeded faults and counters. `npm start` runs on it; the tests prove idempotency with it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Finding, SourceLayer } from '../../core/model.js';
import { hasCoSellAsk, MICROSOFT_ORGANIZATION_ID } from '../../portals/microsoft/co-sell.js';
import { ifMatchOutcome } from '../../portals/microsoft/concurrency.js';
import { ReferralPatchRequest, SERVER_MAINTAINED_FIELDS, WebhookRegistrationRequest, type WebhookEventName } from '../../portals/microsoft/schema.js';
import { transitionProblem, type ReferralState } from '../../portals/microsoft/status.js';
import { microsoftWireFormat } from '../../portals/microsoft/wire-format.js';
import {
  bearerOf,
  DeliveryQueue,
  EmulatorClock,
  RestFaultPlan,
  startJsonServer,
  TenantBudgets,
  type CallBudget,
  type JsonReply,
  type ReplyPlan,
  type RestFaultRule,
} from '../rest-emulator-kit.js';

export type { RestFaultRule as MicrosoftFaultRule } from '../rest-emulator-kit.js';

type Json = Record<string, unknown>;

const BASE_PATH = '/v1.0/engagements/referrals';
const DAY_MS = 86_400_000;
/** Partner Center archives an unanswered incoming referral as Expired after 14 days. */
const INCOMING_LIFETIME_MS = 14 * DAY_MS;
const WRITE_OPERATIONS = new Set(['create', 'update', 'patch', 'registerWebhook']);

export type MicrosoftReviewOutcome = 'Accepted' | 'Declined';

export interface MicrosoftReviewTiming {
  /** New/Pending → New/Received: a Microsoft seller opened the co-sell ask. */
  receivedAfterMs: number;
  /** New/Received → the outcome (Active/Accepted, or Closed/Declined with a reason). */
  decisionAfterMs: number;
  outcome: MicrosoftReviewOutcome | ((referral: Json) => MicrosoftReviewOutcome);
}

export const DEFAULT_MICROSOFT_REVIEW: MicrosoftReviewTiming = { receivedAfterMs: 60 * 60_000, decisionAfterMs: 2 * DAY_MS, outcome: 'Accepted' };

/** The referrals a Partner Center tenant holds, as plain JSON, kept across restarts. */
export interface MicrosoftEmulatorState {
  referrals: Array<[string, StoredReferral]>;
}

export interface MicrosoftEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The referrals a previous run left (see `control.snapshot`). */
  restored?: MicrosoftEmulatorState;
  /** Called after every request that may have changed the referrals (to persist them). */
  /** Awaited before a write is answered, so what a client saw accepted survives a crash. */
  onWrite?: () => Promise<void> | void;
  /** The emulator's clock; `control.advance(ms)` moves it further. Default: the wall clock. */
  now?: () => Date;
  review?: Partial<MicrosoftReviewTiming>;
  /** Per tenant (bearer token) and second. No published number: writes throttle sooner than reads. */
  quotas?: Partial<Omit<CallBudget, 'periodMs'>>;
  /** Seed of the fault-injection random source. */
  seed?: number;
  /** Refuse edits (423) while Microsoft decides on a co-sell ask; default true, matching the engine's lock. */
  lockDuringReview?: boolean;
  /** Largest page the list returns (Partner Center: 100). */
  maxPageSize?: number;
  /** Which bearer tokens are valid; default: any non-empty token. */
  acceptToken?: (token: string) => boolean;
  /** The partner's own organization (tenant) in Partner Center. */
  organization?: { id: string; name: string; mpnId: string };
  /** Callback URL for referral events, as if registered through the Webhooks API. */
  webhookUrl?: string;
  /** The partner's co-sell-ready solution that incoming referrals name. */
  solutionId?: string;
  /** Deliver webhooks on every change (default true); false: only `control.deliverWebhook`. */
  autoWebhooks?: boolean;
}

export interface WebhookDelivery {
  event: { EventName: WebhookEventName; ResourceUri: string; ResourceName: 'referral'; AuditUri: null; ResourceChangeUtcDate: string };
  url: string | null;
  /** HTTP status the callback answered, null when nothing is registered or the call failed. */
  status: number | null;
}

/** What `control.createIncomingReferral` needs to invent a Microsoft referral; all has realistic defaults. */
export interface IncomingReferralInput {
  /** The field layer of the Microsoft seller who sends it (sets a matching title). */
  layer?: SourceLayer;
  sender?: { firstName?: string; lastName?: string; email?: string; title?: string };
  customer?: { name?: string; country?: string; city?: string; size?: string };
  name?: string;
  notes?: string;
  dealValue?: number;
  currency?: string;
  /** Closing date of the deal (ISO date-time). */
  closingDateTime?: string;
  type?: 'Independent' | 'Shared';
  qualification?: 'SalesQualified' | 'MarketingQualified' | 'Direct';
}

/** Microsoft sellers' titles, one per field layer (DOMAIN.md's five layers). */
export const MICROSOFT_SENDER_BY_LAYER: Record<SourceLayer, { firstName: string; lastName: string; title: string }> = {
  'Executive/Industry': { firstName: 'Margaret', lastName: 'Osei', title: 'General Manager, Healthcare Industry' },
  'Regional/Segment': { firstName: 'Lukas', lastName: 'Brandt', title: 'Area Sales Director, Western Europe Enterprise' },
  'Account Team': { firstName: 'Aisha', lastName: 'Karimi', title: 'Account Executive' },
  Specialist: { firstName: 'Jonas', lastName: 'Petersen', title: 'Data & AI Specialist' },
  'Partner Program': { firstName: 'Grace', lastName: 'Nakamura', title: 'Partner Development Manager' },
};

export interface MicrosoftEmulatorCounters {
  /** Referrals created through POST (incoming ones made by the control API excluded). */
  created: number;
  createdByExternalReferenceId: Record<string, number>;
  callsByOperation: Record<string, number>;
  faultsInjected: Record<string, number>;
  throttled: number;
  validationErrors: number;
  /** 412s: stale If-Match, or injected. */
  preconditionFailed: number;
  /** 423s: edits refused while Microsoft decides. */
  locked: number;
  webhooksDelivered: number;
  webhookFailures: number;
}

export interface MicrosoftEmulatorControl {
  /** The referrals as plain JSON, to keep across restarts (`restored`). */
  snapshot(): MicrosoftEmulatorState;
  advance(ms: number): void;
  now(): Date;
  inject(rule: RestFaultRule): void;
  clearFaults(): void;
  /** A referral from Microsoft to the partner (direction Incoming, New/Pending). */
  createIncomingReferral(input?: IncomingReferralInput): { id: string };
  /** Microsoft's decision on this outgoing co-sell ask; `immediately` decides now. */
  setReviewOutcome(id: string, outcome: MicrosoftReviewOutcome, immediately?: boolean): void;
  /** A change made on Microsoft's side (new eTag): what a concurrent editor does to a PUT in flight. */
  modifyReferral(id: string, change: Json): void;
  /** The referral as stored (a copy), or null. */
  referral(id: string): Json | null;
  registerWebhook(url: string | null): void;
  /** Sends one notification now; resolves when the callback answered. */
  deliverWebhook(id: string, eventName: WebhookEventName): Promise<WebhookDelivery>;
  /** Waits for every webhook delivery in flight. */
  flushWebhooks(): Promise<void>;
  webhooks(): WebhookDelivery[];
  subscribe(listener: (delivery: WebhookDelivery) => void): () => void;
  referralCount(direction?: 'Incoming' | 'Outgoing'): number;
}

export interface MicrosoftEmulator {
  url: string;
  counters: MicrosoftEmulatorCounters;
  control: MicrosoftEmulatorControl;
  stop(): Promise<void>;
}

export interface StoredReferral {
  referral: Json;
  /** An outgoing co-sell ask Microsoft has not decided on: when it was shared and the decision to come. */
  review: { sharedAt: number; outcome: MicrosoftReviewOutcome | null } | null;
  /** Incoming referrals expire unanswered. */
  expiresAt: number | null;
}

/** A Partner Center error: HTTP status, documented `code`, and where. */
class PartnerCenterError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly findings: Finding[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  reply(): JsonReply {
    const first = this.findings[0];
    return {
      status: this.status,
      headers: this.headers,
      body: {
        error: {
          code: this.code,
          message: this.message,
          target: first?.path ?? null,
          ...(first ? { innerError: { code: first.code, message: first.message, target: first.path ?? null } } : {}),
          ...(this.findings.length > 0 ? { details: this.findings.map((f) => ({ code: f.code, message: f.message, target: f.path ?? null })) } : {}),
        },
      },
    };
  }
}

function invalid(findings: Finding[]): PartnerCenterError {
  const message = findings.length === 1 ? findings[0]!.message : `${findings.length} problems: ${findings.map((f) => f.path).join(', ')}`;
  return new PartnerCenterError(400, 'invalidRequest', message, findings);
}

function finding(code: string, path: string, message: string): Finding {
  return { code: `MICROSOFT_${code}`, severity: 'error', cloud: 'Microsoft', path, message };
}

function etag(): string {
  const hex = randomUUID().replace(/-/g, '');
  return `"${hex.slice(0, 8)}-0000-0000-0000-${hex.slice(8, 20)}"`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

// ---- OData $filter (the subset Partner Center documents) ----------------------------------------

const FILTERABLE = new Set([
  'engagementId',
  'status',
  'substatus',
  'updatedDateTime',
  'createdDateTime',
  'qualification',
  'direction',
  'type',
  'externalReferenceId',
  'customerProfile/address/country',
]);
const DATE_FIELDS = new Set(['updatedDateTime', 'createdDateTime']);
type Predicate = (referral: Json) => boolean;

function valueAt(referral: Json, field: string): unknown {
  return field.split('/').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), referral);
}

/** Parses `a eq 'x' and (b ge 2026-01-01T00:00:00Z or c ne 'y')`; anything else is a 400 naming it. */
export function parseODataFilter(filter: string): Predicate {
  const tokens = filter.match(/'(?:[^']|'')*'|\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const fail = (why: string): never => {
    throw invalid([finding('ODATA_FILTER', '$filter', `$filter "${filter}" ${why}`)]);
  };
  const peek = () => tokens[at];
  const comparison = (): Predicate => {
    if (peek() === '(') {
      at += 1;
      const inner = disjunction();
      if (tokens[at++] !== ')') fail('has an unclosed parenthesis');
      return inner;
    }
    const field = tokens[at++];
    const op = tokens[at++]?.toLowerCase();
    const literal = tokens[at++];
    if (!field || !op || literal === undefined) return fail('ends too early');
    if (!FILTERABLE.has(field)) return fail(`filters on ${field}, which the referrals list cannot filter on (${[...FILTERABLE].join(', ')})`);
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) return fail(`uses the operator ${op}; supported: eq, ne, gt, ge, lt, le`);
    let expected: string | number | boolean | null;
    if (/^'.*'$/s.test(literal)) expected = literal.slice(1, -1).replace(/''/g, "'");
    else if (literal === 'null') expected = null;
    else if (DATE_FIELDS.has(field) && !Number.isNaN(Date.parse(literal))) expected = literal;
    else return fail(`compares ${field} with ${literal}: quote text values ('...'); dates are bare ISO 8601`);
    const date = DATE_FIELDS.has(field);
    if (date && expected !== null && Number.isNaN(Date.parse(String(expected)))) return fail(`compares ${field} with ${literal}, which is not a date-time`);
    return (referral) => {
      const actual = valueAt(referral, field) ?? null;
      if (op === 'eq') return date && actual && expected ? Date.parse(String(actual)) === Date.parse(String(expected)) : actual === expected;
      if (op === 'ne') return actual !== expected;
      if (actual === null || expected === null) return false;
      const left = date ? Date.parse(String(actual)) : String(actual);
      const right = date ? Date.parse(String(expected)) : String(expected);
      return op === 'gt' ? left > right : op === 'ge' ? left >= right : op === 'lt' ? left < right : left <= right;
    };
  };
  const conjunction = (): Predicate => {
    const parts = [comparison()];
    while (peek()?.toLowerCase() === 'and') {
      at += 1;
      parts.push(comparison());
    }
    return (r) => parts.every((p) => p(r));
  };
  const disjunction = (): Predicate => {
    const parts = [conjunction()];
    while (peek()?.toLowerCase() === 'or') {
      at += 1;
      parts.push(conjunction());
    }
    return (r) => parts.some((p) => p(r));
  };
  const predicate = disjunction();
  if (at !== tokens.length) fail(`has unexpected "${tokens.slice(at).join(' ')}"`);
  return predicate;
}

// ---- JSON Patch (add and replace only) -----------------------------------------------------------

function applyPatch(target: Json, operations: Array<{ op: 'add' | 'replace'; path: string; value?: unknown }>): Json {
  const out = structuredClone(target);
  operations.forEach((operation, index) => {
    const keys = operation.path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = out;
    for (const key of keys.slice(0, -1)) {
      const next = Array.isArray(node) ? node[Number(key)] : (node as Json)[key];
      if (next === undefined || next === null) (node as Json)[key] = {};
      node = Array.isArray(node) ? node[Number(key)] : (node as Json)[key];
    }
    const last = keys[keys.length - 1]!;
    if (Array.isArray(node)) {
      if (last === '-') node.push(operation.value);
      else if (operation.op === 'add') node.splice(Number(last), 0, operation.value);
      else node[Number(last)] = operation.value;
    } else if (node && typeof node === 'object') {
      // Partner Center treats replace of an absent member like add (RFC 6902 would refuse it).
      (node as Json)[last] = operation.value;
    } else {
      throw invalid([finding('PATCH_PATH', `$[${index}].path`, `${operation.path} does not point into the referral`)]);
    }
  });
  return out;
}

// ---- the emulator ----------------------------------------------------------------------------------

export async function startMicrosoftEmulator(options: MicrosoftEmulatorOptions = {}): Promise<MicrosoftEmulator> {
  const clock = new EmulatorClock(options.now);
  const review: MicrosoftReviewTiming = { ...DEFAULT_MICROSOFT_REVIEW, ...options.review };
  const budgets = new TenantBudgets({ reads: options.quotas?.reads ?? 20, writes: options.quotas?.writes ?? 5, periodMs: 1000 });
  const faults = new RestFaultPlan(options.seed ?? 20261126, (operation) => WRITE_OPERATIONS.has(operation));
  const lockDuringReview = options.lockDuringReview ?? true;
  const maxPageSize = options.maxPageSize ?? 100;
  const organization = options.organization ?? { id: '4f7d2c1e-8a3b-4e5f-9c6d-2b1a0e9f8d7c', name: 'StreamLake Analytics', mpnId: '6543210' };
  const acceptToken = options.acceptToken ?? ((token: string) => token.length > 0);
  const autoWebhooks = options.autoWebhooks ?? true;
  let webhookUrl: string | null = options.webhookUrl ?? null;
  const referrals = new Map<string, StoredReferral>(structuredClone(options.restored?.referrals ?? []));
  const deliveries: WebhookDelivery[] = [];
  const listeners = new Set<(delivery: WebhookDelivery) => void>();
  const queue = new DeliveryQueue();
  const counters: MicrosoftEmulatorCounters = {
    created: 0,
    createdByExternalReferenceId: {},
    callsByOperation: {},
    faultsInjected: {},
    throttled: 0,
    validationErrors: 0,
    preconditionFailed: 0,
    locked: 0,
    webhooksDelivered: 0,
    webhookFailures: 0,
  };
  let url = '';

  const resourceUri = (id: string) => `${url}/engagements/v1/referrals/${id}`;

  const deliver = (id: string, eventName: WebhookEventName): Promise<WebhookDelivery> => {
    const stored = referrals.get(id);
    const event: WebhookDelivery['event'] = {
      EventName: eventName,
      ResourceUri: resourceUri(id),
      ResourceName: 'referral',
      AuditUri: null,
      ResourceChangeUtcDate: String(stored?.referral.updatedDateTime ?? iso(clock.now())),
    };
    const target = webhookUrl;
    const run = async (): Promise<WebhookDelivery> => {
      let status: number | null = null;
      if (target) {
        try {
          const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event), signal: AbortSignal.timeout(10_000) });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = null;
        }
        if (status !== null && status < 300) counters.webhooksDelivered += 1;
        else counters.webhookFailures += 1;
      }
      const delivery: WebhookDelivery = { event, url: target, status };
      deliveries.push(delivery);
      for (const listener of listeners) listener(delivery);
      return delivery;
    };
    return queue.track(run());
  };
  const notify = (id: string, eventName: WebhookEventName): void => {
    if (autoWebhooks) void deliver(id, eventName);
  };

  /** Moves time-driven state: Microsoft's review of co-sell asks, expiry of unanswered incoming referrals. */
  const settle = (now: number): void => {
    for (const [id, stored] of referrals) {
      const referral = stored.referral;
      if (stored.review && referral.status === 'New') {
        const receivedAt = stored.review.sharedAt + review.receivedAfterMs;
        const decidedAt = receivedAt + review.decisionAfterMs;
        if (referral.substatus === 'Pending' && now >= receivedAt) {
          Object.assign(referral, { substatus: 'Received', updatedDateTime: iso(receivedAt), eTag: etag() });
          notify(id, 'referral-updated');
        }
        if (referral.substatus === 'Received' && now >= decidedAt) {
          const outcome = stored.review.outcome ?? (typeof review.outcome === 'function' ? review.outcome(structuredClone(referral)) : review.outcome);
          if (outcome === 'Accepted') {
            Object.assign(referral, { status: 'Active', substatus: 'Accepted', acceptedDateTime: iso(decidedAt) });
          } else {
            Object.assign(referral, {
              status: 'Closed',
              substatus: 'Declined',
              statusReason: 'The Microsoft account team already works this opportunity with another partner; contact the PDM to join the engagement.',
              closedDateTime: iso(decidedAt),
            });
          }
          Object.assign(referral, { updatedDateTime: iso(decidedAt), eTag: etag() });
          stored.review = null;
          notify(id, 'referral-updated');
        }
      }
      if (stored.expiresAt !== null && referral.status === 'New' && now >= stored.expiresAt) {
        Object.assign(referral, { status: 'Closed', substatus: 'Expired', closedDateTime: iso(stored.expiresAt), updatedDateTime: iso(stored.expiresAt), eTag: etag() });
        stored.expiresAt = null;
        notify(id, 'referral-updated');
      }
    }
  };

  const lookup = (id: string): StoredReferral => {
    const stored = referrals.get(id.toLowerCase());
    if (!stored) throw new PartnerCenterError(404, 'itemNotFound', `Referral ${id} was not found.`);
    return stored;
  };

  const withLinks = (referral: Json): Json => ({
    '@odata.context': `${url}${BASE_PATH}/$metadata#Referrals/$entity`,
    ...referral,
    links: {
      relatedReferrals: referral.engagementId ? { uri: `${url}${BASE_PATH}?$filter=engagementId eq '${String(referral.engagementId)}'`, method: 'GET' } : null,
      self: { uri: `${url}${BASE_PATH}/${String(referral.id)}`, method: 'GET' },
    },
  });

  const ok = (status: number, referral: Json): JsonReply => ({ status, headers: { etag: String(referral.eTag) }, body: withLinks(referral) });

  const validationFindings = (operation: string, payload: unknown): Finding[] => microsoftWireFormat.validate(operation, payload).filter((f) => f.severity === 'error');

  const create = (body: unknown, now: number): JsonReply => {
    const findings = validationFindings('create', body);
    if (findings.length > 0) throw invalid(findings);
    const input = Object.fromEntries(Object.entries(body as Json).filter(([key]) => !SERVER_MAINTAINED_FIELDS.includes(key as never)));
    const id = randomUUID();
    // A co-sell ask (or a deal shared with Microsoft sellers) waits for Microsoft; a private deal starts accepted.
    const shared = hasCoSellAsk(input) || (input.consent as Json | undefined)?.consentToShareReferralWithMicrosoftSellers === true;
    const referral: Json = {
      ...input,
      id,
      engagementId: input.engagementId ?? randomUUID(),
      organizationId: organization.id,
      organizationName: organization.name,
      mpnId: organization.mpnId,
      status: shared ? 'New' : 'Active',
      substatus: shared ? 'Pending' : 'Accepted',
      statusReason: null,
      direction: 'Outgoing',
      createdDateTime: iso(now),
      updatedDateTime: iso(now),
      acceptedDateTime: shared ? null : iso(now),
      eTag: etag(),
    };
    referrals.set(id, { referral, review: shared ? { sharedAt: now, outcome: null } : null, expiresAt: null });
    counters.created += 1;
    const ref = typeof input.externalReferenceId === 'string' ? input.externalReferenceId : '(none)';
    counters.createdByExternalReferenceId[ref] = (counters.createdByExternalReferenceId[ref] ?? 0) + 1;
    return ok(201, referral);
  };

  /** The write rules every edit passes: If-Match, the one-way status machine, the review lock. */
  const write = (stored: StoredReferral, next: Json, method: 'PUT' | 'PATCH', ifMatch: string | undefined, now: number): Json => {
    const current = stored.referral;
    const outcome = ifMatchOutcome(method, ifMatch, String(current.eTag));
    if (outcome === 'missing-if-match') throw invalid([finding('IF_MATCH_REQUIRED', '$', 'a full update (PUT) needs the If-Match header with the eTag read last')]);
    if (outcome === 'precondition-failed') {
      counters.preconditionFailed += 1;
      throw new PartnerCenterError(412, 'preconditionFailed', `The referral changed since it was read (eTag ${String(current.eTag)}, If-Match ${String(ifMatch)}). Read it again and re-apply the change.`);
    }
    const from: ReferralState = { status: current.status as ReferralState['status'], substatus: current.substatus as ReferralState['substatus'], statusReason: current.statusReason as string | null };
    const to: ReferralState = { status: next.status as ReferralState['status'], substatus: next.substatus as ReferralState['substatus'], statusReason: (next.statusReason as string | null | undefined) ?? null };
    const moves = from.status !== to.status || from.substatus !== to.substatus;
    if (current.status === 'Closed') {
      throw invalid([finding('REFERRAL_CLOSED', '$.status', `the referral is Closed/${String(current.substatus)}: won, lost, declined and expired referrals cannot change`)]);
    }
    if (moves) {
      const problem = transitionProblem(from, to);
      if (problem) throw invalid([finding('ILLEGAL_TRANSITION', '$.status', `cannot move from ${from.status}/${from.substatus} to ${to.status}/${to.substatus}: ${problem}`)]);
      if (current.direction === 'Outgoing' && stored.review && to.status !== 'Closed') {
        throw invalid([finding('MICROSOFT_DECIDES', '$.status', 'Microsoft accepts or declines a co-sell ask; the partner can only close it')]);
      }
    } else if (lockDuringReview && stored.review && current.status === 'New') {
      counters.locked += 1;
      throw new PartnerCenterError(423, 'resourceLocked', `Microsoft is reviewing this co-sell referral (${String(current.substatus)}); edits are accepted once it is decided.`, [
        finding('LOCKED_IN_REVIEW', '$', 'Microsoft is reviewing this co-sell referral; the change is applied once it is decided'),
      ]);
    }
    const kept = Object.fromEntries(SERVER_MAINTAINED_FIELDS.filter((key) => key in current).map((key) => [key, current[key]]));
    const updated: Json = { ...next, ...kept, updatedDateTime: iso(now), eTag: etag() };
    if (to.status === 'Active' && from.status !== 'Active') updated.acceptedDateTime = iso(now);
    if (to.status === 'Closed') {
      updated.closedDateTime = iso(now);
      stored.review = null;
      stored.expiresAt = null;
    }
    if (current.direction === 'Incoming' && to.status !== 'New') stored.expiresAt = null;
    delete updated.links;
    delete updated['@odata.context'];
    stored.referral = updated;
    return updated;
  };

  const list = (query: URLSearchParams): JsonReply => {
    const unknown = [...query.keys()].filter((key) => !['$filter', '$top', '$orderby', '$skiptoken', '$count'].includes(key));
    if (unknown.length > 0) throw invalid([finding('ODATA_OPTION', `$${unknown[0]}`, `unsupported query option ${unknown.join(', ')}`)]);
    const filterText = query.get('$filter');
    const predicate = filterText ? parseODataFilter(filterText) : () => true;
    const topText = query.get('$top');
    const top = topText === null ? maxPageSize : Number(topText);
    if (!Number.isInteger(top) || top < 1) throw invalid([finding('ODATA_TOP', '$top', `$top must be a whole number of at least 1 (got ${topText})`)]);
    const order = (query.get('$orderby') ?? 'createdDateTime desc').trim().split(/\s+/);
    const [orderField = 'createdDateTime', direction = 'asc'] = order;
    if (!['createdDateTime', 'updatedDateTime'].includes(orderField) || !['asc', 'desc'].includes(direction.toLowerCase())) {
      throw invalid([finding('ODATA_ORDERBY', '$orderby', `$orderby supports createdDateTime or updatedDateTime, asc or desc (got "${order.join(' ')}")`)]);
    }
    const skipText = query.get('$skiptoken');
    const skip = skipText === null ? 0 : Number(Buffer.from(skipText, 'base64url').toString('utf8'));
    if (!Number.isInteger(skip) || skip < 0) throw invalid([finding('ODATA_SKIPTOKEN', '$skiptoken', 'the $skiptoken is not one this service issued; follow @odata.nextLink verbatim')]);
    const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
    const matches = [...referrals.values()]
      .map((s) => s.referral)
      .filter(predicate)
      .sort((a, b) => sign * (Date.parse(String(a[orderField])) - Date.parse(String(b[orderField])) || String(a.id).localeCompare(String(b.id))));
    const pageSize = Math.min(top, maxPageSize);
    const page = matches.slice(skip, skip + pageSize);
    const body: Json = { '@odata.context': `${url}${BASE_PATH}/$metadata#Referrals`, '@odata.count': matches.length, value: page.map(withLinks) };
    if (skip + pageSize < matches.length) {
      const next = new URLSearchParams();
      for (const key of ['$filter', '$top', '$orderby'] as const) {
        const value = query.get(key);
        if (value !== null) next.set(key, value);
      }
      next.set('$skiptoken', Buffer.from(String(skip + pageSize)).toString('base64url'));
      body['@odata.nextLink'] = `${url}${BASE_PATH}?${next.toString()}`;
    }
    return { status: 200, body };
  };

  const parseJson = (text: string): unknown => {
    try {
      return text.length === 0 ? undefined : (JSON.parse(text) as unknown);
    } catch {
      throw invalid([finding('BODY_NOT_JSON', '$', 'the request body is not JSON')]);
    }
  };

  const route = (request: IncomingMessage): { operation: string; id: string | null; query: URLSearchParams } => {
    const target = new URL(request.url ?? '/', 'http://emulator');
    const method = request.method ?? 'GET';
    if (target.pathname === '/webhooks/v1/registration' && method === 'POST') return { operation: 'registerWebhook', id: null, query: target.searchParams };
    if (target.pathname === BASE_PATH) {
      if (method === 'POST') return { operation: 'create', id: null, query: target.searchParams };
      if (method === 'GET') return { operation: 'list', id: null, query: target.searchParams };
    }
    const match = new RegExp(`^${BASE_PATH}/([^/]+)$`).exec(target.pathname);
    if (match) {
      const id = decodeURIComponent(match[1]!);
      const operation = method === 'GET' ? 'get' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : null;
      if (operation) return { operation, id, query: target.searchParams };
      throw new PartnerCenterError(405, 'invalidRequest', `${method} is not allowed on a referral`);
    }
    throw new PartnerCenterError(404, 'itemNotFound', `No resource at ${method} ${target.pathname}`);
  };

  const handle = (request: IncomingMessage, text: string): ReplyPlan => {
    try {
      const { operation, id, query } = route(request);
      counters.callsByOperation[operation] = (counters.callsByOperation[operation] ?? 0) + 1;
      const token = bearerOf(request);
      if (!token || !acceptToken(token)) throw new PartnerCenterError(401, 'unauthenticated', 'The request needs a valid bearer token for https://api.partner.microsoft.com.');
      const now = clock.now();
      settle(now);
      const waitMs = budgets.admit(token, WRITE_OPERATIONS.has(operation), now);
      if (waitMs > 0) {
        counters.throttled += 1;
        throw new PartnerCenterError(429, 'tooManyRequests', 'Too many requests for this partner tenant; retry after the given delay.', [], { 'retry-after': String(Math.ceil(waitMs / 1000)) });
      }
      const fault = faults.draw(operation);
      if (fault) counters.faultsInjected[fault.kind] = (counters.faultsInjected[fault.kind] ?? 0) + 1;
      if (fault?.kind === 'throttle') throw new PartnerCenterError(429, 'tooManyRequests', 'Too many requests (injected).', [], { 'retry-after': '1' });
      if (fault?.kind === '5xx') throw new PartnerCenterError(503, 'serviceNotAvailable', 'The service is not available (injected).', [], { 'retry-after': '2' });
      if (fault?.kind === 'conflict') {
        counters.preconditionFailed += 1;
        throw new PartnerCenterError(412, 'preconditionFailed', 'The referral changed while the request ran (injected).');
      }
      const reply = answer(() => perform(operation, id, query, request, text, now));
      // A timed-out call still ran: the answer is what gets lost, the hard case for idempotency.
      if (fault?.kind === 'timeout') return { drop: fault.delayMs ?? 30_000 };
      if (fault?.kind === 'slow') return { hold: fault.delayMs ?? 2_000, reply };
      return reply;
    } catch (error) {
      return answer(() => {
        throw error;
      });
    }
  };

  /** Runs a step; a Partner Center error becomes its documented reply. */
  const answer = (step: () => JsonReply): JsonReply => {
    try {
      return step();
    } catch (error) {
      if (error instanceof PartnerCenterError) {
        if (error.status === 400) counters.validationErrors += 1;
        return error.reply();
      }
      throw error;
    }
  };

  const perform = (operation: string, id: string | null, query: URLSearchParams, request: IncomingMessage, text: string, now: number): JsonReply => {
    const ifMatch = request.headers['if-match'] === undefined ? undefined : String(request.headers['if-match']);
    switch (operation) {
      case 'create':
        return create(parseJson(text), now);
      case 'list':
        return list(query);
      case 'get':
        return ok(200, lookup(id!).referral);
      case 'update': {
        const stored = lookup(id!);
        const body = parseJson(text);
        const findings = validationFindings('update', body);
        if (findings.length > 0) throw invalid(findings);
        if (String((body as Json).id).toLowerCase() !== id!.toLowerCase()) throw invalid([finding('ID_MISMATCH', '$.id', `the body is referral ${String((body as Json).id)}, the URL names ${id}`)]);
        return ok(200, write(stored, body as Json, 'PUT', ifMatch, now));
      }
      case 'patch': {
        const stored = lookup(id!);
        const body = parseJson(text);
        const parsed = ReferralPatchRequest.safeParse(body);
        const findings = validationFindings('patch', body);
        if (!parsed.success || findings.length > 0) throw invalid(findings.length > 0 ? findings : [finding('PATCH_INVALID', '$', 'the body is not a JSON Patch document')]);
        const next = applyPatch(stored.referral, parsed.data as Array<{ op: 'add' | 'replace'; path: string; value?: unknown }>);
        const nextFindings = validationFindings('update', Object.fromEntries(Object.entries(next).filter(([key]) => key !== 'links')));
        if (nextFindings.length > 0) throw invalid(nextFindings);
        const updated = write(stored, next, 'PATCH', ifMatch, now);
        if (updated.direction === 'Incoming') notify(String(updated.id), 'referral-updated');
        const representation = /return=representation/i.test(String(request.headers.prefer ?? ''));
        return representation ? ok(200, updated) : { status: 204, headers: { etag: String(updated.eTag) } };
      }
      case 'registerWebhook': {
        const body = parseJson(text);
        const findings = microsoftWireFormat.validate('webhook-registration', body).filter((f) => f.severity === 'error');
        if (findings.length > 0 || !WebhookRegistrationRequest.safeParse(body).success) throw invalid(findings);
        webhookUrl = (body as { WebhookUrl: string }).WebhookUrl;
        return { status: 200, body };
      }
      default:
        throw new PartnerCenterError(404, 'itemNotFound', `unknown operation ${operation}`);
    }
  };

  const server = await startJsonServer(options.port ?? 0, async (request, body) => {
    const plan = await handle(request, body);
    if (request.method !== 'GET') await options.onWrite?.();
    return plan;
  });
  url = server.url;

  const control: MicrosoftEmulatorControl = {
    snapshot: () => structuredClone({ referrals: [...referrals] }),
    advance(ms) {
      clock.advance(ms);
      settle(clock.now());
    },
    now: () => new Date(clock.now()),
    inject: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    createIncomingReferral(input = {}) {
      const now = clock.now();
      const layer = input.layer ?? 'Partner Program';
      const person = { ...MICROSOFT_SENDER_BY_LAYER[layer], ...input.sender };
      const email = input.sender?.email ?? `${person.firstName}.${person.lastName}@microsoft.com`.toLowerCase();
      const id = randomUUID();
      const referral: Json = {
        id,
        engagementId: randomUUID(),
        name: input.name ?? 'Contoso Pharma – unified clinical data platform on Azure',
        organizationId: organization.id,
        organizationName: organization.name,
        createdDateTime: iso(now),
        updatedDateTime: iso(now),
        expirationDateTime: iso(now + INCOMING_LIFETIME_MS),
        status: 'New',
        substatus: 'Pending',
        statusReason: null,
        qualification: input.qualification ?? 'SalesQualified',
        type: input.type ?? 'Shared',
        direction: 'Incoming',
        customerProfile: {
          name: input.customer?.name ?? 'Contoso Pharmaceuticals GmbH',
          address: { city: input.customer?.city ?? 'Basel', country: input.customer?.country ?? 'CH' },
          size: input.customer?.size ?? '1001to5000employees',
          team: [{ firstName: 'Elena', lastName: 'Marchetti', email: 'elena.marchetti@contoso-pharma.example', title: 'Head of Clinical Data Engineering' }],
        },
        consent: { consentToToShareInfoWithOthers: true, consentToContact: true, consentToShareReferralWithMicrosoftSellers: true },
        details: {
          notes:
            input.notes ??
            'Contoso is consolidating three clinical trial warehouses onto Azure and drawing down its MACC; they want an ISV lakehouse with GxP controls. Can you run a design session in January?',
          dealValue: input.dealValue ?? 350_000,
          currency: input.currency ?? 'EUR',
          closingDateTime: input.closingDateTime ?? iso(now + 120 * DAY_MS),
          // Microsoft refers to one of the partner's co-sell-ready solutions.
          requirements: { solutions: [{ id: options.solutionId ?? 'SOL-48213-LKH', name: 'StreamLake Lakehouse for Azure' }] },
        },
        target: [{ type: 'SolutionProfile', id: options.solutionId ?? 'SOL-48213-LKH' }],
        team: [{ firstName: person.firstName, lastName: person.lastName, email, title: person.title }],
        inviteContext: { notes: 'Shared by the Microsoft account team', invitedBy: { organizationId: MICROSOFT_ORGANIZATION_ID, organizationName: 'Microsoft' }, assistanceRequestCode: 'GeneralOrOther' },
        eTag: etag(),
      };
      referrals.set(id, { referral, review: null, expiresAt: now + INCOMING_LIFETIME_MS });
      notify(id, 'referral-created');
      return { id };
    },
    setReviewOutcome(id, outcome, immediately = false) {
      const stored = lookup(id);
      if (!stored.review) throw new Error(`referral ${id} is not an outgoing co-sell ask awaiting Microsoft`);
      stored.review.outcome = outcome;
      if (immediately) {
        stored.review.sharedAt = clock.now() - review.receivedAfterMs - review.decisionAfterMs;
        settle(clock.now());
      }
    },
    modifyReferral(id, change) {
      const stored = lookup(id);
      Object.assign(stored.referral, change, { updatedDateTime: iso(clock.now()), eTag: etag() });
      notify(id, 'referral-updated');
    },
    referral: (id) => {
      const stored = referrals.get(id.toLowerCase());
      return stored ? structuredClone(stored.referral) : null;
    },
    registerWebhook(target) {
      webhookUrl = target;
    },
    deliverWebhook: (id, eventName) => {
      lookup(id);
      return deliver(id, eventName);
    },
    flushWebhooks: () => queue.flush(),
    webhooks: () => [...deliveries],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    referralCount: (direction) => [...referrals.values()].filter((s) => !direction || s.referral.direction === direction).length,
  };

  return {
    url,
    counters,
    control,
    async stop() {
      await queue.flush();
      await server.stop();
    },
  };
}
