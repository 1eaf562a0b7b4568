// Turns portal events (ACE EventBridge events, Partner Center webhooks, Cloud Channel Pub/Sub
// pushes) into engine work. A new referral is recorded at once; news about one of our own portal
// records becomes a status poll (the event is a hint, the portal's record is the truth: an ACE
// "Opportunity ..." event, a Partner Center webhook or a Cloud Channel push about a record we
// submitted); anything else makes the inbound catch-up run now. Events are never the only path:
// the catch-up poll runs anyway, so a lost event is never a lost referral.
import type { Kysely } from 'kysely';
import type { Cloud, InboundReferral } from '../core/model.js';
import type { TriageDecision } from '../core/triage/index.js';
import { PORTAL_CLOUD, type PortalName } from '../portals/portal.js';
import { findEngagedOpportunity } from '../store/engagements.js';
import type { Database } from '../store/schema.js';
import { enqueuePortalJob } from './job-queueing.js';
import { JOB_KINDS } from './jobs.js';
import {
  PortalError,
  type InboundDelivery,
  type PortalEventReader,
  type PortalRecordState,
} from './portal-client.js';
import { recordInboundReferral } from './referral-intake.js';

export interface PortalEventOutcome {
  outcome: 'created' | 'updated' | 'duplicate' | 'ignored' | 'rejected';
  referralId?: string;
  findings?: import('../core/model.js').Finding[];
  /** Why the event changed nothing for good (the sender need not retry). */
  reason?: string;
}

export interface PortalEventDeps {
  db: Kysely<Database>;
  clock: () => Date;
  triage: (referral: InboundReferral) => TriageDecision;
  /** Readers of the pushes Partner Center and Cloud Channel send (ACE events need none). */
  microsoft?: PortalEventReader;
  google?: PortalEventReader;
  /** Runs the inbound catch-up for a cloud soon (ACE events only name what changed). */
  catchUpSoon: (cloud: Cloud) => void;
  /** Wakes the worker after enqueuing. */
  nudge: () => void;
}

export function createPortalEventHandler(deps: PortalEventDeps) {
  async function record(delivery: InboundDelivery): Promise<PortalEventOutcome> {
    const result = await recordInboundReferral(deps.db, delivery, deps.triage, deps.clock());
    deps.nudge();
    return result.outcome === 'duplicate'
      ? { outcome: 'duplicate' }
      : { outcome: result.outcome, referralId: result.referralId };
  }

  /**
   * Queues a status poll of the engagement the event concerns, once per record version (or ACE
   * event id): the same event delivered again finds the poll already queued and is a duplicate.
   */
  async function pollOwnRecord(
    cloud: Cloud,
    salesforceId: string | null,
    state: Pick<PortalRecordState, 'portalId' | 'version'>,
  ): Promise<PortalEventOutcome> {
    const now = deps.clock();
    const opportunityId = await findEngagedOpportunity(
      deps.db,
      cloud,
      salesforceId ? { salesforceId } : { portalId: state.portalId },
    );
    if (!opportunityId) return { outcome: 'ignored' };
    const job = await enqueuePortalJob(
      deps.db,
      {
        kind: JOB_KINDS.poll,
        opportunityId,
        cloud,
        idempotencyKey: `${cloud}:poll:${opportunityId}:event:${state.version ?? now.toISOString()}`,
        maxAttempts: 3,
      },
      now,
    );
    if (!job.created) return { outcome: 'duplicate' };
    deps.nudge();
    return { outcome: 'updated' };
  }

  return async function handlePortalEvent(
    portal: PortalName,
    payload: unknown,
  ): Promise<PortalEventOutcome> {
    try {
      return await dispatch(portal, payload);
    } catch (error) {
      // A payload the portal module refuses is answered as such (the sender learns why); anything
      // else (the portal unreachable while reading the record) propagates so the sender retries.
      if (error instanceof PortalError && error.kind === 'validation')
        return { outcome: 'rejected', findings: error.findings };
      // An event about a record the portal does not have will never succeed: answer it for good,
      // instead of failing every retry of the relay.
      if (error instanceof PortalError && error.kind === 'not-found')
        return {
          outcome: 'ignored',
          reason: `the ${portal} portal has no such record: ${error.message}`,
        };
      throw error;
    }
  };

  async function dispatch(portal: PortalName, payload: unknown): Promise<PortalEventOutcome> {
    if (portal === 'aws') {
      // An ACE opportunity event (its review moved on) names our own record: poll it, so an edit
      // queued while ACE locked it goes out promptly. Invitations and anything else: catch up now.
      const review = aceOpportunityEvent(payload);
      if (review) return pollOwnRecord('AWS', null, review);
      deps.catchUpSoon('AWS');
      return { outcome: 'ignored' };
    }
    const reader = deps[portal];
    if (!reader) return { outcome: 'ignored' };
    const reading = await reader.readEvent(payload);
    if (reading.kind === 'inbound') return record(reading.delivery);
    if (reading.kind === 'engagement')
      return pollOwnRecord(PORTAL_CLOUD[portal], reading.salesforceId, reading.state);
    return { outcome: 'ignored' };
  }
}

/**
 * The ACE opportunity an EventBridge "Opportunity ..." event (Created, Updated, Accepted, Rejected...)
 * is about, with the event id as the version that deduplicates its delivery; null for any other event.
 */
export function aceOpportunityEvent(
  payload: unknown,
): { portalId: string; version: string } | null {
  if (!payload || typeof payload !== 'object') return null;
  const event = payload as {
    id?: unknown;
    'detail-type'?: unknown;
    detail?: { opportunity?: { identifier?: unknown } };
  };
  const type = event['detail-type'];
  const identifier = event.detail?.opportunity?.identifier;
  if (
    typeof type !== 'string' ||
    !type.startsWith('Opportunity ') ||
    typeof identifier !== 'string' ||
    !identifier
  )
    return null;
  if (typeof event.id !== 'string' || !event.id) return null;
  return { portalId: identifier, version: event.id };
}
