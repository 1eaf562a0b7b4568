// The `--json` result of every `cosell` command as a zod schema, keyed by command id: the source of
// schemas/*.json (scripts/generate-command-artifacts.ts) and what the command tests hold output to.
// Service-backed results reuse the API contract's response schemas (api-contract/), so they cannot drift apart.
import { z } from 'zod';
import { AttributionTrendView } from '../core/attribution/trend-view.js';
import { Cloud, Finding, Severity } from '../core/model.js';
import { READINESS_ITEMS, ReadinessEvidence } from '../core/readiness/index.js';
import {
  listReferrals,
  acceptReferral,
  assignReferralRoute,
  declineReferral,
} from '../api-contract/referrals.js';
import { responseSchema as serviceResponse } from '../api-contract/route-contract.js';
import { replaySyncJob, syncStatus } from '../api-contract/sync.js';
import { EngagementView } from '../api-contract/schemas.js';
import {
  FeedbackLoopsView,
  MaturityView,
  TriagePreviewView,
  feedbackCheck,
  relationshipCoverageRoute,
} from '../api-contract/practices.js';

const Count = z.number().int().nonnegative();
const IsoInstant = z.string().describe('ISO 8601 instant');

const ReportedFinding = z.object({
  row: z
    .number()
    .int()
    .nullable()
    .describe(
      'Export row (header = 1), or position in the query result with --target-org; null for pipeline findings',
    ),
  opportunityId: z.string().nullable(),
  code: z.string(),
  severity: z.string(),
  cloud: z.string().nullable(),
  field: z.string().nullable(),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});

const ExportFinding = Finding.extend({
  row: z.number().int(),
  opportunityId: z.string().nullable(),
});

const CloudCheck = z.object({
  cloud: Cloud,
  portal: z.string(),
  operation: z.string(),
  valid: z.boolean(),
  errors: Count,
  warnings: Count,
  findings: z.array(Finding),
});

const SetupCheckRow = z.object({
  area: z.enum([
    'object',
    'field',
    'permission set',
    'object access',
    'field access',
    'integration user',
    'value map',
  ]),
  item: z.string(),
  ok: z.boolean(),
  problem: z.string(),
});

const ReadinessChecklistSchema = z.object({
  cloud: Cloud,
  items: z.array(
    z.object({
      number: z.number().int().min(1).max(10),
      key: z.enum(READINESS_ITEMS),
      title: z.string(),
      status: z.enum(['met', 'not met', 'unknown']),
      evidence: z.array(z.string()),
    }),
  ),
  summary: z.object({ met: Count, notMet: Count, unknown: Count }),
  ready: z.boolean(),
});

const AccountMatchView = z.object({
  list: z.enum(['hyperscaler', 'target']),
  row: z.number().int(),
  name: z.string(),
  domain: z.string().nullable(),
  reviewKey: z.string(),
  status: z.enum(['matched', 'confirmed', 'review', 'rejected', 'unmatched']),
  basis: z.string(),
  confidence: z.number(),
  accountId: z.string().nullable(),
  candidates: z.array(
    z.object({ id: z.string(), name: z.string(), website: z.string().nullable() }),
  ),
});

