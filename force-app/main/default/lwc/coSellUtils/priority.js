// Inbox order: the referral that most needs a person comes first (priority, then the SLA due time).

// A referral whose source could not be classified has no priority. It is never treated as
// Standard: it still needs a person to look at it, so it sorts just ahead of Standard work.
const RANK = { Urgent: 0, High: 1, Standard: 3 };
const UNCLASSIFIED_RANK = 2;

/** Lower rank = handle sooner. */
export function priorityRank(priority) {
  return Object.prototype.hasOwnProperty.call(RANK, priority) ? RANK[priority] : UNCLASSIFIED_RANK;
}

function dueTime(responseDue) {
  const time = responseDue ? Date.parse(responseDue) : NaN;
  // No due time (or an unreadable one) sorts last within its priority.
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** Comparator for `{ priority, responseDue }` items: priority first, then the earliest due time. */
export function compareByPriorityThenDue(a, b) {
  const byPriority = priorityRank(a.priority) - priorityRank(b.priority);
  if (byPriority !== 0) {
    return byPriority;
  }
  const dueA = dueTime(a.responseDue);
  const dueB = dueTime(b.responseDue);
  if (dueA === dueB) {
    return 0;
  }
  return dueA < dueB ? -1 : 1;
}
