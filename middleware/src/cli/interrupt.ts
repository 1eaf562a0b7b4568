// Ctrl-C (or TERM, HUP) stops a `cosell` command at once and cleanly: one line on stderr and exit
// code 130 (EXIT_CODES.interrupted, the code sf means to use). sf's own handler throws oclif's exit
// error from inside the signal listener, which Node reports as an uncaught exception: its stack, and
// exit code 1. Exiting runs the process's exit hooks, which remove what the run kept on disk: the
// findings spool and an `--output` file not yet renamed into place (report-output.ts), so an
// interrupted report leaves the old file as it was.
import { EXIT_CODES } from './exit-codes.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

let installed = false;

/**
 * From now on, a stop signal ends the process with EXIT_CODES.interrupted. Runs before listeners
 * already registered (sf's), so theirs never throw; once per process.
 */
export function stopCleanlyOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS)
    process.prependListener(signal, () => {
      // A progress bar may hold the line: start a fresh one.
      process.stderr.write(`\nInterrupted (${signal}): stopped before finishing.\n`);
      process.exit(EXIT_CODES.interrupted);
    });
}
