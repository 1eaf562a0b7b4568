// The sync engine's API: how far behind the outbox is, what is parked as dead letters, and replaying one.
import { z } from 'zod';
import { API_PREFIX, defineContract } from './route-contract.js';
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

const Counts = z.object({
  pending: z.number().int(),
  running: z.number().int(),
  dead: z.number().int(),
});

export const syncStatus = defineContract({
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
        queue: Counts.extend({
          done: z.number().int(),
          lagSeconds: z.number(),
          byTarget: z.record(z.string(), Counts),
        }),
        deadLetters: z.array(JobView),
      }),
    },
  },
});

export const replaySyncJob = defineContract({
  operationId: 'replaySyncJob',
  method: 'post',
  path: `${API_PREFIX}/sync/jobs/:id/replay`,
  summary: 'Put a dead-letter job back in the queue with a fresh attempt budget',
  tags: ['sync'],
  scopes: ['admin'],
  params: RowIdParams,
  body: z.strictObject({}),
  responses: {
    202: {
      description: 'Requeued',
      schema: z.object({ jobId: RowId, status: z.literal('pending') }),
    },
    404: { description: 'No such job' },
    409: { description: 'The job is not a dead letter' },
  },
});
