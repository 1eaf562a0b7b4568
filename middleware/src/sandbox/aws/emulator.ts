// A local ACE (Partner Central Selling API) that the unmodified AWS SDK talks to through `endpoint`:
// awsJson1_0 over node:http, every request checked with the generated schemas and ACE rules, per
// account quotas, seeded fault injection, a review lifecycle on an injectable clock, counters and
// EventBridge-shaped events. `npm start` runs the product on it; the tests prove idempotency with it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { findingsFromIssues } from '../../portals/findings.js';
import { ACE_REQUEST_SCHEMAS } from '../../portals/aws/generated/ace-schemas.js';
import {
  ACE_WRITE_OPERATIONS,
  AceQuotaLedger,
  DEFAULT_ACE_QUOTAS,
  FaultPlan,
  type AceQuotas,
  type FaultRule,
} from './emulator-limits.js';
import {
  EMULATED_READ_REQUESTS,
  type ListEngagementInvitationsRequest,
  type ListOpportunitiesRequest,
} from './emulator-requests.js';
import {
  AceAccount,
  AceServiceError,
  DEFAULT_REVIEW,
  validationError,
  type AceAccountState,
  type EmulatorCounters,
  type EmulatorEvent,
  type InvitationInput,
  type ReviewOutcome,
  type ReviewTiming,
} from './emulator-state.js';
import {
  countIn,
  drawFault,
  type EmulatorStartOptions,
  type FaultErrors,
  type RunningEmulator,
} from '../rest-emulator-calls.js';
import {
  clockAndFaultControls,
  EmulatorClock,
  startJsonServer,
  type ClockAndFaultControls,
  type JsonReply,
  type ReplyPlan,
} from '../rest-emulator-kit.js';

export {
  SENDER_TITLE_BY_LAYER,
  type EmulatorEvent,
  type EmulatorCounters,
  type InvitationInput,
  type ReviewOutcome,
  type ReviewTiming,
} from './emulator-state.js';
export type { FaultRule, AceQuotas } from './emulator-limits.js';

const SERVICE = 'AWSPartnerCentralSelling';

export interface AceEmulatorOptions extends EmulatorStartOptions<AceAccountState> {
  review?: Partial<ReviewTiming>;
  quotas?: Partial<AceQuotas>;
  /** The partner's AWS account id (in ARNs and events). */
  accountId?: string;
  /** Solution ids AssociateOpportunity accepts (the Sandbox's default solution is S-1234567). */
  solutions?: string[];
  /** Called for every EventBridge-shaped event, as AWS would deliver it to the default bus. */
  onEvent?: (event: EmulatorEvent) => void;
}

/** `advance` moves the clock on: reviews and invitation expiry progress, with no sleeping. */
export interface AceEmulatorControl extends ClockAndFaultControls<FaultRule> {
  /** An AWS referral as an engagement invitation, sent by someone from the given field layer. */
  createInvitation(input?: InvitationInput): { id: string; arn: string };
  /** An AWS referral created straight in the partner account (the Sandbox's `Origin: AWS Referral`). */
  createAwsReferral(body: Record<string, unknown>): { id: string };
  /** The outcome of this opportunity's review; `immediately` finishes a running review now. */
  setReviewOutcome(id: string, outcome: ReviewOutcome, immediately?: boolean): void;
  /** AWS's own pipeline stage for the opportunity (GetAwsOpportunitySummary). */
  setAwsStage(id: string, stage: string): void;
  events(): EmulatorEvent[];
  /** The account's state as plain JSON, to keep across restarts (`restored`). */
  snapshot(): AceAccountState;
  subscribe(listener: (event: EmulatorEvent) => void): () => void;
  opportunityCount(catalog?: string): number;
}

export type AceEmulator = RunningEmulator<EmulatorCounters, AceEmulatorControl>;

type Handler = (
  account: AceAccount,
  body: Record<string, unknown>,
  now: number,
) => Record<string, unknown>;

