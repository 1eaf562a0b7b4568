// What the Microsoft and Google sandbox emulators share: a movable clock, per-tenant call budgets that
// answer with a Retry-After, seeded fault injection, a node:http JSON server that can hold a
// response (slow), drop it (timeout) and stop cleanly, and how a request's target and JSON body are
// read. The ACE emulator shares the clock, fault plan, server and controls; its quotas are its own.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '../core/seeded-random.js';

/** The emulator's clock: a base (default the wall clock) plus whatever `advance` added. No sleeping. */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date = () => new Date()) {}

  now(): number {
    return this.base().getTime() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`advance: ms must be zero or more (got ${ms})`);
    this.offsetMs += ms;
  }
}

/** A bucket holding at most one period of calls, refilled continuously. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** 0 when the call may go now, else the milliseconds until a token is back. */
  take(now: number): number {
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.capacity) / this.periodMs);
    this.last = Math.max(this.last, now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * this.periodMs) / this.capacity);
  }
}

export interface CallBudget {
  reads: number;
  writes: number;
  /** The period both numbers are counted over (Partner Center: a second; Google quotas: a minute). */
  periodMs: number;
}

/** Call budgets per tenant (the caller's token): writes run out sooner than reads, as both portals say. */
export class TenantBudgets {
  private readonly buckets = new Map<string, { reads: TokenBucket; writes: TokenBucket }>();

  constructor(private readonly budget: CallBudget) {
    if (!(budget.reads > 0 && budget.writes > 0 && budget.periodMs > 0))
      throw new Error('call budgets must be positive');
  }

  /** 0 when admitted, else how long the caller must wait (the Retry-After). */
  admit(tenant: string, write: boolean, now: number): number {
    let pair = this.buckets.get(tenant);
    if (!pair) {
      pair = {
        reads: new TokenBucket(this.budget.reads, this.budget.periodMs, now),
        writes: new TokenBucket(this.budget.writes, this.budget.periodMs, now),
      };
      this.buckets.set(tenant, pair);
    }
    return (write ? pair.writes : pair.reads).take(now);
  }
}

export const REST_FAULT_KINDS = ['throttle', '5xx', 'timeout', 'conflict', 'slow'] as const;
export type RestFaultKind = (typeof REST_FAULT_KINDS)[number];

export interface RestFaultRule {
  kind: RestFaultKind;
  /** Share of matching calls that fail, 0..1. */
  rate: number;
  /** Only these operations (default: all; `conflict` only ever hits writes). */
  operations?: string[];
  /** `slow`: added latency (default 2 s); `timeout`: how long the call hangs before the connection drops (default 30 s). */
  delayMs?: number;
  /** Stop after this many faults (default: unlimited). */
  count?: number;
  /** Seed of this rule's own random source; default: the emulator's. */
  seed?: number;
}

/** Faults armed with `control.inject`, drawn in order; one seeded source so a run replays exactly. */
export class RestFaultPlan {
  private readonly rules: Array<RestFaultRule & { used: number; random: () => number }> = [];
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly isWrite: (operation: string) => boolean,
  ) {
    this.random = seededRandom(seed);
  }

  add(rule: RestFaultRule): void {
    if (!(REST_FAULT_KINDS as readonly string[]).includes(rule.kind)) {
      throw new Error(
        `inject: kind must be one of ${REST_FAULT_KINDS.join(', ')} (got ${JSON.stringify(rule.kind)})`,
      );
    }
    if (!(rule.rate >= 0 && rule.rate <= 1))
      throw new Error(`inject: rate must be between 0 and 1 (got ${rule.rate})`);
    if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 0))
      throw new Error(`inject: count must be a whole number (got ${rule.count})`);
    this.rules.push({
      ...rule,
      used: 0,
      random: rule.seed === undefined ? this.random : seededRandom(rule.seed),
    });
  }

  clear(): void {
    this.rules.length = 0;
  }

  draw(operation: string): RestFaultRule | null {
    for (const rule of this.rules) {
      if (rule.operations && !rule.operations.includes(operation)) continue;
      if (rule.kind === 'conflict' && !this.isWrite(operation)) continue;
      if (rule.count !== undefined && rule.used >= rule.count) continue;
      if (rule.random() < rule.rate) {
        rule.used += 1;
        return rule;
      }
    }
    return null;
  }
}

/** An answer the emulator gives: status, headers, JSON body (none for 204). */
export interface JsonReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What a route handler may ask of the server beyond answering: hold the answer, or never give it. */
export type ReplyPlan = JsonReply | { hold: number; reply: JsonReply } | { drop: number };

