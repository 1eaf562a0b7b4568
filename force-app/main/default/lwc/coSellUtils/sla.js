// SLA clock of an inbound referral: how long until (or since) the response was due. Pure: the
// caller passes `now`, so the countdown is testable and ticks only where the component decides.
const MINUTE = 60 * 1000;

/**
 * @param {string|null} responseDue ISO datetime the response is due
 * @param {number} now epoch milliseconds
 * @returns {{ state: 'none'|'due'|'overdue', minutes: number }} whole minutes left (due) or late (overdue)
 */
export function slaState(responseDue, now) {
  const due = responseDue ? Date.parse(responseDue) : NaN;
  if (Number.isNaN(due)) {
    return { state: 'none', minutes: 0 };
  }
  if (now >= due) {
    return { state: 'overdue', minutes: Math.floor((now - due) / MINUTE) };
  }
  // Round up while counting down, so "0 min" never shows for a referral that is not yet late.
  return { state: 'due', minutes: Math.ceil((due - now) / MINUTE) };
}

/** Compact duration for a countdown: "2 d 3 h", "5 h 20 min", "45 min". */
export function formatDuration(minutes) {
  const total = Math.max(0, Math.floor(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (hours > 0) {
    return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  }
  return `${mins} min`;
}