const HANDLERS: Record<string, Handler> = {
  CreateOpportunity: (a, b, now) => a.createOpportunity(b, now),
  GetOpportunity: (a, b) => a.getOpportunity(b),
  UpdateOpportunity: (a, b, now) => a.updateOpportunity(b, now),
  ListOpportunities: (a, b) => a.listOpportunities(b as ListOpportunitiesRequest),
  AssociateOpportunity: (a, b, now) => a.associateOpportunity(b, now),
  StartEngagementFromOpportunityTask: (a, b, now) => a.startEngagementFromOpportunityTask(b, now),
  GetAwsOpportunitySummary: (a, b) => a.getAwsOpportunitySummary(b),
  ListEngagementInvitations: (a, b) =>
    a.listEngagementInvitations(b as ListEngagementInvitationsRequest),
  GetEngagementInvitation: (a, b) => a.getEngagementInvitation(b),
  StartEngagementByAcceptingInvitationTask: (a, b, now) =>
    a.startEngagementByAcceptingInvitationTask(b, now),
  RejectEngagementInvitation: (a, b, now) => a.rejectEngagementInvitation(b, now),
  ListEngagementByAcceptingInvitationTasks: (a, b) => a.listEngagementByAcceptingInvitationTasks(b),
};

/** The model's shape check for the operation; business rules run inside the account. */
function checkShape(operation: string, body: unknown): void {
  const schema =
    (
      ACE_REQUEST_SCHEMAS as Record<
        string,
        { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } }
      >
    )[operation] ??
    (
      EMULATED_READ_REQUESTS as Record<
        string,
        { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } }
      >
    )[operation];
  if (!schema) return;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const findings = findingsFromIssues(
      parsed.error!.issues as Parameters<typeof findingsFromIssues>[0],
      { cloud: 'AWS', codePrefix: 'AWS' },
    );
    throw validationError(findings, 'REQUEST_VALIDATION_FAILED');
  }
}

/** The caller's access key from a SigV4 Authorization header: the account the quotas are kept for. */
function accessKeyOf(request: IncomingMessage): string | null {
  const match = /Credential=([^/,\s]+)\//.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** ACE's error for each injected fault that answers at once. */
const FAULT_ERRORS: FaultErrors = {
  throttle: () => new AceServiceError('ThrottlingException', 400, 'Rate exceeded (injected).'),
  '5xx': () =>
    new AceServiceError('InternalServerException', 500, 'An internal error occurred (injected).'),
  conflict: () =>
    new AceServiceError(
      'ConflictException',
      409,
      'The opportunity changed while the request ran (injected).',
    ),
};

/** An awsJson1_0 answer: the body, the request id, and for an error its type header. */
function awsReply(
  status: number,
  requestId: string,
  body: Record<string, unknown>,
  errorType?: string,
): JsonReply {
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      ...(errorType
        ? {
            'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazonaws.partnercentralselling/`,
          }
        : {}),
    },
    body,
  };
}

function errorReply(requestId: string, error: AceServiceError): JsonReply {
  return awsReply(
    error.status,
    requestId,
    {
      __type: `com.amazonaws.partnercentralselling#${error.type}`,
      Message: error.message,
      ...error.members,
    },
    error.type,
  );
}

