// Clouds and portals written in any case on the command line and in evidence files.
import { describe, expect, it } from '@jest/globals';
import FiscalPeriod, {
  type FiscalPeriodResult,
} from '../../../middleware/src/commands/cosell/fiscal/period.js';
import PayloadValidate, {
  type PayloadValidateResult,
} from '../../../middleware/src/commands/cosell/payload/validate.js';
import Readiness, {
  type ReadinessResult,
} from '../../../middleware/src/commands/cosell/readiness.js';
import { runCommand } from '../../support/cli.js';
import { scratchFolder, useCommandSandbox } from './support/command-context.js';

const { file: writeFile } = scratchFolder('cosell-cloud-names-');

describe('cloud and portal names in any case', () => {
  useCommandSandbox();

  it('takes --cloud and --portal in any case', async () => {
    const upper = (await runCommand(FiscalPeriod, [
      '--cloud',
      'MICROSOFT',
      '--date',
      '2026-08-15',
    ])) as FiscalPeriodResult;
    const lower = (await runCommand(FiscalPeriod, [
      '--cloud',
      'microsoft',
      '--date',
      '2026-08-15',
    ])) as FiscalPeriodResult;
    expect(upper).toEqual(lower);
    const file = writeFile('empty.json', '{}');
    const checked = (await runCommand(PayloadValidate, [
      '--portal',
      'AWS',
      '--file',
      file,
    ])) as PayloadValidateResult;
    expect(checked.portal).toBe('aws');
    await expect(
      runCommand(FiscalPeriod, ['--cloud', 'Azure', '--date', '2026-08-15']),
    ).rejects.toThrow(/use one of aws, microsoft, google/);
  });

  it('reads the cloud of an evidence file in any case, and matches it to --cloud', async () => {
    const file = writeFile('evidence.json', [
      { cloud: 'microsoft', coSellEligible: true },
      { cloud: 'AWS', coSellEligible: false },
    ]);
    const result = (await runCommand(Readiness, [
      '--evidence',
      file,
      '--cloud',
      'Microsoft',
    ])) as ReadinessResult;
    expect(result.checklists.map((checklist) => checklist.cloud)).toEqual(['Microsoft']);
  });
});
