// The CLI's one typed client of the co-sell service's /api/v1: bearer token, Idempotency-Key on every
// POST, responses checked against the very zod schemas the service's routes are built on (api-contract/), and
// problem+json answers turned into SfErrors that list each field's reason.
import { randomUUID } from 'node:crypto';
import { Messages, SfError } from '@salesforce/core';
import type {
  Cloud,
  EngagementStatus,
  Finding,
  Priority,
  SourceLayer,
  TriageStatus,
} from '../core/model.js';
import { listEngagements, submitOpportunity } from '../api-contract/opportunities.js';
import {
  acceptReferral,
  assignReferralRoute,
  declineReferral,
  listReferrals,
} from '../api-contract/referrals.js';
import { replaySyncJob, syncStatus } from '../api-contract/sync.js';
import { feedbackLoops, relationshipCoverageRoute } from '../api-contract/practices.js';
import type { FeedbackLoopReport } from '../core/feedback/index.js';
import type { CloudRelationshipCoverage } from '../core/relationships/coverage-report.js';
import { responseSchema, type RouteContract } from '../api-contract/route-contract.js';
import { requestWords } from './request-words.js';
import { EXIT_CODES } from './exit-codes.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('plugin-cosell', 'cosell.service');

type ErrorData = NonNullable<Parameters<typeof SfError.create>[0]['data']>;

export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:3000';
export const SERVICE_URL_ENV = 'COSELL_SERVICE_URL';
export const SERVICE_TOKEN_ENV = 'COSELL_TOKEN';
const TIMEOUT_MS = 30_000;

export interface ReferralView {
  id: string;
  cloud: Cloud;
  portalId: string;
  customerName: string;
  customerDomain: string | null;
  title: string | null;
  estimatedValue: { amount: number; currencyIsoCode: string } | null;
  sourceLayer: SourceLayer | null;
  priority: Priority | null;
  responseDue: string | null;
  overdue: boolean;
  triageStatus: TriageStatus;
  ownerId: string | null;
  referrer: { name: string | null; email: string | null; title: string | null };
  receivedAt: string;
  triageReason: string | null;
}

export interface ReferralFilter {
  cloud?: Cloud;
  layer?: SourceLayer;
  priority?: Priority;
  status?: TriageStatus;
  overdue?: boolean;
  limit?: number;
}

export interface ReferralDecision {
  referralId: string;
  decision: 'accept' | 'decline';
  jobId: string;
  warnings: Finding[];
}

export interface ReferralAssignment {
  referralId: string;
  ownerId: string;
  previousOwnerId: string | null;
  /** Null when the referral was already this owner's: nothing to write back. */
  jobId: string | null;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

export interface SubmissionQueued {
  opportunityId: string;
  cloud: Cloud;
  jobId: string;
  queued: boolean;
  status: JobStatus;
}

/** The portal already holds the deal: nothing was queued. */
export interface SubmissionAlreadyShared {
  opportunityId: string;
  cloud: Cloud;
  portalId: string;
  engagementStatus: string;
}

export interface EngagementView {
  cloud: Cloud;
  status: EngagementStatus;
  portalId: string | null;
  findings: Finding[];
  submittedAt: string | null;
  acceptedAt: string | null;
  lastSyncedAt: string | null;
  syncError: string | null;
  changesWaiting: boolean;
}

export interface SyncJobView {
  id: string;
  kind: string;
  target: string;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

export interface SyncState {
  queue: {
    pending: number;
    running: number;
    dead: number;
    done: number;
    lagSeconds: number;
    byTarget: Record<string, { pending: number; running: number; dead: number }>;
  };
  deadLetters: SyncJobView[];
}

export interface ServiceClientOptions {
  /** Base URL without /api/v1, e.g. http://127.0.0.1:3000. */
  serviceUrl: string;
  token?: string;
  fetch?: typeof fetch;
  newIdempotencyKey?: () => string;
}

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ field: string; message: string; code?: string }>;
  findings?: Finding[];
}

/** The resolved connection settings: flag, then environment, then the default local service. */
export function serviceSettings(
  flags: { 'service-url'?: string; token?: string },
  env: NodeJS.ProcessEnv = process.env,
): { serviceUrl: string; token?: string } {
  const serviceUrl = (flags['service-url'] ?? env[SERVICE_URL_ENV] ?? DEFAULT_SERVICE_URL).replace(
    /\/+$/,
    '',
  );
  const token = flags.token ?? env[SERVICE_TOKEN_ENV];
  return token ? { serviceUrl, token } : { serviceUrl };
}

