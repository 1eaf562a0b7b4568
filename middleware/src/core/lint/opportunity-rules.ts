// The lint rules that judge one opportunity on its own: what its name, description, ask, dates and
// outcome tell the hyperscaler reviewer. One finding per tagged cloud, because each cloud's
// engagement record carries its own findings.
import { originatingCloudGap } from '../attribution/attribution.js';
import type { Cloud, CoSellOpportunity } from '../model.js';
import { dayBefore, daysSince } from './calendar.js';
import { LINT_CODES, lintFinding, type LintFinding } from './finding.js';
import { judgeOpportunityName } from './generic-names.js';
import type { LintThresholds } from './thresholds.js';

type RuleContext = { now: Date; thresholds: LintThresholds };
type CloudRule = (opp: CoSellOpportunity, cloud: Cloud, context: RuleContext) => LintFinding | null;

/** The clouds an opportunity is shared with, each once. */
export function taggedClouds(opp: CoSellOpportunity): readonly Cloud[] {
  const { clouds } = opp.coSell;
  // Most deals tag one cloud or none (every rule of every row asks): nothing to de-duplicate.
  return clouds.length < 2 ? clouds : [...new Set(clouds)];
}

const templateName: CloudRule = (opp, cloud, { thresholds }) => {
  const verdict = judgeOpportunityName(opp.name, thresholds.extraGenericNameWords);
  if (!verdict.generic) return null;
  return lintFinding(LINT_CODES.templateName, {
    cloud,
    field: 'name',
    opportunityId: opp.id,
    message: `"${opp.name}" could be any deal: name it after the customer and the workload (for example "${opp.account.name} – data platform migration") so the ${cloud} reviewer can tell it apart.`,
    evidence: { name: opp.name, genericWords: verdict.genericWords },
  });
};

const thinDescription: CloudRule = (opp, cloud, { thresholds }) => {
  const description = opp.description?.trim() ?? '';
  if (description.length >= thresholds.minDescriptionLength) return null;
  return lintFinding(LINT_CODES.thinDescription, {
    cloud,
    field: 'description',
    opportunityId: opp.id,
    message:
      description.length === 0
        ? `No description: tell ${cloud} what ${opp.account.name} is trying to solve, its current platform and why now.`
        : `The description has ${description.length} characters; give at least ${thresholds.minDescriptionLength}: the customer's problem, current platform and why now.`,
    evidence: { descriptionLength: description.length, minimum: thresholds.minDescriptionLength },
  });
};

const missingUseCase: CloudRule = (opp, cloud) => {
  if ((opp.coSell.useCase?.trim() ?? '') !== '') return null;
  return lintFinding(LINT_CODES.missingUseCase, {
    cloud,
    field: 'coSell.useCase',
    opportunityId: opp.id,
    message: `No use case: say which workload this deal moves onto ${cloud} (for example "Data platform modernisation") so the right specialist team picks it up.`,
    evidence: { useCase: opp.coSell.useCase },
  });
};

const staleRecord: CloudRule = (opp, cloud, { now, thresholds }) => {
  if (opp.isClosed) return null;
  const age = daysSince(opp.lastModifiedDate, now);
  if (age <= thresholds.staleAfterDays) return null;
  return lintFinding(LINT_CODES.staleRecord, {
    cloud,
    field: 'stageName',
    opportunityId: opp.id,
    message: `Not updated for ${age} days: confirm the stage, amount and close date before ${cloud} sees them again.`,
    evidence: {
      lastModifiedDate: opp.lastModifiedDate,
      daysSinceUpdate: age,
      staleAfterDays: thresholds.staleAfterDays,
      stageName: opp.stageName,
    },
  });
};

const pastCloseDate: CloudRule = (opp, cloud, { now, thresholds }) => {
  if (opp.isClosed) return null;
  const lastAcceptable = dayBefore(now, thresholds.closeDateGraceDays);
  if (opp.closeDate >= lastAcceptable) return null;
  return lintFinding(LINT_CODES.pastCloseDate, {
    cloud,
    field: 'closeDate',
    opportunityId: opp.id,
    message: `The deal is open but its close date ${opp.closeDate} has passed: move the close date forward or close the opportunity.`,
    evidence: { closeDate: opp.closeDate, daysOverdue: daysSince(opp.closeDate, now) },
  });
};