export const RESULT_SCHEMAS: Record<string, z.ZodType> = {
  'cosell accounts map': z.object({
    cloud: Cloud,
    ranOn: z.string().describe('YYYY-MM-DD'),
    summary: z.record(z.string(), Count),
    matches: z.array(AccountMatchView),
    review: z.array(AccountMatchView),
    pursuits: z.array(
      z.object({
        accountId: z.string().nullable(),
        accountName: z.string(),
        domain: z.string().nullable(),
        cloud: Cloud,
        relationship: z.enum(['customer', 'prospect', 'not in Salesforce']),
        onTargetList: z.boolean(),
        hyperscalerOwner: z.string().nullable(),
        hyperscalerOwnerEmail: z.string().nullable(),
        isvOwner: z.string().nullable(),
        confidence: z.number(),
        nextStep: z.string(),
      }),
    ),
    rejected: z.array(
      z.object({
        list: z.enum(['hyperscaler', 'target', 'salesforce']),
        row: z.number().int(),
        reason: z.string(),
      }),
    ),
    output: z.string().nullable(),
    evidenceUpdated: z.string().nullable(),
    saved: z
      .object({
        created: Count,
        updated: Count,
        failed: z.array(
          z.object({
            key: z.string(),
            errors: z.array(
              z.object({
                statusCode: z.string(),
                message: z.string(),
                fields: z.array(z.string()),
              }),
            ),
          }),
        ),
      })
      .nullable()
      .describe('CoSell_Joint_Pursuit__c rows written with --save (null without it)'),
  }),
  'cosell attribution report': z.object({
    file: z.string().nullable(),
    targetOrg: z.string().nullable(),
    report: z.object({
      generatedAt: IsoInstant,
      reportingCurrency: z.string(),
      cloud: Cloud.nullable(),
      period: z.string().nullable(),
      minSampleSize: z.number(),
      rows: z.array(z.record(z.string(), z.unknown())),
      totals: z.array(z.record(z.string(), z.unknown())),
    }),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    trend: AttributionTrendView.nullable().describe(
      'The last --quarters fiscal quarters with --trend (null without it)',
    ),
    rejectedRows: z.array(ExportFinding),
  }),
  'cosell fiscal period': z.object({
    cloud: z.string(),
    date: z.string(),
    period: z.string(),
    start: z.string(),
    end: z.string(),
    yearEndWindow: z.object({ start: z.string(), end: z.string(), inWindow: z.boolean() }),
  }),
  'cosell coverage': serviceResponse(relationshipCoverageRoute, 200),
  'cosell feedback check': serviceResponse(feedbackCheck, 200),
  'cosell lint': z.object({
    file: z.string().nullable(),
    targetOrg: z.string().nullable(),
    now: IsoInstant,
    summary: z.object({
      opportunities: Count,
      opportunitiesWithFindings: Count,
      bySeverity: z.record(Severity, Count),
      byCode: z.record(z.string(), Count),
      rejectedRows: Count,
    }),
    findings: z.array(ReportedFinding),
  }),
  'cosell loops': FeedbackLoopsView,
  'cosell maturity': MaturityView.extend({
    file: z.string().nullable(),
    targetOrg: z.string().nullable(),
    evidenceFile: z.string().nullable(),
    now: IsoInstant,
    rejectedRows: Count,
  }),
  'cosell opportunity submit': z.object({
    opportunityId: z.string(),
    cloud: Cloud,
    jobId: z.string().nullable(),
    queued: z.boolean(),
    jobStatus: z.enum(['pending', 'running', 'done', 'dead']).nullable(),
    outcome: z.enum(['shared', 'refused', 'failed', 'waiting', 'queued']),
    findings: z.array(Finding),
    engagement: EngagementView.nullable(),
    waitedSeconds: Count,
  }),
  'cosell opportunity validate': z.object({
    targetOrg: z.string(),
    now: IsoInstant,
    valid: z.boolean(),
    opportunities: z.array(
      z.object({
        opportunityId: z.string().nullable(),
        name: z.string().nullable(),
        valid: z.boolean(),
        clouds: z.array(CloudCheck),
        unreadable: z.array(Finding),
      }),
    ),
  }),
  'cosell payload map': z.object({
    portal: z.string(),
    operation: z.string(),
    now: IsoInstant,
    payload: z.record(z.string(), z.unknown()),
    errors: Count,
    warnings: Count,
    findings: z.array(Finding),
  }),
  'cosell payload validate': z.object({
    portal: z.string(),
    operation: z.string(),
    file: z.string(),
    valid: z.boolean(),
    errors: Count,
    warnings: Count,
    findings: z.array(Finding),
  }),
  'cosell readiness': z.object({
    evidenceFile: z.string().nullable(),
    /** With --template: blank evidence per cloud to fill in (then nothing is scored). */
    template: z.array(z.record(z.string(), z.unknown())).nullable(),
    targetOrg: z.string().nullable(),
    now: IsoInstant,
    ready: z.boolean(),
    checklists: z.array(ReadinessChecklistSchema),
    skipped: z.array(z.string()),
  }),
  'cosell referrals accept': serviceResponse(acceptReferral, 202),
  'cosell referrals assign': serviceResponse(assignReferralRoute, 202),
  'cosell referrals decline': serviceResponse(declineReferral, 202),
  'cosell referrals list': serviceResponse(listReferrals, 200),
  'cosell triage preview': TriagePreviewView.extend({ file: z.string() }),
  'cosell setup check': z.object({
    targetOrg: z.string(),
    ready: z.boolean(),
    checked: Count,
    missing: z.array(SetupCheckRow),
    checks: z.array(SetupCheckRow),
  }),
  'cosell sync replay': serviceResponse(replaySyncJob, 202),
  'cosell sync status': serviceResponse(syncStatus, 200),
};

/** `cosell referrals list` → `cosell-referrals-list.json`, the file name salesforcecli plugins use. */
export function schemaFileName(commandId: string): string {
  return `${commandId.replace(/[ :]/g, '-')}.json`;
}

/**
 * Documents users write for the CLI and the org, published beside the result schemas: the readiness
 * evidence format (one cloud's object; a file may hold an array of them).
 */
export const INPUT_SCHEMAS: Record<string, z.ZodType> = {
  'readiness-evidence.json': ReadinessEvidence,
};

/** The JSON Schema of an input document, as written to schemas/. */
export function inputJsonSchema(file: string): Record<string, unknown> {
  const schema = INPUT_SCHEMAS[file];
  if (!schema) throw new Error(`no input schema named ${file}`);
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    title: 'Co-sell readiness evidence for one cloud',
  } as Record<string, unknown>;
}

/** The JSON Schema (draft 2020-12) of a command's result, as written to schemas/. */
export function resultJsonSchema(commandId: string): Record<string, unknown> {
  const schema = RESULT_SCHEMAS[commandId];
  if (!schema)
    throw new Error(
      `no result schema for "${commandId}": add it to middleware/src/cli/result-schemas.ts`,
    );
  return {
    ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
    title: `${commandId} --json result`,
  } as Record<string, unknown>;
}
