// The desk's inbound catch-up: each cloud's referrals read from its portal since the last cursor,
// at most one run per cloud at a time; a request while one runs makes it run once more after.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Cloud, InboundReferral } from '../core/model.js';
import type { TriageDecision } from '../core/triage/index.js';
import type { PortalClient } from '../engine/portal-client.js';
import { catchUpInbound } from '../engine/scheduler.js';
import type { Database } from '../store/schema.js';

export interface InboundCatchUpDeps {
  db: Kysely<Database>;
  clients: Partial<Record<Cloud, PortalClient>>;
  triage: (referral: InboundReferral) => TriageDecision;
  clock: () => Date;
  logger: Logger;
  /** Called when a run created or updated a referral (the worker has write-backs to do). */
  nudge: () => void;
}

/** Returns `catchUpNow(cloud)`: resolves when the run it started or joined has finished. */
export function inboundCatchUp(deps: InboundCatchUpDeps): (cloud: Cloud) => Promise<void> {
  const catchUps = new Map<Cloud, { running: Promise<void>; again: boolean }>();
  return (cloud) => {
    const current = catchUps.get(cloud);
    if (current) {
      current.again = true;
      return current.running;
    }
    const client = deps.clients[cloud];
    if (!client) return Promise.resolve();
    const state = { again: false, running: Promise.resolve() };
    state.running = (async () => {
      do {
        state.again = false;
        try {
          const result = await catchUpInbound(deps.db, client, deps.triage, deps.clock());
          if (result.created + result.updated > 0) deps.nudge();
        } catch (error) {
          deps.logger.warn(
            { cloud, error: error instanceof Error ? error.message : String(error) },
            'inbound catch-up failed; the next run retries',
          );
        }
      } while (state.again);
      catchUps.delete(cloud);
    })();
    catchUps.set(cloud, state);
    return state.running;
  };
}
