// What every portal emulator does around one call: count it, draw its injected fault, turn the
// portal's own error into its documented reply, and page through a list in a stable order.
import { EventOutbox } from './event-outbox.js';
import {
  EmulatorClock,
  RestFaultPlan,
  TenantBudgets,
  type CallBudget,
  type JsonReply,
  type JsonServer,
  type ReplyPlan,
  type RestFaultKind,
  type RestFaultRule,
} from './rest-emulator-kit.js';

/** The counters every portal emulator keeps (each adds its own). */
export interface CallCounters {
  /** Records created through the API (ones the control API invents are excluded). */
  created: number;
  callsByOperation: Record<string, number>;
  faultsInjected: Record<string, number>;
  throttled: number;
  validationErrors: number;
}

/** What every portal emulator starts with besides its own options; `S` is the state it keeps. */
export interface EmulatorStartOptions<S> {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The state a previous run left (see `control.snapshot`). */
  restored?: S;
  /**
   * Called after every request or control call that may have changed the state (to persist it);
   * a write is answered only once the promise settles, so what a client saw accepted survives a crash.
   */
  onWrite?: () => Promise<void> | void;
  /** The emulator's clock; `control.advance(ms)` moves it further. Default: the wall clock. */
  now?: () => Date;
  /** Seed of the fault-injection random source. */
  seed?: number;
}

/** A running emulator: where it listens, what it counted, its control surface, and how it stops. */
export interface RunningEmulator<Counters extends CallCounters, Control> {
  url: string;
  counters: Counters;
  control: Control;
  stop(): Promise<void>;
}

/** The counters at zero. */
export function zeroCallCounters(): CallCounters {
  return {
    created: 0,
    callsByOperation: {},
    faultsInjected: {},
    throttled: 0,
    validationErrors: 0,
  };
}

/**
 * What a REST portal emulator starts from: its clock, the callers' budgets, and a fault plan whose
 * conflicts hit only the operations that write.
 */
export function emulatorBasics(
  options: { now?: () => Date; seed?: number },
  budget: CallBudget,
  writeOperations: ReadonlySet<string>,
): { clock: EmulatorClock; budgets: TenantBudgets; faults: RestFaultPlan } {
  return {
    clock: new EmulatorClock(options.now),
    budgets: new TenantBudgets(budget),
    faults: new RestFaultPlan(options.seed ?? 20261126, (operation) =>
      writeOperations.has(operation),
    ),
  };
}

type NumberKey<C> = { [K in keyof C]: C[K] extends number ? K : never }[keyof C];

/**
 * A webhook or push emulator's parts before its server starts: the basics, its counters (the common
 * ones at zero, then its own) and an outbox that tallies each post under `delivered` or `failed`.
 */
export function eventEmulatorBasics<D, C extends CallCounters>(
  options: { now?: () => Date; seed?: number },
  budget: CallBudget,
  writeOperations: ReadonlySet<string>,
  own: Omit<C, keyof CallCounters>,
  tally: { delivered: NumberKey<C>; failed: NumberKey<C> },
): ReturnType<typeof emulatorBasics> & { counters: C; outbox: EventOutbox<D>; gate: CallGate } {
  const counters = { ...zeroCallCounters(), ...own } as C;
  const outbox = new EventOutbox<D>((delivered) => {
    (counters[delivered ? tally.delivered : tally.failed] as number) += 1;
  });
  const basics = emulatorBasics(options, budget, writeOperations);
  const gate: CallGate = {
    count: (operation) => countIn(counters.callsByOperation, operation),
    charge(caller, operation, now, throttled) {
      const waitMs = basics.budgets.admit(caller, writeOperations.has(operation), now);
      if (waitMs <= 0) return;
      counters.throttled += 1;
      throw throttled(Math.ceil(waitMs / 1000));
    },
    fault: (operation, errors) => drawFault(basics.faults, operation, counters, errors),
  };
  return { ...basics, counters, outbox, gate };
}

/** The steps a call takes before it runs, bound to one emulator's counters, budgets and faults. */
export interface CallGate {
  /** Counts the call under its operation. */
  count(operation: string): void;
  /**
   * Charges the call to its caller's read or write budget. Past the budget the call counts as
   * throttled and `throttled` gives the portal's error for the whole seconds to wait.
   */
  charge(
    caller: string,
    operation: string,
    now: number,
    throttled: (retryAfterSeconds: number) => Error,
  ): void;
  /** Draws the call's injected fault (see `drawFault`). */
  fault(operation: string, errors: FaultErrors): RestFaultRule | null;
}

/** The running emulator; stopping waits for the posts in flight, then closes the server. */
export function runningEventEmulator<C extends CallCounters, Control>(
  server: JsonServer,
  outbox: { flush(): Promise<void> },
  counters: C,
  control: Control,
): RunningEmulator<C, Control> {
  return {
    url: server.url,
    counters,
    control,
    async stop() {
      await outbox.flush();
      await server.stop();
    },
  };
}

/** A copy of a stored record for a control call to hand out (so callers cannot change the store), or null. */
export function copyOrNull<T>(stored: T | undefined): T | null {
  return stored === undefined ? null : structuredClone(stored);
}

/** Adds one to `key` in a tally. */
export function countIn(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/** The portal's error for each fault kind that answers at once instead of running the call. */
export type FaultErrors = Record<'throttle' | '5xx' | 'conflict', () => Error>;

/**
 * Draws this call's fault and counts it. A throttle, 5xx or conflict throws the portal's error;
 * `timeout` and `slow` come back for `withFault` (or the caller) to apply to the answer.
 */
export function drawFault(
  faults: RestFaultPlan,
  operation: string,
  counters: Pick<CallCounters, 'faultsInjected'>,
  errors: FaultErrors,
): RestFaultRule | null {
  const fault = faults.draw(operation);
  if (!fault) return null;
  countIn(counters.faultsInjected, fault.kind);
  const raise = (errors as Partial<Record<RestFaultKind, () => Error>>)[fault.kind];
  if (raise) throw raise();
  return fault;
}

/** A timed-out call still ran: its answer is what gets lost, the hard case for idempotency. */
export function withFault(fault: RestFaultRule | null, reply: JsonReply): ReplyPlan {
  if (fault?.kind === 'timeout') return { drop: fault.delayMs ?? 30_000 };
  if (fault?.kind === 'slow') return { hold: fault.delayMs ?? 2_000, reply };
  return reply;
}

/** Runs steps; an error of the portal's kind becomes its documented reply, after `seen` hears it. */
export function answerWith<E extends Error & { reply(): JsonReply }>(
  kind: abstract new (...args: never[]) => E,
  seen: (error: E) => void,
): (step: () => JsonReply) => JsonReply {
  return (step) => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof kind)) throw error;
      seen(error);
      return error.reply();
    }
  };
}

/** Oldest (or newest, sign -1) first by a timestamp field; ties broken by `key` so pages stay stable. */
export function byTimestamp(
  field: string,
  key: string,
  sign: 1 | -1,
): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) =>
    sign *
    (Date.parse(String(a[field])) - Date.parse(String(b[field])) ||
      String(a[key]).localeCompare(String(b[key])));
}
