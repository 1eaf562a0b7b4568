// Commits the outcomes of finished jobs in batches. Jobs finish one by one as their portal calls
// answer; those that finish while the previous batch is being written are committed together:
// one transaction locks the jobs this worker still holds, applies each handler's state changes
// and marks them all done in one statement. A job whose lease was lost meanwhile is left out
// (its state changes are not written), and the others still commit. When one job's state change
// fails, the batch is rolled back and each job is committed alone, so only that job fails.
import type { Kysely, Transaction } from 'kysely';
import { completeJob, completeJobs, lockHeldJobs } from '../store/outbox.js';
import type { Database, OutboxJob } from '../store/schema.js';

/** This worker no longer holds the job: its lease expired and another worker took it over. */
export class LeaseLostError extends Error {}

export type Commit = ((trx: Transaction<Database>, job: OutboxJob) => Promise<void>) | null;

interface Completion {
  job: OutboxJob;
  result: object | null;
  commit: Commit;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class JobCompletions {
  private readonly queue: Completion[] = [];
  private flushing = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly workerId: string,
    private readonly clock: () => Date,
    private readonly maxBatch = 64,
  ) {}

  /** Resolves once the job is committed done; rejects with LeaseLostError when it was not held. */
  complete(job: OutboxJob, result: object | null, commit: Commit): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ job, result, commit, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Let the jobs finishing in this turn of the event loop join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) await this.commitBatch(this.queue.splice(0, this.maxBatch));
    } finally {
      this.flushing = false;
    }
  }

  private async commitBatch(batch: Completion[]): Promise<void> {
    if (batch.length === 1) return this.commitAlone(batch[0]!);
    let done: Set<string>;
    try {
      done = await this.db.transaction().execute(async (trx) => {
        const held = await lockHeldJobs(
          trx,
          batch.map((c) => c.job.id),
          this.workerId,
        );
        const kept = batch.filter((c) => held.has(c.job.id));
        for (const completion of kept) await completion.commit?.(trx, completion.job);
        return completeJobs(trx, kept, this.workerId, this.clock());
      });
    } catch {
      for (const completion of batch) await this.commitAlone(completion);
      return;
    }
    for (const completion of batch) {
      if (done.has(completion.job.id)) completion.resolve();
      else completion.reject(new LeaseLostError());
    }
  }

  private async commitAlone(completion: Completion): Promise<void> {
    const { job, result, commit } = completion;
    try {
      const held =
        commit === null
          ? await completeJob(this.db, job, this.workerId, result, this.clock())
          : await this.db.transaction().execute(async (trx) => {
              await commit(trx, job);
              if (!(await completeJob(trx, job, this.workerId, result, this.clock())))
                throw new LeaseLostError();
              return true;
            });
      if (held) completion.resolve();
      else completion.reject(new LeaseLostError());
    } catch (error) {
      completion.reject(error);
    }
  }
}
