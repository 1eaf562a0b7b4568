// The engine's periodic work: poll portal records under review for their status, and catch up on
// inbound referrals by cursor so a missed or never-sent event is never a lost referral. Portal
// events and webhooks only make the catch-up run sooner.
import type { Kysely } from 'kysely';
import type { Cloud, InboundReferral } from '../core/model.js';
import type { TriageDecision } from '../core/triage/index.js';
import { audit } from '../store/audit-log.js';
import { engagementsDueForPoll } from '../store/engagements.js';
import type { Database } from '../store/schema.js';
import { readCursor, writeCursor } from '../store/sync-cursors.js';
import { enqueuePortalJob } from './job-queueing.js';
import { JOB_KINDS, portalSide } from './jobs.js';
import type { PortalClient } from './portal-client.js';
import { recordInboundReferral } from './referral-intake.js';

/** Engagement states under the portal's review: their outcome is news the AE waits for. */
const UNDER_REVIEW = ['Submitted', 'In review', 'Action required'];
/** Accepted: only the hyperscaler's side (won, lost, a new owner) still moves, and slowly. */
const SETTLED = ['Accepted'];
/** How many poll intervals pass between two polls of an accepted engagement, by default. */
export const SETTLED_POLL_FACTOR = 30;

/**
 * Queues one status poll per engagement awaiting the portal: those under review once per
 * interval, accepted ones once per `settledEveryMs` (30 intervals unless told otherwise; portal
 * events still trigger a poll at once). The idempotency key carries the interval's number, so
 * several instances never double a poll, and none is queued while an earlier poll of the
 * engagement still waits in the outbox: when the queue runs behind, polls would otherwise pile up
 * faster than they drain.
 */
export async function schedulePortalPolls(
  db: Kysely<Database>,
  now: Date,
  intervalMs: number,
  settledEveryMs = intervalMs * SETTLED_POLL_FACTOR,
): Promise<number> {
  let queued = 0;
  for (const [statuses, everyMs, group] of [
    [UNDER_REVIEW, intervalMs, 'review'],
    [SETTLED, settledEveryMs, 'settled'],
  ] as const) {
    queued += await schedulePolls(db, now, statuses, everyMs, group);
  }
  return queued;
}

async function schedulePolls(
  db: Kysely<Database>,
  now: Date,
  statuses: readonly string[],
  everyMs: number,
  group: string,
): Promise<number> {
  const due = new Date(now.getTime() - everyMs);
  const rows = await engagementsDueForPoll(db, statuses, due, JOB_KINDS.poll);
  const slot = Math.floor(now.getTime() / everyMs);
  let queued = 0;
  for (const row of rows) {
    const cloud = row.cloud as Cloud;
    const job = await enqueuePortalJob(
      db,
      {
        kind: JOB_KINDS.poll,
        opportunityId: row.opportunityId,
        cloud,
        idempotencyKey: `${cloud}:poll:${row.opportunityId}:${group}:${slot}`,
        maxAttempts: 3,
      },
      now,
    );
    if (job.created) queued++;
  }
  return queued;
}

export interface CatchUpResult {
  created: number;
  updated: number;
  duplicates: number;
  rejected: number;
  cursor: string | null;
}

/**
 * Reads the referrals a portal created or changed since the stored cursor and records each one
 * (duplicates are recognised by portal id + version). The cursor only moves after every referral
 * of the page is stored, so a crash re-reads the page instead of skipping it.
 */
export async function catchUpInbound(
  db: Kysely<Database>,
  client: PortalClient,
  triage: (referral: InboundReferral) => TriageDecision,
  now: Date,
): Promise<CatchUpResult> {
  const name = `inbound:${client.cloud}`;
  let cursor = await readCursor(db, name);
  const result: CatchUpResult = { created: 0, updated: 0, duplicates: 0, rejected: 0, cursor };
  for (let page = 0; page < 100; page++) {
    const batch = await client.listInbound(cursor, now);
    for (const item of batch.referrals) {
      try {
        const outcome = await recordInboundReferral(db, item, triage, now);
        if (outcome.outcome === 'created') result.created++;
        else if (outcome.outcome === 'updated') result.updated++;
        else result.duplicates++;
      } catch (error) {
        // A referral the canonical model refuses is recorded in the audit log for a person to see;
        // the catch-up keeps going so one bad record never blocks the others.
        result.rejected++;
        await audit(
          db,
          {
            side: portalSide(client.cloud),
            entity: 'referral',
            entityId: String((item.referral as { portalId?: unknown }).portalId ?? 'unknown'),
            action: 'rejected',
            after: {
              error: error instanceof Error ? error.message : String(error),
              referral: item.referral,
            },
          },
          now,
        );
      }
    }
    if (batch.cursor === null || batch.cursor === cursor) break;
    cursor = batch.cursor;
    await writeCursor(db, name, cursor, now);
    result.cursor = cursor;
    if (batch.referrals.length === 0) break;
  }
  return result;
}
