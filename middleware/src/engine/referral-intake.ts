// Referrals entering the engine: one a portal sent (by event, webhook or catch-up poll), the
// accept or decline decided in the inbox, and a new owner given to it (from the inbox in Salesforce
// or the service's API alike). Each is one transaction that updates the store, writes the audit
// log and queues the calls it needs.
import type { Kysely, Transaction } from 'kysely';
import {
  InboundReferral,
  SourceLayer,
  type Cloud,
  type DeclineReason,
  type InboundReferralInput,
} from '../core/model.js';
import type { TriageDecision } from '../core/triage/index.js';
import { audit } from '../store/audit-log.js';
import { findCounterpartByEmail } from '../store/counterparts.js';
import { recordInboundEvent } from '../store/inbound-events.js';
import {
  findReferral,
  insertReferral,
  lockReferralByPortalId,
  saveReferralAssignment,
  updateReferral,
} from '../store/referrals.js';
import type { Database } from '../store/schema.js';
import { enqueueReferralJob, enqueueReferralWriteback } from './job-queueing.js';
import { JOB_KINDS, portalSide } from './jobs.js';

export type ReferralIntakeResult =
  | { outcome: 'duplicate' }
  | { outcome: 'created' | 'updated'; referralId: string; decision: TriageDecision | null };

/**
 * Records a referral a portal sent (by event, webhook or catch-up poll). The same portal id and
 * version delivered again changes nothing; a new referral is triaged and queued for Salesforce.
 */
export async function recordInboundReferral(
  db: Kysely<Database>,
  delivery: { referral: InboundReferralInput; version: string },
  triage: (referral: InboundReferral) => TriageDecision,
  now: Date,
): Promise<ReferralIntakeResult> {
  const parsed = InboundReferral.parse(delivery.referral);
  const { cloud, portalId } = parsed;
  return db.transaction().execute(async (trx) => {
    const fresh = await recordInboundEvent(
      trx,
      { portal: cloud, portalId, version: delivery.version },
      now,
    );
    if (!fresh) return { outcome: 'duplicate' as const };

    const existing = await lockReferralByPortalId(trx, cloud, portalId);
    if (existing) {
      // A later version of a referral we hold: keep the inbox's own state (priority, decisions).
      const held = InboundReferral.parse(existing.data);
      const merged: InboundReferral = {
        ...parsed,
        priority: held.priority,
        responseDue: held.responseDue,
        sourceLayer: held.sourceLayer ?? parsed.sourceLayer,
        triageStatus: held.triageStatus,
        ownerId: held.ownerId,
        declineReason: held.declineReason,
        feedback: held.feedback,
        feedbackSentAt: held.feedbackSentAt,
        decidedAt: held.decidedAt,
        opportunityId: held.opportunityId,
        id: held.id,
      };
      await updateReferral(
        trx,
        existing.id,
        { data: merged, portalVersion: delivery.version },
        now,
      );
      await received(trx, existing.id, 'portal-updated', { before: held, after: merged });
      return { outcome: 'updated' as const, referralId: existing.id, decision: null };
    }

    const known = await withKnownSender(trx, parsed);
    const decision = triage(known);
    const triaged: InboundReferral = {
      ...known,
      priority: decision.priority,
      responseDue: decision.responseDue,
      sourceLayer: decision.sourceLayer,
    };
    const referralId = await insertReferral(
      trx,
      {
        cloud,
        portalId,
        portalVersion: delivery.version,
        data: { ...triaged, triage: decision },
        priority: decision.priority,
        responseDue: new Date(decision.responseDue),
        sourceLayer: decision.sourceLayer,
        triageStatus: triaged.triageStatus,
        receivedAt: new Date(parsed.receivedAt),
      },
      now,
    );
    await received(trx, referralId, 'received', { after: { ...triaged, triage: decision } });
    return { outcome: 'created' as const, referralId, decision };
  });

  /** Audits what the portal sent and queues the referral's write-back to Salesforce. */
  async function received(
    trx: Transaction<Database>,
    referralId: string,
    action: string,
    change: { before?: unknown; after: unknown },
  ): Promise<void> {
    await audit(
      trx,
      { side: portalSide(cloud), entity: 'referral', entityId: referralId, action, ...change },
      now,
    );
    await enqueueReferralWriteback(trx, referralId, cloud, portalId, delivery.version, now);
  }
}

/**
 * A portal that names the sender but not their role (Google gives only the owner) leaves the source
 * layer open. When the sender is one of the ISV's named counterparts on that cloud, their recorded
 * layer and title are the role the triage needs; otherwise the referral stays unclassified and
 * triage flags it, never guessing a layer.
 */
