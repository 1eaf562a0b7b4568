// The practice API: what a co-sell rule decides, asked without waiting for real traffic: maturity
// stage, open feedback loops, account mapping, relationship coverage, the triage preview and the
// decline-feedback check. Each mirrors a `cosell` command.
import { z } from 'zod';
import { Cloud, Finding, TenancyArchetype } from '../core/model.js';
import { REFERRAL_FORMATS } from '../portals/referral-formats.js';
import { API_PREFIX, defineContract } from './route-contract.js';
import { queryInteger, type IntegerRange } from './schemas.js';

const Marker = z.object({
  marker: z.string(),
  met: z.boolean(),
  actual: z.union([z.number(), z.boolean(), z.null()]),
  target: z.union([z.number(), z.boolean()]),
  source: z.string(),
  note: z.string().optional(),
});
const StageView = z.object({ level: z.number().int(), name: z.string(), typicalMonth: z.string() });
export const MaturityView = z.object({
  metrics: z.record(z.string(), z.unknown()),
  assessment: z.object({
    level: z.number().int().min(0).max(6),
    stage: z.string(),
    evidence: z.array(StageView.extend({ reached: z.boolean(), markers: z.array(Marker) })),
    next: StageView.extend({ gaps: z.array(Marker) }).nullable(),
  }),
});

const Referrer = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
});
export const FeedbackLoopsView = z.object({
  now: z.string(),
  debriefDays: z.number(),
  summary: z.object({
    'accepted without debrief': z.number().int(),
    'declined without feedback': z.number().int(),
    'undecided past SLA': z.number().int(),
    referrersAtRisk: z.number().int(),
  }),
  loops: z.array(
    z.object({
      referralId: z.string(),
      portalId: z.string(),
      cloud: Cloud,
      customerName: z.string(),
      referrer: Referrer,
      kind: z.string(),
      since: z.string(),
      ageDays: z.number().int(),
    }),
  ),
  referrers: z.array(
    z.object({
      referrer: Referrer,
      cloud: Cloud,
      layer: z.string().nullable(),
      referrals: z.number().int(),
      silences: z.number().int(),
      risk: z.enum(['none', 'watch', 'at risk', 'disengaging']),
      openReferralIds: z.array(z.string()),
    }),
  ),
});

export const SalesforceAccountInput = z.strictObject({
  id: z.string().min(15).max(18),
  name: z.string().min(1),
  website: z.string().nullable().default(null),
  ownerName: z.string().nullable().default(null),
  type: z.string().nullable().default(null),
});

export const TriagePreviewView = z.object({
  format: z.enum(REFERRAL_FORMATS),
  rules: z.enum(['org', 'shipped', 'given']),
  referral: z.record(z.string(), z.unknown()),
  findings: z.array(Finding),
  decision: z.object({
    priority: z.string(),
    responseDue: z.string(),
    acknowledgeBy: z.string().nullable(),
    responder: z.string(),
    ownerQueue: z.string(),
    ruleId: z.string(),
    sourceLayer: z.string().nullable(),
    reason: z.string(),
    flags: z.array(z.string()),
  }),
});

export const maturity = defineContract({
  operationId: 'maturity',
  method: 'get',
  path: `${API_PREFIX}/maturity`,
  summary: 'Co-sell maturity stage (month 1 to 24+) with the evidence behind every marker',
  tags: ['reports'],
  scopes: ['revops', 'alliance-ops', 'admin'],
  query: z.strictObject({ cloud: Cloud.optional() }),
  responses: {
    200: {
      description: 'The stage reached, every stage with its markers, and what the next stage needs',
      schema: MaturityView,
    },
  },
});

/** How many days after an acceptance a debrief is due (`cosell loops --debrief-days` alike). */
export const DEBRIEF_DAYS: IntegerRange = { min: 0, max: 90, default: 7 };

export const feedbackLoops = defineContract({
  operationId: 'feedbackLoops',
  method: 'get',
  path: `${API_PREFIX}/feedback-loops`,
  summary:
    'Open feedback loops (accepted without debrief, declined without feedback, undecided past SLA) and the risk per referrer',
  tags: ['referrals'],
  scopes: ['alliance-ops', 'revops', 'admin'],
  query: z.strictObject({
    cloud: Cloud.optional(),
    debriefDays: queryInteger(DEBRIEF_DAYS),
  }),
  responses: {
    200: {
      description: 'Every open loop, oldest first, and every referrer with a silence',
      schema: FeedbackLoopsView,
    },
  },
});

