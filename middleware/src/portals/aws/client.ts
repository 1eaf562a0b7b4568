// The engine's PortalClient for AWS ACE, over the official SDK (SDK retries off: the engine owns
// retries). Submission is create → associate solution → start engagement, resumable after a crash at
// any step without a second create: ClientToken from the job's key, and a reconcile by
// PartnerOpportunityIdentifier (the Salesforce Id) before any create. SDK errors become PortalErrors.
import {
  AssociateOpportunityCommand,
  CreateOpportunityCommand,
  GetAwsOpportunitySummaryCommand,
  GetEngagementInvitationCommand,
  GetOpportunityCommand,
  ListOpportunitiesCommand,
  PartnerCentralSellingClient,
  RejectEngagementInvitationCommand,
  StartEngagementByAcceptingInvitationTaskCommand,
  StartEngagementFromOpportunityTaskCommand,
  UpdateOpportunityCommand,
} from '@aws-sdk/client-partnercentral-selling';
import type { CoSellOpportunity, EngagementStatus, Finding } from '../../core/model.js';
import {
  PortalError,
  type InboundPage,
  type PortalClient,
  type PortalRecordState,
  type ReferralDecision,
  type SubmitRequest,
  type UpdateRequest,
} from '../../engine/portal-client.js';
import { mergeFindings } from '../mapping/checked-payload.js';
import { todayOf } from '../mapping/engine.js';
import { loadMapping } from '../mapping/load.js';
import type { CompiledMapping } from '../mapping/compile.js';
import type {
  GetAwsOpportunitySummaryOutput,
  GetEngagementInvitationOutput,
  GetOpportunityOutput,
} from './generated/ace-schemas.js';
import { listAceInbound } from './inbound-listing.js';
import { aceCreateRequest, aceUpdateRequest } from './map.js';
import { editabilityFindings, keepFrozenAfterApproval } from './review-locks.js';
import { clientTokenFor, submissionFindings } from './rules.js';
import { createAwsWireFormat } from './schema.js';
import { portalErrorOf, sdkInputOf, wireOf, withSortedKeys } from './sdk-wire.js';
import { awsSideStatusOf, engagementStatusOf } from './status.js';

type Json = Record<string, unknown>;

export { portalErrorOf, withSortedKeys } from './sdk-wire.js';

export interface AceClientConfig {
  catalog: 'Sandbox' | 'AWS';
  region?: 'us-east-1';
  /** The emulator's URL (or any endpoint override); default: the SDK's endpoint for the region. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Per-call limit; a call still running after it is a `timeout` PortalError (default 10 s). */
  requestTimeoutMs?: number;
  /** Solutions associated before submission; default in the Sandbox: AWS's test solution S-1234567. */
  solutions?: string[];
  involvementType?: 'Co-Sell' | 'For Visibility Only';
  visibility?: 'Full' | 'Limited';
  /** The ACE mapping (config/mapping/aws.json by default). */
  mapping?: CompiledMapping;
  /** Waits for the account's call budget before each call (see engine/call-pacer.ts); none = unpaced. */
  pace?: (kind: 'read' | 'write') => Promise<void>;
}

/** SDK commands that change Partner Central state: they spend the write budget. */
const WRITE_COMMANDS = new Set([
  'CreateOpportunityCommand',
  'UpdateOpportunityCommand',
  'AssociateOpportunityCommand',
  'DisassociateOpportunityCommand',
  'StartEngagementFromOpportunityTaskCommand',
  'StartEngagementByAcceptingInvitationTaskCommand',
  'RejectEngagementInvitationCommand',
  'AssignOpportunityCommand',
]);

/** Review statuses in which AWS reads the opportunity and accepts no edit. */
const UNDER_REVIEW = new Set(['Submitted', 'In review']);

