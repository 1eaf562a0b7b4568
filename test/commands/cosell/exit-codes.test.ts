// The README's exit codes, held to: a flag the command cannot use (a missing file, a malformed Id,
// an impossible date, an owner that is not a user or queue) exits 2, findings in the data exit 1.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from '@jest/globals';
import AccountsMap from '../../../middleware/src/commands/cosell/accounts/map.js';
import AttributionReport from '../../../middleware/src/commands/cosell/attribution/report.js';
import FiscalPeriod from '../../../middleware/src/commands/cosell/fiscal/period.js';
import Lint from '../../../middleware/src/commands/cosell/lint.js';
import Maturity from '../../../middleware/src/commands/cosell/maturity.js';
import OpportunitySubmit from '../../../middleware/src/commands/cosell/opportunity/submit.js';
import PayloadValidate from '../../../middleware/src/commands/cosell/payload/validate.js';
import Readiness from '../../../middleware/src/commands/cosell/readiness.js';
import ReferralsAssign from '../../../middleware/src/commands/cosell/referrals/assign.js';
import { EXIT_CODES } from '../../../middleware/src/cli/exit-codes.js';
import { runCommand } from '../../support/cli.js';
import { useCommandSandbox } from './support/command-context.js';
import { SERVICE_URL } from './support/fake-service.js';

type Runnable = Parameters<typeof runCommand>[0];
const missing = join(tmpdir(), 'cosell-no-such-file.csv');
/** An --output in a folder that is not there. */
const nowhere = join(tmpdir(), 'cosell-no-such-folder', 'findings.csv');
const EXPORT = join(process.cwd(), 'test', 'fixtures', 'opportunities-export.csv');
const service = ['--service-url', SERVICE_URL, '--token', 'ops-token-1'];

async function exitCodeOf(
  command: Runnable,
  argv: string[],
): Promise<{ exitCode: number; message: string }> {
  try {
    await runCommand(command, argv);
  } catch (error) {
    return error as { exitCode: number; message: string };
  }
  throw new Error(`expected ${argv.join(' ')} to fail`);
}

describe('exit codes', () => {
  useCommandSandbox();

  const badFlags: Array<[string, Runnable, string[], RegExp]> = [
    ['a missing export file', Lint, ['--file', missing], /No file found/],
    [
      'a missing evidence file',
      Readiness,
      ['--cloud', 'aws', '--evidence', missing],
      /No file found/,
    ],
    [
      'a missing payload file',
      PayloadValidate,
      ['--portal', 'aws', '--file', missing],
      /no such file/,
    ],
    [
      'a malformed opportunity Id',
      OpportunitySubmit,
      [...service, '--opportunity', '006bad', '--cloud', 'aws'],
      /15 or 18 characters/,
    ],
    [
      'an owner that is not a user or queue Id',
      ReferralsAssign,
      [...service, '--referral', '1', '--owner', 'zzzzzzzzzzzzzzzzzz'],
      /not the Id of a Salesforce user or queue/,
    ],
    [
      'an account Id as owner',
      ReferralsAssign,
      [...service, '--referral', '1', '--owner', '001Hs00000Emea1AAA'],
      /not the Id of a Salesforce user or queue/,
    ],
    [
      'a malformed service record id',
      ReferralsAssign,
      [...service, '--referral', 'x', '--owner', '005Hs00000Emea1AAA'],
      /not a service record id/,
    ],
    [
      'an impossible calendar date',
      FiscalPeriod,
      ['--cloud', 'aws', '--date', '2026-13-45'],
      /not a calendar date/,
    ],
    [
      'a --now that is not a date',
      Lint,
      ['--file', missing, '--now', '10/11/2026'],
      /not an ISO date/,
    ],
    [
      'a fiscal period that is not one',
      AttributionReport,
      ['--file', missing, '--period', '2027Q1'],
      /not a fiscal period/,
    ],
    ['neither --file nor --target-org', Lint, [], /--file|--target-org/],
    // An --output that cannot be written is refused before the export is read, not after.
    [
      'an --output in a folder that does not exist',
      Lint,
      ['--file', EXPORT, '--output', nowhere],
      /there is no folder .*cosell-no-such-folder/,
    ],
    [
      'an --output that is a folder',
      AttributionReport,
      ['--file', EXPORT, '--output', tmpdir()],
      /is a folder; --output takes a file name/,
    ],
    [
      'a pursuit list --output in a folder that does not exist',
      AccountsMap,
      ['--cloud', 'aws', '--hyperscaler-list', EXPORT, '--accounts', EXPORT, '--output', nowhere],
      /there is no folder/,
    ],
    [
      'an operation the portal lacks',
      PayloadValidate,
      [
        '--portal',
        'microsoft',
        '--file',
        missing.replace('.csv', '.json'),
        '--operation',
        'CreateOpportunity',
      ],
      /not a microsoft operation/,
    ],
  ];

  for (const [what, command, argv, message] of badFlags) {
    it(`exits ${EXIT_CODES.badFlags} for ${what}`, async () => {
      const failure = await exitCodeOf(command, argv);
      expect(failure.message).toMatch(message);
      expect(failure.exitCode).toBe(EXIT_CODES.badFlags);
    });
  }

  // The deal reports share their source flags and the report's settings, so they refuse them alike.
  const dealReports: Array<[string, Runnable]> = [
    ['lint', Lint],
    ['attribution report', AttributionReport],
    ['maturity', Maturity],
  ];
  for (const [name, command] of dealReports) {
    it(`exits ${EXIT_CODES.badFlags} when ${name} has neither --file nor --target-org`, async () => {
      const failure = await exitCodeOf(command, []);
      expect(failure.message).toMatch(
        /^Nothing to \w+( \w+)?: give --file with an export, or --target-org with an org\.$/,
      );
      expect(failure.exitCode).toBe(EXIT_CODES.badFlags);
    });

    it(`exits ${EXIT_CODES.badFlags} when ${name} has --where with --file`, async () => {
      const failure = await exitCodeOf(command, ['--file', EXPORT, '--where', 'IsClosed = false']);
      expect(failure.message).toBe(
        '--where filters what is read from an org; it does not apply to --file.',
      );
      expect(failure.exitCode).toBe(EXIT_CODES.badFlags);
    });
  }

  for (const [name, command] of dealReports.slice(1)) {
    it(`exits ${EXIT_CODES.badFlags} when ${name} has a --currency that is not an ISO code`, async () => {
      const failure = (await exitCodeOf(command, ['--file', EXPORT, '--currency', 'dollars'])) as {
        exitCode: number;
        message: string;
        actions?: string[];
      };
      expect(failure.message).toMatch(/reportingCurrency/);
      expect(failure.actions).toEqual([
        'Check --currency (three-letter ISO code) and each --rate (a positive number).',
      ]);
      expect(failure.exitCode).toBe(EXIT_CODES.badFlags);
    });
  }

  it('keeps the README and the exit codes in step', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    expect(readme).toContain(
      `Exit codes: 0 ok; ${EXIT_CODES.findings} findings or errors in the data; ${EXIT_CODES.badFlags} bad flags; ${EXIT_CODES.timedOut} \`--wait\` ran out; ${EXIT_CODES.serviceRefused} the service refused the request; ${EXIT_CODES.serviceUnreachable} the service is unreachable; ${EXIT_CODES.orgNotReady} the org lacks the package; ${EXIT_CODES.interrupted} stopped by Ctrl-C, at once and leaving an \`--output\` file as it was.`,
    );
  });
});
