// Opportunity routes: preview findings per cloud, queue a submission exactly as a Salesforce
// Requested_Action__c = Submit would, and read each cloud's engagement status.
import { z } from 'zod';
import { CoSellOpportunity, Finding, type CoSellOpportunityInput } from '../../core/model.js';
import { recordOpportunity } from '../../engine/intake.js';
import { opportunityRef, requireAccess } from '../access-guard.js';
import { engagementOf, engagementsOf, loadOpportunity } from '../../store/opportunities.js';
import { jobByIdempotencyKey } from '../../store/outbox.js';
import { cloudsToPreview, previewOpportunity } from '../../portals/opportunity-preview.js';
import type { ServiceDeps } from '../deps.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import * as contract from '../../api-contract/opportunities.js';
import { ByMirror } from '../../api-contract/opportunities.js';
import { defineRoute, type ApiRoute } from '../route-table.js';
import { parseStrictly } from '../strict-parse.js';
import { isoOrNull } from '../../api-contract/schemas.js';

/** The opportunity as the service last read it from Salesforce; 404 when the mirror has none. */
async function mirroredOpportunity(db: ServiceDeps['db'], id: string): Promise<CoSellOpportunity> {
  const opportunity = await loadOpportunity(db, id);
  if (!opportunity)
    throw new HttpProblem(
      404,
      PROBLEM_TYPES.notFound,
      `opportunity ${id} is not in the service's mirror of Salesforce`,
    );
  return opportunity;
}

export const validateOpportunity = defineRoute({
  ...contract.validateOpportunity,
  // `{ salesforceId }` or a whole opportunity: each form is parsed on its own so errors name real fields.
  parseBody: (input) =>
    input !== null && typeof input === 'object' && 'salesforceId' in input
      ? parseStrictly(ByMirror, input)
      : parseStrictly(CoSellOpportunity, input),
  async handler({ body, query, deps, now, principal }) {
    let opportunity: CoSellOpportunity;
    let source: 'request' | 'mirror';
    if ('salesforceId' in body) {
      const stored = await mirroredOpportunity(deps.db, body.salesforceId);
      await requireAccess(deps, principal, opportunityRef(stored), 'read', 'validate it');
      opportunity = stored;
      source = 'mirror';
    } else {
      opportunity = body;
      source = 'request';
    }
    const clouds = previewOpportunity(
      opportunity,
      cloudsToPreview(opportunity, query.cloud),
      deps.portals,
      now,
    );
    return {
      status: 200,
      body: { opportunityId: opportunity.id, source, valid: clouds.every((c) => c.valid), clouds },
    };
  },
});

function refused(detail: string, findings: Finding[]): HttpProblem {
  const errors = findings.filter((finding) => finding.severity === 'error');
  return new HttpProblem(422, PROBLEM_TYPES.unprocessable, detail, {
    findings,
    errors: errors.map((finding) => ({
      field: finding.field ?? finding.path ?? 'opportunity',
      message: finding.message,
      code: finding.code,
    })),
  });
}

export const submitOpportunity = defineRoute({
  ...contract.submitOpportunity,
  async handler({ params, body, deps, now, principal }) {
    const opportunity = await mirroredOpportunity(deps.db, params.id);
    await requireAccess(
      deps,
      principal,
      opportunityRef(opportunity),
      'edit',
      `submit it to ${body.cloud}`,
    );
    const held = await engagementOf(deps.db, opportunity.id, body.cloud);
    if (held?.portal_id) {
      return {
        status: 200,
        body: {
          opportunityId: opportunity.id,
          cloud: body.cloud,
          portalId: held.portal_id,
          engagementStatus: held.status,
        },
      };
    }
    // Nothing invalid leaves: the same checks the worker applies before the portal call, answered now.
    const [preview] = previewOpportunity(opportunity, [body.cloud], deps.portals, now);
    if (preview && !preview.valid) {
      throw refused(
        `${preview.errors} finding(s) block the ${body.cloud} submission of ${opportunity.id}; fix them in Salesforce and submit again`,
        preview.findings,
      );
    }
    const has = opportunity.engagements.some((engagement) => engagement.cloud === body.cloud);
    const engagements: CoSellOpportunityInput['engagements'] = has
      ? opportunity.engagements.map((engagement) =>
          engagement.cloud === body.cloud
            ? { ...engagement, requestedAction: 'Submit' }
            : engagement,
        )
      : [...opportunity.engagements, { cloud: body.cloud, requestedAction: 'Submit' }];
    // Same Salesforce version as stored: the intake records the request without pretending the org changed.
    const intake = await recordOpportunity(deps.db, { ...opportunity, engagements }, now);
    const idempotencyKey = `${body.cloud}:submit:${opportunity.id}:${opportunity.lastModifiedDate}`;
    const job = await jobByIdempotencyKey(deps.db, idempotencyKey);
    if (!job)
      throw new HttpProblem(
        409,
        PROBLEM_TYPES.conflict,
        `opportunity ${opportunity.id} changed in Salesforce while submitting; try again`,
      );
    if (intake.jobs.length > 0) deps.engine.nudge();
    if (job.status === 'dead') {
      const engagement = await engagementOf(deps.db, opportunity.id, body.cloud);
      const findings = z.array(Finding).parse(engagement?.findings ?? []);
      throw refused(
        `this Salesforce version of ${opportunity.id} was already refused for ${body.cloud} (job ${job.id}): ${engagement?.sync_error ?? 'see the findings'}; change it in Salesforce, or have an admin replay the job`,
        findings,
      );
    }
    return {
      status: 202,
      body: {
        opportunityId: opportunity.id,
        cloud: body.cloud,
        jobId: String(job.id),
        queued: intake.jobs.includes(String(job.id)),
        status: job.status,
      },
    };
  },
});

export const listEngagements = defineRoute({
  ...contract.listEngagements,
  async handler({ params, deps, principal }) {
    const known = await mirroredOpportunity(deps.db, params.id);
    await requireAccess(deps, principal, opportunityRef(known), 'read', 'read its engagements');
    const rows = await engagementsOf(deps.db, params.id);
    const engagements = rows.map((row) => ({
      cloud: row.cloud,
      status: row.status,
      portalId: row.portal_id,
      findings: z.array(Finding).parse(row.findings),
      submittedAt: isoOrNull(row.submitted_at),
      acceptedAt: isoOrNull(row.accepted_at),
      lastSyncedAt: isoOrNull(row.last_synced_at),
      syncError: row.sync_error,
      changesWaiting: row.pending_changes !== null,
    }));
    return { status: 200, body: { opportunityId: params.id, engagements } };
  },
});

export const OPPORTUNITY_ROUTES: ApiRoute[] = [
  validateOpportunity,
  submitOpportunity,
  listEngagements,
];
