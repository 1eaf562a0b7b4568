// Files a user names on a flag (evidence, review decisions, rule configurations), read with the
// command's own errors: `error.unreadable` (or the key the command names, where its bundle spends
// `error.unreadable` on another file) with the file and the system's reason, and a key of the
// command's choosing for text that is not JSON.
import { readFileSync } from 'node:fs';
import type { Messages } from '@salesforce/core';

/** The file's text; a file that cannot be read is refused as the command's `error.unreadable`. */
export function readFlagFile(
  messages: Messages<string>,
  file: string,
  options: { exitCode?: number; key?: string } = {},
): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw messages.createError(
      options.key ?? 'error.unreadable',
      [file, (error as NodeJS.ErrnoException).code ?? (error as Error).message],
      [],
      options.exitCode,
    );
  }
}

/** The file's JSON; text that is not JSON is refused with the command's `notJsonKey` (file, reason). */
export function readJsonFlagFile(
  messages: Messages<string>,
  file: string,
  notJsonKey: string,
  options: { unreadableExitCode?: number; unreadableKey?: string } = {},
): unknown {
  const text = readFlagFile(messages, file, {
    exitCode: options.unreadableExitCode,
    ...(options.unreadableKey ? { key: options.unreadableKey } : {}),
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw messages.createError(notJsonKey, [file, (error as Error).message]);
  }
}
