// Submission-quality lint for outbound co-sell: catches what makes a hyperscaler reject or ignore a
// shared deal before it reaches a portal. Streaming, so a 400k-row export is linted row by row.
import type { CoSellOpportunity, Severity } from '../model.js';
import type { LintCode, LintFinding } from './finding.js';
import { opportunityFindings } from './opportunity-rules.js';
import { placeholderAmountTally, shareEverythingTally } from './pipeline-rules.js';
import {
  influencedNotSourcedTally,
  reopenedAsSourcedTally,
  singleCloudTally,
} from './practice-rules.js';
import { parseLintThresholds, type LintThresholdsInput } from './thresholds.js';

export { LINT_CODES, LINT_SEVERITY, type LintCode, type LintFinding } from './finding.js';
export { judgeOpportunityName, type GenericNameVerdict } from './generic-names.js';
export { relationshipFindings, type RelationshipLintInput } from './relationship-rules.js';
export {
  DEFAULT_LINT_THRESHOLDS,
  LintThresholds,
  LintThresholdsError,
  parseLintThresholds,
  type LintThresholdsInput,
} from './thresholds.js';

export interface LintOptions {
  /** The moment the lint judges staleness and close dates against; never read from the clock here. */
  now: Date;
  thresholds?: LintThresholdsInput;
}

export interface Linter {
  /** Per-opportunity findings for one opportunity; also feeds the cross-opportunity tallies. */
  add(opp: CoSellOpportunity): LintFinding[];
  /** Cross-opportunity findings (placeholder amounts, share-everything, the motion's anti-patterns), once every row was added; once only. */
  finish(): LintFinding[];
}

export function createLinter(options: LintOptions): Linter {
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new TypeError('createLinter: `now` must be a valid Date');
  }
  const thresholds = parseLintThresholds(options.thresholds);
  const context = { now: options.now, thresholds };
  const tallies = [
    placeholderAmountTally(options.now, thresholds),
    shareEverythingTally(thresholds),
    singleCloudTally(thresholds),
    reopenedAsSourcedTally(thresholds),
    influencedNotSourcedTally(thresholds),
  ];
  let finished = false;
  return {
    add(opp) {
      if (finished) throw new Error('createLinter: add() after finish()');
      for (const tally of tallies) tally.observe(opp);
      return opportunityFindings(opp, context);
    },
    finish() {
      if (finished) throw new Error('createLinter: finish() called twice');
      finished = true;
      const findings = tallies.flatMap((tally) => tally.findings());
      // The tallies hold every candidate deal and account key of the export (tens of MB at 1M
      // rows): let them go before the caller writes its report.
      tallies.length = 0;
      return findings;
    },
  };
}

/** Lints an in-memory list: per-opportunity findings in input order, then the pipeline findings. */
export function lintOpportunities(
  opps: Iterable<CoSellOpportunity>,
  options: LintOptions,
): LintFinding[] {
  const linter = createLinter(options);
  const findings: LintFinding[] = [];
  for (const opp of opps) findings.push(...linter.add(opp));
  findings.push(...linter.finish());
  return findings;
}

export interface LintSummary {
  opportunities: number;
  opportunitiesWithFindings: number;
  bySeverity: Record<Severity, number>;
  byCode: Partial<Record<LintCode, number>>;
}

/** Running totals for a lint run, kept alongside the stream so findings need not be retained. */
export function createLintSummary(): {
  countOpportunity(findings: ReadonlyArray<LintFinding>): void;
  countPipeline(findings: ReadonlyArray<LintFinding>): void;
  result(): LintSummary;
} {
  const summary: LintSummary = {
    opportunities: 0,
    opportunitiesWithFindings: 0,
    bySeverity: { error: 0, warning: 0, info: 0 },
    byCode: {},
  };
  const count = (findings: ReadonlyArray<LintFinding>) => {
    for (const finding of findings) {
      summary.bySeverity[finding.severity] += 1;
      summary.byCode[finding.code] = (summary.byCode[finding.code] ?? 0) + 1;
    }
  };
  return {
    countOpportunity(findings) {
      summary.opportunities += 1;
      if (findings.length > 0) summary.opportunitiesWithFindings += 1;
      count(findings);
    },
    countPipeline: count,
    result: () => structuredClone(summary),
  };
}
