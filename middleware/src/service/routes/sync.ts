// Sync engine routes: how far behind the outbox is, what is parked as dead letters, and replaying one.
import { z } from 'zod';
import { deadLetters, JobNotReplayableError, queueStats, replayJob } from '../../engine/outbox.js';
import { HttpProblem, PROBLEM_TYPES } from '../problem.js';
import { API_PREFIX, defineRoute, type ApiRoute } from '../route-table.js';
import { RowId, RowIdParams } from './schemas.js';

const JobView = z.object({
  id: RowId,
  kind: z.string(),
  target: z.string(),
  status: z.enum(['pending', 'running', 'done', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});

const Counts = z.object({ pending: z.number().int(), running: z.number().int(), dead: z.number().int() });

export const syncStatus = defineRoute({
  operationId: 'syncStatus',
  method: 'get',
  path: `${API_PREFIX}/sync/status`,
  summary: 'Outbox queue depth, lag and dead letters',
  tags: ['sync'],
  scopes: ['alliance-ops', 'admin'],
  query: z.strictObject({}),
  responses: {
    200: {
      description: 'Queue state',
      schema: z.object({
        queue: Counts.extend({ done: z.number().int(), lagSeconds: z.number(), byTarget: z.record(z.string(), Counts) }),
        deadLetters: z.array(JobView),
      }),
    },
  },
  async handler({ deps, now }) {
    const stats = await queueStats(deps.db, now);
    const dead = await deadLetters(deps.db, 100);
    return {
      status: 200,
      body: {
        queue: { pending: stats.pending, running: stats.running, done: stats.done, dead: stats.dead, lagSeconds: stats.lagMs / 1000, byTarget: stats.byTarget },
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
  operationId: 'replaySyncJob',
  method: 'post',
  path: `${API_PREFIX}/sync/jobs/:id/replay`,
  summary: 'Put a dead-letter job back in the queue with a fresh attempt budget',
  tags: ['sync'],
  scopes: ['admin'],
  params: RowIdParams,
  body: z.strictObject({}),
  responses: {
    202: { description: 'Requeued', schema: z.object({ jobId: RowId, status: z.literal('pending') }) },
    404: { description: 'No such job' },
    409: { description: 'The job is not a dead letter' },
  },
  async handler({ params, deps, now }) {
    try {
      const job = await replayJob(deps.db, params.id, now);
      deps.engine.nudge();
      return { status: 202, body: { jobId: job.id, status: 'pending' } };
    } catch (error) {
      if (error instanceof JobNotReplayableError) {
        const missing = /does not exist/.test(error.message);
        throw new HttpProblem(missing ? 404 : 409, missing ? PROBLEM_TYPES.notFound : PROBLEM_TYPES.conflict, error.message);
      }
      throw error;
    }
  },
});

export const SYNC_ROUTES: ApiRoute[] = [syncStatus, replaySyncJob];