const noHyperscalerAsk: CloudRule = (opp, cloud) => {
  if (opp.coSell.origin === 'Hyperscaler-led' || opp.coSell.helpNeeded.length > 0) return null;
  return lintFinding(LINT_CODES.noHyperscalerAsk, {
    cloud,
    field: 'coSell.helpNeeded',
    opportunityId: opp.id,
    message: `No ask of ${cloud}: pick the help you need (architecture validation, customer introduction, pricing...) or do not share the deal; sharing without an ask is deal registration, not co-sell.`,
    evidence: { helpNeeded: [] },
  });
};

const wonDealForCredit: CloudRule = (opp, cloud) => {
  if (!opp.isWon || opp.coSell.origin === 'Hyperscaler-led') return null;
  const engagement = opp.engagements.find((candidate) => candidate.cloud === cloud);
  const submittedAt = engagement?.submittedAt ?? null;
  // Shared on or before the close day: the hyperscaler had the chance to help, so credit is fair.
  if (submittedAt !== null && submittedAt.slice(0, 10) <= opp.closeDate) return null;
  return lintFinding(LINT_CODES.wonDealForCredit, {
    cloud,
    field: 'coSell.clouds',
    opportunityId: opp.id,
    message:
      submittedAt === null
        ? `Closed Won on ${opp.closeDate} and never shared with ${cloud} before it closed: submitting it now claims credit for help that did not happen. Remove ${cloud} from the co-sell clouds.`
        : `Closed Won on ${opp.closeDate} but first shared with ${cloud} on ${submittedAt.slice(0, 10)}: that is a claim for credit, not co-sell. Remove ${cloud} from the co-sell clouds.`,
    evidence: { closeDate: opp.closeDate, submittedAt, stageName: opp.stageName },
  });
};

/**
 * A hyperscaler-led deal was sourced by a hyperscaler, so a blank originating cloud is a hole in the
 * attribution (attribution follows origin, core/attribution/attribution.ts): with one cloud tagged the report reads that
 * cloud as the source and says so here; with several it cannot tell and the deal counts as sourced
 * by none of them until the field is set.
 */
const originatingCloudMissing: CloudRule = (opp, cloud) => {
  const gap = originatingCloudGap(opp);
  if (!gap || gap.kind === 'no-cloud') return null;
  const message =
    gap.kind === 'read-from-single-cloud'
      ? `Hyperscaler-led with no originating cloud: reported as sourced by ${cloud}, the only cloud tagged. Set the originating cloud to ${cloud} (or correct the origin) so the record says it.`
      : `Hyperscaler-led with no originating cloud and ${gap.clouds.join(', ')} tagged: no cloud gets sourced credit until you set which one brought the deal.`;
  return lintFinding(LINT_CODES.originatingCloudMissing, {
    cloud,
    field: 'coSell.originatingCloud',
    opportunityId: opp.id,
    message,
    evidence:
      gap.kind === 'read-from-single-cloud'
        ? { origin: opp.coSell.origin, readAsSourcedBy: cloud }
        : { origin: opp.coSell.origin, taggedClouds: gap.clouds },
  });
};

const CLOUD_RULES: ReadonlyArray<CloudRule> = [
  templateName,
  thinDescription,
  missingUseCase,
  staleRecord,
  pastCloseDate,
  noHyperscalerAsk,
  wonDealForCredit,
  originatingCloudMissing,
];

/** Every per-opportunity finding, for each cloud the opportunity is tagged for (none when untagged). */
export function opportunityFindings(opp: CoSellOpportunity, context: RuleContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const cloud of taggedClouds(opp)) {
    for (const rule of CLOUD_RULES) {
      const finding = rule(opp, cloud, context);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}
