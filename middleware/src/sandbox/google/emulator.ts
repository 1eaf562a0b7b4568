// A local Cloud Channel API v1alpha1 `opportunities` (ALPHA, modelled as the google/ module documents
// it) over node:http: create, get, patch with updateMask, query with pageToken, every request checked
// with the google/ wire format, google.rpc errors, 429 RESOURCE_EXHAUSTED with Retry-After, Google's
// review (SUBMITTED → ACCEPTED or not) on an injectable clock, Google-created opportunities on demand,
// Pub/Sub push-shaped notifications, an OAuth token endpoint for service-account keys, seeded faults
// and counters. `npm start` runs on it; the tests prove idempotency with it.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Finding } from '../../core/model.js';
import { OUTPUT_ONLY_FIELDS } from '../../portals/google/schema.js';
import {
  ACCEPTED_STATES,
  stageChangeProblem,
  stateChangeProblem,
} from '../../portals/google/status.js';
import { googleWireFormat } from '../../portals/google/wire-format.js';
import { CLOUD_CHANNEL_SCOPE, GOOGLE_TOKEN_URL } from '../../portals/google/auth-constants.js';

export { CLOUD_CHANNEL_SCOPE, GOOGLE_TOKEN_URL };
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
  type RestFaultRule,
} from '../rest-emulator-kit.js';

export type { RestFaultRule as GoogleFaultRule } from '../rest-emulator-kit.js';
import { inventGoogleOpportunity } from './google-opportunity.js';
import {
  applyMaskPath,
  base64url,
  checkAssertion,
  GoogleRpcError,
  invalid,
  iso,
  parseOpportunityFilter,
  readPath,
} from './emulator-requests.js';
import {
  type GoogleReviewTiming,
  DEFAULT_GOOGLE_REVIEW,
  type GoogleEmulatorOptions,
  type PushDelivery,
  type GoogleEmulatorCounters,
  type GoogleEmulatorControl,
  type GoogleEmulator,
  type StoredOpportunity,
  type Json,
} from './emulator-types.js';

export * from './emulator-types.js';
export { parseOpportunityFilter } from './emulator-requests.js';

const API = '/v1alpha1/opportunities';
const WRITE_OPERATIONS = new Set(['create', 'patch']);
/** Findings that say a submission is not ready for Google's review. */
const SUBMISSION_CODE = /_SUBMIT_NEEDS_/;
/** Google's review outcome; the not-accepted wire value is unpublished (GOOGLE_ENUMS_TO_COMPLETE). */

