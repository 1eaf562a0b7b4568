// What the sync worker reports as it runs jobs (logged by the service, counted by benchmarks).
import type { OutboxJob } from '../store/schema.js';

export type WorkerEvent =
  | { type: 'job-done'; job: OutboxJob; ms: number }
  | { type: 'job-retry'; job: OutboxJob; error: string }
  | { type: 'job-dead'; job: OutboxJob; error: string }
  | { type: 'job-deferred'; job: OutboxJob; reason: string; untilMs: number }
  | { type: 'job-lost'; job: OutboxJob }
  /** A submission's early progress write to Salesforce failed; its final outcome is still written. */
  | { type: 'job-progress-unwritten'; job: OutboxJob; error: string };
