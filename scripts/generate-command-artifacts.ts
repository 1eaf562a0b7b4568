// Regenerates command-snapshot.json (every command's flags, chars and aliases) and schemas/*.json
// (every command's --json result) from the command classes and middleware/src/cli/result-schemas.ts.
// The command-artifacts test re-runs `commandArtifacts()` in memory and fails when the committed
// files drift from the code. Run after changing a command's flags or result:
//   node --import ./scripts/bench/ts-resolve.mjs --experimental-transform-types scripts/generate-command-artifacts.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  INPUT_SCHEMAS,
  inputJsonSchema,
  resultJsonSchema,
  schemaFileName,
} from '../middleware/src/cli/result-schemas.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMMANDS_DIR = join(ROOT, 'middleware', 'src', 'commands');
const PLUGIN = 'plugin-cosell';

export interface SnapshotEntry {
  alias: string[];
  command: string;
  flagAliases: string[];
  flagChars: string[];
  flags: string[];
  plugin: string;
}

interface FlagLike {
  char?: string;
  aliases?: string[];
}

interface CommandLike {
  aliases?: string[];
  flags?: Record<string, FlagLike>;
  baseFlags?: Record<string, FlagLike>;
  enableJsonFlag?: boolean;
  summary?: string;
  description?: string;
  examples?: unknown[];
}

/** Every command file, as `cosell lint` → absolute path; ids follow oclif's directory scheme. */
export function commandFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        files.set(relative(COMMANDS_DIR, path).slice(0, -3).split(sep).join(' '), path);
      }
    }
  };
  walk(COMMANDS_DIR);
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export async function loadCommands(): Promise<Map<string, CommandLike>> {
  const commands = new Map<string, CommandLike>();
  for (const [id, file] of commandFiles()) {
    const module = (await import(pathToFileURL(file).href)) as { default?: CommandLike };
    if (!module.default)
      throw new Error(`${file} has no default export: every file under commands/ is a command`);
    commands.set(id, module.default);
  }
  return commands;
}

function snapshotEntry(id: string, command: CommandLike): SnapshotEntry {
  const flags = { ...(command.baseFlags ?? {}), ...(command.flags ?? {}) };
  const names = Object.keys(flags);
  if (command.enableJsonFlag !== false && !names.includes('json')) names.push('json');
  return {
    alias: [...(command.aliases ?? [])].sort(),
    command: id,
    flagAliases: Object.values(flags)
      .flatMap((flag) => flag.aliases ?? [])
      .sort(),
    flagChars: Object.values(flags)
      .flatMap((flag) => (flag.char ? [flag.char] : []))
      .sort(),
    flags: names.sort(),
    plugin: PLUGIN,
  };
}

export interface CommandArtifacts {
  snapshot: SnapshotEntry[];
  /** schemas/ file name → JSON Schema: one per command result, plus the input formats users write. */
  schemas: Record<string, Record<string, unknown>>;
}

export async function commandArtifacts(): Promise<CommandArtifacts> {
  const commands = await loadCommands();
  const snapshot = [...commands.entries()].map(([id, command]) => snapshotEntry(id, command));
  const schemas = Object.fromEntries([
    ...[...commands.keys()].map((id) => [schemaFileName(id), resultJsonSchema(id)] as const),
    ...Object.keys(INPUT_SCHEMAS).map((file) => [file, inputJsonSchema(file)] as const),
  ]);
  return { snapshot, schemas };
}

export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function main(): Promise<void> {
  const { snapshot, schemas } = await commandArtifacts();
  writeFileSync(join(ROOT, 'command-snapshot.json'), serialise(snapshot));
  const dir = join(ROOT, 'schemas');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, schema] of Object.entries(schemas))
    writeFileSync(join(dir, file), serialise(schema));
  process.stdout.write(
    `Wrote command-snapshot.json (${snapshot.length} commands) and ${Object.keys(schemas).length} schemas.\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