export async function startGoogleEmulator(
  options: GoogleEmulatorOptions = {},
): Promise<GoogleEmulator> {
  const clock = new EmulatorClock(options.now);
  const review: GoogleReviewTiming = { ...DEFAULT_GOOGLE_REVIEW, ...options.review };
  const budgets = new TenantBudgets({
    reads: options.quotas?.readsPerMinute ?? 600,
    writes: options.quotas?.writesPerMinute ?? 60,
    periodMs: 60_000,
  });
  const faults = new RestFaultPlan(options.seed ?? 20261126, (operation) =>
    WRITE_OPERATIONS.has(operation),
  );
  const partner = `partners/${options.partnerId ?? 'C04x9kq2mn'}`;
  const accounts = options.serviceAccounts ?? {};
  const subscription =
    options.subscription ?? 'projects/streamlake-cosell/subscriptions/channel-opportunities-push';
  const maxPageSize = options.maxPageSize ?? 100;
  const autoPush = options.autoPush ?? true;
  let pushEndpoint: string | null = options.pushEndpoint ?? null;
  const issued = new Map<string, { email: string; expiresAt: number }>();
  const opportunities = new Map<string, StoredOpportunity>(
    structuredClone(options.restored?.opportunities ?? []),
  );
  const pushes: PushDelivery[] = [];
  const listeners = new Set<(delivery: PushDelivery) => void>();
  const queue = new DeliveryQueue();
  const counters: GoogleEmulatorCounters = {
    created: 0,
    createdByReferenceOpportunityId: {},
    callsByOperation: {},
    faultsInjected: {},
    throttled: 0,
    validationErrors: 0,
    locked: 0,
    tokensIssued: 0,
    pushesDelivered: 0,
    pushFailures: 0,
  };
  let url = '';
  let sequence = options.restored?.sequence ?? 0;
  let messageSequence = 0;

  const newName = () =>
    `opportunities/${(++sequence).toString(36).padStart(4, '0')}${randomBytes(5).toString('hex')}`;

  const deliverPush = (
    name: string,
    eventType: PushDelivery['event']['opportunityEvent']['eventType'],
  ): Promise<PushDelivery> => {
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
    const target = pushEndpoint;
    const run = async (): Promise<PushDelivery> => {
      let status: number | null = null;
      if (target) {
        try {
          const response = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = null;
        }
        if (status !== null && status < 300) counters.pushesDelivered += 1;
        else counters.pushFailures += 1;
      }
      const delivery: PushDelivery = { body, event, url: target, status };
      pushes.push(delivery);
      for (const listener of listeners) listener(delivery);
      return delivery;
    };
    return queue.track(run());
  };
  const notify = (name: string, eventType: 'CREATED' | 'UPDATED'): void => {
    if (autoPush) void deliverPush(name, eventType);
  };

  /** Google's review: SUBMITTED opportunities are decided once their time comes. */
  const settle = (now: number): void => {
    for (const [name, stored] of opportunities) {
      if (!stored.review || stored.opportunity.state !== 'SUBMITTED') continue;
      const decidedAt = stored.review.submittedAt + review.decisionAfterMs;
      if (now < decidedAt) continue;
      const outcome =
        stored.review.outcome ??
        (typeof review.outcome === 'function'
          ? review.outcome(structuredClone(stored.opportunity))
          : review.outcome);
      const opportunity = stored.opportunity;
      if (outcome === 'ACCEPTED') {
        Object.assign(opportunity, {
          state: 'ACCEPTED',
          stage: 'STAGE_0',
          owner: 'Kenji Watanabe',
          ownerEmail: 'kenji.watanabe@google.com',
        });
        opportunity.partnerInfo = {
          ...(opportunity.partnerInfo as Json | undefined),
          approveTime: iso(decidedAt),
        };
      } else {
        Object.assign(opportunity, {
          state: 'NOT_ACCEPTED',
          stateDescription:
            'Google already tracks this customer project with another partner; ask your Partner Development Manager to join the existing opportunity.',
        });
      }
      opportunity.updateTime = iso(decidedAt);
      stored.review = null;
      notify(name, 'UPDATED');
    }
  };

  const lookup = (name: string): StoredOpportunity => {
    const stored = opportunities.get(name);
    if (!stored)
      throw new GoogleRpcError('NOT_FOUND', `Opportunity ${name} not found.`, {
        reason: 'OPPORTUNITY_NOT_FOUND',
      });
    return stored;
  };

  const errorsOf = (operation: string, payload: unknown): Finding[] =>
    googleWireFormat.validate(operation, payload).filter((f) => f.severity === 'error');

  const create = (body: unknown, caller: string, now: number): JsonReply => {
    const findings = errorsOf('create', body);
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

  const patch = (name: string, query: URLSearchParams, body: unknown, now: number): JsonReply => {
    const stored = lookup(name);
    const updateMask = query.get('updateMask');
    if (!updateMask)
      throw invalid([
        {
          code: 'GOOGLE_MASK_REQUIRED',
          severity: 'error',
          cloud: 'Google',
          path: '$.updateMask',
          message: 'updateMask is required: name the fields the patch sets',
        },
      ]);
    const envelope = { updateMask, opportunity: { ...(body as Json), name } };
    if ((body as Json | null)?.name !== undefined && (body as Json).name !== name) {
      throw invalid([
        {
          code: 'GOOGLE_NAME_MISMATCH',
          severity: 'error',
          cloud: 'Google',
          path: '$.opportunity.name',
          message: `the body names ${String((body as Json).name)} but the URL names ${name}`,
        },
      ]);
    }
    // Submission readiness is judged on the record as it will be, not on the patch body alone.
    const findings = errorsOf('patch', envelope).filter((f) => !SUBMISSION_CODE.test(f.code));
    if (findings.length > 0) throw invalid(findings);
    const current = stored.opportunity;
    const state = String(current.state);
    if (state === 'SUBMITTED') {
      counters.locked += 1;
      throw new GoogleRpcError(
        'FAILED_PRECONDITION',
        `Opportunity ${name} is under Google's review; it can be changed once Google has decided.`,
        { reason: 'OPPORTUNITY_UNDER_REVIEW' },
      );
    }
    if (!['DRAFT', ...ACCEPTED_STATES].includes(state)) {
      throw new GoogleRpcError(
        'FAILED_PRECONDITION',
        `Opportunity ${name} is ${state}: Google decided on it and it no longer changes.`,
        { reason: 'OPPORTUNITY_CLOSED_FOR_EDITS' },
      );
    }
    const paths = updateMask.split(',').map((path) => path.trim().split('.'));
    const next = structuredClone(current);
    for (const path of paths) {
      if (path[0] === 'state') {
        const problem = stateChangeProblem(state, String((body as Json).state));
        if (problem)
          throw invalid([
            {
              code: 'GOOGLE_STATE_CHANGE',
              severity: 'error',
              cloud: 'Google',
              path: '$.opportunity.state',
              message: problem,
            },
          ]);
      }
      if (path[0] === 'stage') {
        const problem = stageChangeProblem(
          { state, stage: (current.stage as string | undefined) ?? null },
          String((body as Json).stage),
        );
        if (problem)
          throw new GoogleRpcError('FAILED_PRECONDITION', problem, {
            reason: 'STAGE_NOT_CHANGEABLE',
          });
      }
      applyMaskPath(next, body as Json, path);
    }
    if (state === 'DRAFT' && next.state === 'SUBMITTED') {
      const content = Object.fromEntries(
        Object.entries(next).filter(([key]) => !OUTPUT_ONLY_FIELDS.includes(key as never)),
      );
      const unready = errorsOf('create', content).filter((f) => SUBMISSION_CODE.test(f.code));
      if (unready.length > 0) throw invalid(unready);
    }
    next.updateTime = iso(now);
    stored.opportunity = next;
    if (state === 'DRAFT' && next.state === 'SUBMITTED')
      stored.review = { submittedAt: now, outcome: null };
    return { status: 200, body: next };
  };

  const query = (params: URLSearchParams): JsonReply => {
    const pageSizeText = params.get('pageSize');
    const pageSize = pageSizeText === null ? 50 : Number(pageSizeText);
    if (!Number.isInteger(pageSize) || pageSize < 1)
      throw invalid([
        {
          code: 'GOOGLE_PAGE_SIZE',
          severity: 'error',
          cloud: 'Google',
          path: '$.pageSize',
          message: `pageSize must be a positive whole number (got ${pageSizeText})`,
        },
      ]);
    const filter = params.get('filter') ?? '';
    const orderBy = params.get('orderBy') ?? 'createTime';
    const [orderField = 'createTime', direction = 'asc'] = orderBy.trim().split(/\s+/);
    if (
      !['createTime', 'updateTime'].includes(orderField) ||
      !['asc', 'desc'].includes(direction)
    ) {
      throw invalid([
        {
          code: 'GOOGLE_ORDER_BY',
          severity: 'error',
          cloud: 'Google',
          path: '$.orderBy',
          message: `orderBy supports createTime or updateTime, asc or desc (got "${orderBy}")`,
        },
      ]);
    }
    const token = params.get('pageToken');
    let offset = 0;
    if (token) {
      const decoded = base64url(token);
      if (
        !decoded ||
        decoded.filter !== filter ||
        decoded.orderBy !== orderBy ||
        !Number.isInteger(decoded.offset)
      ) {
        throw invalid([
          {
            code: 'GOOGLE_PAGE_TOKEN',
            severity: 'error',
            cloud: 'Google',
            path: '$.pageToken',
            message:
              'the page token does not belong to this query (filter and orderBy must stay the same)',
          },
        ]);
      }
      offset = Number(decoded.offset);
    }
    const predicate = parseOpportunityFilter(filter);
    const sign = direction === 'desc' ? -1 : 1;
    const matches = [...opportunities.values()]
      .map((s) => s.opportunity)
      .filter(predicate)
      .sort(
        (a, b) =>
          sign *
          (Date.parse(String(a[orderField])) - Date.parse(String(b[orderField])) ||
            String(a.name).localeCompare(String(b.name))),
      );
    const size = Math.min(pageSize, maxPageSize);
    const page = matches.slice(offset, offset + size);
    const body: Json = { opportunities: page };
    if (offset + size < matches.length)
      body.nextPageToken = Buffer.from(
        JSON.stringify({ filter, orderBy, offset: offset + size }),
      ).toString('base64url');
    return { status: 200, body };
  };

  const token = (text: string, now: number): JsonReply => {
    const form = new URLSearchParams(text);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: 'only the JWT bearer grant is supported',
        },
      };
    }
    const verdict = checkAssertion(
      form.get('assertion') ?? '',
      accounts,
      [GOOGLE_TOKEN_URL, `${url}/token`],
      now,
    );
    if ('problem' in verdict)
      return { status: 400, body: { error: 'invalid_grant', error_description: verdict.problem } };
    const accessToken = `ya29.emulator-${randomBytes(18).toString('base64url')}`;
    issued.set(accessToken, { email: verdict.email, expiresAt: now + 3_600_000 });
    counters.tokensIssued += 1;
    return {
      status: 200,
      body: { access_token: accessToken, expires_in: 3600, token_type: 'Bearer' },
    };
  };

  const route = (
    request: IncomingMessage,
  ): { operation: string; name: string | null; params: URLSearchParams } => {
    const target = new URL(request.url ?? '/', 'http://emulator');
    const method = request.method ?? 'GET';
    if (target.pathname === '/token' && method === 'POST')
      return { operation: 'token', name: null, params: target.searchParams };
    if (target.pathname === API && method === 'POST')
      return { operation: 'create', name: null, params: target.searchParams };
    if (target.pathname === `${API}:query` && method === 'GET')
      return { operation: 'query', name: null, params: target.searchParams };
    const match = /^\/v1alpha1\/(opportunities\/[^/:]+)$/.exec(target.pathname);
    if (match && (method === 'GET' || method === 'PATCH'))
      return {
        operation: method === 'GET' ? 'get' : 'patch',
        name: decodeURIComponent(match[1]!),
        params: target.searchParams,
      };
    throw new GoogleRpcError('NOT_FOUND', `No method for ${method} ${target.pathname}.`);
  };

  const answer = (step: () => JsonReply): JsonReply => {
    try {
      return step();
    } catch (error) {
      if (error instanceof GoogleRpcError) {
        if (error.rpcStatus === 'INVALID_ARGUMENT') counters.validationErrors += 1;
        return error.reply();
      }
      throw error;
    }
  };

  const parseJson = (text: string): unknown => {
    try {
      return text ? (JSON.parse(text) as unknown) : {};
    } catch {
      throw invalid([
        {
          code: 'GOOGLE_BODY_NOT_JSON',
          severity: 'error',
          cloud: 'Google',
          path: '$',
          message: 'the request body is not JSON',
        },
      ]);
    }
  };

  const handle = (request: IncomingMessage, text: string): ReplyPlan => {
    let fault: RestFaultRule | null = null;
    const reply = answer(() => {
      const { operation, name, params } = route(request);
      counters.callsByOperation[operation] = (counters.callsByOperation[operation] ?? 0) + 1;
      const now = clock.now();
      if (operation === 'token') return token(text, now);
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
      const waitMs = budgets.admit(holder?.email ?? bearer, WRITE_OPERATIONS.has(operation), now);
      if (waitMs > 0) {
        counters.throttled += 1;
        throw new GoogleRpcError(
          'RESOURCE_EXHAUSTED',
          `Quota exceeded for ${WRITE_OPERATIONS.has(operation) ? 'write' : 'read'} requests per minute.`,
          {
            reason: 'RATE_LIMIT_EXCEEDED',
            headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) },
          },
        );
      }
      fault = faults.draw(operation);
      if (fault)
        counters.faultsInjected[fault.kind] = (counters.faultsInjected[fault.kind] ?? 0) + 1;
      if (fault?.kind === 'throttle')
        throw new GoogleRpcError('RESOURCE_EXHAUSTED', 'Quota exceeded (injected).', {
          reason: 'RATE_LIMIT_EXCEEDED',
          headers: { 'retry-after': '1' },
        });
      if (fault?.kind === '5xx')
        throw new GoogleRpcError(
          'UNAVAILABLE',
          'The service is currently unavailable (injected).',
          { headers: { 'retry-after': '2' } },
        );
      if (fault?.kind === 'conflict')
        throw new GoogleRpcError(
          'ABORTED',
          'The opportunity was changed concurrently (injected).',
          { reason: 'CONCURRENT_MODIFICATION' },
        );
      switch (operation) {
        case 'create':
          return create(parseJson(text), holder?.email ?? '', now);
        case 'get':
          return { status: 200, body: lookup(name!).opportunity };
        case 'patch':
          return patch(name!, params, parseJson(text), now);
        default:
          return query(params);
      }
    });
    const drawn = fault as RestFaultRule | null;
    if (drawn?.kind === 'timeout') return { drop: drawn.delayMs ?? 30_000 };
    if (drawn?.kind === 'slow') return { hold: drawn.delayMs ?? 2_000, reply };
    return reply;
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

  const control: GoogleEmulatorControl = {
    ...commonControls({ clock, settle, faults, listeners }),
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
    opportunity: (name) => {
      const stored = opportunities.get(name);
      return stored ? structuredClone(stored.opportunity) : null;
    },
    setPushEndpoint(target) {
      pushEndpoint = target;
    },
    deliverPush: (name, eventType) => {
      lookup(name);
      return deliverPush(name, eventType);
    },
    flushPushes: () => queue.flush(),
    pushes: () => [...pushes],
    opportunityCount: (source) =>
      [...opportunities.values()].filter((s) => !source || s.opportunity.source === source).length,
  };

  return {
    url,
    tokenUri: `${url}/token`,
    counters,
    control,
    async stop() {
      await queue.flush();
      await server.stop();
    },
  };
}