export interface JsonServer {
  url: string;
  stop(): Promise<void>;
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A node:http server on 127.0.0.1 whose handler returns a plan; `stop` drops held answers and sockets. */
export async function startJsonServer(
  port: number,
  handle: (request: IncomingMessage, body: string) => Promise<ReplyPlan> | ReplyPlan,
): Promise<JsonServer> {
  const sockets = new Set<Socket>();
  const { held, later } = heldTimers();
  const send = (response: ServerResponse, reply: JsonReply): void => {
    if (response.destroyed) return;
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'content-length': Buffer.byteLength(text),
      ...reply.headers,
    });
    response.end(text);
  };
  const server = createServer((request, response) => {
    void (async () => {
      let plan: ReplyPlan;
      try {
        plan = await handle(request, await readBody(request));
      } catch (error) {
        plan = {
          status: 500,
          body: {
            error: {
              code: 'generalException',
              message: `emulator failure: ${(error as Error).message}`,
            },
          },
        };
      }
      if ('drop' in plan) later(plan.drop, () => request.socket.destroy());
      else if ('hold' in plan) later(plan.hold, () => send(response, plan.reply));
      else send(response, plan);
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    async stop() {
      for (const timer of held) clearTimeout(timer);
      held.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Deliveries (webhooks, push messages) in flight, so a test can await them instead of sleeping. */
export class DeliveryQueue {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(delivery: Promise<T>): Promise<T> {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery)).catch(() => undefined);
    return delivery;
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

/** A request's path, query and method (GET when it names none). */
export function requestTarget(request: IncomingMessage): {
  path: string;
  query: URLSearchParams;
  method: string;
} {
  const target = new URL(request.url ?? '/', 'http://emulator');
  return { path: target.pathname, query: target.searchParams, method: request.method ?? 'GET' };
}

/** A request body as JSON: `empty` when there is none, the portal's `notJson` error when it is not JSON. */
export function jsonBody(text: string, empty: unknown, notJson: () => Error): unknown {
  if (text.length === 0) return empty;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

/** The bearer token of a request, or null. */
export function bearerOf(request: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
  return match ? match[1]! : null;
}

/** The controls of an emulator's clock and injected faults (every emulator's, the ACE one too). */
export interface ClockAndFaultControls<R = RestFaultRule> {
  /** Moves the clock on and lets time-driven state (reviews, expiry) catch up. */
  advance(ms: number): void;
  now(): Date;
  inject(rule: R): void;
  clearFaults(): void;
}

export function clockAndFaultControls<R>(parts: {
  clock: EmulatorClock;
  settle: (now: number) => void;
  faults: { add(rule: R): void; clear(): void };
}): ClockAndFaultControls<R> {
  const { clock, faults } = parts;
  return {
    advance(ms) {
      clock.advance(ms);
      parts.settle(clock.now());
    },
    now: () => new Date(clock.now()),
    inject: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
  };
}

/** The controls every REST emulator offers: its clock, injected faults, and listeners to what it sends. */
export interface CommonControls<L> extends ClockAndFaultControls {
  /** Hears every event the emulator sends (webhooks, push messages); returns the unsubscribe. */
  subscribe(listener: L): () => void;
}

export function commonControls<L>(parts: {
  clock: EmulatorClock;
  settle: (now: number) => void;
  faults: RestFaultPlan;
  listeners: Set<L>;
}): CommonControls<L> {
  const { listeners } = parts;
  return {
    ...clockAndFaultControls(parts),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Serves `handle`, reporting each request that may change state to `onWrite` (the state saver). */
export function startEmulatorServer(
  port: number,
  handle: (request: IncomingMessage, body: string) => Promise<ReplyPlan> | ReplyPlan,
  changesState: (request: IncomingMessage) => boolean,
  onWrite: (() => unknown) | undefined,
): Promise<JsonServer> {
  return startJsonServer(port, async (request, body) => {
    const plan = await handle(request, body);
    if (changesState(request)) await onWrite?.();
    return plan;
  });
}

/** Timers for answers held back (a slow or dropped reply), so a stopping server can clear them all. */
export function heldTimers(): {
  held: Set<NodeJS.Timeout>;
  later: (ms: number, run: () => void) => void;
} {
  const held = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      held.delete(timer);
      run();
    }, ms);
    held.add(timer);
  };
  return { held, later };
}
