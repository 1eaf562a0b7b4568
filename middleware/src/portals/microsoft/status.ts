// The Microsoft referral lifecycle as a one-way machine (New → Active → Closed), the moves a partner
// makes on it (accept, decline, win, lose), and its mapping onto the canonical engagement status.
import type { EngagementStatus, TriageStatus } from '../../core/model.js';
import type { ReferralStatus, ReferralSubstatus } from './schema.js';

/** The statuses a referral actually lives in; `None` is the API's "unset" and never a lifecycle state. */
export type LifecycleStatus = Exclude<ReferralStatus, 'None'>;

export interface ReferralState {
  status: ReferralStatus;
  substatus: ReferralSubstatus;
  statusReason?: string | null;
}

/** Which substatus each status allows (Partner Center's documented table). */
export const SUBSTATUSES_BY_STATUS: Record<LifecycleStatus, readonly ReferralSubstatus[]> = {
  New: ['Pending', 'Received'],
  Active: ['Accepted'],
  Closed: ['Won', 'Lost', 'Declined', 'Expired'],
};

/** Where each status may go next: forward only, Closed is terminal. */
export const NEXT_STATUSES: Record<LifecycleStatus, readonly LifecycleStatus[]> = {
  New: ['New', 'Active', 'Closed'],
  Active: ['Active', 'Closed'],
  Closed: [],
};

/**
 * How a referral may close from where it stands. Stricter than the API's status/substatus table on
 * purpose: a referral is won or lost only after it was accepted, and declined or left to expire only
 * before (the moves Partner Center's UI offers).
 */
export const CLOSING_OUTCOMES: Record<'New' | 'Active', readonly ReferralSubstatus[]> = {
  New: ['Declined', 'Expired'],
  Active: ['Won', 'Lost'],
};

/** Substatus order within New: a referral that was Received never goes back to Pending. */
const NEW_SUBSTATUS_ORDER: readonly ReferralSubstatus[] = ['Pending', 'Received'];

export class IllegalReferralTransitionError extends Error {
  constructor(
    readonly from: ReferralState,
    readonly to: ReferralState,
    reason: string,
  ) {
    super(
      `Cannot move a Microsoft referral from ${from.status}/${from.substatus} to ${to.status}/${to.substatus}: ${reason}`,
    );
    this.name = 'IllegalReferralTransitionError';
  }
}

function isLifecycle(status: ReferralStatus): status is LifecycleStatus {
  return status !== 'None';
}

/** Whether a status/substatus pair is one Partner Center allows (e.g. Active/Won is not). */
export function isValidPair(state: Pick<ReferralState, 'status' | 'substatus'>): boolean {
  return isLifecycle(state.status)
    ? SUBSTATUSES_BY_STATUS[state.status].includes(state.substatus)
    : state.substatus === 'None';
}

/** Why a move is illegal, or null when it is legal. The single source of truth for `moveReferral`. */
export function transitionProblem(from: ReferralState, to: ReferralState): string | null {
  if (!isLifecycle(from.status) || !isLifecycle(to.status)) {
    return 'None is not a lifecycle status';
  }
  if (!isValidPair(from)) return `${from.substatus} is not a substatus of ${from.status}`;
  if (!isValidPair(to)) {
    return `${to.substatus} is not a substatus of ${to.status} (allowed: ${SUBSTATUSES_BY_STATUS[to.status].join(', ')})`;
  }
  if (from.status === 'Closed')
    return 'Closed is terminal: won, lost, declined and expired referrals cannot change';
  if (!NEXT_STATUSES[from.status].includes(to.status))
    return `${from.status} cannot go back to ${to.status}`;
  if (from.status === 'New' && to.status === 'New') {
    if (NEW_SUBSTATUS_ORDER.indexOf(to.substatus) < NEW_SUBSTATUS_ORDER.indexOf(from.substatus)) {
      return 'a received referral cannot return to pending';
    }
  }
  if (to.status === 'Closed' && !CLOSING_OUTCOMES[from.status].includes(to.substatus)) {
    return from.status === 'New'
      ? 'accept it first: only an accepted referral is won or lost'
      : 'an accepted referral closes as Won or Lost';
  }
  if (to.status === 'Closed' && to.substatus === 'Declined' && !to.statusReason?.trim()) {
    return 'declining needs a statusReason the referrer can act on';
  }
  return null;
}

/** Applies a move, or throws `IllegalReferralTransitionError` saying why it is refused. */
export function moveReferral(from: ReferralState, to: ReferralState): ReferralState {
  const problem = transitionProblem(from, to);
  if (problem) throw new IllegalReferralTransitionError(from, to, problem);
  return {
    status: to.status,
    substatus: to.substatus,
    statusReason: to.statusReason ?? from.statusReason ?? null,
  };
}

/** Accept an incoming referral: Active/Accepted. */
export function acceptReferral(from: ReferralState): ReferralState {
  if (from.status !== 'New') {
    throw new IllegalReferralTransitionError(
      from,
      { status: 'Active', substatus: 'Accepted' },
      'only a new referral can be accepted',
    );
  }
  return moveReferral(from, { status: 'Active', substatus: 'Accepted' });
}

/** Decline: Closed/Declined, with the reason Partner Center passes back to the referrer. */
export function declineReferral(from: ReferralState, statusReason: string): ReferralState {
  return moveReferral(from, { status: 'Closed', substatus: 'Declined', statusReason });
}

/** Close a referral we worked: Closed/Won or Closed/Lost. */
export function closeReferral(
  from: ReferralState,
  outcome: 'Won' | 'Lost',
  statusReason?: string,
): ReferralState {
  return moveReferral(from, {
    status: 'Closed',
    substatus: outcome,
    statusReason: statusReason ?? null,
  });
}

const CANONICAL_BY_PAIR: Record<string, EngagementStatus> = {
  'None/None': 'Draft',
  'New/Pending': 'Submitted',
  'New/Received': 'In review',
  'Active/Accepted': 'Accepted',
  'Closed/Won': 'Won',
  'Closed/Lost': 'Lost',
  'Closed/Declined': 'Rejected',
  'Closed/Expired': 'Expired',
};
const CANONICAL_BY_STATUS: Record<string, EngagementStatus> = {
  None: 'Draft',
  New: 'Submitted',
  Active: 'Accepted',
  Closed: 'Closed',
};

/**
 * Canonical engagement status of a referral as read back. Partner Center has no "action required"
 * state on a referral, so that canonical value never comes from here. A substatus this module does
 * not know falls back on its status; an unknown status gives null (the caller flags it).
 */
export function engagementStatusOf(state: {
  status: string;
  substatus?: string | null;
}): EngagementStatus | null {
  return (
    CANONICAL_BY_PAIR[`${state.status}/${state.substatus ?? 'None'}`] ??
    CANONICAL_BY_STATUS[state.status] ??
    null
  );
}

const TRIAGE_BY_PAIR: Record<string, TriageStatus> = {
  'Active/Accepted': 'Accepted',
  'Closed/Won': 'Accepted',
  'Closed/Lost': 'Accepted',
  'Closed/Declined': 'Declined',
  'Closed/Expired': 'Expired',
};

/** Where an incoming referral stands in the ISV's inbox. */
export function triageStatusOf(state: { status: string; substatus?: string | null }): TriageStatus {
  return TRIAGE_BY_PAIR[`${state.status}/${state.substatus ?? 'None'}`] ?? 'New';
}
