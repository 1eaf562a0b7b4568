// Routes that let alliance ops, admins and RevOps ask what a co-sell rule decides without waiting for
// real traffic: maturity stage, open feedback loops, account mapping, relationship coverage, the
// triage preview and the decline-feedback check. Each mirrors a `cosell` command.
import { z } from 'zod';
import {
  AccountListError,
  AccountMappingError,
  jointPursuitRecords,
  mapAccounts,
  parseAccountList,
  type SalesforceAccountRecord,
} from '../../core/account-mapping/index.js';
import { ExchangeRateSettingError, MissingExchangeRateError, buildAttributionReport } from '../../core/attribution/index.js';
import { FeedbackLoopError, feedbackLoopReport } from '../../core/feedback/index.js';
import { checkFeedback } from '../../core/feedback/check.js';
import { CLOUDS, Cloud, Counterpart, Finding, InboundReferral, TenancyArchetype, type CoSellOpportunity } from '../../core/model.js';
import { MaturityMetricsError, maturityMetricsFromReport, maturityStage, parseReadinessEvidence, ReadinessEvidenceError } from '../../core/readiness/index.js';
import { RelationshipRecordsError, relationshipCoverage } from '../../core/relationships/coverage-report.js';
import { DEFAULT_TRIAGE_RULES, TriageConfigError, resolveTriageConfig, triageReferral, type ResolvedTriageConfig } from '../../core/triage/index.js';
import { REFERRAL_FORMATS, readReferral } from '../../portals/referral-formats.js';
import { recordAccountMappingRun, type AccountMappingRun } from '../../store/account-mapping-runs.js';
import type { Database } from '../../store/schema.js';
import type { Kysely } from 'kysely';
import { mirroredOpportunities } from '../mirror.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route-table.js';

const decode = (data: unknown) => (typeof data === 'string' ? JSON.parse(data) : data) as Record<string, unknown>;

export async function storedCounterparts(db: Kysely<Database>): Promise<Counterpart[]> {
  const rows = await db.selectFrom('counterparts').selectAll().execute();
  return rows.flatMap((row) => {
    const parsed = Counterpart.safeParse({ ...decode(row.data), cloud: row.cloud, layer: row.layer, name: row.name, email: row.email });
    return parsed.success ? [parsed.data] : [];
  });
}

async function storedReferrals(db: Kysely<Database>, cloud?: Cloud): Promise<InboundReferral[]> {
  let select = db.selectFrom('referrals').select(['id', 'data']);
  if (cloud) select = select.where('cloud', '=', cloud);
  const rows = await select.orderBy('id').execute();
  return rows.flatMap((row) => {
    const parsed = InboundReferral.safeParse({ ...decode(row.data), id: undefined });
    return parsed.success ? [{ ...parsed.data, id: String(row.id) }] : [];
  });
}

export async function allOpportunities(db: Kysely<Database>): Promise<CoSellOpportunity[]> {
  const opportunities: CoSellOpportunity[] = [];
  for await (const opportunity of mirroredOpportunities(db)) opportunities.push(opportunity);
  return opportunities;
}

const problemFrom = (field: string, message: string, code: string) => new HttpProblem(400, PROBLEM_TYPES.badRequest, message, { errors: [{ field, message, code }] });

const Marker = z.object({ marker: z.string(), met: z.boolean(), actual: z.union([z.number(), z.boolean(), z.null()]), target: z.union([z.number(), z.boolean()]), source: z.string(), note: z.string().optional() });
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

