// Change Data Capture as a doorbell: an event on a co-sell object makes the cursor sync run now
// instead of at the next poll. Events carry no state the sync relies on, so a missed event, a
// dropped CometD connection or an org without CDC only delays a change until the catch-up poll.
import type { Connection } from 'jsforce';

/** CDC channels of the objects the intake reads. */
export const CHANGE_EVENT_CHANNELS = [
  '/data/OpportunityChangeEvent',
  '/data/CoSell_Engagement__ChangeEvent',
  '/data/CoSell_Referral__ChangeEvent',
] as const;

export interface ChangeEventSource {
  /** Starts delivering events of one channel; resolves to a function that stops it. */
  subscribe(channel: string, onEvent: (event: unknown) => void): Promise<() => void>;
}

/** jsforce's Streaming API client (CometD). Salesforce's Pub/Sub API (gRPC) has no jsforce client. */
export function jsforceChangeEvents(connection: Connection): ChangeEventSource {
  return {
    async subscribe(channel, onEvent) {
      const subscription = connection.streaming
        .topic(channel)
        .subscribe((message) => onEvent(message));
      return () => subscription.cancel();
    },
  };
}

export interface ChangeDrivenSyncOptions {
  /** One intake pass (opportunities, engagement requests, referral requests). */
  sync: () => Promise<unknown>;
  events?: ChangeEventSource;
  /** Catch-up poll interval: the upper bound on how late a change is seen when events are missed. */
  pollIntervalMs?: number;
  /** Events arriving within this window share one sync. */
  debounceMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Runs the intake on a timer and whenever a change event arrives, never two passes at once (an
 * event during a pass schedules exactly one more).
 */
export class ChangeDrivenSync {
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stops: Array<() => void> = [];
  private stopped = false;
  /** Passes started by a change event (for tests and metrics). */
  eventTriggered = 0;
  passes = 0;

  constructor(private readonly options: ChangeDrivenSyncOptions) {}

  async start(): Promise<{
    subscribed: string[];
    failed: Array<{ channel: string; error: string }>;
  }> {
    this.stopped = false;
    const subscribed: string[] = [];
    const failed: Array<{ channel: string; error: string }> = [];
    if (this.options.events) {
      for (const channel of CHANGE_EVENT_CHANNELS) {
        try {
          this.stops.push(await this.options.events.subscribe(channel, () => this.onEvent()));
          subscribed.push(channel);
        } catch (error) {
          // CDC not enabled for the object, or streaming unavailable: the poll still covers it.
          failed.push({ channel, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    this.schedulePoll();
    return { subscribed, failed };
  }

  private onEvent(): void {
    if (this.stopped || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.eventTriggered++;
      void this.runPass();
    }, this.options.debounceMs ?? 250);
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runPass().finally(() => this.schedulePoll());
    }, this.options.pollIntervalMs ?? 60_000);
  }

  /** One pass now (or one more right after the running one). */
  runPass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        this.passes++;
        try {
          await this.options.sync();
        } catch (error) {
          this.options.onError?.(error);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.timer = null;
    this.debounce = null;
    for (const stop of this.stops) stop();
    this.stops = [];
    await this.running;
  }
}
