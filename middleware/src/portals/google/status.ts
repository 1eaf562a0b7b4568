// The Google opportunity lifecycle: what a partner may change (state DRAFT → SUBMITTED; stage only
// once Google accepted, never to CLOSED) as pure checks, and its mapping to the canonical status.
import type { EngagementStatus } from '../../core/model.js';
import { CLIENT_SETTABLE_STATES, type ClientSettableState } from './schema.js';

/** Google's acceptance; the reference once said APPROVED, so older records may still carry it. */
export const ACCEPTED_STATES: readonly string[] = ['ACCEPTED', 'APPROVED'];
export const CLOSED_STAGE = 'CLOSED';

export interface OpportunityPosition {
  state: string;
  stage?: string | null;
}

export class IllegalOpportunityChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalOpportunityChangeError';
  }
}

function isClientSettable(state: string): state is ClientSettableState {
  return (CLIENT_SETTABLE_STATES as readonly string[]).includes(state);
}

/** Why a partner cannot set this state, or null when it can. DRAFT → SUBMITTED is one-way. */
export function stateChangeProblem(current: string, next: string): string | null {
  if (!isClientSettable(next))
    return `a partner can only set state to DRAFT or SUBMITTED, not ${next}`;
  if (current === 'DRAFT') return null;
  if (current === 'SUBMITTED')
    return next === 'SUBMITTED' ? null : 'a submitted opportunity cannot go back to DRAFT';
  return `the opportunity is ${current}: Google decided on it, its state is no longer the partner's to set`;
}

/** Why the stage cannot move to `next`, or null when it can. */
export function stageChangeProblem(current: OpportunityPosition, next: string): string | null {
  if (!ACCEPTED_STATES.includes(current.state))
    return `the stage changes only after Google accepts the opportunity (it is ${current.state})`;
  if (next === CLOSED_STAGE)
    return 'the stage cannot be set to CLOSED through the API; report the outcome in salesCycle/winLossInfo';
  if (current.stage === CLOSED_STAGE)
    return 'the opportunity is closed; its stage no longer changes';
  return null;
}

/** Sets the state, or throws `IllegalOpportunityChangeError` saying why not. */
export function changeState(current: OpportunityPosition, next: string): OpportunityPosition {
  const problem = stateChangeProblem(current.state, next);
  if (problem)
    throw new IllegalOpportunityChangeError(
      `Cannot set the Google opportunity state from ${current.state} to ${next}: ${problem}`,
    );
  return { ...current, state: next };
}

/** Submits a draft for Google's review. */
export function submitOpportunity(current: OpportunityPosition): OpportunityPosition {
  return changeState(current, 'SUBMITTED');
}

/** Moves the sales stage, or throws `IllegalOpportunityChangeError` saying why not. */
export function changeStage(current: OpportunityPosition, next: string): OpportunityPosition {
  const problem = stageChangeProblem(current, next);
  if (problem)
    throw new IllegalOpportunityChangeError(
      `Cannot move the Google opportunity stage to ${next}: ${problem}`,
    );
  return { ...current, stage: next };
}

const CANONICAL_BY_STATE: Record<string, EngagementStatus> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  ACCEPTED: 'Accepted',
  APPROVED: 'Accepted',
};

/**
 * Canonical engagement status of an opportunity as read back. An accepted opportunity whose stage
 * Google closed is Closed (won/lost detail lives in winLossInfo, whose shape is not public yet).
 * A state not in GOOGLE_ENUMS_TO_COMPLETE gives null, for the caller to flag.
 */
export function engagementStatusOf(position: OpportunityPosition): EngagementStatus | null {
  const status = CANONICAL_BY_STATE[position.state] ?? null;
  return status === 'Accepted' && position.stage === CLOSED_STAGE ? 'Closed' : status;
}
