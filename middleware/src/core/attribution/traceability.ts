// Readiness item 10 measured from data: can each co-sold deal be followed from origination to
// close in both the ISV's CRM and the hyperscaler's portal, with credit stored where reports read it?
import type { Cloud, CoSellOpportunity } from '../model.js';
import { attributionFor, opportunityAttribution } from './attribution.js';
import { tallyAll } from './deal-tally.js';

export interface AttributionTraceability {
  cloud: Cloud;
  /** Opportunities attributed (sourced or influenced) to the cloud. */
  coSold: number;
  /** Of those, the ones with every link below in place. */
  traceable: number;
  /** Share traceable; null when nothing is co-sold on the cloud yet. */
  ratio: number | null;
  gaps: {
    /** CoSell_Origin__c empty. */
    originMissing: number;
    /** Hyperscaler-led with CoSell_Originating_Cloud__c empty: no one can claim the sourced credit. */
    originatingCloudMissing: number;
    /** CoSell_Attribution__c empty or different from what the rule computes. */
    storedAttributionStale: number;
    /** No CoSell_Engagement__c with a portal id for the cloud: the hyperscaler's system never saw it. */
    notInPortal: number;
  };
}

/** A running count for one cloud: feed opportunities one at a time (a page of the mirror, a file's rows), then read the result. */
export interface TraceabilityTally {
  add(opp: CoSellOpportunity): void;
  result(): AttributionTraceability;
}

export function traceabilityTally(cloud: Cloud): TraceabilityTally {
  const gaps = {
    originMissing: 0,
    originatingCloudMissing: 0,
    storedAttributionStale: 0,
    notInPortal: 0,
  };
  let coSold = 0;
  let traceable = 0;
  return {
    add(opp) {
      if (attributionFor(opp, cloud) === 'None') return;
      coSold += 1;
      const originMissing = opp.coSell.origin === null;
      const originatingCloudMissing =
        opp.coSell.origin === 'Hyperscaler-led' && opp.coSell.originatingCloud === null;
      const stale = opp.coSell.attribution !== opportunityAttribution(opp);
      const notInPortal = !opp.engagements.some(
        (engagement) => engagement.cloud === cloud && engagement.portalId !== null,
      );
      if (originMissing) gaps.originMissing += 1;
      if (originatingCloudMissing) gaps.originatingCloudMissing += 1;
      if (stale) gaps.storedAttributionStale += 1;
      if (notInPortal) gaps.notInPortal += 1;
      if (!originMissing && !originatingCloudMissing && !stale && !notInPortal) traceable += 1;
    },
    result: () => ({
      cloud,
      coSold,
      traceable,
      ratio: coSold === 0 ? null : traceable / coSold,
      gaps: { ...gaps },
    }),
  };
}

/** Counts, per cloud, how many co-sold deals are traceable end to end; one pass, counters only. */
export function attributionTraceability(
  opps: Iterable<CoSellOpportunity>,
  cloud: Cloud,
): AttributionTraceability {
  return tallyAll(traceabilityTally(cloud), opps);
}
