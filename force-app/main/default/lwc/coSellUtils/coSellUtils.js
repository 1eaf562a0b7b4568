// The co-sell service component: every rule the Lightning components share lives here once, so the
// panel, the inbox and the attribution dashboard can never disagree about it.
export {
  CLOUDS,
  SOURCE_LAYERS,
  PRIORITIES,
  TRIAGE_STATUSES,
  OPEN_TRIAGE_STATUSES,
  ENGAGEMENT_STATUSES_OPEN_TO_SUBMIT,
} from './picklists';
export { priorityRank, compareByPriorityThenDue } from './priority';
export {
  INBOX_FILTER_ALL,
  INBOX_FILTER_OPEN,
  INBOX_FILTER_OPEN_LOOPS,
  isDecided,
  matchesInboxFilters,
  compareInboxReferrals,
} from './inboxFilters';
export { slaState, formatDuration } from './sla';
export { parseFindings } from './findings';
export { isGenericFeedback, judgeFeedback } from './feedback';
export { formatLabel, describeError } from './messages';
