import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  commandArtifacts,
  loadCommands,
  serialise,
  type CommandArtifacts,
} from '../../../scripts/generate-command-artifacts.js';
import { RESULT_SCHEMAS } from '../../../middleware/src/cli/result-schemas.js';
import { PROJECT_ROOT } from '../../support/cli.js';

const REGENERATE =
  'node --import ./scripts/bench/ts-resolve.mjs --experimental-transform-types scripts/generate-command-artifacts.ts';

describe('command artifacts', () => {
  let artifacts: CommandArtifacts;
  let commands: Awaited<ReturnType<typeof loadCommands>>;

  beforeAll(async () => {
    artifacts = await commandArtifacts();
    commands = await loadCommands();
  }, 60_000);

  it(`command-snapshot.json matches every command's flags (regenerate with: ${REGENERATE})`, () => {
    expect(readFileSync(join(PROJECT_ROOT, 'command-snapshot.json'), 'utf8')).toBe(
      serialise(artifacts.snapshot),
    );
  });

  it('schemas/ holds exactly one current JSON schema per command, plus the published input formats', () => {
    const dir = join(PROJECT_ROOT, 'schemas');
    expect(readdirSync(dir).sort()).toEqual(Object.keys(artifacts.schemas).sort());
    for (const [file, schema] of Object.entries(artifacts.schemas)) {
      expect({ file, content: readFileSync(join(dir, file), 'utf8') }).toEqual({
        file,
        content: serialise(schema),
      });
    }
  });

  it('every command has a result schema and every result schema a command', () => {
    expect([...commands.keys()].sort()).toEqual(Object.keys(RESULT_SCHEMAS).sort());
  });

  it('lists the operator commands the CLI promises', () => {
    expect([...commands.keys()]).toEqual(
      expect.arrayContaining([
        'cosell lint',
        'cosell attribution report',
        'cosell opportunity validate',
        'cosell opportunity submit',
        'cosell referrals list',
        'cosell referrals accept',
        'cosell referrals decline',
        'cosell referrals assign',
        'cosell sync status',
        'cosell sync replay',
        'cosell readiness',
        'cosell setup check',
      ]),
    );
  });

  it('every command has a summary, a description and runnable examples for --help', () => {
    for (const [id, command] of commands) {
      expect({
        id,
        summary: typeof command.summary === 'string' && command.summary.length > 20,
      }).toEqual({ id, summary: true });
      expect({
        id,
        description:
          typeof command.description === 'string' &&
          command.description.length > command.summary!.length,
      }).toEqual({ id, description: true });
      const examples = (command.examples ?? []).map(String);
      expect({
        id,
        examples:
          examples.length > 0 &&
          examples.every((example) => example.includes('<%= config.bin %> <%= command.id %>')),
      }).toEqual({ id, examples: true });
    }
  });

  it('gives each short flag to one flag per command (sf keeps -o for --target-org)', () => {
    for (const [id, command] of commands) {
      const flags = { ...(command.baseFlags ?? {}), ...(command.flags ?? {}) } as Record<
        string,
        { char?: string }
      >;
      const byChar = new Map<string, string[]>();
      for (const [name, flag] of Object.entries(flags))
        if (flag.char) byChar.set(flag.char, [...(byChar.get(flag.char) ?? []), name]);
      const shared = [...byChar].filter(([, names]) => names.length > 1);
      expect({ id, shared }).toEqual({ id, shared: [] });
    }
  });
});
