// The lint rules that need the whole pipeline before they can speak: the same amount on many recent
// submissions (a placeholder), and a cloud tagged on most of the open pipeline (sharing everything).
// Each keeps fixed-size tallies so streaming a large export does not pile rows up in memory.
import { CLOUDS, type Cloud, type CoSellOpportunity } from '../model.js';
import { AmountFrequency } from './amount-frequency.js';
import { dayBefore } from './calendar.js';
import { LINT_CODES, lintFinding, type LintFinding } from './finding.js';
import { taggedClouds } from './opportunity-rules.js';
import type { LintThresholds } from './thresholds.js';

export interface PipelineTally {
  observe(opp: CoSellOpportunity): void;
  findings(): LintFinding[];
}

const KEY_SEPARATOR = ' ';

/** One amount repeated across many recent submissions for a cloud. */
export function placeholderAmountTally(now: Date, thresholds: LintThresholds): PipelineTally {
  const recentSince = dayBefore(now, thresholds.placeholderWindowDays);
  const byCloud = new Map<Cloud, AmountFrequency>(
    CLOUDS.map((cloud) => [cloud, new AmountFrequency(thresholds.placeholderTrackedAmounts)]),
  );
  return {
    observe(opp) {
      if (opp.amount === null || opp.createdDate.slice(0, 10) < recentSince) return;
      const key = `${opp.currencyIsoCode}${KEY_SEPARATOR}${opp.amount}`;
      for (const cloud of taggedClouds(opp)) byCloud.get(cloud)?.add(key, opp.id);
    },
    findings() {
      const findings: LintFinding[] = [];
      for (const [cloud, frequency] of byCloud) {
        const recentSubmissions = frequency.total;
        const minCount = Math.max(
          thresholds.placeholderMinRepeats,
          Math.ceil(thresholds.placeholderMinShare * recentSubmissions),
        );
        for (const amount of frequency.frequent(minCount)) {
          const [currencyIsoCode = '', value = ''] = amount.key.split(KEY_SEPARATOR);
          const quantity = amount.exact ? `${amount.atLeast}` : `at least ${amount.atLeast}`;
          findings.push(
            lintFinding(LINT_CODES.placeholderAmount, {
              cloud,
              field: 'amount',
              opportunityId: null,
              message: `${quantity} of the ${recentSubmissions} deals shared with ${cloud} in the last ${thresholds.placeholderWindowDays} days carry exactly ${currencyIsoCode} ${Number(value).toLocaleString('en-US')}: replace the template value with each customer's own estimate (an early estimate is fine when it is considered and kept up to date).`,
              evidence: {
                amount: Number(value),
                currencyIsoCode,
                occurrences: amount.atLeast,
                exact: amount.exact,
                recentSubmissions,
                share: Math.round((amount.atLeast / recentSubmissions) * 1000) / 1000,
                windowDays: thresholds.placeholderWindowDays,
                sampleOpportunityIds: amount.sampleIds,
              },
            }),
          );
        }
      }
      return findings;
    },
  };
}

/** Share of the open pipeline tagged for each cloud; above the threshold, sharing is not selective. */
export function shareEverythingTally(thresholds: LintThresholds): PipelineTally {
  let openPipeline = 0;
  const sharedOpen = new Map<Cloud, number>(CLOUDS.map((cloud) => [cloud, 0]));
  return {
    observe(opp) {
      if (opp.isClosed) return;
      openPipeline += 1;
      for (const cloud of taggedClouds(opp))
        sharedOpen.set(cloud, (sharedOpen.get(cloud) ?? 0) + 1);
    },
    findings() {
      if (openPipeline < thresholds.shareEverythingMinOpenPipeline) return [];
      const findings: LintFinding[] = [];
      for (const [cloud, shared] of sharedOpen) {
        const rate = shared / openPipeline;
        if (rate <= thresholds.shareEverythingMaxRate) continue;
        const percent = Math.round(rate * 100);
        findings.push(
          lintFinding(LINT_CODES.shareEverything, {
            cloud,
            field: 'coSell.clouds',
            opportunityId: null,
            message: `${shared} of ${openPipeline} open deals (${percent}%) are shared with ${cloud}: share the ones where ${cloud}'s help changes the outcome, or acceptance will drop (limit ${Math.round(thresholds.shareEverythingMaxRate * 100)}%).`,
            evidence: {
              sharedOpenDeals: shared,
              openDeals: openPipeline,
              rate: Math.round(rate * 1000) / 1000,
              maxRate: thresholds.shareEverythingMaxRate,
            },
          }),
        );
      }
      return findings;
    },
  };
}
