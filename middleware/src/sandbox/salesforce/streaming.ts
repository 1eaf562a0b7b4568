// Change Data Capture for the local org over CometD (Bayeux, served by faye): the channels, handshake,
// authentication errors, event payloads and replay ids that jsforce's streaming client expects of a
// real org, so the product's change-event listener runs against it unchanged.
import { createRequire } from 'node:module';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OrgChange } from './org.js';

/** faye 1.4.3 is pinned in package.json: replay reaches into its memory engine's per-client queues. */
const faye = createRequire(import.meta.url)('faye') as FayeModule;

interface BayeuxMessage {
  channel: string;
  clientId?: string;
  subscription?: string | string[];
  successful?: boolean;
  error?: string;
  advice?: Record<string, unknown>;
  ext?: Record<string, unknown>;
  data?: unknown;
  [key: string]: unknown;
}
type Pipe = (message: BayeuxMessage) => void;
interface FayeExtension {
  incoming?: (message: BayeuxMessage, request: IncomingMessage | null, callback: Pipe) => void;
  outgoing?: (message: BayeuxMessage, request: IncomingMessage | null, callback: Pipe) => void;
}
interface MemoryEngine {
  _messages: Map<string, Array<Record<string, unknown>>>;
  emptyQueue(clientId: string): void;
  publish(message: Record<string, unknown>, channels: string[]): void;
}
interface FayeAdapter {
  attach(server: HttpServer): void;
  check(request: IncomingMessage): boolean;
  addExtension(extension: FayeExtension): void;
  close(): void;
  _server: { _engine: { _engine: MemoryEngine; publish(message: Record<string, unknown>): void } };
}
interface FayeModule {
  NodeAdapter: new (options: { mount: string; timeout: number }) => FayeAdapter;
}

/** The objects whose changes the local org publishes (Setup → Change Data Capture in a real org). */
export const CDC_ENTITIES = ['Opportunity', 'CoSell_Engagement__c', 'CoSell_Referral__c'] as const;
export const ALL_CHANGE_EVENTS = '/data/ChangeEvents';

/** `/data/OpportunityChangeEvent`, and `/data/X__ChangeEvent` for a custom object `X__c`. */
export function changeEventChannel(entityName: string): string {
  return `/data/${entityName.endsWith('__c') ? entityName.slice(0, -1) : entityName}ChangeEvent`;
}

/** One published event as retained for replay. */
export interface RetainedEvent {
  replayId: number;
  entityName: string;
  /** Epoch milliseconds of the publish, for the retention window. */
  publishedAt: number;
  /** The `data` of the Bayeux message: schema, payload and event.replayId. */
  data: Record<string, unknown>;
}

/** What the stream keeps across restarts: the highest replay id issued and the retained events. */
export interface ChangeEventLogState {
  lastReplayId: number;
  events: RetainedEvent[];
}

export interface ChangeEventStreamOptions {
  /** Whether an access token is a live session of the org. */
  authorize: (token: string) => boolean;
  apiVersion: string;
  clock?: () => Date;
  /** Retention window (Salesforce keeps change events 72 hours). */
  retentionMs?: number;
  /** Most events retained, oldest dropped first. */
  maxRetained?: number;
  /** Long-poll hold time in seconds (Salesforce holds 110 s; tests shorten it). */
  timeoutSeconds?: number;
  /** The state a previous run left (replay ids survive a restart). */
  restored?: ChangeEventLogState;
  /** Called with every retained event, to persist it. */
  onRetain?: (event: RetainedEvent) => void;
}

const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d{4})$/;

/** Datetimes in change events are ISO 8601 in UTC, as in the org's event payloads. */
function payloadValue(value: unknown): unknown {
  if (typeof value === 'string' && DATETIME.test(value)) {
    const instant = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (!Number.isNaN(instant.getTime())) return instant.toISOString();
  }
  return value;
}

