// Referral inbox routes: the triaged list (priority first, then the response deadline), and the
// three decisions a person takes on a referral: accept, decline with specific feedback, assign.
import { z } from 'zod';
import { InboundReferral, Priority, SourceLayer, TriageStatus } from '../../core/model.js';
import { validateDecline } from '../../core/feedback/index.js';
import {
  assignReferral,
  recordReferralDecision,
  ReferralStateError,
} from '../../engine/referral-intake.js';
import {
  OPEN_REFERRAL_STATUSES,
  findReferral,
  referralInbox,
  type ReferralRecord,
} from '../../store/referrals.js';
import type { Principal } from '../auth.js';
import { readable, referralRef, requireAccess } from '../access-guard.js';
import type { ServiceDeps } from '../deps.js';
import { HttpProblem, PROBLEM_TYPES, stateProblem } from '../problem.js';
import * as contract from '../../api-contract/referrals.js';
import type { ReferralView } from '../../api-contract/referrals.js';
import { defineRoute, type ApiRoute } from '../route-table.js';

function referralView(row: ReferralRecord, now: Date): z.infer<typeof ReferralView> {
  const { data } = row;
  const referral = InboundReferral.parse({ ...data, triage: undefined });
  const triage = data.triage as { reason?: string } | undefined;
  const due = row.response_due ? new Date(row.response_due) : null;
  return {
    id: String(row.id),
    cloud: referral.cloud,
    portalId: referral.portalId,
    customerName: referral.customerName,
    customerDomain: referral.customerDomain,
    title: referral.title,
    estimatedValue: referral.estimatedValue,
    sourceLayer: (row.source_layer as SourceLayer | null) ?? referral.sourceLayer,
    priority: (row.priority as Priority | null) ?? referral.priority,
    responseDue: due ? due.toISOString() : null,
    overdue:
      due !== null &&
      due.getTime() < now.getTime() &&
      OPEN_REFERRAL_STATUSES.includes(row.triage_status),
    triageStatus: row.triage_status as TriageStatus,
    ownerId: referral.ownerId,
    referrer: referral.referrer,
    receivedAt: new Date(row.received_at).toISOString(),
    triageReason: triage?.reason ?? null,
  };
}

export const listReferrals = defineRoute({
  ...contract.listReferrals,
  async handler({ query, deps, now, limits, principal }) {
    const limit = Math.min(query.limit, limits.maxPageSize);
    const rows = await referralInbox(deps.db, {
      // The persona table: an AE works the referrals assigned to them; the inbox is alliance ops' desk.
      ownerId: principal.persona === 'ae' ? (principal.userId ?? '') : undefined,
      cloud: query.cloud,
      layer: query.layer,
      priority: query.priority,
      status: query.status,
      overdue: query.overdue,
      now,
      limit: limit + 1,
    });
    const visible = await readable(deps, principal, rows.slice(0, limit), referralRef);
    return {
      status: 200,
      body: {
        referrals: visible.map((row) => referralView(row, now)),
        truncated: rows.length > limit,
      },
    };
  },
});

/** The referral row, after checking the caller may edit it in Salesforce (404 when there is none). */
async function editableReferral(
  deps: ServiceDeps,
  principal: Principal,
  id: string,
  action: string,
): Promise<ReferralRecord> {
  const row = await findReferral(deps.db, id);
  if (!row) throw new HttpProblem(404, PROBLEM_TYPES.notFound, `referral ${id} does not exist`);
  await requireAccess(deps, principal, referralRef(row), 'edit', action);
  return row;
}

async function decide(
  deps: Parameters<ApiRoute['handler']>[0]['deps'],
  input: {
    referralId: string;
    decision: 'accept' | 'decline';
    actor: string;
    declineReason?: z.infer<typeof InboundReferral>['declineReason'];
    feedback?: string;
  },
  now: Date,
) {
  try {
    const { jobId } = await recordReferralDecision(
      deps.db,
      {
        referralId: input.referralId,
        decision: input.decision,
        actor: input.actor,
        ...(input.declineReason ? { declineReason: input.declineReason } : {}),
        ...(input.feedback ? { feedback: input.feedback } : {}),
      },
      now,
    );
    deps.engine.nudge();
    return jobId;
  } catch (error) {
    if (error instanceof ReferralStateError) throw stateProblem(error);
    throw error;
  }
}

