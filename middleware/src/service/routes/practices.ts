// Routes that let alliance ops, admins and RevOps ask what a co-sell rule decides without waiting for
// real traffic: maturity stage, open feedback loops, account mapping, relationship coverage, the
// triage preview and the decline-feedback check. Each mirrors a `cosell` command.
import {
  AccountListError,
  AccountMappingError,
  jointPursuitRecords,
  mapAccounts,
  parseAccountList,
  type SalesforceAccountRecord,
} from '../../core/account-mapping/index.js';
import { FeedbackLoopError, feedbackLoopReport } from '../../core/feedback/index.js';
import { checkFeedback } from '../../core/feedback/check.js';
import { CLOUDS, type Cloud, type CoSellOpportunity } from '../../core/model.js';
import {
  MaturityMetricsError,
  maturityMetricsFromReport,
  maturityStage,
  ReadinessEvidenceError,
} from '../../core/readiness/index.js';
import {
  RelationshipRecordsError,
  relationshipCoverage,
} from '../../core/relationships/coverage-report.js';
import {
  DEFAULT_TRIAGE_RULES,
  TriageConfigError,
  resolveTriageConfig,
  triageReferral,
  type ResolvedTriageConfig,
} from '../../core/triage/index.js';
import { readReferral } from '../../portals/referral-formats.js';
import {
  recordAccountMappingRun,
  type AccountMappingRun,
} from '../../store/account-mapping-runs.js';
import { storedCounterparts } from '../../store/counterparts.js';
import { allOpportunities } from '../../store/opportunities.js';
import { storedReferrals } from '../../store/referrals.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { recordedEvidence } from '../recorded-evidence.js';
import { reportFromMirror } from './report-from-mirror.js';
import * as contract from '../../api-contract/practices.js';
import { defineRoute, type ApiRoute } from '../route-table.js';

/** Evidence the checklist refuses was recorded by us: a 500 that names the cloud, not the caller's fault. */
export function invalidEvidenceProblem(cloud: Cloud, error: unknown): unknown {
  return error instanceof ReadinessEvidenceError
    ? new HttpProblem(
        500,
        PROBLEM_TYPES.internal,
        `readiness evidence recorded for ${cloud} is invalid: ${error.message}`,
      )
    : error;
}

const problemFrom = (field: string, message: string, code: string) =>
  new HttpProblem(400, PROBLEM_TYPES.badRequest, message, { errors: [{ field, message, code }] });

export const maturity = defineRoute({
  ...contract.maturity,
  async handler({ query, deps, now }) {
    const report = await reportFromMirror(deps, now, query.cloud ? { cloud: query.cloud } : {});
    const clouds = query.cloud ? [query.cloud] : [...CLOUDS];
    const evidence = await recordedEvidence(deps.readinessEvidence, clouds, (cloud, error) => {
      throw invalidEvidenceProblem(cloud, error);
    });
    const counterparts = (await storedCounterparts(deps.db)).filter((counterpart) =>
      clouds.includes(counterpart.cloud),
    );
    const metrics = maturityMetricsFromReport(report, now, { counterparts, evidence });
    try {
      return { status: 200, body: { metrics, assessment: maturityStage(metrics) } };
    } catch (error) {
      if (error instanceof MaturityMetricsError)
        throw new HttpProblem(500, PROBLEM_TYPES.internal, error.message);
      throw error;
    }
  },
});

export const feedbackLoops = defineRoute({
  ...contract.feedbackLoops,
  async handler({ query, deps, now }) {
    try {
      return {
        status: 200,
        body: feedbackLoopReport(await storedReferrals(deps.db, query.cloud), {
          now,
          debriefDays: query.debriefDays,
        }),
      };
    } catch (error) {
      if (error instanceof FeedbackLoopError)
        throw problemFrom('query.debriefDays', error.message, 'invalid');
      throw error;
    }
  },
});

/** The Accounts the mirror knows (from its opportunities), when the caller sends none. */
function mirroredAccounts(opportunities: readonly CoSellOpportunity[]): SalesforceAccountRecord[] {
  const byId = new Map<string, SalesforceAccountRecord>();
  for (const opp of opportunities) {
    if (!opp.account.id) continue;
    const known = byId.get(opp.account.id);
    const type = opp.isWon || known?.type === 'Customer' ? 'Customer' : 'Prospect';
    byId.set(opp.account.id, {
      id: opp.account.id,
      name: opp.account.name,
      website: opp.account.website,
      ownerName: known?.ownerName ?? opp.ownerName,
      type,
    });
  }
  return [...byId.values()];
}

