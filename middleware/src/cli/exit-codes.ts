// The exit codes every `cosell` command uses, so scripts can branch on why a run did not succeed.
export const EXIT_CODES = {
  /** The command ran and the data has errors: lint or validation errors, missing setup, a refused decline. */
  findings: 1,
  /** oclif's code for flags that do not parse (unknown flag, bad option value, missing required flag). */
  badFlags: 2,
  /** `--wait` ran out before the portal answered; the submission is still queued. */
  timedOut: 3,
  /** The service answered with a problem (4xx/5xx): not found, conflict, refused, unauthorised. */
  serviceRefused: 4,
  /** No answer from the service at all (closed port, DNS, timeout). */
  serviceUnreachable: 5,
  /** The org lacks the package's objects or fields, or the query failed. */
  orgNotReady: 6,
  /** Stopped by Ctrl-C or a TERM/HUP signal (interrupt.ts); an `--output` file is left as it was. */
  interrupted: 130,
} as const;
