// Shared set-up of the command tests: the TestContext whose sandbox stubs a command's output (read
// what it printed through the live `ux` binding), a scratch folder for input files removed after the
// file's tests, and the error a command is expected to fail with.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from '@jest/globals';
import { TestContext } from '@salesforce/core/testSetup';
import { stubSfCommandUx } from '@salesforce/sf-plugins-core';

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

/** A fresh scratch folder (removed after the calling file's tests) and a writer of files into it. */
export function scratchFolder(prefix: string): {
  scratch: string;
  file: (name: string, content: unknown) => string;
} {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const file = (name: string, content: unknown) => {
    const path = join(scratch, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  return { scratch, file };
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
