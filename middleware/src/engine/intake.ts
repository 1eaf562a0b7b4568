// How changes enter the engine: an opportunity read from Salesforce, a referral a portal sent, a
// decision taken in the inbox. Each is one transaction that updates the store, writes the audit
// log and enqueues the outbound calls it needs, so a crash either keeps all of it or none of it.
import { sql, type Kysely, type Transaction } from 'kysely';
import {
  CoSellOpportunity,
  InboundReferral,
  SourceLayer,
  type Cloud,
  type CoSellOpportunityInput,
  type DeclineReason,
  type InboundReferralInput,
} from '../core/model.js';
import { changesPortalContent } from '../core/sync-policy.js';
import type { TriageDecision } from '../core/triage/index.js';
import type { Database } from '../store/schema.js';
import { enqueueJob } from './outbox.js';
import { JOB_KINDS, portalTarget } from './jobs.js';

type Trx = Transaction<Database>;

export interface AuditRecord {
  side: 'salesforce' | 'aws' | 'microsoft' | 'google' | 'engine';
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  jobId?: string | null;
}

export async function audit(
  trx: Trx | Kysely<Database>,
  record: AuditRecord,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: now,
      side: record.side,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      job_id: record.jobId ?? null,
    })
    .execute();
}

export interface OpportunityIntakeResult {
  /** False when the store already had this version (or a newer one): nothing changed. */
  applied: boolean;
  /** Outbox jobs created for this change. */
  jobs: string[];
  /** A person changed what a portal would be sent (not the echo of our own write-back). */
  contentChanged?: boolean;
}

/**
 * Records an opportunity as Salesforce holds it. Requested actions on its engagements become
 * outbox jobs, one per Salesforce version of the request (however often that version is read
 * back); Close is an update carrying the closed stage. Without a request, a newer version updates
 * the portal records only when a Salesforce-owned field changed (core/sync-policy.ts). Older
 * versions than the one stored are ignored. A second Submit after a failed one (the AE fixed the
 * findings) is a new job; the portal client reconciles by the Salesforce Id so it never creates a
 * second portal record.
 */
export async function recordOpportunity(
  db: Kysely<Database>,
  input: CoSellOpportunityInput,
  now: Date,
): Promise<OpportunityIntakeResult> {
  const opportunity = CoSellOpportunity.parse(input);
  const modstamp = new Date(opportunity.lastModifiedDate);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('opportunities')
      .select(['sf_modstamp', 'data'])
      .where('id', '=', opportunity.id)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.sf_modstamp && new Date(existing.sf_modstamp).getTime() > modstamp.getTime())
      return { applied: false, jobs: [] };
    const unchanged =
      existing?.sf_modstamp && new Date(existing.sf_modstamp).getTime() === modstamp.getTime();
    // A newer version that moved only engine- or portal-owned fields (the echo of our own
    // attribution or engagement write-back) is stored but costs no portal call.
    const portalContentChanged =
      !existing ||
      changesPortalContent(
        CoSellOpportunity.parse(
          typeof existing.data === 'string' ? JSON.parse(existing.data) : existing.data,
        ),
        opportunity,
      );
    await trx
      .insertInto('opportunities')
      .values({
        id: opportunity.id,
        data: JSON.stringify(opportunity),
        sf_modstamp: modstamp,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          data: JSON.stringify(opportunity),
          sf_modstamp: modstamp,
          updated_at: now,
        }),
      )
      .execute();
    if (!unchanged) {
      const action = !existing
        ? 'first-seen'
        : portalContentChanged
          ? 'changed'
          : 'changed-salesforce-only';
      await audit(
        trx,
        {
          side: 'salesforce',
          entity: 'opportunity',
          entityId: opportunity.id,
          action,
          after: { lastModifiedDate: opportunity.lastModifiedDate },
        },
        now,
      );
    }
    const jobs: string[] = [];
    for (const engagement of opportunity.engagements) {
      await trx
        .insertInto('engagements')
        .values({
          opportunity_id: opportunity.id,
          cloud: engagement.cloud,
          status: engagement.status,
          findings: JSON.stringify(engagement.findings),
          portal_id: engagement.portalId,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['opportunity_id', 'cloud']).doNothing())
        .execute();
      const action = engagement.requestedAction;
      if (action === 'Submit' || (action === 'Update' && !engagement.portalId)) {
        const job = await enqueueJob(
          trx,
          {
            kind: JOB_KINDS.submit,
            target: portalTarget(engagement.cloud),
            orderingKey: engagementOrderingKey(opportunity.id, engagement.cloud),
            idempotencyKey: `${engagement.cloud}:submit:${opportunity.id}:${opportunity.lastModifiedDate}`,
            payload: { opportunityId: opportunity.id, cloud: engagement.cloud },
          },
          now,
        );
        if (job.created) jobs.push(job.id);
      } else if (
        action === 'Update' ||
        (action === null && engagement.portalId && !unchanged && existing && portalContentChanged)
      ) {
        const job = await enqueueJob(
          trx,
          {
            kind: JOB_KINDS.update,
            target: portalTarget(engagement.cloud),
            orderingKey: engagementOrderingKey(opportunity.id, engagement.cloud),
            idempotencyKey: `${engagement.cloud}:update:${opportunity.id}:${opportunity.lastModifiedDate}`,
            payload: { opportunityId: opportunity.id, cloud: engagement.cloud },
          },
          now,
        );
        if (job.created) jobs.push(job.id);
      } else if (action === 'Close') {
        const job = await enqueueJob(
          trx,
          {
            kind: JOB_KINDS.update,
            target: portalTarget(engagement.cloud),
            orderingKey: engagementOrderingKey(opportunity.id, engagement.cloud),
            idempotencyKey: `${engagement.cloud}:close:${opportunity.id}`,
            payload: { opportunityId: opportunity.id, cloud: engagement.cloud },
          },
          now,
        );
        if (job.created) jobs.push(job.id);
      }
    }
    return { applied: true, jobs, contentChanged: !unchanged && portalContentChanged };
  });
}