export const maturity = defineRoute({
  operationId: 'maturity',
  method: 'get',
  path: `${API_PREFIX}/maturity`,
  summary: 'Co-sell maturity stage (month 1 to 24+) with the evidence behind every marker',
  tags: ['reports'],
  scopes: ['revops', 'alliance-ops', 'admin'],
  query: z.strictObject({ cloud: Cloud.optional() }),
  responses: { 200: { description: 'The stage reached, every stage with its markers, and what the next stage needs', schema: MaturityView } },
  async handler({ query, deps, now }) {
    let report;
    try {
      report = buildAttributionReport(await allOpportunities(deps.db), { ...(query.cloud ? { cloud: query.cloud } : {}), reportingCurrency: deps.reporting.currency, rates: deps.reporting.rates, now });
    } catch (error) {
      if (error instanceof MissingExchangeRateError) throw new HttpProblem(422, PROBLEM_TYPES.unprocessable, error.message);
      if (error instanceof ExchangeRateSettingError) throw new HttpProblem(500, PROBLEM_TYPES.internal, `reporting configuration: ${error.message}`);
      throw error;
    }
    const clouds = query.cloud ? [query.cloud] : [...CLOUDS];
    const evidence = [];
    for (const cloud of clouds) {
      const recorded = await deps.readinessEvidence(cloud);
      if (recorded === null) continue;
      try {
        evidence.push(parseReadinessEvidence(recorded));
      } catch (error) {
        if (error instanceof ReadinessEvidenceError) throw new HttpProblem(500, PROBLEM_TYPES.internal, `readiness evidence recorded for ${cloud} is invalid: ${error.message}`);
        throw error;
      }
    }
    const counterparts = (await storedCounterparts(deps.db)).filter((counterpart) => clouds.includes(counterpart.cloud));
    const metrics = maturityMetricsFromReport(report, now, { counterparts, evidence });
    try {
      return { status: 200, body: { metrics, assessment: maturityStage(metrics) } };
    } catch (error) {
      if (error instanceof MaturityMetricsError) throw new HttpProblem(500, PROBLEM_TYPES.internal, error.message);
      throw error;
    }
  },
});

const Referrer = z.object({ name: z.string().nullable(), email: z.string().nullable(), title: z.string().nullable() });
export const FeedbackLoopsView = z.object({
  now: z.string(),
  debriefDays: z.number(),
  summary: z.object({ 'accepted without debrief': z.number().int(), 'declined without feedback': z.number().int(), 'undecided past SLA': z.number().int(), referrersAtRisk: z.number().int() }),
  loops: z.array(z.object({ referralId: z.string(), portalId: z.string(), cloud: Cloud, customerName: z.string(), referrer: Referrer, kind: z.string(), since: z.string(), ageDays: z.number().int() })),
  referrers: z.array(z.object({ referrer: Referrer, cloud: Cloud, layer: z.string().nullable(), referrals: z.number().int(), silences: z.number().int(), risk: z.enum(['none', 'watch', 'at risk', 'disengaging']), openReferralIds: z.array(z.string()) })),
});

export const feedbackLoops = defineRoute({
  operationId: 'feedbackLoops',
  method: 'get',
  path: `${API_PREFIX}/feedback-loops`,
  summary: 'Open feedback loops (accepted without debrief, declined without feedback, undecided past SLA) and the risk per referrer',
  tags: ['referrals'],
  scopes: ['alliance-ops', 'revops', 'admin'],
  query: z.strictObject({ cloud: Cloud.optional(), debriefDays: z.coerce.number().int().min(0).max(90).default(7) }),
  responses: { 200: { description: 'Every open loop, oldest first, and every referrer with a silence', schema: FeedbackLoopsView } },
  async handler({ query, deps, now }) {
    try {
      return { status: 200, body: feedbackLoopReport(await storedReferrals(deps.db, query.cloud), { now, debriefDays: query.debriefDays }) };
    } catch (error) {
      if (error instanceof FeedbackLoopError) throw problemFrom('query.debriefDays', error.message, 'invalid');
      throw error;
    }
  },
});

const SalesforceAccountInput = z.strictObject({
  id: z.string().min(15).max(18),
  name: z.string().min(1),
  website: z.string().nullable().default(null),
  ownerName: z.string().nullable().default(null),
  type: z.string().nullable().default(null),
});

