// One circuit breaker per job target: after a run of transient failures the target's circuit
// opens and its jobs stay queued until the wait is over and one of them may probe the portal.
import {
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { PortalError } from './portal-client.js';

export interface BreakerSettings {
  consecutiveFailures: number;
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER: BreakerSettings = { consecutiveFailures: 5, halfOpenAfterMs: 10_000 };

const TARGETS = ['salesforce', 'aws', 'microsoft', 'google'];

export class TargetBreakers {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();
  private readonly retryAt = new Map<string, number>();

  constructor(private readonly settings: BreakerSettings = DEFAULT_BREAKER) {}

  for(target: string): CircuitBreakerPolicy {
    let breaker = this.breakers.get(target);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof PortalError && error.transient),
        {
          halfOpenAfter: this.settings.halfOpenAfterMs,
          breaker: new ConsecutiveBreaker(this.settings.consecutiveFailures),
        },
      );
      // cockatiel moves an open circuit to half-open only inside execute(): remember when the
      // wait ends, so the target's jobs are claimed again and one of them can probe the portal.
      breaker.onBreak(() => this.retryAt.set(target, Date.now() + this.settings.halfOpenAfterMs));
      this.breakers.set(target, breaker);
    }
    return breaker;
  }

  /** Targets whose circuit is not open (or whose open wait is over): jobs for an open circuit stay queued. */
  closedTargets(): string[] {
    return TARGETS.filter(
      (t) =>
        this.for(t).state !== 1 /* CircuitState.Open */ || Date.now() >= (this.retryAt.get(t) ?? 0),
    );
  }
}
