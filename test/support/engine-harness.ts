// What the engine proofs and benchmarks share: the co-sell pipeline they sync (one opportunity per
// customer, revised over time, engaging AWS, Microsoft and Google), the three sandbox emulators and
// clients wired for them, the Salesforce stand-in, the engine loop with the service's own portal
// event handler, and read-backs through each portal's API that count what the portal really holds.
// This module holds the engine loop; import the pipeline, portals and read-backs from ./proof-*.ts.
import type { Kysely } from 'kysely';
import type { Cloud } from '../../middleware/src/core/model.js';
import type { PortalClient } from '../../middleware/src/engine/portal-client.js';
import {
  createPortalEventHandler,
  type PortalEventOutcome,
} from '../../middleware/src/engine/portal-events.js';
import { catchUpInbound, schedulePortalPolls } from '../../middleware/src/engine/scheduler.js';
import type { SyncWorker } from '../../middleware/src/engine/worker.js';
import type { GoogleClient } from '../../middleware/src/portals/google/client.js';
import type { MicrosoftClient } from '../../middleware/src/portals/microsoft/client.js';
import type { PortalName } from '../../middleware/src/portals/portal.js';
import type { Database } from '../../middleware/src/store/schema.js';
import { defaultTriage } from './proof-pipeline.js';

export interface EngineLoopOptions {
  db: Kysely<Database>;
  worker: SyncWorker;
  clients: Partial<Record<Cloud, PortalClient>>;
  /** The clients that read Partner Center webhooks and Cloud Channel pushes (the service's). */
  microsoft?: MicrosoftClient;
  google?: GoogleClient;
  clock?: () => Date;
  /** How often engagements awaiting the portal are polled for their review status. */
  pollIntervalMs: number;
  /** How often the inbound catch-up runs per cloud (events make it run sooner; it is the fallback for missed ones). */
  catchUpEveryMs: number;
  onError?: (error: unknown) => void;
}

export interface RunningEngine {
  /** The service's portal event handler (engine/portal-events.ts), wired to this engine. */
  handlePortalEvent(portal: PortalName, payload: unknown): Promise<PortalEventOutcome>;
  /** Makes the cloud's inbound catch-up run now (once more, if one is running). */
  catchUpSoon(cloud: Cloud): void;
  stop(): Promise<void>;
}

/**
 * The engine as the service runs it: the worker loop, status polls, an inbound catch-up per cloud
 * (periodic, and at once when an event asks for it), and the service's own portal event handler.
 */
export function runEngine(options: EngineLoopOptions): RunningEngine {
  const clock = options.clock ?? (() => new Date());
  let stopped = false;
  const report = options.onError ?? (() => undefined);
  const sleepers = new Set<() => void>();
  const sleep = (ms: number, wake?: { now: () => void }) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
      if (wake) wake.now = done;
    });
  options.worker.start(20);
  const polls = (async () => {
    while (!stopped) {
      try {
        if ((await schedulePortalPolls(options.db, clock(), options.pollIntervalMs)) > 0)
          options.worker.nudge();
      } catch (error) {
        report(error);
      }
      await sleep(Math.max(20, Math.floor(options.pollIntervalMs / 2)));
    }
  })();
  const catchUps = new Map<Cloud, { again: boolean; wake: { now: () => void } }>();
  const loops = Object.entries(options.clients).map(async ([cloud, client]) => {
    const state = { again: false, wake: { now: () => undefined as void } };
    catchUps.set(cloud as Cloud, state);
    while (!stopped) {
      state.again = false;
      try {
        const result = await catchUpInbound(options.db, client, defaultTriage, clock());
        if (result.created + result.updated > 0) options.worker.nudge();
      } catch (error) {
        report(error);
      }
      if (!state.again && !stopped) await sleep(options.catchUpEveryMs, state.wake);
    }
  });
  const catchUpSoon = (cloud: Cloud) => {
    const state = catchUps.get(cloud);
    if (!state) return;
    state.again = true;
    state.wake.now();
  };
  const handlePortalEvent = createPortalEventHandler({
    db: options.db,
    clock,
    triage: defaultTriage,
    ...(options.microsoft ? { microsoft: options.microsoft } : {}),
    ...(options.google ? { google: options.google } : {}),
    catchUpSoon,
    nudge: () => options.worker.nudge(),
  });
  return {
    handlePortalEvent,
    catchUpSoon,
    async stop() {
      stopped = true;
      for (const wake of [...sleepers]) wake();
      await Promise.all([polls, ...loops]);
      await options.worker.stop();
    },
  };
}
