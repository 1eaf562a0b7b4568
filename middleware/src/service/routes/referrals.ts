// Referral inbox routes: the triaged list (priority first, then the response deadline), and the
// three decisions a person takes on a referral: accept, decline with specific feedback, assign.
import { sql } from 'kysely';
import { z } from 'zod';
import { Cloud, CloudName, Finding, InboundReferral, Money, Priority, Referrer, SalesforceId, SourceLayer, TriageStatus } from '../../core/model.js';
import { validateDecline } from '../../core/feedback/index.js';
import { recordReferralDecision, ReferralStateError } from '../../engine/intake.js';
import type { ReferralRow } from '../../store/schema.js';
import type { Principal } from '../auth.js';
import { readable, referralRef, requireAccess } from '../access-guard.js';
import type { ServiceDeps } from '../deps.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { assignReferral } from '../referral-assignment.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route-table.js';
import { QueryBoolean, RowId, RowIdParams } from './schemas.js';

const ReferralView = z.object({
  id: RowId,
  cloud: Cloud,
  portalId: z.string(),
  customerName: z.string(),
  customerDomain: z.string().nullable(),
  title: z.string().nullable(),
  estimatedValue: Money.nullable(),
  sourceLayer: SourceLayer.nullable(),
  priority: Priority.nullable(),
  responseDue: z.string().nullable(),
  overdue: z.boolean(),
  triageStatus: TriageStatus,
  ownerId: z.string().nullable(),
  referrer: Referrer,
  receivedAt: z.string(),
  /** Which triage rule matched and why. */
  triageReason: z.string().nullable(),
});

const OPEN_STATUSES = ['New', 'Assigned'];

function referralView(row: ReferralRow, now: Date): z.infer<typeof ReferralView> {
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
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
    overdue: due !== null && due.getTime() < now.getTime() && OPEN_STATUSES.includes(row.triage_status),
    triageStatus: row.triage_status as TriageStatus,
    ownerId: referral.ownerId,
    referrer: referral.referrer,
    receivedAt: new Date(row.received_at).toISOString(),
    triageReason: triage?.reason ?? null,
  };
}

