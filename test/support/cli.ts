// Runs a `cosell` command class in-process against the project's own oclif configuration, so
// command tests need neither the `sf` executable nor a compiled lib/.
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let config: Promise<Config> | undefined;

export function projectConfig(): Promise<Config> {
  config ??= Config.load({ root: PROJECT_ROOT });
  return config;
}

type RunnableCommand<T> = { run(argv: string[], opts: Config): Promise<T> };

/** Runs a command with argv; resolves to its result (the `--json` payload) or rejects with its error. */
export async function runCommand<T>(command: RunnableCommand<T>, argv: string[]): Promise<T> {
  return command.run(argv, await projectConfig());
}
