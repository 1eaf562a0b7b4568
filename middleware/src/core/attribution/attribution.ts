// Who gets credit for a deal, per cloud: the rule behind CoSell_Attribution__c and every sourced vs
// influenced figure RevOps reports.
import {
  CLOUDS,
  type Attribution,
  type Cloud,
  type CoSellOpportunity,
  type EngagementStatus,
} from '../model.js';

/**
 * Engagement states that prove the hyperscaler worked the deal with the ISV. Won and Lost are only
 * reached after acceptance in the canonical lifecycle, so they count as joint work too.
 */
export const JOINT_WORK_STATUSES: ReadonlySet<EngagementStatus> = new Set([
  'Accepted',
  'Won',
  'Lost',
]);

/**
 * Engagement states where the hyperscaler declined the deal or never picked it up. A tag alone does
 * not earn influence credit once the cloud has said no: counting it would inflate influenced pipeline
 * with deals the cloud refused to work.
 */
export const DECLINED_STATUSES: ReadonlySet<EngagementStatus> = new Set(['Rejected', 'Expired']);

/**
 * The cloud that originated the deal, or null when the ISV did or the record cannot say which cloud.
 * Attribution follows origin: a hyperscaler-led deal was sourced by a
 * hyperscaler, so when the originating cloud is blank but exactly one cloud is tagged, that cloud is
 * the only one that can have brought it. With several clouds tagged nothing says which one did; the
 * deal stays unsourced and `originatingCloudFinding` reports it (we never pick one of several).
 */
export function originatingCloudOf(opp: CoSellOpportunity): Cloud | null {
  // Sourced credit needs a hyperscaler-led origin. A Partner-led deal with an originating cloud filled
  // in is inconsistent data; origin wins because it is what the AE set.
  if (opp.coSell.origin !== 'Hyperscaler-led') return null;
  if (opp.coSell.originatingCloud !== null) return opp.coSell.originatingCloud;
  const tagged = [...new Set(opp.coSell.clouds)];
  return tagged.length === 1 ? tagged[0]! : null;
}

/** The data-quality problem behind a hyperscaler-led deal whose originating cloud is blank, if any. */
export type OriginatingCloudGap =
  | { kind: 'read-from-single-cloud'; cloud: Cloud }
  | { kind: 'ambiguous'; clouds: Cloud[] }
  | { kind: 'no-cloud' };

/** Null when the record says who sourced it (or origin is not hyperscaler-led). */
export function originatingCloudGap(opp: CoSellOpportunity): OriginatingCloudGap | null {
  if (opp.coSell.origin !== 'Hyperscaler-led' || opp.coSell.originatingCloud !== null) return null;
  const tagged = [...new Set(opp.coSell.clouds)];
  if (tagged.length === 1) return { kind: 'read-from-single-cloud', cloud: tagged[0]! };
  return tagged.length === 0 ? { kind: 'no-cloud' } : { kind: 'ambiguous', clouds: tagged };
}

/** Whether a cloud took part in the deal: tagged or working it jointly, and not having declined it. */
export function isCloudEngaged(opp: CoSellOpportunity, cloud: Cloud): boolean {
  const engagement = opp.engagements.find((candidate) => candidate.cloud === cloud);
  if (engagement && JOINT_WORK_STATUSES.has(engagement.status)) return true;
  if (engagement && DECLINED_STATUSES.has(engagement.status)) return false;
  return opp.coSell.clouds.includes(cloud);
}

/**
 * Attribution of one opportunity to one cloud.
 * - Sourced: hyperscaler-led and this cloud originated it (even if a later portal update was rejected:
 *   who brought the deal does not change), including the single tagged cloud when the field is blank.
 * - Influenced: this cloud is engaged (see isCloudEngaged) but did not originate it. This covers
 *   partner-led deals, a second cloud on another cloud's referral, and hyperscaler-led deals tagged
 *   for several clouds with no originating cloud recorded (lint reports those as
 *   LINT_ORIGINATING_CLOUD_MISSING errors: a gap to fix, not a figure to trust).
 * - None: otherwise.
 */
export function attributionFor(opp: CoSellOpportunity, cloud: Cloud): Attribution {
  if (originatingCloudOf(opp) === cloud) return 'Sourced';
  return isCloudEngaged(opp, cloud) ? 'Influenced' : 'None';
}

const STRENGTH: Record<Attribution, number> = { None: 0, Influenced: 1, Sourced: 2 };

/** The strongest of two attributions: Sourced beats Influenced beats None. */
export function strongerAttribution(a: Attribution, b: Attribution): Attribution {
  return STRENGTH[b] > STRENGTH[a] ? b : a;
}

/** The value stored in CoSell_Attribution__c: the strongest attribution across all clouds. */
export function opportunityAttribution(opp: CoSellOpportunity): Attribution {
  return CLOUDS.reduce<Attribution>(
    (best, cloud) => strongerAttribution(best, attributionFor(opp, cloud)),
    'None',
  );
}