function invalidReplayId(id: unknown): string {
  return `400::The replayId {${String(id)}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;
}

/**
 * The org's CometD endpoint at `/cometd/<version>`: long-polling only, OAuth sessions checked on
 * every message, events retained and replayed per subscriber from the id it asks for.
 */
export class ChangeEventStream {
  private readonly adapter: FayeAdapter;
  private readonly clock: () => Date;
  private readonly retentionMs: number;
  private readonly maxRetained: number;
  private readonly events: RetainedEvent[];
  private lastReplayId: number;
  private commitNumber = 0;
  private readonly pendingReplays = new Map<
    string,
    Array<{ channel: string; events: RetainedEvent[] }>
  >();
  /** Why a request's session was refused, for its replies (faye's replies do not carry the request's ext). */
  private readonly refusals = new WeakMap<IncomingMessage, string>();
  private suspended = false;
  /** Events published, for tests and metrics. */
  published = 0;

  constructor(private readonly options: ChangeEventStreamOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.retentionMs = options.retentionMs ?? 72 * 3600_000;
    this.maxRetained = options.maxRetained ?? 50_000;
    this.events = [...(options.restored?.events ?? [])].sort((a, b) => a.replayId - b.replayId);
    this.lastReplayId = Math.max(
      options.restored?.lastReplayId ?? 0,
      this.events.at(-1)?.replayId ?? 0,
    );
    this.adapter = new faye.NodeAdapter({
      mount: '/cometd',
      timeout: options.timeoutSeconds ?? 110,
    });
    this.adapter.addExtension({
      incoming: (message, request, callback) => callback(this.incoming(message, request)),
    });
    this.adapter.addExtension({
      outgoing: (message, request, callback) => callback(this.outgoing(message, request)),
    });
  }

  /** Serves `/cometd/...` on the org's HTTP server; every other path keeps its own handler. */
  attach(server: HttpServer): void {
    this.adapter.attach(server);
    // Salesforce speaks long-polling only: refuse WebSocket upgrades at once so clients stay on it.
    server.removeAllListeners('upgrade');
    server.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    });
  }

  /** Publishes one committed write on its object's channel and on /data/ChangeEvents. */
  publish(change: OrgChange): RetainedEvent | null {
    if (!(CDC_ENTITIES as readonly string[]).includes(change.entityName)) return null;
    const replayId = ++this.lastReplayId;
    this.commitNumber++;
    const payload: Record<string, unknown> = {
      ChangeEventHeader: {
        entityName: change.entityName,
        recordIds: change.recordIds,
        changeType: change.changeType,
        changeOrigin: `com/salesforce/api/rest/${this.options.apiVersion}`,
        transactionKey: change.transactionKey,
        sequenceNumber: 1,
        commitTimestamp: change.commitTimestamp,
        commitNumber: this.commitNumber,
        commitUser: change.commitUser,
        changedFields: change.changedFields,
      },
    };
    for (const [field, value] of Object.entries(change.fields))
      payload[field] = payloadValue(value);
    const event: RetainedEvent = {
      replayId,
      entityName: change.entityName,
      publishedAt: this.clock().getTime(),
      data: { schema: `cosell-local-${change.entityName}`, payload, event: { replayId } },
    };
    this.retain(event);
    this.published++;
    if (!this.suspended) {
      for (const channel of [changeEventChannel(change.entityName), ALL_CHANGE_EVENTS]) {
        this.adapter._server._engine.publish({ channel, data: event.data });
      }
    }
    return event;
  }

  /** The replay state to persist. */
  state(): ChangeEventLogState {
    return { lastReplayId: this.lastReplayId, events: [...this.events] };
  }

  /**
   * Drops the streaming channel (an outage): every request is refused with an unknown-client
   * error and events are only retained, until `resume()`.
   */
  suspend(): void {
    this.suspended = true;
  }

  resume(): void {
    this.suspended = false;
  }

  close(): void {
    this.adapter.close();
  }

  private retain(event: RetainedEvent): void {
    this.events.push(event);
    const oldest = this.clock().getTime() - this.retentionMs;
    let drop = 0;
    while (
      drop < this.events.length &&
      (this.events[drop]!.publishedAt < oldest || this.events.length - drop > this.maxRetained)
    )
      drop++;
    if (drop > 0) this.events.splice(0, drop);
    this.options.onRetain?.(event);
  }

  private channelEvents(channel: string): RetainedEvent[] {
    if (channel === ALL_CHANGE_EVENTS) return this.events;
    return this.events.filter((event) => changeEventChannel(event.entityName) === channel);
  }

  private knownChannel(channel: string): boolean {
    return (
      channel === ALL_CHANGE_EVENTS ||
      CDC_ENTITIES.some((entity) => changeEventChannel(entity) === channel)
    );
  }

  /** The events a subscriber asking for `replayId` on `channel` must receive first, or its error. */
  private replayFrom(channel: string, replayId: unknown): RetainedEvent[] | string {
    if (replayId === undefined || replayId === null || replayId === -1) return [];
    if (replayId === -2) return this.channelEvents(channel);
    if (typeof replayId !== 'number' || !Number.isInteger(replayId))
      return invalidReplayId(replayId);
    const first = this.events[0]?.replayId ?? this.lastReplayId + 1;
    if (replayId < first - 1 || replayId > this.lastReplayId) return invalidReplayId(replayId);
    return this.channelEvents(channel).filter((event) => event.replayId > replayId);
  }

  private incoming(message: BayeuxMessage, request: IncomingMessage | null): BayeuxMessage {
    if (request === null) return message; // the server's own in-process client
    if (this.suspended) {
      message.error =
        message.channel === '/meta/handshake'
          ? '503::Service unavailable'
          : `401::${message.clientId ?? ''}:Unknown client`;
      return message;
    }
    const header = request.headers.authorization ?? '';
    const token = /^(?:OAuth|Bearer) (.+)$/.exec(header)?.[1];
    const failure = !header
      ? '401::Request requires authentication'
      : !token || !this.options.authorize(token)
        ? '401::Authentication invalid'
        : null;
    if (failure) {
      message.error = message.channel === '/meta/handshake' ? '403::Handshake denied' : failure;
      this.refusals.set(request, failure);
      return message;
    }
    if (message.channel === '/meta/subscribe' && message.clientId) {
      const replays: Array<{ channel: string; events: RetainedEvent[] }> = [];
      for (const channel of [message.subscription ?? []].flat()) {
        if (!this.knownChannel(channel)) {
          message.error = `400::The channel you requested to subscribe to does not exist {${channel}}`;
          return message;
        }
        const replay = (message.ext?.replay as Record<string, unknown> | undefined)?.[channel];
        const events = this.replayFrom(channel, replay);
        if (typeof events === 'string') {
          message.error = events;
          return message;
        }
        if (events.length > 0) replays.push({ channel, events });
      }
      if (replays.length > 0) this.pendingReplays.set(message.clientId, replays);
    }
    return message;
  }

  private outgoing(message: BayeuxMessage, request: IncomingMessage | null): BayeuxMessage {
    if (request === null) return message;
    const failure = this.refusals.get(request);
    if (message.channel === '/meta/handshake') {
      message.supportedConnectionTypes = ['long-polling'];
      message.minimumVersion = '1.0';
      message.ext = { ...(message.ext ?? {}), replay: true, 'payload.format': true };
      if (message.successful)
        message.advice = {
          reconnect: 'retry',
          interval: 0,
          timeout: (this.options.timeoutSeconds ?? 110) * 1000,
        };
    }
    if (failure && message.successful === false) {
      message.advice = { reconnect: 'none' };
      message.ext = { ...(message.ext ?? {}), sfdc: { failureReason: failure } };
    }
    if (message.channel === '/meta/subscribe' && message.clientId) {
      const replays = this.pendingReplays.get(message.clientId);
      this.pendingReplays.delete(message.clientId);
      // After the subscribe reply has left: the client drops events for channels it has not yet
      // been told it joined.
      if (replays && message.successful)
        setTimeout(() => this.deliver(message.clientId!, replays), 20);
    }
    return message;
  }

  private deliver(
    clientId: string,
    replays: Array<{ channel: string; events: RetainedEvent[] }>,
  ): void {
    const engine = this.adapter._server._engine._engine;
    const queue = engine._messages.get(clientId) ?? [];
    for (const { channel, events } of replays) {
      for (const event of events) queue.push({ channel, data: structuredClone(event.data) });
    }
    engine._messages.set(clientId, queue);
    engine.emptyQueue(clientId);
  }
}
