// The opportunity API: preview findings per cloud, queue a submission exactly as a Salesforce
// Requested_Action__c = Submit would, and read each cloud's engagement status.
import { z } from 'zod';
import { Cloud, CloudName, CoSellOpportunity, SalesforceId } from '../core/model.js';
import { API_PREFIX, defineContract } from './route-contract.js';
import {
  CloudFilterQuery,
  CloudPreview,
  EngagementView,
  OpportunityIdParams,
  QueuedJob,
} from './schemas.js';

export const ByMirror = z.strictObject({ salesforceId: SalesforceId });
const ValidateBody = z.union([ByMirror, CoSellOpportunity]);

const ValidateResponse = z.object({
  opportunityId: z.string(),
  source: z.enum(['request', 'mirror']),
  valid: z.boolean(),
  clouds: z.array(CloudPreview),
});

const SubmitResponse = QueuedJob.extend({ opportunityId: z.string(), cloud: Cloud });
/** The portal already holds the deal: nothing is queued, the answer names the record it holds. */
export const AlreadySharedResponse = z.object({
  opportunityId: z.string(),
  cloud: Cloud,
  portalId: z.string(),
  engagementStatus: z.string(),
});

export const validateOpportunity = defineContract({
  operationId: 'validateOpportunity',
  method: 'post',
  path: `${API_PREFIX}/opportunities/validate`,
  summary:
    'Preview findings per cloud (mapping, portal wire rules, submission lint) for a canonical opportunity or a mirrored Salesforce Id',
  tags: ['opportunities'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  query: CloudFilterQuery,
  body: ValidateBody,
  responses: { 200: { description: 'Findings per cloud', schema: ValidateResponse } },
});

export const submitOpportunity = defineContract({
  operationId: 'submitOpportunity',
  method: 'post',
  path: `${API_PREFIX}/opportunities/:id/submit`,
  summary:
    'Queue the submission of a mirrored opportunity to one cloud (same path as Requested_Action__c = Submit); refused at once (422, with the findings) when an error finding blocks it',
  tags: ['opportunities'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  params: OpportunityIdParams,
  body: z.strictObject({ cloud: CloudName }),
  responses: {
    200: {
      description: 'The portal already holds this deal: nothing queued; its portal id',
      schema: AlreadySharedResponse,
    },
    202: {
      description: 'Submission queued (or already queued for this Salesforce version)',
      schema: SubmitResponse,
    },
    422: {
      description:
        'Refused: error findings block the submission, or this Salesforce version was already refused (findings say why)',
    },
    403: { description: "The caller's Salesforce user may not edit this opportunity" },
    404: { description: 'Opportunity not in the mirror' },
  },
});

export const listEngagements = defineContract({
  operationId: 'listEngagements',
  method: 'get',
  path: `${API_PREFIX}/opportunities/:id/engagements`,
  summary: 'Engagement status per cloud for a mirrored opportunity',
  tags: ['opportunities'],
  scopes: ['ae', 'alliance-ops', 'revops', 'admin'],
  params: OpportunityIdParams,
  query: z.strictObject({}),
  responses: {
    200: {
      description: 'One entry per cloud the opportunity is engaged on',
      schema: z.object({ opportunityId: z.string(), engagements: z.array(EngagementView) }),
    },
    404: { description: 'Opportunity not in the mirror' },
  },
});