export const accountMapping = defineRoute({
  ...contract.accountMapping,
  async handler({ body, deps, now }) {
    try {
      const hyperscaler = parseAccountList(body.hyperscalerCsv, 'hyperscaler');
      const target = body.targetCsv
        ? parseAccountList(body.targetCsv, 'target')
        : { accounts: [], rejected: [] };
      const result = mapAccounts({
        cloud: body.cloud,
        ranOn: now.toISOString().slice(0, 10),
        hyperscalerAccounts: hyperscaler.accounts,
        targetAccounts: target.accounts,
        salesforceAccounts: body.accounts ?? mirroredAccounts(await allOpportunities(deps.db)),
        decisions: body.decisions,
        ...(body.reviewThreshold ? { reviewThreshold: body.reviewThreshold } : {}),
        rejected: [...hyperscaler.rejected, ...target.rejected],
      });
      await recordAccountMappingRun(
        deps.db,
        {
          cloud: body.cloud,
          ranOn: result.ranOn,
          hyperscalerAccounts: result.summary.hyperscalerAccounts,
          matched: result.summary.matched,
          review: result.summary.review,
          jointPursuits: result.summary.jointPursuits,
        },
        now,
      );
      // With an org connected the pursuit list is stored there too, for the Joint Pursuit List report.
      const saved = deps.saveJointPursuits
        ? await deps.saveJointPursuits(jointPursuitRecords(result))
        : null;
      return { status: 200, body: { ...result, saved } };
    } catch (error) {
      if (error instanceof AccountListError)
        throw problemFrom(
          `body.${error.list === 'hyperscaler' ? 'hyperscalerCsv' : 'targetCsv'}`,
          error.message,
          error.code,
        );
      if (error instanceof AccountMappingError)
        throw problemFrom(`body.${error.field.split('.')[0]}`, error.message, error.code);
      throw error;
    }
  },
});

export const relationshipCoverageRoute = defineRoute({
  ...contract.relationshipCoverageRoute,
  async handler({ body, deps, now }) {
    try {
      const clouds = relationshipCoverage(
        await storedCounterparts(deps.db),
        await allOpportunities(deps.db),
        { jointAccountPlans: body.jointAccountPlans, qbrs: body.qbrs },
        {
          now,
          tenancyArchetype: body.tenancyArchetype,
          referrals: await storedReferrals(deps.db),
          ...(body.topAccounts ? { topAccounts: body.topAccounts } : {}),
        },
      );
      return { status: 200, body: { clouds } };
    } catch (error) {
      if (error instanceof RelationshipRecordsError)
        throw problemFrom(`body.${error.field}`, error.message, error.code);
      throw error;
    }
  },
});

export const triagePreview = defineRoute({
  ...contract.triagePreview,
  async handler({ body, deps, now }) {
    let resolved: ResolvedTriageConfig;
    let rules: 'org' | 'shipped' | 'given';
    try {
      if (body.config !== undefined)
        [resolved, rules] = [resolveTriageConfig(body.config, DEFAULT_TRIAGE_RULES), 'given'];
      else if (body.rules === 'org' && deps.triageConfig)
        [resolved, rules] = [deps.triageConfig(), 'org'];
      else [resolved, rules] = [resolveTriageConfig({}), 'shipped'];
    } catch (error) {
      if (error instanceof TriageConfigError) {
        throw new HttpProblem(400, PROBLEM_TYPES.badRequest, error.message, {
          errors: error.issues.map((issue) => ({
            field: `body.config.${issue.path}`,
            message: issue.message,
            code: 'invalid',
          })),
        });
      }
      throw error;
    }
    const reading = readReferral(body.referral, body.format, { receivedAt: now.toISOString() });
    if (!reading.ok)
      throw new HttpProblem(
        422,
        PROBLEM_TYPES.unprocessable,
        `the referral could not be read${reading.format ? ` as ${reading.format}` : ''}`,
        { findings: reading.findings },
      );
    const decision = triageReferral(reading.referral, resolved.rules, resolved.calendar);
    return {
      status: 200,
      body: {
        format: reading.format,
        rules,
        referral: reading.referral,
        findings: reading.findings,
        decision,
      },
    };
  },
});

export const feedbackCheck = defineRoute({
  ...contract.feedbackCheck,
  async handler({ body }) {
    const findings = checkFeedback(body);
    return {
      status: 200,
      body: { ok: !findings.some((finding) => finding.severity === 'error'), findings },
    };
  },
});

/**
 * Readiness item 7 reads the latest account-mapping run: its date when newer than what the alliance
 * team recorded, and a non-empty joint pursuit list as "defined" unless they said otherwise.
 */
export function withAccountMappingRun(
  recorded: Record<string, unknown>,
  run: AccountMappingRun | null,
): Record<string, unknown> {
  if (!run) return recorded;
  const mapping = (recorded.accountMapping ?? {}) as {
    lastRunOn?: string | null;
    jointPursuitListDefined?: boolean | null;
  };
  const lastRunOn =
    mapping.lastRunOn && mapping.lastRunOn > run.ranOn ? mapping.lastRunOn : run.ranOn;
  const jointPursuitListDefined = mapping.jointPursuitListDefined ?? run.jointPursuits > 0;
  return { ...recorded, accountMapping: { ...mapping, lastRunOn, jointPursuitListDefined } };
}

export const PRACTICE_ROUTES: ApiRoute[] = [
  maturity,
  feedbackLoops,
  accountMapping,
  relationshipCoverageRoute,
  triagePreview,
  feedbackCheck,
];