/** The Accounts the mirror knows (from its opportunities), when the caller sends none. */
function mirroredAccounts(opportunities: readonly CoSellOpportunity[]): SalesforceAccountRecord[] {
  const byId = new Map<string, SalesforceAccountRecord>();
  for (const opp of opportunities) {
    if (!opp.account.id) continue;
    const known = byId.get(opp.account.id);
    const type = opp.isWon || known?.type === 'Customer' ? 'Customer' : 'Prospect';
    byId.set(opp.account.id, { id: opp.account.id, name: opp.account.name, website: opp.account.website, ownerName: known?.ownerName ?? opp.ownerName, type });
  }
  return [...byId.values()];
}

export const accountMapping = defineRoute({
  operationId: 'accountMapping',
  method: 'post',
  path: `${API_PREFIX}/account-mapping`,
  summary: "Match a hyperscaler's account list and the target list to Salesforce Accounts, and return the joint pursuit list; records the run for readiness item 7",
  tags: ['reports'],
  scopes: ['alliance-ops', 'admin'],
  body: z.strictObject({
    cloud: Cloud,
    /** The hyperscaler's export as CSV text (see README for accepted headers). */
    hyperscalerCsv: z.string().min(1),
    targetCsv: z.string().optional(),
    /** Salesforce Accounts to match against; default: the Accounts of the mirrored opportunities. */
    accounts: z.array(SalesforceAccountInput).max(20_000).optional(),
    decisions: z.array(z.strictObject({ reviewKey: z.string().min(1), accountId: z.string().min(15).max(18).nullable() })).default([]),
    reviewThreshold: z.number().gt(0).max(1).optional(),
  }),
  responses: { 200: { description: 'Matches, the review queue and the joint pursuit list; `saved` says what the connected org stored (null without an org)', schema: z.record(z.string(), z.unknown()) } },
  async handler({ body, deps, now }) {
    try {
      const hyperscaler = parseAccountList(body.hyperscalerCsv, 'hyperscaler');
      const target = body.targetCsv ? parseAccountList(body.targetCsv, 'target') : { accounts: [], rejected: [] };
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
      await recordAccountMappingRun(deps.db, { cloud: body.cloud, ranOn: result.ranOn, hyperscalerAccounts: result.summary.hyperscalerAccounts, matched: result.summary.matched, review: result.summary.review, jointPursuits: result.summary.jointPursuits }, now);
      // With an org connected the pursuit list is stored there too, for the Joint Pursuit List report.
      const saved = deps.saveJointPursuits ? await deps.saveJointPursuits(jointPursuitRecords(result)) : null;
      return { status: 200, body: { ...result, saved } };
    } catch (error) {
      if (error instanceof AccountListError) throw problemFrom(`body.${error.list === 'hyperscaler' ? 'hyperscalerCsv' : 'targetCsv'}`, error.message, error.code);
      if (error instanceof AccountMappingError) throw problemFrom(`body.${error.field.split('.')[0]}`, error.message, error.code);
      throw error;
    }
  },
});

