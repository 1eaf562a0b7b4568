// Pipeline-wide anti-patterns of the co-sell motion itself (submission quality and the sourced vs
// influenced diagnostic): one cloud carrying nearly all co-sold deals, deals re-opened as
// alliance-sourced after a direct loss, and per cloud "strong influenced, weak sourced".
import { attributionFor } from '../attribution/attribution.js';
import { CLOUDS, type Cloud, type CoSellOpportunity } from '../model.js';
import { normaliseCompanyName } from '../account-mapping/normalise.js';
import { LINT_CODES, lintFinding, type LintFinding } from './finding.js';
import { AccountIndex, DealLedger, dayNumber, isoDay } from './deal-ledger.js';
import { taggedClouds } from './opportunity-rules.js';
import type { PipelineTally } from './pipeline-rules.js';
import type { LintThresholds } from './thresholds.js';

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Single-cloud strategy: nearly every co-sold deal on one cloud, the others untouched. */
export function singleCloudTally(thresholds: LintThresholds): PipelineTally {
  let coSold = 0;
  const perCloud = new Map<Cloud, number>(CLOUDS.map((cloud) => [cloud, 0]));
  return {
    observe(opp) {
      const clouds = taggedClouds(opp);
      if (clouds.length === 0) return;
      coSold += 1;
      for (const cloud of clouds) perCloud.set(cloud, (perCloud.get(cloud) ?? 0) + 1);
    },
    findings() {
      if (coSold < thresholds.singleCloudMinDeals) return [];
      const [top, topCount] = [...perCloud].sort((a, b) => b[1] - a[1])[0]!;
      const share = topCount / coSold;
      const others = [...perCloud].filter(([cloud]) => cloud !== top);
      if (
        share < thresholds.singleCloudMinShare ||
        others.some(([, count]) => count / coSold > 1 - thresholds.singleCloudMinShare)
      )
        return [];
      const otherText = others.map(([cloud, count]) => `${cloud} ${count}`).join(', ');
      return [
        lintFinding(LINT_CODES.singleCloud, {
          cloud: top,
          field: 'coSell.clouds',
          opportunityId: null,
          message: `${topCount} of ${coSold} co-sold deals (${Math.round(share * 100)}%) are with ${top} (${otherText}): customers on the other clouds are a blind spot; even a listing, program enrolment and a named PDM there keeps the option open.`,
          evidence: {
            coSoldDeals: coSold,
            perCloud: Object.fromEntries(perCloud),
            share: round3(share),
            minShare: thresholds.singleCloudMinShare,
          },
        }),
      ];
    },
  };
}

/**
 * The account a deal belongs to: its Id when known, else its normalised name behind a NUL, which no
 * Id holds. The Id itself is the key (no prefix): one string per account is kept for the whole run.
 */
function accountKey(opp: CoSellOpportunity): string | null {
  if (opp.account.id) return opp.account.id;
  const name = normaliseCompanyName(opp.account.name);
  return name ? `\u0000${name}` : null;
}

/**
 * "Alliance withholds support": a direct deal is left to be lost, then the same account's deal comes
 * back as hyperscaler-sourced. Flags each sourced deal created within the window after a lost deal on
 * the same account that was not hyperscaler-led. Every candidate must be held until the last row (an
 * export is in no date order), so they sit in compact ledgers, not one object per deal.
 */
export function reopenedAsSourcedTally(thresholds: LintThresholds): PipelineTally {
  const accounts = new AccountIndex();
  const lost = new DealLedger();
  const sourced = new DealLedger<Cloud>();
  return {
    observe(opp) {
      const isLostDirect = opp.isClosed && !opp.isWon && opp.coSell.origin !== 'Hyperscaler-led';
      const originatingCloud =
        opp.coSell.origin === 'Hyperscaler-led' ? opp.coSell.originatingCloud : null;
      if (!isLostDirect && !originatingCloud) return;
      const key = accountKey(opp);
      if (!key) return;
      const account = accounts.of(key);
      if (isLostDirect) lost.add(account, dayNumber(opp.closeDate), opp.id);
      if (originatingCloud)
        sourced.add(account, dayNumber(opp.createdDate), opp.id, originatingCloud);
    },
    findings() {
      const findings: LintFinding[] = [];
      const losses = lost.grouped();
      const deals = sourced.grouped();
      for (const account of deals.accounts) {
        const accountLosses = losses.entriesOf(account);
        if (accountLosses.length === 0) continue;
        for (const deal of deals.entriesOf(account)) {
          const dealId = sourced.id(deal);
          const createdOn = sourced.day(deal);
          // The latest loss on or before the deal's creation, within the window; the first one added wins a tie.
          let prior: number | undefined;
          for (const loss of accountLosses) {
            const lostOn = lost.day(loss);
            if (lostOn > createdOn || createdOn - lostOn > thresholds.reopenWindowDays) continue;
            if (prior !== undefined && lostOn <= lost.day(prior)) continue;
            if (lost.id(loss) === dealId) continue;
            prior = loss;
          }
          if (prior === undefined) continue;
          const cloud = sourced.tag(deal) as Cloud;
          const priorId = lost.id(prior);
          const days = Math.round(createdOn - lost.day(prior));
          findings.push(
            lintFinding(LINT_CODES.reopenedAsSourced, {
              cloud,
              field: 'coSell.origin',
              opportunityId: dealId,
              message: `Opened as ${cloud}-sourced ${days} days after direct deal ${priorId} on the same account was lost: if this is that deal re-opened for alliance credit, agree explicit credit for supporting direct deals instead of letting them lapse.`,
              evidence: {
                lostOpportunityId: priorId,
                lostOn: isoDay(lost.day(prior)),
                createdOn: isoDay(createdOn),
                daysBetween: days,
                windowDays: thresholds.reopenWindowDays,
              },
            }),
          );
        }
      }
      return findings;
    },
  };
}

/** Per cloud, the single most useful diagnostic: partner-led runs well, hyperscaler-led does not. */
export function influencedNotSourcedTally(thresholds: LintThresholds): PipelineTally {
  const counts = new Map<Cloud, { sourced: number; influenced: number }>(
    CLOUDS.map((cloud) => [cloud, { sourced: 0, influenced: 0 }]),
  );
  return {
    observe(opp) {
      for (const cloud of CLOUDS) {
        const attribution = attributionFor(opp, cloud);
        const tally = counts.get(cloud)!;
        if (attribution === 'Sourced') tally.sourced += 1;
        else if (attribution === 'Influenced') tally.influenced += 1;
      }
    },
    findings() {
      const findings: LintFinding[] = [];
      for (const [cloud, { sourced, influenced }] of counts) {
        if (influenced < thresholds.influencedNotSourcedMinInfluenced) continue;
        const ratio = sourced / influenced;
        if (ratio >= thresholds.influencedNotSourcedMaxRatio) continue;
        findings.push(
          lintFinding(LINT_CODES.influencedNotSourced, {
            cloud,
            field: 'coSell.origin',
            opportunityId: null,
            message: `${cloud}: ${influenced} influenced deals but ${sourced} sourced (${round3(ratio)} per influenced deal): partner-led co-sell works, hyperscaler-led does not yet; invest in account-team and specialist relationships and customer evidence that bring ${cloud}'s sellers to you.`,
            evidence: {
              sourced,
              influenced,
              ratio: round3(ratio),
              maxRatio: thresholds.influencedNotSourcedMaxRatio,
            },
          }),
        );
      }
      return findings;
    },
  };
}
