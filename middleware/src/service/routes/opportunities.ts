// Opportunity routes: preview findings per cloud, queue a submission exactly as a Salesforce
// Requested_Action__c = Submit would, and read each cloud's engagement status.
import { z } from 'zod';
import { Cloud, CloudName, CoSellOpportunity, Finding, SalesforceId, type CoSellOpportunityInput } from '../../core/model.js';
import { recordOpportunity } from '../../engine/intake.js';
import { opportunityRef, requireAccess } from '../access-guard.js';
import { loadOpportunity } from '../mirror.js';
import { cloudsToPreview, previewOpportunity } from '../opportunity-preview.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { defineRoute, API_PREFIX, type ApiRoute } from '../route-table.js';
import { parseStrictly } from '../strict-parse.js';
import { CloudPreview, EngagementView, OpportunityIdParams, QueuedJob, isoOrNull } from './schemas.js';

const ByMirror = z.strictObject({ salesforceId: SalesforceId });
const ValidateBody = z.union([ByMirror, CoSellOpportunity]);

const ValidateResponse = z.object({
  opportunityId: z.string(),
  source: z.enum(['request', 'mirror']),
  valid: z.boolean(),
  clouds: z.array(CloudPreview),
});

export const validateOpportunity = defineRoute({
  operationId: 'validateOpportunity',
  method: 'post',
  path: `${API_PREFIX}/opportunities/validate`,
  summary: 'Preview findings per cloud (mapping, portal wire rules, submission lint) for a canonical opportunity or a mirrored Salesforce Id',
  tags: ['opportunities'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  query: z.strictObject({ cloud: CloudName.optional() }),
  body: ValidateBody,
  // `{ salesforceId }` or a whole opportunity: each form is parsed on its own so errors name real fields.
  parseBody: (input) =>
    input !== null && typeof input === 'object' && 'salesforceId' in input ? parseStrictly(ByMirror, input) : parseStrictly(CoSellOpportunity, input),
  responses: { 200: { description: 'Findings per cloud', schema: ValidateResponse } },
  async handler({ body, query, deps, now, principal }) {
    let opportunity: CoSellOpportunity;
    let source: 'request' | 'mirror';
    if ('salesforceId' in body) {
      const stored = await loadOpportunity(deps.db, body.salesforceId);
      if (!stored) throw new HttpProblem(404, PROBLEM_TYPES.notFound, `opportunity ${body.salesforceId} is not in the service's mirror of Salesforce`);
      await requireAccess(deps, principal, opportunityRef(stored), 'read', 'validate it');
      opportunity = stored;
      source = 'mirror';
    } else {
      opportunity = body;
      source = 'request';
    }
    const clouds = previewOpportunity(opportunity, cloudsToPreview(opportunity, query.cloud), deps.portals, now);
    return { status: 200, body: { opportunityId: opportunity.id, source, valid: clouds.every((c) => c.valid), clouds } };
  },
});

const SubmitResponse = QueuedJob.extend({ opportunityId: z.string(), cloud: Cloud });
/** The portal already holds the deal: nothing is queued, the answer names the record it holds. */
export const AlreadySharedResponse = z.object({ opportunityId: z.string(), cloud: Cloud, portalId: z.string(), engagementStatus: z.string() });

function refused(detail: string, findings: Finding[]): HttpProblem {
  const errors = findings.filter((finding) => finding.severity === 'error');
  return new HttpProblem(422, PROBLEM_TYPES.unprocessable, detail, {
    findings,
    errors: errors.map((finding) => ({ field: finding.field ?? finding.path ?? 'opportunity', message: finding.message, code: finding.code })),
  });
}

export const submitOpportunity = defineRoute({
  operationId: 'submitOpportunity',
  method: 'post',
  path: `${API_PREFIX}/opportunities/:id/submit`,
  summary: 'Queue the submission of a mirrored opportunity to one cloud (same path as Requested_Action__c = Submit); refused at once (422, with the findings) when an error finding blocks it',
  tags: ['opportunities'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  params: OpportunityIdParams,
  body: z.strictObject({ cloud: CloudName }),
  responses: {
    200: { description: 'The portal already holds this deal: nothing queued; its portal id', schema: AlreadySharedResponse },
    202: { description: 'Submission queued (or already queued for this Salesforce version)', schema: SubmitResponse },
    422: { description: 'Refused: error findings block the submission, or this Salesforce version was already refused (findings say why)' },
    403: { description: "The caller's Salesforce user may not edit this opportunity" },
    404: { description: 'Opportunity not in the mirror' },
  },
  async handler({ params, body, deps, now, principal }) {
    const opportunity = await loadOpportunity(deps.db, params.id);
    if (!opportunity) throw new HttpProblem(404, PROBLEM_TYPES.notFound, `opportunity ${params.id} is not in the service's mirror of Salesforce`);
    await requireAccess(deps, principal, opportunityRef(opportunity), 'edit', `submit it to ${body.cloud}`);
    const held = await deps.db.selectFrom('engagements').select(['portal_id', 'status']).where('opportunity_id', '=', opportunity.id).where('cloud', '=', body.cloud).executeTakeFirst();
    if (held?.portal_id) {
      return { status: 200, body: { opportunityId: opportunity.id, cloud: body.cloud, portalId: held.portal_id, engagementStatus: held.status } };
    }
    // Nothing invalid leaves: the same checks the worker applies before the portal call, answered now.
    const [preview] = previewOpportunity(opportunity, [body.cloud], deps.portals, now);
    if (preview && !preview.valid) {
      throw refused(`${preview.errors} finding(s) block the ${body.cloud} submission of ${opportunity.id}; fix them in Salesforce and submit again`, preview.findings);
    }
    const has = opportunity.engagements.some((engagement) => engagement.cloud === body.cloud);
    const engagements: CoSellOpportunityInput['engagements'] = has
      ? opportunity.engagements.map((engagement) => (engagement.cloud === body.cloud ? { ...engagement, requestedAction: 'Submit' } : engagement))
      : [...opportunity.engagements, { cloud: body.cloud, requestedAction: 'Submit' }];
    // Same Salesforce version as stored: the intake records the request without pretending the org changed.
    const intake = await recordOpportunity(deps.db, { ...opportunity, engagements }, now);
    const idempotencyKey = `${body.cloud}:submit:${opportunity.id}:${opportunity.lastModifiedDate}`;
    const job = await deps.db.selectFrom('outbox').select(['id', 'status']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
    if (!job) throw new HttpProblem(409, PROBLEM_TYPES.conflict, `opportunity ${opportunity.id} changed in Salesforce while submitting; try again`);
    if (intake.jobs.length > 0) deps.engine.nudge();
    if (job.status === 'dead') {
      const engagement = await deps.db.selectFrom('engagements').select(['findings', 'sync_error']).where('opportunity_id', '=', opportunity.id).where('cloud', '=', body.cloud).executeTakeFirst();
      const findings = z.array(Finding).parse(typeof engagement?.findings === 'string' ? JSON.parse(engagement.findings) : (engagement?.findings ?? []));
      throw refused(`this Salesforce version of ${opportunity.id} was already refused for ${body.cloud} (job ${job.id}): ${engagement?.sync_error ?? 'see the findings'}; change it in Salesforce, or have an admin replay the job`, findings);
    }
    return {
      status: 202,
      body: { opportunityId: opportunity.id, cloud: body.cloud, jobId: String(job.id), queued: intake.jobs.includes(String(job.id)), status: job.status },
    };
  },
});

export const listEngagements = defineRoute({
  operationId: 'listEngagements',
  method: 'get',
  path: `${API_PREFIX}/opportunities/:id/engagements`,
  summary: "Engagement status per cloud for a mirrored opportunity",
  tags: ['opportunities'],
  scopes: ['ae', 'alliance-ops', 'revops', 'admin'],
  params: OpportunityIdParams,
  query: z.strictObject({}),
  responses: {
    200: { description: 'One entry per cloud the opportunity is engaged on', schema: z.object({ opportunityId: z.string(), engagements: z.array(EngagementView) }) },
    404: { description: 'Opportunity not in the mirror' },
  },
  async handler({ params, deps, principal }) {
    const known = await loadOpportunity(deps.db, params.id);
    if (!known) throw new HttpProblem(404, PROBLEM_TYPES.notFound, `opportunity ${params.id} is not in the service's mirror of Salesforce`);
    await requireAccess(deps, principal, opportunityRef(known), 'read', 'read its engagements');
    const rows = await deps.db.selectFrom('engagements').selectAll().where('opportunity_id', '=', params.id).orderBy('cloud').execute();
    const engagements = rows.map((row) => ({
      cloud: row.cloud,
      status: row.status,
      portalId: row.portal_id,
      findings: z.array(Finding).parse(typeof row.findings === 'string' ? JSON.parse(row.findings) : row.findings),
      submittedAt: isoOrNull(row.submitted_at),
      acceptedAt: isoOrNull(row.accepted_at),
      lastSyncedAt: isoOrNull(row.last_synced_at),
      syncError: row.sync_error,
      changesWaiting: row.pending_changes !== null,
    }));
    return { status: 200, body: { opportunityId: params.id, engagements } };
  },
});

export const OPPORTUNITY_ROUTES: ApiRoute[] = [validateOpportunity, submitOpportunity, listEngagements];
