// Sync engine routes: how far behind the outbox is, what is parked as dead letters, and replaying one.
import { deadLetters, JobNotReplayableError, queueStats, replayJob } from '../../engine/outbox.js';
import { stateProblem } from '../problem.js';
import * as contract from '../../api-contract/sync.js';
import { defineRoute, type ApiRoute } from '../route-table.js';

export const syncStatus = defineRoute({
  ...contract.syncStatus,
  async handler({ deps, now }) {
    const stats = await queueStats(deps.db, now);
    const dead = await deadLetters(deps.db, 100);
    return {
      status: 200,
      body: {
        queue: {
          pending: stats.pending,
          running: stats.running,
          done: stats.done,
          dead: stats.dead,
          lagSeconds: stats.lagMs / 1000,
          byTarget: stats.byTarget,
        },
        deadLetters: dead.map((job) => ({
          id: job.id,
          kind: job.kind,
          target: job.target,
          status: job.status,
          attempts: job.attempts,
          lastError: job.last_error,
          updatedAt: new Date(job.updated_at).toISOString(),
        })),
      },
    };
  },
});

export const replaySyncJob = defineRoute({
  ...contract.replaySyncJob,
  async handler({ params, deps, now }) {
    try {
      const job = await replayJob(deps.db, params.id, now);
      deps.engine.nudge();
      return { status: 202, body: { jobId: job.id, status: 'pending' } };
    } catch (error) {
      if (error instanceof JobNotReplayableError) throw stateProblem(error);
      throw error;
    }
  },
});

export const SYNC_ROUTES: ApiRoute[] = [syncStatus, replaySyncJob];
