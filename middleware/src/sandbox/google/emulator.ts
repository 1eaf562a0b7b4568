// A local Cloud Channel API v1alpha1 `opportunities` (ALPHA, modelled as the google/ module documents
// it) over node:http: create, get, patch with updateMask, query with pageToken, every request checked
// with the google/ wire format, google.rpc errors, 429 RESOURCE_EXHAUSTED with Retry-After, Google's
// review (SUBMITTED → ACCEPTED or not) on an injectable clock, Google-created opportunities on demand,
// Pub/Sub push-shaped notifications, an OAuth token endpoint for service-account keys, seeded faults
// and counters. `npm start` runs on it; the tests prove idempotency with it.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { OUTPUT_ONLY_FIELDS } from '../../portals/google/schema.js';
import { CLOUD_CHANNEL_SCOPE, GOOGLE_TOKEN_URL } from '../../portals/google/auth-constants.js';
import {
  answerWith,
  copyOrNull,
  eventEmulatorBasics,
  runningEventEmulator,
  withFault,
  type FaultErrors,
} from '../rest-emulator-calls.js';
import {
  bearerOf,
  commonControls,
  startEmulatorServer,
  type JsonReply,
  type ReplyPlan,
  type RestFaultRule,
} from '../rest-emulator-kit.js';
import { GoogleRpcError, invalid, iso, readPath, wireErrors } from './emulator-requests.js';
import {
  DEFAULT_GOOGLE_REVIEW,
  type GoogleEmulator,
  type GoogleEmulatorControl,
  type GoogleEmulatorCounters,
  type GoogleEmulatorOptions,
  type GoogleReviewTiming,
  type Json,
  type PushDelivery,
  type StoredOpportunity,
} from './emulator-types.js';
import { inventGoogleOpportunity } from './google-opportunity.js';
import { patchOpportunity } from './opportunity-patch.js';
import { queryOpportunities } from './opportunity-query.js';
import { parseJson, route } from './request-routing.js';
import { settleOpportunities } from './review.js';
import { issueToken, type TokenEndpoint } from './token-endpoint.js';

export { CLOUD_CHANNEL_SCOPE, GOOGLE_TOKEN_URL };
export type { RestFaultRule as GoogleFaultRule } from '../rest-emulator-kit.js';
export * from './emulator-types.js';
export { parseOpportunityFilter } from './emulator-requests.js';

const WRITE_OPERATIONS = new Set(['create', 'patch']);

const FAULT_ERRORS: FaultErrors = {
  throttle: () =>
    new GoogleRpcError('RESOURCE_EXHAUSTED', 'Quota exceeded (injected).', {
      reason: 'RATE_LIMIT_EXCEEDED',
      headers: { 'retry-after': '1' },
    }),
  '5xx': () =>
    new GoogleRpcError('UNAVAILABLE', 'The service is currently unavailable (injected).', {
      headers: { 'retry-after': '2' },
    }),
  conflict: () =>
    new GoogleRpcError('ABORTED', 'The opportunity was changed concurrently (injected).', {
      reason: 'CONCURRENT_MODIFICATION',
    }),
};

