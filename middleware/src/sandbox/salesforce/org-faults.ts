// Faults the local org answers with instead of running a call: scripted ones (`inject`: the next
// calls of a kind fail with a named Salesforce error) and the seeded plan the portal emulators share,
// whose throttle, conflict and 5xx become Salesforce's own errors.
import type { RestFaultRule } from '../rest-emulator-kit.js';
import type { CallKind, Fault, FaultKind } from './server-options.js';

/** Salesforce's answer to each fault: status and error body. */
export const FAULT_ANSWERS: Record<FaultKind, { status: number; body: unknown }> = {
  INVALID_SESSION_ID: {
    status: 401,
    body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
  },
  REQUEST_LIMIT_EXCEEDED: {
    status: 403,
    body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
  },
  UNABLE_TO_LOCK_ROW: {
    status: 400,
    body: [
      {
        message: 'unable to obtain exclusive access to this record',
        errorCode: 'UNABLE_TO_LOCK_ROW',
        fields: [],
      },
    ],
  },
  SERVER_UNAVAILABLE: {
    status: 503,
    body: [{ message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }],
  },
};

/** The Salesforce error a drawn seeded fault stands for (slow and timeout delay instead). */
const ERROR_OF_PLANNED: Partial<Record<RestFaultRule['kind'], FaultKind>> = {
  throttle: 'REQUEST_LIMIT_EXCEEDED',
  conflict: 'UNABLE_TO_LOCK_ROW',
  '5xx': 'SERVER_UNAVAILABLE',
};

/** Faults a test scripted with `inject`, each good for its number of matching calls. */
export class ScriptedFaults {
  private readonly faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** The error this call fails with: a scripted fault first, else the seeded one drawn for it. */
  take(kind: CallKind, method: string, planned: RestFaultRule | null): FaultKind | null {
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.kind || f.kind === kind) && (!f.method || f.method === method),
    );
    if (fault) {
      fault.times--;
      return fault.error;
    }
    return planned ? (ERROR_OF_PLANNED[planned.kind] ?? null) : null;
  }
}