export const accountMapping = defineContract({
  operationId: 'accountMapping',
  method: 'post',
  path: `${API_PREFIX}/account-mapping`,
  summary:
    "Match a hyperscaler's account list and the target list to Salesforce Accounts, and return the joint pursuit list; records the run for readiness item 7",
  tags: ['reports'],
  scopes: ['alliance-ops', 'admin'],
  body: z.strictObject({
    cloud: Cloud,
    /** The hyperscaler's export as CSV text (see README for accepted headers). */
    hyperscalerCsv: z.string().min(1),
    targetCsv: z.string().optional(),
    /** Salesforce Accounts to match against; default: the Accounts of the mirrored opportunities. */
    accounts: z.array(SalesforceAccountInput).max(20_000).optional(),
    decisions: z
      .array(
        z.strictObject({
          reviewKey: z.string().min(1),
          accountId: z.string().min(15).max(18).nullable(),
        }),
      )
      .default([]),
    reviewThreshold: z.number().gt(0).max(1).optional(),
  }),
  responses: {
    200: {
      description:
        'Matches, the review queue and the joint pursuit list; `saved` says what the connected org stored (null without an org)',
      schema: z.record(z.string(), z.unknown()),
    },
  },
});

export const relationshipCoverageRoute = defineContract({
  operationId: 'relationshipCoverage',
  method: 'post',
  path: `${API_PREFIX}/relationship-coverage`,
  summary:
    'Named counterparts across the five layers, joint plans on top accounts and QBR rhythm, per cloud',
  tags: ['reports'],
  scopes: ['revops', 'alliance-ops', 'admin'],
  body: z.strictObject({
    jointAccountPlans: z.array(z.unknown()).default([]),
    qbrs: z.array(z.unknown()).default([]),
    topAccounts: z.number().int().min(1).max(500).optional(),
    tenancyArchetype: TenancyArchetype.nullable().default(null),
  }),
  responses: {
    200: {
      description: 'One coverage entry per cloud',
      schema: z.object({ clouds: z.array(z.record(z.string(), z.unknown())) }),
    },
  },
});

export const triagePreview = defineContract({
  operationId: 'triagePreview',
  method: 'post',
  path: `${API_PREFIX}/triage/preview`,
  summary:
    "What triage decides for one referral (any portal's format or the canonical one), under the org's rules, the shipped ones, or a config to try",
  tags: ['referrals'],
  scopes: ['alliance-ops', 'admin'],
  body: z.strictObject({
    referral: z.unknown().refine((value) => value !== undefined, 'referral is required'),
    format: z.enum(REFERRAL_FORMATS).optional(),
    rules: z.enum(['org', 'shipped']).default('org'),
    /** A triage configuration to try instead (same shape as COSELL_TRIAGE_CONFIG). */
    config: z.unknown().optional(),
  }),
  responses: {
    200: {
      description: 'The triage decision and what reading the referral found',
      schema: TriagePreviewView,
    },
    422: { description: 'The referral could not be read; findings say where' },
  },
});

export const feedbackCheck = defineContract({
  operationId: 'feedbackCheck',
  method: 'post',
  path: `${API_PREFIX}/feedback/check`,
  summary: 'Whether decline feedback is specific enough to send to the referrer, with findings',
  tags: ['referrals'],
  scopes: ['ae', 'alliance-ops', 'admin'],
  body: z.strictObject({
    text: z.string().max(5000),
    cloud: Cloud,
    /** With a reason, the whole decline is checked (reason and feedback); without, the feedback alone. */
    reason: z.string().max(200).optional(),
    /** The referral's customer and workload make the check sharper. */
    customerName: z.string().min(1).max(255).optional(),
    title: z.string().max(255).optional(),
    description: z.string().max(5000).optional(),
  }),
  responses: {
    200: {
      description: 'ok is false when any finding is an error',
      schema: z.object({ ok: z.boolean(), findings: z.array(Finding) }),
    },
  },
});
