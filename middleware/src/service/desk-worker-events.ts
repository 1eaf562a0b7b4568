// What the desk does with the sync worker's events: retries and dead letters are logged and
// counted per portal (the /metrics scrape reports the counts), and a submission whose progress
// could not be shown in Salesforce is logged.
import type { Logger } from 'pino';
import type { SyncWorker } from '../engine/worker.js';
import type { PortalErrorCount } from './deps.js';

type WorkerEvent = Parameters<
  NonNullable<ConstructorParameters<typeof SyncWorker>[0]['onEvent']>
>[0];

export function workerEventRecorder(logger: Logger): {
  onEvent: (event: WorkerEvent) => void;
  portalErrors: () => PortalErrorCount[];
} {
  const portalErrors = new Map<string, PortalErrorCount>();
  return {
    onEvent: (event) => {
      if (event.type === 'job-retry' || event.type === 'job-dead') {
        const key = `${event.job.target}:${event.type}`;
        const count = portalErrors.get(key) ?? {
          portal: event.job.target,
          kind: event.type === 'job-dead' ? 'dead' : 'retry',
          count: 0,
        };
        count.count += 1;
        portalErrors.set(key, count);
        logger.warn({ job: event.job.id, kind: event.job.kind, error: event.error }, event.type);
      }
      if (event.type === 'job-progress-unwritten')
        logger.info(
          { job: event.job.id, error: event.error },
          'submission progress not shown in Salesforce; the outcome follows',
        );
    },
    portalErrors: () => [...portalErrors.values()],
  };
}