export const acceptReferral = defineRoute({
  ...contract.acceptReferral,
  async handler({ params, principal, deps, now }) {
    await editableReferral(deps, principal, params.id, 'accept it');
    const jobId = await decide(
      deps,
      { referralId: params.id, decision: 'accept', actor: principal.subject },
      now,
    );
    return {
      status: 202,
      body: { referralId: params.id, decision: 'accept', jobId, warnings: [] },
    };
  },
});

export const declineReferral = defineRoute({
  ...contract.declineReferral,
  async handler({ params, body, principal, deps, now }) {
    const row = await editableReferral(deps, principal, params.id, 'decline it');
    const referral = InboundReferral.parse({ ...row.data, triage: undefined });
    const findings = validateDecline({ reason: body.reason, feedback: body.feedback, referral });
    const blocking = findings.filter((finding) => finding.severity === 'error');
    if (blocking.length > 0) {
      throw new HttpProblem(
        422,
        PROBLEM_TYPES.unprocessable,
        `decline refused: ${blocking.map((finding) => finding.message).join(' ')}`,
        {
          findings,
          errors: blocking.map((finding) => ({
            field: finding.code.startsWith('FEEDBACK_REASON') ? 'body.reason' : 'body.feedback',
            message: finding.message,
            code: finding.code,
          })),
        },
      );
    }
    const jobId = await decide(
      deps,
      {
        referralId: params.id,
        decision: 'decline',
        actor: principal.subject,
        declineReason: body.reason.trim() as NonNullable<
          z.infer<typeof InboundReferral>['declineReason']
        >,
        feedback: body.feedback.trim(),
      },
      now,
    );
    return {
      status: 202,
      body: { referralId: params.id, decision: 'decline', jobId, warnings: findings },
    };
  },
});

export const assignReferralRoute = defineRoute({
  ...contract.assignReferralRoute,
  async handler({ params, body, principal, deps, now }) {
    await editableReferral(deps, principal, params.id, 'assign it');
    const kind = await deps.owners.kindOf(body.ownerId);
    if (kind === null) {
      throw new HttpProblem(
        422,
        PROBLEM_TYPES.unprocessable,
        `${body.ownerId} is not an active Salesforce User or a Queue; assign the referral to a user (005...) or a queue (00G...) that exists in the org`,
        {
          errors: [
            {
              field: 'body.ownerId',
              message: 'no active User or Queue has this Id',
              code: 'unknown_owner',
            },
          ],
        },
      );
    }
    const result = await assignReferral(
      deps.db,
      { referralId: params.id, ownerId: body.ownerId, actor: principal.subject, side: 'engine' },
      now,
    );
    if (result.outcome === 'not-found')
      throw new HttpProblem(404, PROBLEM_TYPES.notFound, `referral ${params.id} does not exist`);
    if (result.outcome === 'decided')
      throw new HttpProblem(
        409,
        PROBLEM_TYPES.conflict,
        `referral ${params.id} is ${result.status.toLowerCase()}; only open referrals can be assigned`,
      );
    if (result.outcome === 'unchanged')
      return {
        status: 200,
        body: {
          referralId: params.id,
          ownerId: body.ownerId,
          previousOwnerId: body.ownerId,
          jobId: null,
        },
      };
    deps.engine.nudge();
    return {
      status: 202,
      body: {
        referralId: params.id,
        ownerId: body.ownerId,
        previousOwnerId: result.previousOwnerId,
        jobId: result.jobId,
      },
    };
  },
});

export const REFERRAL_ROUTES: ApiRoute[] = [
  listReferrals,
  acceptReferral,
  declineReferral,
  assignReferralRoute,
];
