// What every `cosell` command starts from: its messages bundle (messages/<bundle>.md) and a base
// class that carries the bundle's summary, description and examples as the static properties
// oclif reads for help, the README and the command snapshot.
import { Messages } from '@salesforce/core';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { stopCleanlyOnSignals } from './interrupt.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);

/** The command's texts: summary, description, examples, and those of its flags, notes and errors. */
export function commandMessages(bundle: string): Messages<string> {
  return Messages.loadMessages('plugin-cosell', bundle);
}

/**
 * SfCommand with `summary`, `description` and `examples` taken from `messages`, stopped cleanly by
 * Ctrl-C (interrupt.ts); the command class declares its `flags` and `run` as usual:
 * `class Lint extends cosellCommand(messages)<LintResult>`.
 */
export function cosellCommand(messages: Messages<string>): typeof SfCommand {
  abstract class CoSellCommand<T> extends SfCommand<T> {
    public static readonly summary = messages.getMessage('summary');
    public static readonly description = messages.getMessage('description');
    public static readonly examples = messages.getMessages('examples');

    public async init(): Promise<void> {
      await super.init();
      stopCleanlyOnSignals();
    }
  }
  return CoSellCommand;
}

type ErrorKind = abstract new (...args: never[]) => Error;

/**
 * `error` as the command's message `key` with `exitCode` when it is one of `kinds` (its own text fills
 * the message unless `tokens` are given); any other error comes back unchanged, to be rethrown.
 */
export function wordedError(
  messages: Messages<string>,
  error: unknown,
  kinds: readonly ErrorKind[],
  key: string,
  exitCode: number,
  tokens?: Array<string | undefined>,
): unknown {
  if (!kinds.some((kind) => error instanceof kind)) return error;
  const known = error as Error;
  return messages.createError(key, tokens ?? [known.message], [], exitCode, known);
}
