// The lint's vocabulary: stable finding codes, their severity, and the shape every lint finding
// takes, so the CLI, the service and the Salesforce panel render them the same way.
import type { Cloud, Finding, Severity } from '../model.js';
import { OPPORTUNITY_FIELDS } from '../salesforce-fields.js';

/** Stable codes: stored on engagements and matched by dashboards, so never rename one. */
export const LINT_CODES = {
  placeholderAmount: 'LINT_PLACEHOLDER_AMOUNT',
  templateName: 'LINT_TEMPLATE_NAME',
  thinDescription: 'LINT_THIN_DESCRIPTION',
  missingUseCase: 'LINT_MISSING_USE_CASE',
  staleRecord: 'LINT_STALE_RECORD',
  pastCloseDate: 'LINT_PAST_CLOSE_DATE',
  noHyperscalerAsk: 'LINT_NO_HYPERSCALER_ASK',
  wonDealForCredit: 'LINT_WON_DEAL_FOR_CREDIT',
  shareEverything: 'LINT_SHARE_EVERYTHING',
  originatingCloudMissing: 'LINT_ORIGINATING_CLOUD_MISSING',
  singleCloud: 'LINT_SINGLE_CLOUD',
  reopenedAsSourced: 'LINT_REOPENED_AS_SOURCED',
  influencedNotSourced: 'LINT_INFLUENCED_NOT_SOURCED',
  archetypeMismatch: 'LINT_ARCHETYPE_MISMATCH',
  pdmAsLeadSource: 'LINT_PDM_AS_LEAD_SOURCE',
} as const;
export type LintCode = (typeof LINT_CODES)[keyof typeof LINT_CODES];

/**
 * Errors are what a portal rejects or what misuses co-sell (claims for credit, no ask); warnings are
 * quality problems that cost acceptance but can be a considered choice.
 */
export const LINT_SEVERITY: Record<LintCode, Severity> = {
  LINT_PLACEHOLDER_AMOUNT: 'warning',
  LINT_TEMPLATE_NAME: 'warning',
  LINT_THIN_DESCRIPTION: 'warning',
  LINT_MISSING_USE_CASE: 'warning',
  LINT_STALE_RECORD: 'warning',
  LINT_PAST_CLOSE_DATE: 'error',
  LINT_NO_HYPERSCALER_ASK: 'error',
  LINT_WON_DEAL_FOR_CREDIT: 'error',
  LINT_SHARE_EVERYTHING: 'warning',
  // Attribution data quality, not a portal problem: it must not block a submission.
  LINT_ORIGINATING_CLOUD_MISSING: 'warning',
  LINT_SINGLE_CLOUD: 'warning',
  LINT_REOPENED_AS_SOURCED: 'warning',
  // A diagnostic of the motion, not a defect of any record.
  LINT_INFLUENCED_NOT_SOURCED: 'info',
  LINT_ARCHETYPE_MISMATCH: 'warning',
  LINT_PDM_AS_LEAD_SOURCE: 'warning',
};

/** A finding about one opportunity (opportunityId set) or about the pipeline for a cloud (null). */
export type LintFinding = Finding & {
  code: LintCode;
  cloud: Cloud;
  /** Salesforce field API name the AE edits to resolve it. */
  field: string;
  evidence: Record<string, unknown>;
  opportunityId: string | null;
};

export function lintFinding(
  code: LintCode,
  details: {
    cloud: Cloud;
    field: keyof typeof OPPORTUNITY_FIELDS;
    message: string;
    evidence: Record<string, unknown>;
    opportunityId: string | null;
  },
): LintFinding {
  return {
    code,
    severity: LINT_SEVERITY[code],
    message: details.message,
    cloud: details.cloud,
    field: OPPORTUNITY_FIELDS[details.field],
    evidence: details.evidence,
    opportunityId: details.opportunityId,
  };
}