export const listReferrals = defineRoute({
  operationId: 'listReferrals',
  method: 'get',
  path: `${API_PREFIX}/referrals`,
  summary: "Triaged inbound referrals, most urgent first, then by response deadline: an AE sees the referrals they own, other personas the whole inbox, each only what the caller's Salesforce user may read",
  tags: ['referrals'],
  scopes: ['ae', 'alliance-ops', 'revops', 'admin'],
  query: z.strictObject({
    cloud: CloudName.optional(),
    layer: SourceLayer.optional(),
    priority: Priority.optional(),
    status: TriageStatus.optional(),
    overdue: QueryBoolean.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  responses: { 200: { description: 'Referrals in triage order', schema: z.object({ referrals: z.array(ReferralView), truncated: z.boolean() }) } },
  async handler({ query, deps, now, limits, principal }) {
    const limit = Math.min(query.limit, limits.maxPageSize);
    let select = deps.db.selectFrom('referrals').selectAll();
    // The persona table: an AE works the referrals assigned to them; the inbox is alliance ops' desk.
    if (principal.persona === 'ae') select = select.where(sql<string>`data->>'ownerId'`, '=', principal.userId ?? '');
    if (query.cloud) select = select.where('cloud', '=', query.cloud);
    if (query.layer) select = select.where('source_layer', '=', query.layer);
    if (query.priority) select = select.where('priority', '=', query.priority);
    if (query.status) select = select.where('triage_status', '=', query.status);
    if (query.overdue === true) select = select.where('response_due', '<', now).where('triage_status', 'in', OPEN_STATUSES);
    if (query.overdue === false) {
      select = select.where((eb) => eb.or([eb('response_due', 'is', null), eb('response_due', '>=', now), eb('triage_status', 'not in', OPEN_STATUSES)]));
    }
    const rows = await select
      .orderBy(sql`case priority when 'Urgent' then 0 when 'High' then 1 when 'Standard' then 2 else 3 end`)
      .orderBy(sql`response_due asc nulls last`)
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    const visible = await readable(deps, principal, rows.slice(0, limit), referralRef);
    return { status: 200, body: { referrals: visible.map((row) => referralView(row, now)), truncated: rows.length > limit } };
  },
});

/** The referral row, after checking the caller may edit it in Salesforce (404 when there is none). */
async function editableReferral(deps: ServiceDeps, principal: Principal, id: string, action: string): Promise<ReferralRow> {
  const row = await deps.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpProblem(404, PROBLEM_TYPES.notFound, `referral ${id} does not exist`);
  await requireAccess(deps, principal, referralRef(row), 'edit', action);
  return row;
}

const DecisionResponse = z.object({ referralId: RowId, decision: z.enum(['accept', 'decline']), jobId: RowId, warnings: z.array(Finding) });

async function decide(
  deps: Parameters<ApiRoute['handler']>[0]['deps'],
  input: { referralId: string; decision: 'accept' | 'decline'; actor: string; declineReason?: z.infer<typeof InboundReferral>['declineReason']; feedback?: string },
  now: Date,
) {
  try {
    const { jobId } = await recordReferralDecision(deps.db, {
      referralId: input.referralId,
      decision: input.decision,
      actor: input.actor,
      ...(input.declineReason ? { declineReason: input.declineReason } : {}),
      ...(input.feedback ? { feedback: input.feedback } : {}),
    }, now);
    deps.engine.nudge();
    return jobId;
  } catch (error) {
    if (error instanceof ReferralStateError) {
      const missing = /does not exist/.test(error.message);
      throw new HttpProblem(missing ? 404 : 409, missing ? PROBLEM_TYPES.notFound : PROBLEM_TYPES.conflict, error.message);
    }
    throw error;
  }
}

export const acceptReferral = defineRoute({
  operationId: 'acceptReferral',
  method: 'post',
  path: `${API_PREFIX}/referrals/:id/accept`,
  summary: 'Accept an inbound referral; the acceptance is queued to its portal',
  tags: ['referrals'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  params: RowIdParams,
  body: z.strictObject({}),
  responses: {
    202: { description: 'Acceptance queued', schema: DecisionResponse },
    404: { description: 'No such referral' },
    409: { description: 'The referral was already decided' },
  },
  async handler({ params, principal, deps, now }) {
    await editableReferral(deps, principal, params.id, 'accept it');
    const jobId = await decide(deps, { referralId: params.id, decision: 'accept', actor: principal.subject }, now);
    return { status: 202, body: { referralId: params.id, decision: 'accept', jobId, warnings: [] } };
  },
});

export const declineReferral = defineRoute({
  operationId: 'declineReferral',
  method: 'post',
  path: `${API_PREFIX}/referrals/:id/decline`,
  summary: 'Decline an inbound referral with a listed reason and feedback specific to this customer and workload',
  tags: ['referrals'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  params: RowIdParams,
  body: z.strictObject({ reason: z.string().max(255), feedback: z.string().max(4000) }),
  responses: {
    202: { description: 'Decline queued (warnings: stock wording worth rephrasing)', schema: DecisionResponse },
    404: { description: 'No such referral' },
    409: { description: 'The referral was already decided' },
    422: { description: 'Reason not on the list, or feedback a referrer could not learn from (findings say why)' },
  },
  async handler({ params, body, principal, deps, now }) {
    const row = await editableReferral(deps, principal, params.id, 'decline it');
    const referral = InboundReferral.parse({ ...(typeof row.data === 'string' ? JSON.parse(row.data) : row.data), triage: undefined });
    const findings = validateDecline({ reason: body.reason, feedback: body.feedback, referral });
    const blocking = findings.filter((finding) => finding.severity === 'error');
    if (blocking.length > 0) {
      throw new HttpProblem(422, PROBLEM_TYPES.unprocessable, `decline refused: ${blocking.map((finding) => finding.message).join(' ')}`, {
        findings,
        errors: blocking.map((finding) => ({
          field: finding.code.startsWith('FEEDBACK_REASON') ? 'body.reason' : 'body.feedback',
          message: finding.message,
          code: finding.code,
        })),
      });
    }
    const jobId = await decide(deps, {
      referralId: params.id,
      decision: 'decline',
      actor: principal.subject,
      declineReason: body.reason.trim() as NonNullable<z.infer<typeof InboundReferral>['declineReason']>,
      feedback: body.feedback.trim(),
    }, now);
    return { status: 202, body: { referralId: params.id, decision: 'decline', jobId, warnings: findings } };
  },
});

export const assignReferralRoute = defineRoute({
  operationId: 'assignReferral',
  method: 'post',
  path: `${API_PREFIX}/referrals/:id/assign`,
  summary: 'Assign an open referral to a Salesforce user or queue; the owner is written back to Salesforce',
  tags: ['referrals'],
  scopes: ['alliance-ops', 'admin'],
  params: RowIdParams,
  body: z.strictObject({ ownerId: SalesforceId }),
  responses: {
    202: { description: 'Assigned; Salesforce write-back queued', schema: z.object({ referralId: RowId, ownerId: z.string(), previousOwnerId: z.string().nullable(), jobId: RowId }) },
    403: { description: "The caller's Salesforce user may not edit this referral" },
    404: { description: 'No such referral' },
    409: { description: 'The referral was already decided' },
    422: { description: 'The owner Id is not an active User or a Queue' },
  },
  async handler({ params, body, principal, deps, now }) {
    await editableReferral(deps, principal, params.id, 'assign it');
    const kind = await deps.owners.kindOf(body.ownerId);
    if (kind === null) {
      throw new HttpProblem(422, PROBLEM_TYPES.unprocessable, `${body.ownerId} is not an active Salesforce User or a Queue; assign the referral to a user (005...) or a queue (00G...) that exists in the org`, {
        errors: [{ field: 'body.ownerId', message: 'no active User or Queue has this Id', code: 'unknown_owner' }],
      });
    }
    const result = await assignReferral(deps.db, { referralId: params.id, ownerId: body.ownerId, actor: principal.subject }, now);
    if (result.outcome === 'not-found') throw new HttpProblem(404, PROBLEM_TYPES.notFound, `referral ${params.id} does not exist`);
    if (result.outcome === 'decided') throw new HttpProblem(409, PROBLEM_TYPES.conflict, `referral ${params.id} is ${result.status.toLowerCase()}; only open referrals can be assigned`);
    deps.engine.nudge();
    return { status: 202, body: { referralId: params.id, ownerId: body.ownerId, previousOwnerId: result.previousOwnerId, jobId: result.jobId } };
  },
});

export const REFERRAL_ROUTES: ApiRoute[] = [listReferrals, acceptReferral, declineReferral, assignReferralRoute];
