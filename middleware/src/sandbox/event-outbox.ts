// Events a REST emulator sends to a registered callback (Partner Center webhooks, Pub/Sub pushes):
// each posted as JSON, tallied, kept, heard by listeners and tracked so a test can await them.
import { DeliveryQueue } from './rest-emulator-kit.js';

/** POSTs `body` as JSON; the status the target answered, or null when it could not be reached. */
export async function postJson(target: string, body: unknown): Promise<number | null> {
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

export class EventOutbox<D> {
  /** Where events go: the registered webhook or push endpoint; null keeps them unsent. */
  target: string | null = null;
  readonly sent: D[] = [];
  readonly listeners = new Set<(delivery: D) => void>();
  private readonly queue = new DeliveryQueue();

  /** `tally` hears whether each post to a target succeeded (a 2xx answer). */
  constructor(private readonly tally: (delivered: boolean) => void) {}

  /** Posts `body` to the target (when there is one) and keeps the delivery `record` makes of the outcome. */
  send(body: unknown, record: (status: number | null, target: string | null) => D): Promise<D> {
    const target = this.target;
    const run = async (): Promise<D> => {
      let status: number | null = null;
      if (target) {
        status = await postJson(target, body);
        this.tally(status !== null && status < 300);
      }
      const delivery = record(status, target);
      this.sent.push(delivery);
      for (const listener of this.listeners) listener(delivery);
      return delivery;
    };
    return this.queue.track(run());
  }

  /** A copy of the deliveries so far, oldest first. */
  deliveries(): D[] {
    return [...this.sent];
  }

  flush(): Promise<void> {
    return this.queue.flush();
  }
}
