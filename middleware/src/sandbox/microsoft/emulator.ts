// A local Partner Center Referrals API (v1.0 engagements/referrals) over node:http: every request
// checked with the microsoft/ wire format, eTags with If-Match (412), OData $filter/$top/$orderby
// with @odata.nextLink paging, the documented error body, 429/503 with Retry-After, Microsoft's
// review of a co-sell ask on an injectable clock, incoming referrals on demand, thin webhooks,
// seeded faults and counters. `npm start` runs on it; the tests prove idempotency with it.
import type { IncomingMessage } from 'node:http';
import type { Finding } from '../../core/model.js';
import {
  ReferralPatchRequest,
  WebhookRegistrationRequest,
  type WebhookEventName,
} from '../../portals/microsoft/schema.js';
import { microsoftWireFormat } from '../../portals/microsoft/wire-format.js';
import {
  bearerOf,
  commonControls,
  startEmulatorServer,
  type JsonReply,
  type ReplyPlan,
} from '../rest-emulator-kit.js';
import {
  answerWith,
  copyOrNull,
  countIn,
  eventEmulatorBasics,
  runningEventEmulator,
  withFault,
  type FaultErrors,
} from '../rest-emulator-calls.js';
import { writeReferral } from './referral-write.js';
import { settleReferrals } from './review.js';
import { BASE_PATH, parseJson, route } from './request-routing.js';

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
import { newOutgoingReferral } from './outgoing-referral.js';
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

const DAY_MS = 86_400_000;
/** Partner Center archives an unanswered incoming referral as Expired after 14 days. */
const INCOMING_LIFETIME_MS = 14 * DAY_MS;
const WRITE_OPERATIONS = new Set(['create', 'update', 'patch', 'registerWebhook']);

const FAULT_ERRORS = (counters: MicrosoftEmulatorCounters): FaultErrors => ({
  throttle: () =>
    new PartnerCenterError(429, 'tooManyRequests', 'Too many requests (injected).', [], {
      'retry-after': '1',
    }),
  '5xx': () =>
    new PartnerCenterError(
      503,
      'serviceNotAvailable',
      'The service is not available (injected).',
      [],
      { 'retry-after': '2' },
    ),
  conflict: () => {
    counters.preconditionFailed += 1;
    return new PartnerCenterError(
      412,
      'preconditionFailed',
      'The referral changed while the request ran (injected).',
    );
  },
});

export async function startMicrosoftEmulator(
  options: MicrosoftEmulatorOptions = {},
): Promise<MicrosoftEmulator> {
  const review: MicrosoftReviewTiming = { ...DEFAULT_MICROSOFT_REVIEW, ...options.review };
  const { clock, faults, counters, outbox, gate } = eventEmulatorBasics<
    WebhookDelivery,
    MicrosoftEmulatorCounters
  >(
    options,
    { reads: options.quotas?.reads ?? 20, writes: options.quotas?.writes ?? 5, periodMs: 1000 },
    WRITE_OPERATIONS,
    {
      createdByExternalReferenceId: {},
      preconditionFailed: 0,
      locked: 0,
      webhooksDelivered: 0,
      webhookFailures: 0,
    },
    { delivered: 'webhooksDelivered', failed: 'webhookFailures' },
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
  const referrals = new Map<string, StoredReferral>(
    structuredClone(options.restored?.referrals ?? []),
  );
  const writeRules = { lockDuringReview, counters };
  let url = '';

  const resourceUri = (id: string) => `${url}/engagements/v1/referrals/${id}`;

  outbox.target = options.webhookUrl ?? null;
  const deliver = (id: string, eventName: WebhookEventName): Promise<WebhookDelivery> => {
    const stored = lookup(id);
    const event: WebhookDelivery['event'] = {
      EventName: eventName,
      ResourceUri: resourceUri(id),
      ResourceName: 'referral',
      AuditUri: null,
      ResourceChangeUtcDate: String(stored.referral.updatedDateTime ?? iso(clock.now())),
    };
    return outbox.send(event, (status, target) => ({ event, url: target, status }));
  };
  const notify = (id: string, eventName: WebhookEventName): void => {
    if (autoWebhooks) void deliver(id, eventName);
  };

  const settle = (now: number): void => settleReferrals(referrals, review, now, notify);

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
    const { referral, stored } = newOutgoingReferral(body as Json, organization, now);
    referrals.set(String(referral.id), stored);
    counters.created += 1;
    const ref =
      typeof referral.externalReferenceId === 'string' ? referral.externalReferenceId : '(none)';
    countIn(counters.createdByExternalReferenceId, ref);
    return ok(201, referral);
  };

  const list = (query: URLSearchParams): JsonReply =>
    listPage(
      [...referrals.values()].map((stored) => stored.referral),
      query,
      { maxPageSize, collectionUrl: `${url}${BASE_PATH}`, withLinks },
    );

  /** Runs a step; a Partner Center error becomes its documented reply. */
  const answer = answerWith(PartnerCenterError, (error) => {
    if (error.status === 400) counters.validationErrors += 1;
  });

  const handle = (request: IncomingMessage, text: string): ReplyPlan => {
    try {
      const { operation, id, query } = route(request);
      gate.count(operation);
      const token = bearerOf(request);
      if (!token || !acceptToken(token))
        throw new PartnerCenterError(
          401,
          'unauthenticated',
          'The request needs a valid bearer token for https://api.partner.microsoft.com.',
        );
      const now = clock.now();
      settle(now);
      gate.charge(
        token,
        operation,
        now,
        (seconds) =>
          new PartnerCenterError(
            429,
            'tooManyRequests',
            'Too many requests for this partner tenant; retry after the given delay.',
            [],
            { 'retry-after': String(seconds) },
          ),
      );
      const fault = gate.fault(operation, FAULT_ERRORS(counters));
      return withFault(
        fault,
        answer(() => perform(operation, id, query, request, text, now)),
      );
    } catch (error) {
      return answer(() => {
        throw error;
      });
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
        return ok(200, writeReferral(stored, body as Json, 'PUT', ifMatch, now, writeRules));
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
        const updated = writeReferral(stored, next, 'PATCH', ifMatch, now, writeRules);
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
        outbox.target = (body as { WebhookUrl: string }).WebhookUrl;
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
    ...commonControls({ clock, settle, faults, listeners: outbox.listeners }),
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
    referral: (id) => copyOrNull(referrals.get(id.toLowerCase())?.referral),
    registerWebhook: (target) => void (outbox.target = target),
    deliverWebhook: deliver,
    flushWebhooks: () => outbox.flush(),
    webhooks: () => outbox.deliveries(),
    referralCount: (direction) =>
      [...referrals.values()].filter((s) => !direction || s.referral.direction === direction)
        .length,
  };

  return runningEventEmulator(server, outbox, counters, control);
}