async function withKnownSender(
  trx: Transaction<Database>,
  referral: InboundReferral,
): Promise<InboundReferral> {
  const email = referral.referrer.email?.trim().toLowerCase();
  if (referral.sourceLayer !== null || !email) return referral;
  const counterpart = await findCounterpartByEmail(trx, referral.cloud, email);
  const layer = SourceLayer.safeParse(counterpart?.layer);
  if (!counterpart || !layer.success) return referral;
  return {
    ...referral,
    sourceLayer: layer.data,
    referrer: {
      ...referral.referrer,
      name: referral.referrer.name ?? counterpart.name,
      title: referral.referrer.title ?? counterpart.title,
    },
  };
}

export interface ReferralDecisionInput {
  referralId: string;
  decision: 'accept' | 'decline';
  declineReason?: DeclineReason;
  feedback?: string;
  /** Who decided (Salesforce user Id or token subject), for the audit log. */
  actor: string;
}

export class ReferralStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferralStateError';
  }
}

/**
 * Records an accept or decline from the inbox and queues the portal call. Validation of the
 * decline's reason and feedback happens before this (core/feedback); a referral is decided once.
 */
export async function recordReferralDecision(
  db: Kysely<Database>,
  input: ReferralDecisionInput,
  now: Date,
): Promise<{ jobId: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await findReferral(trx, input.referralId, { lock: true });
    if (!row) throw new ReferralStateError(`referral ${input.referralId} does not exist`);
    if (row.triage_status === 'Accepted' || row.triage_status === 'Declined') {
      throw new ReferralStateError(
        `referral ${input.referralId} was already ${row.triage_status.toLowerCase()}`,
      );
    }
    const status = input.decision === 'accept' ? 'Accepted' : 'Declined';
    const updated = {
      ...row.data,
      triageStatus: status,
      decidedAt: now.toISOString(),
      declineReason: input.declineReason ?? null,
      feedback: input.feedback ?? null,
    };
    await updateReferral(trx, row.id, { data: updated, triageStatus: status }, now);
    await audit(
      trx,
      {
        side: 'engine',
        entity: 'referral',
        entityId: row.id,
        action: `decided:${input.decision}`,
        before: { triageStatus: row.triage_status },
        after: { triageStatus: status, actor: input.actor, declineReason: updated.declineReason },
      },
      now,
    );
    const job = await enqueueReferralJob(
      trx,
      {
        kind: JOB_KINDS.decide,
        referralId: row.id,
        cloud: row.cloud as Cloud,
        portalId: row.portal_id,
        idempotencyKey: `${row.cloud}:decide:${row.portal_id}`,
      },
      now,
    );
    return { jobId: job.id };
  });
}

export interface ReferralAssignmentInput {
  referralId: string;
  /** A Salesforce User or Queue Id; the caller has checked that it exists. */
  ownerId: string;
  /** Who assigned (Salesforce user Id or token subject), for the audit log. */
  actor: string;
  /** Where the request came from: the inbox in Salesforce, or the service's API. */
  side: 'salesforce' | 'engine';
}

export type ReferralAssignmentResult =
  | { outcome: 'assigned'; jobId: string; previousOwnerId: string | null }
  /** Already assigned to this owner: nothing to record or write back (also a request read again after a crash). */
  | { outcome: 'unchanged' }
  | { outcome: 'not-found' }
  | { outcome: 'decided'; status: string };

/** Statuses whose owner is history: reassigning would change nothing the referrer sees. */
const CLOSED_FOR_ASSIGNMENT = new Set(['Accepted', 'Declined', 'Expired']);

/**
 * Gives an open referral a new owner: the store, the audit log and the Salesforce write-back (the
 * record then shows Triage_Status__c = Assigned and the owner) change together.
 */
export async function assignReferral(
  db: Kysely<Database>,
  input: ReferralAssignmentInput,
  now: Date,
): Promise<ReferralAssignmentResult> {
  return db.transaction().execute(async (trx) => {
    const row = await findReferral(trx, input.referralId, { lock: true });
    if (!row) return { outcome: 'not-found' as const };
    if (CLOSED_FOR_ASSIGNMENT.has(row.triage_status))
      return { outcome: 'decided' as const, status: row.triage_status };
    const previousOwnerId = typeof row.data.ownerId === 'string' ? row.data.ownerId : null;
    if (row.triage_status === 'Assigned' && previousOwnerId === input.ownerId)
      return { outcome: 'unchanged' as const };
    await saveReferralAssignment(trx, row, input.ownerId, now);
    await audit(
      trx,
      {
        side: input.side,
        entity: 'referral',
        entityId: row.id,
        action: 'assigned',
        before: { ownerId: previousOwnerId, triageStatus: row.triage_status },
        after: { ownerId: input.ownerId, triageStatus: 'Assigned', actor: input.actor },
      },
      now,
    );
    const job = await enqueueReferralWriteback(
      trx,
      row.id,
      row.cloud as Cloud,
      row.portal_id,
      `assigned:${input.ownerId}:${now.toISOString()}`,
      now,
    );
    return { outcome: 'assigned' as const, jobId: job.id, previousOwnerId };
  });
}
