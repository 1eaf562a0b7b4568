// Shared set-up of the command tests: the TestContext whose sandbox stubs a command's output (read
// what it printed through the live `ux` binding), a scratch folder for input files removed after the
// file's tests, and the error a command is expected to fail with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from '@jest/globals';
import { TestContext } from '@salesforce/core/testSetup';
import { stubSfCommandUx } from '@salesforce/sf-plugins-core';
import { scratchFolder as newScratchFolder } from '../../../support/scratch.js';

export const $$ = new TestContext();
export let ux: ReturnType<typeof stubSfCommandUx>;

/** Everything the command logged, one call per line. */
export const printed = () =>
  ux.log
    .getCalls()
    .flatMap((call) => call.args)
    .join('\n');

/** Stubs the command output afresh (after `$$.restore()`, to read only what follows). */
export function stubCommandUx(): void {
  ux = stubSfCommandUx($$.SANDBOX);
}

/** Stubs the command output before each test of the calling file and restores the sandbox after. */
export function useCommandSandbox(): void {
  beforeEach(stubCommandUx);
  afterEach(() => {
    $$.restore();
    process.exitCode = undefined;
  });
}

/** A fresh scratch folder (removed after the calling file's tests), a writer of files into it and the path of a name in it. */
export function scratchFolder(prefix: string): {
  scratch: string;
  file: (name: string, content: unknown) => string;
  path: (name: string) => string;
} {
  const scratch = newScratchFolder(prefix);
  const path = (name: string) => join(scratch, name);
  const file = (name: string, content: unknown) => {
    writeFileSync(
      path(name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
    return path(name);
  };
  return { scratch, file, path };
}

export type SfErrorLike = Error & {
  exitCode: number;
  actions?: string[];
  data?: { status?: number; errors?: unknown[]; [key: string]: unknown };
};

/** The error a command failed with (the test fails if it succeeded). */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (error: unknown) => error as SfErrorLike,
  );