export async function startGoogleEmulator(
  options: GoogleEmulatorOptions = {},
): Promise<GoogleEmulator> {
  const review: GoogleReviewTiming = { ...DEFAULT_GOOGLE_REVIEW, ...options.review };
  const { clock, faults, counters, outbox, gate } = eventEmulatorBasics<
    PushDelivery,
    GoogleEmulatorCounters
  >(
    options,
    {
      reads: options.quotas?.readsPerMinute ?? 600,
      writes: options.quotas?.writesPerMinute ?? 60,
      periodMs: 60_000,
    },
    WRITE_OPERATIONS,
    {
      createdByReferenceOpportunityId: {},
      locked: 0,
      tokensIssued: 0,
      pushesDelivered: 0,
      pushFailures: 0,
    },
    { delivered: 'pushesDelivered', failed: 'pushFailures' },
  );
  const partner = `partners/${options.partnerId ?? 'C04x9kq2mn'}`;
  const accounts = options.serviceAccounts ?? {};
  const subscription =
    options.subscription ?? 'projects/streamlake-cosell/subscriptions/channel-opportunities-push';
  const maxPageSize = options.maxPageSize ?? 100;
  const autoPush = options.autoPush ?? true;
  const issued = new Map<string, { email: string; expiresAt: number }>();
  const opportunities = new Map<string, StoredOpportunity>(
    structuredClone(options.restored?.opportunities ?? []),
  );
  let url = '';
  let sequence = options.restored?.sequence ?? 0;
  let messageSequence = 0;

  const newName = () =>
    `opportunities/${(++sequence).toString(36).padStart(4, '0')}${randomBytes(5).toString('hex')}`;

  outbox.target = options.pushEndpoint ?? null;
  const deliverPush = (
    name: string,
    eventType: PushDelivery['event']['opportunityEvent']['eventType'],
  ): Promise<PushDelivery> => {
    lookup(name);
    const event: PushDelivery['event'] = {
      opportunityEvent: { eventType, opportunity: name, partner },
    };
    const body: PushDelivery['body'] = {
      message: {
        data: Buffer.from(JSON.stringify(event)).toString('base64'),
        messageId: String(10_000_000 + ++messageSequence),
        publishTime: iso(clock.now()),
        attributes: { eventType },
      },
      subscription,
    };
    return outbox.send(body, (status, target) => ({ body, event, url: target, status }));
  };
  const notify = (name: string, eventType: 'CREATED' | 'UPDATED'): void => {
    if (autoPush) void deliverPush(name, eventType);
  };

  const settle = (now: number): void => settleOpportunities(opportunities, review, now, notify);

  const lookup = (name: string): StoredOpportunity => {
    const stored = opportunities.get(name);
    if (!stored)
      throw new GoogleRpcError('NOT_FOUND', `Opportunity ${name} not found.`, {
        reason: 'OPPORTUNITY_NOT_FOUND',
      });
    return stored;
  };

  const create = (body: unknown, caller: string, now: number): JsonReply => {
    const findings = wireErrors('create', body);
    if (findings.length > 0) throw invalid(findings);
    const input = Object.fromEntries(
      Object.entries(body as Json).filter(([key]) => !OUTPUT_ONLY_FIELDS.includes(key as never)),
    );
    const name = newName();
    const state = input.state ?? 'DRAFT';
    const opportunity: Json = {
      ...input,
      name,
      state,
      source: 'PARTNER',
      creatorEmail: caller.includes('@')
        ? caller
        : 'cosell-integrator@streamlake-cosell.iam.gserviceaccount.com',
      customerDisplayName: readPath(input, ['customerInfo', 'customerDetails', 'organizationName']),
      createTime: iso(now),
      updateTime: iso(now),
    };
    opportunities.set(name, {
      opportunity,
      review: state === 'SUBMITTED' ? { submittedAt: now, outcome: null } : null,
    });
    counters.created += 1;
    const reference =
      typeof input.referenceOpportunityId === 'string' ? input.referenceOpportunityId : '(none)';
    counters.createdByReferenceOpportunityId[reference] =
      (counters.createdByReferenceOpportunityId[reference] ?? 0) + 1;
    return { status: 200, body: opportunity };
  };

  const answer = answerWith(GoogleRpcError, (error) => {
    if (error.rpcStatus === 'INVALID_ARGUMENT') counters.validationErrors += 1;
  });
  const tokens: TokenEndpoint = { accounts, audiences: [], issued, counters };

  const handle = (request: IncomingMessage, text: string): ReplyPlan => {
    let fault: RestFaultRule | null = null;
    const reply = answer(() => {
      const { operation, name, params } = route(request);
      gate.count(operation);
      const now = clock.now();
      if (operation === 'token') return issueToken(text, now, tokens);
      const bearer = bearerOf(request);
      const holder = bearer ? issued.get(bearer) : undefined;
      if (!bearer || (options.requireIssuedTokens && !(holder && holder.expiresAt > now))) {
        throw new GoogleRpcError(
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token.',
          { reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED' },
        );
      }
      settle(now);
      gate.charge(
        holder?.email ?? bearer,
        operation,
        now,
        (seconds) =>
          new GoogleRpcError(
            'RESOURCE_EXHAUSTED',
            `Quota exceeded for ${WRITE_OPERATIONS.has(operation) ? 'write' : 'read'} requests per minute.`,
            { reason: 'RATE_LIMIT_EXCEEDED', headers: { 'retry-after': String(seconds) } },
          ),
      );
      fault = gate.fault(operation, FAULT_ERRORS);
      switch (operation) {
        case 'create':
          return create(parseJson(text), holder?.email ?? '', now);
        case 'get':
          return { status: 200, body: lookup(name!).opportunity };
        case 'patch':
          return patchOpportunity(lookup(name!), name!, params, parseJson(text), now, counters);
        default:
          return queryOpportunities(
            [...opportunities.values()].map((stored) => stored.opportunity),
            params,
            maxPageSize,
          );
      }
    });
    return withFault(fault as RestFaultRule | null, reply);
  };

  // The token endpoint changes nothing worth keeping (tokens are issued afresh after a restart).
  const changesState = (request: IncomingMessage) =>
    request.method !== 'GET' && !request.url?.startsWith('/token');
  const server = await startEmulatorServer(
    options.port ?? 0,
    handle,
    changesState,
    options.onWrite,
  );
  url = server.url;
  tokens.audiences = [GOOGLE_TOKEN_URL, `${url}/token`];

  const control: GoogleEmulatorControl = {
    ...commonControls({ clock, settle, faults, listeners: outbox.listeners }),
    snapshot: () => structuredClone({ opportunities: [...opportunities], sequence }),
    createGoogleOpportunity(input = {}) {
      const now = clock.now();
      const name = newName();
      const opportunity = inventGoogleOpportunity(input, name, now);
      opportunities.set(name, { opportunity, review: null });
      notify(name, 'CREATED');
      return { name };
    },
    setReviewOutcome(name, outcome, immediately = false) {
      const stored = lookup(name);
      if (!stored.review) throw new Error(`${name} is not awaiting Google's review`);
      stored.review.outcome = outcome;
      if (immediately) {
        stored.review.submittedAt = clock.now() - review.decisionAfterMs;
        settle(clock.now());
      }
    },
    opportunity: (name) => copyOrNull(opportunities.get(name)?.opportunity),
    setPushEndpoint: (target) => void (outbox.target = target),
    deliverPush,
    flushPushes: () => outbox.flush(),
    pushes: () => outbox.deliveries(),
    opportunityCount: (source) =>
      [...opportunities.values()].filter((s) => !source || s.opportunity.source === source).length,
  };

  return { ...runningEventEmulator(server, outbox, counters, control), tokenUri: `${url}/token` };
}