export async function startAceEmulator(options: AceEmulatorOptions = {}): Promise<AceEmulator> {
  const clock = new EmulatorClock(options.now);
  const review: ReviewTiming = { ...DEFAULT_REVIEW, ...options.review };
  const quotas = new AceQuotaLedger({ ...DEFAULT_ACE_QUOTAS, ...options.quotas });
  const faults = new FaultPlan(options.seed ?? 20261126);
  const account = new AceAccount({
    accountId: options.accountId ?? '123456789012',
    review,
    solutions: options.solutions ?? ['S-1234567'],
    clock: () => clock.now(),
  });
  if (options.restored) account.restore(options.restored);
  if (options.onEvent) account.subscribe(options.onEvent);
  const counters = account.counters;

  const handle = async (request: IncomingMessage, body: string): Promise<ReplyPlan> => {
    const requestId = randomUUID();
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(`${SERVICE}.`) ? target.slice(SERVICE.length + 1) : '';
    try {
      if (request.method !== 'POST' || request.url !== '/') {
        throw new AceServiceError(
          'UnknownOperationException',
          404,
          `awsJson1_0 takes POST /; got ${request.method} ${request.url}`,
        );
      }
      if (!String(request.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.0')) {
        throw new AceServiceError(
          'SerializationException',
          400,
          'Content-Type must be application/x-amz-json-1.0',
        );
      }
      if (!HANDLERS[operation])
        throw new AceServiceError(
          'UnknownOperationException',
          400,
          `The emulator does not implement ${target || 'a request without X-Amz-Target'}.`,
        );
      countIn(counters.callsByOperation, operation);
      const accessKey = accessKeyOf(request);
      if (!accessKey)
        throw new AceServiceError(
          'AccessDeniedException',
          403,
          'The request is not signed with AWS Signature Version 4.',
          { Reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' },
        );
      const now = clock.now();
      account.settle(now);
      const verdict = quotas.admit(accessKey, operation, now);
      if (!verdict.allowed) {
        counters.throttled += 1;
        throw new AceServiceError('ThrottlingException', 400, verdict.reason);
      }
      const fault = drawFault(faults, operation, counters, FAULT_ERRORS);
      // The call is never answered (and not executed); the connection drops after the delay.
      if (fault?.kind === 'timeout') return { drop: fault.delayMs ?? 30_000 };
      let parsed: unknown;
      try {
        parsed = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        throw new AceServiceError('SerializationException', 400, 'The request body is not JSON.');
      }
      let result: Record<string, unknown>;
      try {
        checkShape(operation, parsed);
        result = HANDLERS[operation]!(account, parsed as Record<string, unknown>, now);
      } catch (error) {
        if (error instanceof AceServiceError && error.type === 'ValidationException')
          counters.validationErrors += 1;
        throw error;
      }
      if (ACE_WRITE_OPERATIONS.has(operation) || operation === 'SubmitOpportunity')
        await options.onWrite?.();
      const reply = awsReply(200, requestId, result);
      return fault?.kind === 'slow' ? { hold: fault.delayMs ?? 2_000, reply } : reply;
    } catch (error) {
      const known =
        error instanceof AceServiceError
          ? error
          : new AceServiceError(
              'InternalServerException',
              500,
              `Emulator failure: ${(error as Error).message}`,
            );
      return errorReply(requestId, known);
    }
  };
  const server = await startJsonServer(options.port ?? 0, handle);

  const control: AceEmulatorControl = {
    ...clockAndFaultControls({ clock, settle: (now) => account.settle(now), faults }),
    createInvitation(input = {}) {
      const detail = account.createInvitation(input, clock.now());
      void options.onWrite?.();
      return { id: String(detail.Id), arn: String(detail.Arn) };
    },
    createAwsReferral(body) {
      const record = account.createAwsReferral(body, clock.now());
      void options.onWrite?.();
      return { id: String(record.Id) };
    },
    setReviewOutcome: (id, outcome, immediately = false) => {
      account.setReviewOutcome(id, outcome, immediately ? { now: clock.now() } : {});
      void options.onWrite?.();
    },
    setAwsStage: (id, stage) => {
      account.setAwsStage(id, stage, clock.now());
      void options.onWrite?.();
    },
    events: () => account.events(),
    snapshot: () => account.snapshot(),
    subscribe: (listener) => account.subscribe(listener),
    opportunityCount: (catalog) => account.opportunityCount(catalog),
  };

  return { url: server.url, counters, control, stop: () => server.stop() };
}
