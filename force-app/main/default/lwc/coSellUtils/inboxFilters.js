// Which referrals the inbox shows and in what order. The filter bar offers these values and the
// inbox applies them, so both take them from here.
import { OPEN_TRIAGE_STATUSES } from './picklists';
import { compareByPriorityThenDue } from './priority';

export const INBOX_FILTER_ALL = '';
export const INBOX_FILTER_OPEN = 'Open';
// Referrers still waiting to hear back (the Feedback_Loop_Open__c formula): silence ends introductions.
export const INBOX_FILTER_OPEN_LOOPS = 'OpenLoops';

const DECIDED_TRIAGE_STATUSES = ['Accepted', 'Declined', 'Expired'];

/** A referral that has had its decision (or ran out of time): no clock, no actions. */
export function isDecided(referral) {
  return DECIDED_TRIAGE_STATUSES.includes(referral.triageStatus);
}

/** `filters` holds cloud, layer, priority and status, each INBOX_FILTER_ALL or a value to match. */
export function matchesInboxFilters(referral, filters) {
  const { cloud, layer, priority, status } = filters;
  if (cloud !== INBOX_FILTER_ALL && referral.cloud !== cloud) {
    return false;
  }
  if (layer !== INBOX_FILTER_ALL && referral.sourceLayer !== layer) {
    return false;
  }
  if (priority !== INBOX_FILTER_ALL && referral.priority !== priority) {
    return false;
  }
  if (status === INBOX_FILTER_OPEN) {
    return OPEN_TRIAGE_STATUSES.includes(referral.triageStatus);
  }
  if (status === INBOX_FILTER_OPEN_LOOPS) {
    return referral.feedbackLoopOpen;
  }
  return status === INBOX_FILTER_ALL || referral.triageStatus === status;
}

// Decided referrals only show up when the status filter asks for them; they go after the open work.
export function compareInboxReferrals(a, b) {
  const byOpen = Number(isDecided(a)) - Number(isDecided(b));
  return byOpen !== 0 ? byOpen : compareByPriorityThenDue(a, b);
}