export function createAceClient(config: AceClientConfig): PortalClient {
  const timeoutMs = config.requestTimeoutMs ?? 10_000;
  const sdk = new PartnerCentralSellingClient({
    region: config.region ?? 'us-east-1',
    maxAttempts: 1,
    requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs },
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
  });
  const catalog = config.catalog;
  const solutions = config.solutions ?? (catalog === 'Sandbox' ? ['S-1234567'] : []);
  let mapping = config.mapping;
  const mappingOf = (): CompiledMapping => (mapping ??= loadMapping('aws'));

  /** One SDK call with the per-call deadline; every failure comes back as a PortalError. */
  async function call<T>(command: { input: unknown }): Promise<T> {
    // Writes and reads spend different budgets (ACE: 1 write and 10 reads a second per account).
    await config.pace?.(WRITE_COMMANDS.has(command.constructor.name) ? 'write' : 'read');
    try {
      return (await sdk.send(command as Parameters<typeof sdk.send>[0], {
        abortSignal: AbortSignal.timeout(timeoutMs),
      })) as T;
    } catch (error) {
      throw portalErrorOf(error);
    }
  }

  async function getOpportunity(id: string): Promise<GetOpportunityOutput> {
    return wireOf<GetOpportunityOutput>(
      await call(new GetOpportunityCommand({ Catalog: catalog, Identifier: id })),
    );
  }

  async function getSummary(id: string): Promise<GetAwsOpportunitySummaryOutput> {
    return wireOf<GetAwsOpportunitySummaryOutput>(
      await call(
        new GetAwsOpportunitySummaryCommand({ Catalog: catalog, RelatedOpportunityIdentifier: id }),
      ),
    );
  }

  /** The opportunity a previous submission created for this Salesforce opportunity, if any. */
  async function reconcile(
    opportunity: CoSellOpportunity,
    companyName: string | null,
  ): Promise<string | null> {
    // ListOpportunities cannot filter by PartnerOpportunityIdentifier: narrow by customer name (or
    // by creation after the Salesforce record was created) and match the identifier in the summaries.
    const filter = companyName
      ? { CustomerCompanyName: [companyName] }
      : { CreatedDate: { AfterCreatedDate: new Date(opportunity.createdDate) } };
    let token: string | undefined;
    do {
      const page: {
        OpportunitySummaries?: Array<{ Id?: string; PartnerOpportunityIdentifier?: string }>;
        NextToken?: string;
      } = await call(
        new ListOpportunitiesCommand({
          Catalog: catalog,
          MaxResults: 100,
          ...filter,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      const match = page.OpportunitySummaries?.find(
        (s) => s.PartnerOpportunityIdentifier === opportunity.id,
      );
      if (match?.Id) return match.Id;
      token = page.NextToken;
    } while (token);
    return null;
  }

  async function stateOf(current: GetOpportunityOutput): Promise<PortalRecordState> {
    const life = current.LifeCycle ?? {};
    const review = life.ReviewStatus ?? 'Pending Submission';
    const reading = engagementStatusOf(life);
    const findings = [...reading.findings];
    let status: EngagementStatus =
      reading.status ?? (UNDER_REVIEW.has(review) ? 'In review' : 'Submitted');
    if (status === 'Accepted') {
      // Once AWS accepted, its own pipeline (won, lost, closed) is the engagement's outcome.
      const aws = awsSideStatusOf((await getSummary(current.Id)).LifeCycle);
      findings.push(...aws.findings);
      if (aws.status && aws.status !== 'Accepted') status = aws.status;
    }
    if (life.ReviewComments && (review === 'Action Required' || review === 'Rejected')) {
      findings.push({
        code: review === 'Rejected' ? 'AWS_REVIEW_REJECTED' : 'AWS_REVIEW_ACTION_REQUIRED',
        severity: 'error',
        cloud: 'AWS',
        path: '$.LifeCycle.ReviewComments',
        message: life.ReviewComments,
        ...(life.ReviewStatusReason ? { evidence: { reason: life.ReviewStatusReason } } : {}),
      });
    }
    return {
      portalId: current.Id,
      status,
      version: current.LastModifiedDate,
      findings,
      locked: UNDER_REVIEW.has(review),
      // ACE has no approval date: the last change seen while approved stands in for it.
      acceptedAt: review === 'Approved' ? current.LastModifiedDate : null,
    };
  }

  /** Read-merge-write of the Salesforce-owned members; refused with findings where review forbids the change. */
  async function pushChanges(
    current: GetOpportunityOutput,
    opportunity: CoSellOpportunity,
    now: Date,
  ): Promise<{ record: GetOpportunityOutput; held: Finding[] }> {
    const mapped = aceUpdateRequest(mappingOf(), current, opportunity, { now });
    const findings = mapped.findings;
    // After approval the frozen members keep ACE's value, so the other edits still go through.
    const { payload, findings: held } = keepFrozenAfterApproval(current, mapped.payload);
    const blocking = [
      ...findings.filter((f) => f.severity === 'error'),
      ...createAwsWireFormat({ today: todayOf(now) })
        .validate('UpdateOpportunity', payload)
        .filter((f) => f.severity === 'error'),
      ...editabilityFindings(withSortedKeys(current), withSortedKeys(payload)),
    ];
    refuseIfBlocked(blocking, `stop the ACE update of ${current.Id}`);
    await call(new UpdateOpportunityCommand(sdkInputOf(payload as unknown as Json)));
    return { record: await getOpportunity(current.Id), held };
  }

  return {
    cloud: 'AWS',

    async submit({
      opportunity,
      idempotencyKey,
      now,
      onRecorded,
    }: SubmitRequest): Promise<PortalRecordState> {
      const created = aceCreateRequest(mappingOf(), opportunity, {
        now,
        catalog,
        createKey: idempotencyKey,
      });
      const payload = created.payload;
      // Wire and submission findings speak ACE paths: merged with the mapping's, they name the Salesforce field to fix.
      const blocking = mergeFindings(mappingOf(), created.findings, [
        ...createAwsWireFormat({ today: todayOf(now) }).validate('CreateOpportunity', payload),
        ...submissionFindings(payload, { severity: 'error', today: todayOf(now) }),
      ]).filter((f) => f.severity === 'error');
      refuseIfBlocked(blocking, `block the ACE submission of ${opportunity.id}`);
      const companyName = ((payload.Customer as Json | undefined)?.Account as Json | undefined)
        ?.CompanyName;
      let id = await reconcile(opportunity, typeof companyName === 'string' ? companyName : null);
      let current: GetOpportunityOutput;
      if (id) {
        current = await getOpportunity(id);
        // A record left by an earlier submission: bring it up to date before AWS reviews it.
        if ((current.LifeCycle?.ReviewStatus ?? 'Pending Submission') === 'Pending Submission')
          current = (await pushChanges(current, opportunity, now)).record;
      } else {
        const response = await call<{ Id: string }>(
          new CreateOpportunityCommand(sdkInputOf(payload)),
        );
        id = response.Id;
        current = await getOpportunity(id);
      }
      // ACE paces writes at one a second: the record's id and state are known two writes before the end.
      if (
        onRecorded &&
        (current.LifeCycle?.ReviewStatus ?? 'Pending Submission') === 'Pending Submission'
      )
        onRecorded(await stateOf(current));
      const associated = new Set(current.RelatedEntityIdentifiers?.Solutions ?? []);
      for (const solution of solutions.filter((s) => !associated.has(s))) {
        await call(
          new AssociateOpportunityCommand({
            Catalog: catalog,
            OpportunityIdentifier: id,
            RelatedEntityType: 'Solutions',
            RelatedEntityIdentifier: solution,
          }),
        );
      }
      if ((current.LifeCycle?.ReviewStatus ?? 'Pending Submission') === 'Pending Submission') {
        await call(
          new StartEngagementFromOpportunityTaskCommand({
            Catalog: catalog,
            ClientToken: clientTokenFor(`${idempotencyKey}#StartEngagementFromOpportunityTask`),
            Identifier: id,
            AwsSubmission: {
              InvolvementType: config.involvementType ?? 'Co-Sell',
              ...(config.visibility ? { Visibility: config.visibility } : {}),
            },
          }),
        );
      }
      return stateOf(await getOpportunity(id));
    },

    async update({ opportunity, portalId, now }: UpdateRequest): Promise<PortalRecordState> {
      // The update is always computed from a fresh read, so `expectedVersion` needs no separate check:
      // a change made between this read and the write is AWS's ConflictException (→ re-read, retry).
      const current = await getOpportunity(portalId);
      const review = current.LifeCycle?.ReviewStatus ?? 'Pending Submission';
      if (UNDER_REVIEW.has(review)) {
        throw new PortalError(
          'AWS',
          'locked',
          `ACE opportunity ${portalId} is ${review}: AWS accepts no edit until the review ends`,
          {
            findings: [
              {
                code: 'AWS_LOCKED_IN_REVIEW',
                severity: 'error',
                cloud: 'AWS',
                path: '$.LifeCycle.ReviewStatus',
                message: `AWS is reviewing this opportunity (${review}); the change is applied once the review ends.`,
              },
            ],
          },
        );
      }
      const { record, held } = await pushChanges(current, opportunity, now);
      const state = await stateOf(record);
      return { ...state, findings: [...state.findings, ...held] };
    },

    async fetch(portalId: string): Promise<PortalRecordState> {
      return stateOf(await getOpportunity(portalId));
    },

    async listInbound(cursor: string | null, now: Date): Promise<InboundPage> {
      return listAceInbound({ catalog, call, getOpportunity, getSummary }, cursor, now);
    },

    async decide({ portalId, decision, declineReason, feedback }: ReferralDecision): Promise<void> {
      if (!/^(arn:|engi-)/.test(portalId)) {
        throw new PortalError(
          'AWS',
          'validation',
          `ACE referral ${portalId} is not an engagement invitation; accept or close AWS-referred opportunities in the opportunity itself`,
        );
      }
      const invitation = wireOf<GetEngagementInvitationOutput>(
        await call(new GetEngagementInvitationCommand({ Catalog: catalog, Identifier: portalId })),
      );
      const wanted = decision === 'accept' ? 'ACCEPTED' : 'REJECTED';
      if (invitation.Status === wanted) return; // an earlier attempt already decided
      if (decision === 'accept') {
        await call(
          new StartEngagementByAcceptingInvitationTaskCommand({
            Catalog: catalog,
            Identifier: portalId,
            ClientToken: clientTokenFor(`accept:${portalId}`),
          }),
        );
        return;
      }
      // ACE keeps at most 80 printable characters of the reason; the feedback's start says the most.
      const reason = [declineReason, feedback]
        .filter((part) => part && part.trim())
        .join(': ')
        .replace(/[^\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]/g, ' ');
      await call(
        new RejectEngagementInvitationCommand({
          Catalog: catalog,
          Identifier: portalId,
          ...(reason ? { RejectionReason: reason.slice(0, 80) } : {}),
        }),
      );
    },
  };
}

/** Nothing invalid leaves for ACE: any error finding stops the call before it is sent. */
function refuseIfBlocked(blocking: Finding[], what: string): void {
  if (blocking.length > 0)
    throw new PortalError('AWS', 'validation', `${blocking.length} finding(s) ${what}`, {
      findings: blocking,
    });
}
