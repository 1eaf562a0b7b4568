// The referral inbox API: the triaged list (priority first, then the response deadline), and the
// three decisions a person takes on a referral: accept, decline with specific feedback, assign.
import { z } from 'zod';
import {
  Cloud,
  CloudName,
  Finding,
  Money,
  Priority,
  Referrer,
  SalesforceId,
  SourceLayer,
  TriageStatus,
} from '../core/model.js';
import {
  API_PREFIX,
  defineContract,
  type ResponseSpec,
  type RouteContract,
} from './route-contract.js';
import { QueryBoolean, queryInteger, RowId, RowIdParams, type IntegerRange } from './schemas.js';

export const ReferralView = z.object({
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

/**
 * A person's decision on one referral: `POST /referrals/:id/<action>`, operation `<action>Referral`,
 * answered 404 when there is no such referral and 409 when it was already decided.
 */
function referralDecision<const C extends Pick<RouteContract, 'summary' | 'scopes' | 'body'>>(
  action: 'accept' | 'decline' | 'assign',
  contract: C & { responses: Record<number, ResponseSpec> },
) {
  return defineContract({
    ...contract,
    operationId: `${action}Referral`,
    method: 'post',
    path: `${API_PREFIX}/referrals/:id/${action}`,
    tags: ['referrals'],
    params: RowIdParams,
    responses: {
      ...contract.responses,
      404: { description: 'No such referral' },
      409: { description: 'The referral was already decided' },
    },
  });
}

const DecisionResponse = z.object({
  referralId: RowId,
  decision: z.enum(['accept', 'decline']),
  jobId: RowId,
  warnings: z.array(Finding),
});

/** How many referrals one list answer holds (`cosell referrals list --limit` alike). */
export const REFERRAL_LIST_LIMIT: IntegerRange = { min: 1, max: 500, default: 100 };

export const listReferrals = defineContract({
  operationId: 'listReferrals',
  method: 'get',
  path: `${API_PREFIX}/referrals`,
  summary:
    "Triaged inbound referrals, most urgent first, then by response deadline: an AE sees the referrals they own, other personas the whole inbox, each only what the caller's Salesforce user may read",
  tags: ['referrals'],
  scopes: ['ae', 'alliance-ops', 'revops', 'admin'],
  query: z.strictObject({
    cloud: CloudName.optional(),
    layer: SourceLayer.optional(),
    priority: Priority.optional(),
    status: TriageStatus.optional(),
    overdue: QueryBoolean.optional(),
    limit: queryInteger(REFERRAL_LIST_LIMIT),
  }),
  responses: {
    200: {
      description: 'Referrals in triage order',
      schema: z.object({ referrals: z.array(ReferralView), truncated: z.boolean() }),
    },
  },
});

export const acceptReferral = referralDecision('accept', {
  summary: 'Accept an inbound referral; the acceptance is queued to its portal',
  scopes: ['ae', 'alliance-ops', 'admin'],
  body: z.strictObject({}),
  responses: { 202: { description: 'Acceptance queued', schema: DecisionResponse } },
});

export const declineReferral = referralDecision('decline', {
  summary:
    'Decline an inbound referral with a listed reason and feedback specific to this customer and workload',
  scopes: ['ae', 'alliance-ops', 'admin'],
  body: z.strictObject({ reason: z.string().max(255), feedback: z.string().max(4000) }),
  responses: {
    202: {
      description: 'Decline queued (warnings: stock wording worth rephrasing)',
      schema: DecisionResponse,
    },
    422: {
      description:
        'Reason not on the list, or feedback a referrer could not learn from (findings say why)',
    },
  },
});

const AssignmentResponse = z.object({
  referralId: RowId,
  ownerId: z.string(),
  previousOwnerId: z.string().nullable(),
  /** The Salesforce write-back; null when the owner was already this one. */
  jobId: RowId.nullable(),
});

export const assignReferralRoute = referralDecision('assign', {
  summary:
    'Assign an open referral to a Salesforce user or queue; the owner is written back to Salesforce',
  scopes: ['alliance-ops', 'admin'],
  body: z.strictObject({ ownerId: SalesforceId }),
  responses: {
    200: {
      description: 'Already assigned to this owner: nothing changed, nothing to write back',
      schema: AssignmentResponse,
    },
    202: {
      description: 'Assigned; Salesforce write-back queued',
      schema: AssignmentResponse,
    },
    403: { description: "The caller's Salesforce user may not edit this referral" },
    422: { description: 'The owner Id is not an active User or a Queue' },
  },
});