/** `/api/v1/referrals/:id/accept` with `{ id: '42' }` → `/api/v1/referrals/42/accept`. */
function pathOf(route: RouteContract, params: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

export class CoSellServiceClient {
  private readonly fetch: typeof fetch;
  private readonly newKey: () => string;

  constructor(private readonly options: ServiceClientOptions) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.newKey = options.newIdempotencyKey ?? randomUUID;
  }

  get serviceUrl(): string {
    return this.options.serviceUrl;
  }

  async listReferrals(
    filter: ReferralFilter = {},
  ): Promise<{ referrals: ReferralView[]; truncated: boolean }> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filter))
      if (value !== undefined) query.set(name, String(value));
    return this.call(listReferrals, 200, { query });
  }

  async acceptReferral(referralId: string): Promise<ReferralDecision> {
    return this.call(acceptReferral, 202, { params: { id: referralId }, body: {} });
  }

  async declineReferral(
    referralId: string,
    decline: { reason: string; feedback: string },
  ): Promise<ReferralDecision> {
    return this.call(declineReferral, 202, { params: { id: referralId }, body: decline });
  }

  /** Assigned (202), or already this owner's (200, no job). */
  async assignReferral(referralId: string, ownerId: string): Promise<ReferralAssignment> {
    return this.call(assignReferralRoute, [200, 202], {
      params: { id: referralId },
      body: { ownerId },
    });
  }

  /** Queued (202), or the portal already holds it (200); a refusal (422) throws with the findings in its data. */
  async submitOpportunity(
    opportunityId: string,
    cloud: Cloud,
  ): Promise<SubmissionQueued | SubmissionAlreadyShared> {
    return this.call(submitOpportunity, [202, 200], {
      params: { id: opportunityId },
      body: { cloud },
    });
  }

  async engagements(
    opportunityId: string,
  ): Promise<{ opportunityId: string; engagements: EngagementView[] }> {
    return this.call(listEngagements, 200, { params: { id: opportunityId } });
  }

  async syncStatus(): Promise<SyncState> {
    return this.call(syncStatus, 200, {});
  }

  async replayJob(jobId: string): Promise<{ jobId: string; status: 'pending' }> {
    return this.call(replaySyncJob, 202, { params: { id: jobId }, body: {} });
  }

  async feedbackLoops(
    query: { cloud?: Cloud; debriefDays?: number } = {},
  ): Promise<FeedbackLoopReport> {
    const params = new URLSearchParams();
    if (query.cloud) params.set('cloud', query.cloud);
    if (query.debriefDays !== undefined) params.set('debriefDays', String(query.debriefDays));
    return this.call(feedbackLoops, 200, { query: params });
  }

  async relationshipCoverage(
    body: Record<string, unknown>,
  ): Promise<{ clouds: CloudRelationshipCoverage[] }> {
    return this.call(relationshipCoverageRoute, 200, { body });
  }

  private async call<T>(
    route: RouteContract,
    expecting: number | readonly number[],
    request: { params?: Record<string, string>; query?: URLSearchParams; body?: unknown },
  ): Promise<T> {
    const query = request.query?.toString();
    const url = `${this.options.serviceUrl}${pathOf(route, request.params)}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
    };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (route.method === 'post') {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = this.newKey();
    }
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: route.method.toUpperCase(),
        headers,
        ...(route.method === 'post' ? { body: JSON.stringify(request.body ?? {}) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw this.unreachable(error, url);
    }
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const expected = (typeof expecting === 'number' ? [expecting] : expecting).includes(
      response.status,
    )
      ? response.status
      : null;
    if (expected === null) throw this.problem(route, response.status, body, text, request.params);
    const parsed = responseSchema(route, expected).safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw messages.createError(
        'error.unexpectedAnswer',
        [
          requestWords(route.operationId, request.params),
          `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
        ],
        [],
        EXIT_CODES.serviceRefused,
      );
    }
    return parsed.data as T;
  }

  private unreachable(error: unknown, url: string): SfError {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const name = (error as Error).name;
    const reason =
      name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    return SfError.create({
      message: messages.getMessage('error.unreachable', [this.options.serviceUrl, reason]),
      name: 'ServiceUnreachable',
      exitCode: EXIT_CODES.serviceUnreachable,
      actions: messages.getMessages('error.unreachable.actions', [SERVICE_URL_ENV]),
      // Not fetch's TypeError itself: sf would report any TypeError cause as a CLI bug (exit 10).
      cause: new Error(`fetch ${url}: ${reason}`),
    });
  }

  private problem(
    route: RouteContract,
    status: number,
    body: unknown,
    text: string,
    params?: Record<string, string>,
  ): SfError {
    const problem = (body ?? {}) as ProblemBody;
    const detail = problem.detail ?? (text.slice(0, 200) || `HTTP ${status}`);
    const actions = (problem.errors ?? []).map((error) => `${error.field}: ${error.message}`);
    if (status === 401) actions.push(messages.getMessage('action.token', [SERVICE_TOKEN_ENV]));
    if (status === 403) actions.push(messages.getMessage('action.scope'));
    const error = SfError.create({
      message: messages.getMessage('error.problem', [
        requestWords(route.operationId, params),
        status,
        problem.title ?? 'Error',
        detail,
      ]),
      name: 'ServiceProblem',
      exitCode: EXIT_CODES.serviceRefused,
      ...(actions.length > 0 ? { actions } : {}),
      // Round-tripped through JSON so the envelope carries exactly what the service sent.
      data: JSON.parse(
        JSON.stringify({
          status,
          type: problem.type ?? null,
          errors: problem.errors ?? [],
          findings: problem.findings ?? [],
        }),
      ) as ErrorData,
    });
    return error;
  }
}

/** The client for a command's `--service-url` and `--token` (or their environment variables). */
export function serviceClient(flags: {
  'service-url'?: string;
  token?: string;
}): CoSellServiceClient {
  return new CoSellServiceClient(serviceSettings(flags));
}