/**
 * The outbox ordering key of one engagement's portal jobs: they run one at a time, in order. Not
 * Salesforce's `Engagement_Key__c` (core/salesforce-fields.ts `engagementKey`).
 */
export function engagementOrderingKey(opportunityId: string, cloud: Cloud): string {
  return `engagement:${opportunityId}:${cloud}`;
}

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
  return db.transaction().execute(async (trx) => {
    const fresh = await trx
      .insertInto('inbound_events')
      .values({
        portal: parsed.cloud,
        portal_id: parsed.portalId,
        version: delivery.version,
        received_at: now,
      })
      .onConflict((oc) => oc.columns(['portal', 'portal_id', 'version']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!fresh) return { outcome: 'duplicate' as const };

    const existing = await trx
      .selectFrom('referrals')
      .selectAll()
      .where('cloud', '=', parsed.cloud)
      .where('portal_id', '=', parsed.portalId)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      // A later version of a referral we hold: keep the inbox's own state (priority, decisions).
      const held = InboundReferral.parse(
        typeof existing.data === 'string' ? JSON.parse(existing.data) : existing.data,
      );
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
      await trx
        .updateTable('referrals')
        .set({ data: JSON.stringify(merged), portal_version: delivery.version, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      await audit(
        trx,
        {
          side: portalSide(parsed.cloud),
          entity: 'referral',
          entityId: String(existing.id),
          action: 'portal-updated',
          before: held,
          after: merged,
        },
        now,
      );
      await enqueueReferralWriteback(
        trx,
        String(existing.id),
        parsed.cloud,
        parsed.portalId,
        delivery.version,
        now,
      );
      return { outcome: 'updated' as const, referralId: String(existing.id), decision: null };
    }

    const known = await withKnownSender(trx, parsed);
    const decision = triage(known);
    const triaged: InboundReferral = {
      ...known,
      priority: decision.priority,
      responseDue: decision.responseDue,
      sourceLayer: decision.sourceLayer,
    };
    const inserted = await trx
      .insertInto('referrals')
      .values({
        cloud: parsed.cloud,
        portal_id: parsed.portalId,
        portal_version: delivery.version,
        data: JSON.stringify({ ...triaged, triage: decision }),
        priority: decision.priority,
        response_due: new Date(decision.responseDue),
        source_layer: decision.sourceLayer,
        triage_status: triaged.triageStatus,
        salesforce_id: null,
        received_at: new Date(parsed.receivedAt),
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const referralId = String(inserted.id);
    await audit(
      trx,
      {
        side: portalSide(parsed.cloud),
        entity: 'referral',
        entityId: referralId,
        action: 'received',
        after: { ...triaged, triage: decision },
      },
      now,
    );
    await enqueueReferralWriteback(
      trx,
      referralId,
      parsed.cloud,
      parsed.portalId,
      delivery.version,
      now,
    );
    return { outcome: 'created' as const, referralId, decision };
  });
}

/**
 * A portal that names the sender but not their role (Google gives only the owner) leaves the source
 * layer open. When the sender is one of the ISV's named counterparts on that cloud, their recorded
 * layer and title are the role the triage needs; otherwise the referral stays unclassified and
 * triage flags it, never guessing a layer.
 */
async function withKnownSender(trx: Trx, referral: InboundReferral): Promise<InboundReferral> {
  const email = referral.referrer.email?.trim().toLowerCase();
  if (referral.sourceLayer !== null || !email) return referral;
  const row = await trx
    .selectFrom('counterparts')
    .select(['layer', 'name', 'data'])
    .where('cloud', '=', referral.cloud)
    .where(sql<string>`lower(email)`, '=', email)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  const layer = SourceLayer.safeParse(row?.layer);
  if (!row || !layer.success) return referral;
  const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as {
    title?: unknown;
  } | null;
  const title = referral.referrer.title ?? (typeof data?.title === 'string' ? data.title : null);
  return {
    ...referral,
    sourceLayer: layer.data,
    referrer: { ...referral.referrer, name: referral.referrer.name ?? row.name, title },
  };
}

/** Queues the referral's write-back to Salesforce (its record as the store now holds it). */
export async function enqueueReferralWriteback(
  trx: Trx,
  referralId: string,
  cloud: Cloud,
  portalId: string,
  version: string,
  now: Date,
) {
  return enqueueJob(
    trx,
    {
      kind: JOB_KINDS.salesforceReferral,
      target: 'salesforce',
      orderingKey: `referral:${cloud}:${portalId}`,
      idempotencyKey: `salesforce:referral:${cloud}:${portalId}:${version}`,
      payload: { referralId },
    },
    now,
  );
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
    const row = await trx
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', input.referralId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new ReferralStateError(`referral ${input.referralId} does not exist`);
    const held =
      typeof row.data === 'string' ? JSON.parse(row.data) : (row.data as Record<string, unknown>);
    if (row.triage_status === 'Accepted' || row.triage_status === 'Declined') {
      throw new ReferralStateError(
        `referral ${input.referralId} was already ${row.triage_status.toLowerCase()}`,
      );
    }
    const status = input.decision === 'accept' ? 'Accepted' : 'Declined';
    const updated = {
      ...held,
      triageStatus: status,
      decidedAt: now.toISOString(),
      declineReason: input.declineReason ?? null,
      feedback: input.feedback ?? null,
    };
    await trx
      .updateTable('referrals')
      .set({ triage_status: status, data: JSON.stringify(updated), updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await audit(
      trx,
      {
        side: 'engine',
        entity: 'referral',
        entityId: String(row.id),
        action: `decided:${input.decision}`,
        before: { triageStatus: row.triage_status },
        after: { triageStatus: status, actor: input.actor, declineReason: updated.declineReason },
      },
      now,
    );
    const job = await enqueueJob(
      trx,
      {
        kind: JOB_KINDS.decide,
        target: portalTarget(row.cloud as Cloud),
        orderingKey: `referral:${row.cloud}:${row.portal_id}`,
        idempotencyKey: `${row.cloud}:decide:${row.portal_id}`,
        payload: { referralId: String(row.id) },
      },
      now,
    );
    return { jobId: job.id };
  });
}

function portalSide(cloud: Cloud): AuditRecord['side'] {
  return cloud === 'AWS' ? 'aws' : cloud === 'Microsoft' ? 'microsoft' : 'google';
}
