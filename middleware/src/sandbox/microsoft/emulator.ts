// A local Partner Center Referrals API (v1.0 engagements/referrals) over node:http: every request
// checked with the microsoft/ wire format, eTags with If-Match (412), OData $filter/$top/$orderby
// with @odata.nextLink paging, the documented error body, 429/503 with Retry-After, Microsoft's
// review of a co-sell ask on an injectable clock, incoming referrals on demand, thin webhooks,
// seeded faults and counters. `npm start` runs on it; the tests prove idempotency with it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Finding } from '../../core/model.js';
import { hasCoSellAsk } from '../../portals/microsoft/co-sell.js';
import { ifMatchOutcome } from '../../portals/microsoft/concurrency.js';
import {
  ReferralPatchRequest,
  SERVER_MAINTAINED_FIELDS,
  WebhookRegistrationRequest,
  type WebhookEventName,
} from '../../portals/microsoft/schema.js';
import { transitionProblem, type ReferralState } from '../../portals/microsoft/status.js';
import { microsoftWireFormat } from '../../portals/microsoft/wire-format.js';
import {
  bearerOf,
  commonControls,
  DeliveryQueue,
  EmulatorClock,
  RestFaultPlan,
  startEmulatorServer,
  TenantBudgets,
  type JsonReply,
  type ReplyPlan,
} from '../rest-emulator-kit.js';

export type { RestFaultRule as MicrosoftFaultRule } from '../rest-emulator-kit.js';
import {
  applyPatch,
  etag,
  finding,
  invalid,
  iso,
  listPage,
  PartnerCenterError,
  referralWithLinks,
} from './emulator-requests.js';
import { inventIncomingReferral } from './incoming-referral.js';
import {
  DEFAULT_MICROSOFT_REVIEW,
  type Json,
  type MicrosoftEmulator,
  type MicrosoftEmulatorControl,
  type MicrosoftEmulatorCounters,
  type MicrosoftEmulatorOptions,
  type MicrosoftReviewTiming,
  type StoredReferral,
  type WebhookDelivery,
} from './emulator-types.js';

export * from './emulator-types.js';
export { parseODataFilter } from './emulator-requests.js';

const BASE_PATH = '/v1.0/engagements/referrals';
const DAY_MS = 86_400_000;
/** Partner Center archives an unanswered incoming referral as Expired after 14 days. */
const INCOMING_LIFETIME_MS = 14 * DAY_MS;
const WRITE_OPERATIONS = new Set(['create', 'update', 'patch', 'registerWebhook']);