export const relationshipCoverageRoute = defineRoute({
  operationId: 'relationshipCoverage',
  method: 'post',
  path: `${API_PREFIX}/relationship-coverage`,
  summary: 'Named counterparts across the five layers, joint plans on top accounts and QBR rhythm, per cloud',
  tags: ['reports'],
  scopes: ['revops', 'alliance-ops', 'admin'],
  body: z.strictObject({
    jointAccountPlans: z.array(z.unknown()).default([]),
    qbrs: z.array(z.unknown()).default([]),
    topAccounts: z.number().int().min(1).max(500).optional(),
    tenancyArchetype: TenancyArchetype.nullable().default(null),
  }),
  responses: { 200: { description: 'One coverage entry per cloud', schema: z.object({ clouds: z.array(z.record(z.string(), z.unknown())) }) } },
  async handler({ body, deps, now }) {
    try {
      const clouds = relationshipCoverage(await storedCounterparts(deps.db), await allOpportunities(deps.db), { jointAccountPlans: body.jointAccountPlans, qbrs: body.qbrs }, {
        now,
        tenancyArchetype: body.tenancyArchetype,
        referrals: await storedReferrals(deps.db),
        ...(body.topAccounts ? { topAccounts: body.topAccounts } : {}),
      });
      return { status: 200, body: { clouds } };
    } catch (error) {
      if (error instanceof RelationshipRecordsError) throw problemFrom(`body.${error.field}`, error.message, error.code);
      throw error;
    }
  },
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

export const triagePreview = defineRoute({
  operationId: 'triagePreview',
  method: 'post',
  path: `${API_PREFIX}/triage/preview`,
  summary: "What triage decides for one referral (any portal's format or the canonical one), under the org's rules, the shipped ones, or a config to try",
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
    200: { description: 'The triage decision and what reading the referral found', schema: TriagePreviewView },
    422: { description: 'The referral could not be read; findings say where' },
  },
  async handler({ body, deps, now }) {
    let resolved: ResolvedTriageConfig;
    let rules: 'org' | 'shipped' | 'given';
    try {
      if (body.config !== undefined) [resolved, rules] = [resolveTriageConfig(body.config, DEFAULT_TRIAGE_RULES), 'given'];
      else if (body.rules === 'org' && deps.triageConfig) [resolved, rules] = [deps.triageConfig(), 'org'];
      else [resolved, rules] = [resolveTriageConfig({}), 'shipped'];
    } catch (error) {
      if (error instanceof TriageConfigError) {
        throw new HttpProblem(400, PROBLEM_TYPES.badRequest, error.message, { errors: error.issues.map((issue) => ({ field: `body.config.${issue.path}`, message: issue.message, code: 'invalid' })) });
      }
      throw error;
    }
    const reading = readReferral(body.referral, body.format, { receivedAt: now.toISOString() });
    if (!reading.ok) throw new HttpProblem(422, PROBLEM_TYPES.unprocessable, `the referral could not be read${reading.format ? ` as ${reading.format}` : ''}`, { findings: reading.findings });
    const decision = triageReferral(reading.referral, resolved.rules, resolved.calendar);
    return { status: 200, body: { format: reading.format, rules, referral: reading.referral, findings: reading.findings, decision } };
  },
});

export const feedbackCheck = defineRoute({
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
  responses: { 200: { description: 'ok is false when any finding is an error', schema: z.object({ ok: z.boolean(), findings: z.array(Finding) }) } },
  async handler({ body }) {
    const findings = checkFeedback(body);
    return { status: 200, body: { ok: !findings.some((finding) => finding.severity === 'error'), findings } };
  },
});

/**
 * Readiness item 7 reads the latest account-mapping run: its date when newer than what the alliance
 * team recorded, and a non-empty joint pursuit list as "defined" unless they said otherwise.
 */
export function withAccountMappingRun(recorded: Record<string, unknown>, run: AccountMappingRun | null): Record<string, unknown> {
  if (!run) return recorded;
  const mapping = (recorded.accountMapping ?? {}) as { lastRunOn?: string | null; jointPursuitListDefined?: boolean | null };
  const lastRunOn = mapping.lastRunOn && mapping.lastRunOn > run.ranOn ? mapping.lastRunOn : run.ranOn;
  const jointPursuitListDefined = mapping.jointPursuitListDefined ?? run.jointPursuits > 0;
  return { ...recorded, accountMapping: { ...mapping, lastRunOn, jointPursuitListDefined } };
}

export const PRACTICE_ROUTES: ApiRoute[] = [maturity, feedbackLoops, accountMapping, relationshipCoverageRoute, triagePreview, feedbackCheck];