export async function startMicrosoftEmulator(
  options: MicrosoftEmulatorOptions = {},
): Promise<MicrosoftEmulator> {
  const clock = new EmulatorClock(options.now);
  const review: MicrosoftReviewTiming = { ...DEFAULT_MICROSOFT_REVIEW, ...options.review };
  const budgets = new TenantBudgets({
    reads: options.quotas?.reads ?? 20,
    writes: options.quotas?.writes ?? 5,
    periodMs: 1000,
  });
  const faults = new RestFaultPlan(options.seed ?? 20261126, (operation) =>
    WRITE_OPERATIONS.has(operation),
  );
  const lockDuringReview = options.lockDuringReview ?? true;
  const maxPageSize = options.maxPageSize ?? 100;
  const organization = options.organization ?? {
    id: '4f7d2c1e-8a3b-4e5f-9c6d-2b1a0e9f8d7c',
    name: 'StreamLake Analytics',
    mpnId: '6543210',
  };
  const acceptToken = options.acceptToken ?? ((token: string) => token.length > 0);
  const autoWebhooks = options.autoWebhooks ?? true;
  let webhookUrl: string | null = options.webhookUrl ?? null;
  const referrals = new Map<string, StoredReferral>(
    structuredClone(options.restored?.referrals ?? []),
  );
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
          const response = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(event),
            signal: AbortSignal.timeout(10_000),
          });
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
          Object.assign(referral, {
            substatus: 'Received',
            updatedDateTime: iso(receivedAt),
            eTag: etag(),
          });
          notify(id, 'referral-updated');
        }
        if (referral.substatus === 'Received' && now >= decidedAt) {
          const outcome =
            stored.review.outcome ??
            (typeof review.outcome === 'function'
              ? review.outcome(structuredClone(referral))
              : review.outcome);
          if (outcome === 'Accepted') {
            Object.assign(referral, {
              status: 'Active',
              substatus: 'Accepted',
              acceptedDateTime: iso(decidedAt),
            });
          } else {
            Object.assign(referral, {
              status: 'Closed',
              substatus: 'Declined',
              statusReason:
                'The Microsoft account team already works this opportunity with another partner; contact the PDM to join the engagement.',
              closedDateTime: iso(decidedAt),
            });
          }
          Object.assign(referral, { updatedDateTime: iso(decidedAt), eTag: etag() });
          stored.review = null;
          notify(id, 'referral-updated');
        }
      }
      if (stored.expiresAt !== null && referral.status === 'New' && now >= stored.expiresAt) {
        Object.assign(referral, {
          status: 'Closed',
          substatus: 'Expired',
          closedDateTime: iso(stored.expiresAt),
          updatedDateTime: iso(stored.expiresAt),
          eTag: etag(),
        });
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

  const withLinks = (referral: Json): Json => referralWithLinks(referral, `${url}${BASE_PATH}`);

  const ok = (status: number, referral: Json): JsonReply => ({
    status,
    headers: { etag: String(referral.eTag) },
    body: withLinks(referral),
  });

  const validationFindings = (operation: string, payload: unknown): Finding[] =>
    microsoftWireFormat.validate(operation, payload).filter((f) => f.severity === 'error');

  const create = (body: unknown, now: number): JsonReply => {
    const findings = validationFindings('create', body);
    if (findings.length > 0) throw invalid(findings);
    const input = Object.fromEntries(
      Object.entries(body as Json).filter(
        ([key]) => !SERVER_MAINTAINED_FIELDS.includes(key as never),
      ),
    );
    const id = randomUUID();
    // A co-sell ask (or a deal shared with Microsoft sellers) waits for Microsoft; a private deal starts accepted.
    const shared =
      hasCoSellAsk(input) ||
      (input.consent as Json | undefined)?.consentToShareReferralWithMicrosoftSellers === true;
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
    referrals.set(id, {
      referral,
      review: shared ? { sharedAt: now, outcome: null } : null,
      expiresAt: null,
    });
    counters.created += 1;
    const ref =
      typeof input.externalReferenceId === 'string' ? input.externalReferenceId : '(none)';
    counters.createdByExternalReferenceId[ref] =
      (counters.createdByExternalReferenceId[ref] ?? 0) + 1;
    return ok(201, referral);
  };

  /** The write rules every edit passes: If-Match, the one-way status machine, the review lock. */
  const write = (
    stored: StoredReferral,
    next: Json,
    method: 'PUT' | 'PATCH',
    ifMatch: string | undefined,
    now: number,
  ): Json => {
    const current = stored.referral;
    const outcome = ifMatchOutcome(method, ifMatch, String(current.eTag));
    if (outcome === 'missing-if-match')
      throw invalid([
        finding(
          'IF_MATCH_REQUIRED',
          '$',
          'a full update (PUT) needs the If-Match header with the eTag read last',
        ),
      ]);
    if (outcome === 'precondition-failed') {
      counters.preconditionFailed += 1;
      throw new PartnerCenterError(
        412,
        'preconditionFailed',
        `The referral changed since it was read (eTag ${String(current.eTag)}, If-Match ${String(ifMatch)}). Read it again and re-apply the change.`,
      );
    }
    const from: ReferralState = {
      status: current.status as ReferralState['status'],
      substatus: current.substatus as ReferralState['substatus'],
      statusReason: current.statusReason as string | null,
    };
    const to: ReferralState = {
      status: next.status as ReferralState['status'],
      substatus: next.substatus as ReferralState['substatus'],
      statusReason: (next.statusReason as string | null | undefined) ?? null,
    };
    const moves = from.status !== to.status || from.substatus !== to.substatus;
    if (current.status === 'Closed') {
      throw invalid([
        finding(
          'REFERRAL_CLOSED',
          '$.status',
          `the referral is Closed/${String(current.substatus)}: won, lost, declined and expired referrals cannot change`,
        ),
      ]);
    }
    if (moves) {
      const problem = transitionProblem(from, to);
      if (problem)
        throw invalid([
          finding(
            'ILLEGAL_TRANSITION',
            '$.status',
            `cannot move from ${from.status}/${from.substatus} to ${to.status}/${to.substatus}: ${problem}`,
          ),
        ]);
      if (current.direction === 'Outgoing' && stored.review && to.status !== 'Closed') {
        throw invalid([
          finding(
            'MICROSOFT_DECIDES',
            '$.status',
            'Microsoft accepts or declines a co-sell ask; the partner can only close it',
          ),
        ]);
      }
    } else if (lockDuringReview && stored.review && current.status === 'New') {
      counters.locked += 1;
      throw new PartnerCenterError(
        423,
        'resourceLocked',
        `Microsoft is reviewing this co-sell referral (${String(current.substatus)}); edits are accepted once it is decided.`,
        [
          finding(
            'LOCKED_IN_REVIEW',
            '$',
            'Microsoft is reviewing this co-sell referral; the change is applied once it is decided',
          ),
        ],
      );
    }
    const kept = Object.fromEntries(
      SERVER_MAINTAINED_FIELDS.filter((key) => key in current).map((key) => [key, current[key]]),
    );
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

  const list = (query: URLSearchParams): JsonReply =>
    listPage(
      [...referrals.values()].map((stored) => stored.referral),
      query,
      { maxPageSize, collectionUrl: `${url}${BASE_PATH}`, withLinks },
    );

  const parseJson = (text: string): unknown => {
    try {
      return text.length === 0 ? undefined : (JSON.parse(text) as unknown);
    } catch {
      throw invalid([finding('BODY_NOT_JSON', '$', 'the request body is not JSON')]);
    }
  };

  const route = (
    request: IncomingMessage,
  ): { operation: string; id: string | null; query: URLSearchParams } => {
    const target = new URL(request.url ?? '/', 'http://emulator');
    const method = request.method ?? 'GET';
    if (target.pathname === '/webhooks/v1/registration' && method === 'POST')
      return { operation: 'registerWebhook', id: null, query: target.searchParams };
    if (target.pathname === BASE_PATH) {
      if (method === 'POST') return { operation: 'create', id: null, query: target.searchParams };
      if (method === 'GET') return { operation: 'list', id: null, query: target.searchParams };
    }
    const match = new RegExp(`^${BASE_PATH}/([^/]+)$`).exec(target.pathname);
    if (match) {
      const id = decodeURIComponent(match[1]!);
      const operation =
        method === 'GET'
          ? 'get'
          : method === 'PUT'
            ? 'update'
            : method === 'PATCH'
              ? 'patch'
              : null;
      if (operation) return { operation, id, query: target.searchParams };
      throw new PartnerCenterError(405, 'invalidRequest', `${method} is not allowed on a referral`);
    }
    throw new PartnerCenterError(
      404,
      'itemNotFound',
      `No resource at ${method} ${target.pathname}`,
    );
  };

  const handle = (request: IncomingMessage, text: string): ReplyPlan => {
    try {
      const { operation, id, query } = route(request);
      counters.callsByOperation[operation] = (counters.callsByOperation[operation] ?? 0) + 1;
      const token = bearerOf(request);
      if (!token || !acceptToken(token))
        throw new PartnerCenterError(
          401,
          'unauthenticated',
          'The request needs a valid bearer token for https://api.partner.microsoft.com.',
        );
      const now = clock.now();
      settle(now);
      const waitMs = budgets.admit(token, WRITE_OPERATIONS.has(operation), now);
      if (waitMs > 0) {
        counters.throttled += 1;
        throw new PartnerCenterError(
          429,
          'tooManyRequests',
          'Too many requests for this partner tenant; retry after the given delay.',
          [],
          { 'retry-after': String(Math.ceil(waitMs / 1000)) },
        );
      }
      const fault = faults.draw(operation);
      if (fault)
        counters.faultsInjected[fault.kind] = (counters.faultsInjected[fault.kind] ?? 0) + 1;
      if (fault?.kind === 'throttle')
        throw new PartnerCenterError(429, 'tooManyRequests', 'Too many requests (injected).', [], {
          'retry-after': '1',
        });
      if (fault?.kind === '5xx')
        throw new PartnerCenterError(
          503,
          'serviceNotAvailable',
          'The service is not available (injected).',
          [],
          { 'retry-after': '2' },
        );
      if (fault?.kind === 'conflict') {
        counters.preconditionFailed += 1;
        throw new PartnerCenterError(
          412,
          'preconditionFailed',
          'The referral changed while the request ran (injected).',
        );
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

  const perform = (
    operation: string,
    id: string | null,
    query: URLSearchParams,
    request: IncomingMessage,
    text: string,
    now: number,
  ): JsonReply => {
    const ifMatch =
      request.headers['if-match'] === undefined ? undefined : String(request.headers['if-match']);
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
        if (String((body as Json).id).toLowerCase() !== id!.toLowerCase())
          throw invalid([
            finding(
              'ID_MISMATCH',
              '$.id',
              `the body is referral ${String((body as Json).id)}, the URL names ${id}`,
            ),
          ]);
        return ok(200, write(stored, body as Json, 'PUT', ifMatch, now));
      }
      case 'patch': {
        const stored = lookup(id!);
        const body = parseJson(text);
        const parsed = ReferralPatchRequest.safeParse(body);
        const findings = validationFindings('patch', body);
        if (!parsed.success || findings.length > 0)
          throw invalid(
            findings.length > 0
              ? findings
              : [finding('PATCH_INVALID', '$', 'the body is not a JSON Patch document')],
          );
        const next = applyPatch(
          stored.referral,
          parsed.data as Array<{ op: 'add' | 'replace'; path: string; value?: unknown }>,
        );
        const nextFindings = validationFindings(
          'update',
          Object.fromEntries(Object.entries(next).filter(([key]) => key !== 'links')),
        );
        if (nextFindings.length > 0) throw invalid(nextFindings);
        const updated = write(stored, next, 'PATCH', ifMatch, now);
        if (updated.direction === 'Incoming') notify(String(updated.id), 'referral-updated');
        const representation = /return=representation/i.test(String(request.headers.prefer ?? ''));
        return representation
          ? ok(200, updated)
          : { status: 204, headers: { etag: String(updated.eTag) } };
      }
      case 'registerWebhook': {
        const body = parseJson(text);
        const findings = microsoftWireFormat
          .validate('webhook-registration', body)
          .filter((f) => f.severity === 'error');
        if (findings.length > 0 || !WebhookRegistrationRequest.safeParse(body).success)
          throw invalid(findings);
        webhookUrl = (body as { WebhookUrl: string }).WebhookUrl;
        return { status: 200, body };
      }
      default:
        throw new PartnerCenterError(404, 'itemNotFound', `unknown operation ${operation}`);
    }
  };

  const server = await startEmulatorServer(
    options.port ?? 0,
    handle,
    (request) => request.method !== 'GET',
    options.onWrite,
  );
  url = server.url;

  const control: MicrosoftEmulatorControl = {
    ...commonControls({ clock, settle, faults, listeners }),
    snapshot: () => structuredClone({ referrals: [...referrals] }),
    createIncomingReferral(input = {}) {
      const now = clock.now();
      const referral = inventIncomingReferral(input, now, {
        organization,
        solutionId: options.solutionId ?? 'SOL-48213-LKH',
        expiresAt: now + INCOMING_LIFETIME_MS,
      });
      const id = String(referral.id);
      referrals.set(id, { referral, review: null, expiresAt: now + INCOMING_LIFETIME_MS });
      notify(id, 'referral-created');
      return { id };
    },
    setReviewOutcome(id, outcome, immediately = false) {
      const stored = lookup(id);
      if (!stored.review)
        throw new Error(`referral ${id} is not an outgoing co-sell ask awaiting Microsoft`);
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
    referralCount: (direction) =>
      [...referrals.values()].filter((s) => !direction || s.referral.direction === direction)
        .length,
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
