import { closeSync, openSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MAX_PAYLOAD_BYTES } from '../../../../middleware/src/cli/payload-file.js';
import PayloadValidate, {
  type PayloadValidateResult,
} from '../../../../middleware/src/commands/cosell/payload/validate.js';
import { createAwsMapper } from '../../../../middleware/src/portals/aws/map.js';
import { loadMapping } from '../../../../middleware/src/portals/mapping/load.js';
import { NOW, northwindDataPlatform } from '../../../portals/mapping/opportunity-fixture.js';
import { runCommand } from '../../../support/cli.js';
import { printed, scratchFolder, useCommandSandbox, ux } from '../support/command-context.js';

const aceCreate = () =>
  createAwsMapper(loadMapping('aws')).toWire(northwindDataPlatform(), { now: NOW }).payload;

describe('cosell payload validate', () => {
  const files = scratchFolder('cosell-payload-');
  useCommandSandbox();

  it('accepts a valid ACE CreateOpportunity request and exits 0', async () => {
    const file = files.file('northwind-create.json', aceCreate());
    const result: PayloadValidateResult = await runCommand(PayloadValidate, [
      '--portal',
      'aws',
      '--file',
      file,
    ]);
    expect(result).toMatchObject({
      portal: 'aws',
      operation: 'CreateOpportunity',
      valid: true,
      errors: 0,
      findings: [],
    });
    expect(process.exitCode ?? 0).toBe(0);
    expect(printed()).toContain('is a valid aws CreateOpportunity payload');
  });

  it('lists errors by JSON path and exits non-zero', async () => {
    const payload = aceCreate() as { Customer: { Account: Record<string, unknown> } };
    delete payload.Customer.Account.CompanyName;
    payload.Customer.Account.Industry = 'Healthcare & Life Sciences';
    const file = files.file('broken-create.json', payload);
    const result: PayloadValidateResult = await runCommand(PayloadValidate, [
      '--portal',
      'aws',
      '--file',
      file,
    ]);
    expect(result.valid).toBe(false);
    const paths = result.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.path);
    expect(paths).toEqual(
      expect.arrayContaining(['$.Customer.Account.CompanyName', '$.Customer.Account.Industry']),
    );
    expect(process.exitCode).toBe(1);
    expect(printed()).toMatch(/ERROR\s+\$\.Customer\.Account\.CompanyName/);
  });

  it('validates the operation named by --operation', async () => {
    const file = files.file('referral-patch.json', [
      { op: 'replace', path: '/status', value: 'Closed' },
      { op: 'replace', path: '/substatus', value: 'Won' },
    ]);
    const result: PayloadValidateResult = await runCommand(PayloadValidate, [
      '--portal',
      'microsoft',
      '--file',
      file,
      '--operation',
      'patch',
    ]);
    expect(result).toMatchObject({ portal: 'microsoft', operation: 'patch', valid: true });
  });

  it('refuses an operation the portal does not have, listing the ones it has', async () => {
    const file = files.file('any.json', {});
    await expect(
      runCommand(PayloadValidate, [
        '--portal',
        'microsoft',
        '--file',
        file,
        '--operation',
        'CreateOpportunity',
      ]),
    ).rejects.toThrow(
      /"CreateOpportunity" is not a microsoft operation\. Known operations: create, update, patch/,
    );
  });

  it('refuses an unknown portal', async () => {
    await expect(
      runCommand(PayloadValidate, ['--portal', 'oracle', '--file', files.path('x.json')]),
    ).rejects.toThrow(/aws, microsoft, google/);
  });

  it('requires --file', async () => {
    await expect(runCommand(PayloadValidate, ['--portal', 'aws'])).rejects.toThrow(
      /Missing required flag file/,
    );
  });

  it('says which file cannot be read, in words, as a bad flag (exit 2)', async () => {
    const missing = files.path('does-not-exist.json');
    const run = runCommand(PayloadValidate, ['--portal', 'aws', '--file', missing]);
    await expect(run).rejects.toThrow(`Cannot read ${missing} (no such file)`);
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      runCommand(PayloadValidate, ['--portal', 'aws', '--file', dirname(missing)]),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('is not a file (a folder)'),
    });
  });

  it('refuses a payload file over the size limit before reading it, stating the limit', async () => {
    const huge = files.path('huge.json');
    // Sparse: 50 MB on paper, nothing on disk; reading it all would take the memory the limit protects.
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 50 * 1024 * 1024);
    const run = runCommand(PayloadValidate, ['--portal', 'aws', '--file', huge]);
    await expect(run).rejects.toThrow(
      `${huge} is too large to be one payload (50 MB; the limit is 1 MB)`,
    );
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    // Just under the limit is read and judged.
    const padded = files.file(
      'padded.json',
      JSON.stringify({ pad: 'x'.repeat(MAX_PAYLOAD_BYTES - 20) }),
    );
    const result: PayloadValidateResult = await runCommand(PayloadValidate, [
      '--portal',
      'aws',
      '--file',
      padded,
    ]);
    expect(result.valid).toBe(false);
  });

  it('says which file is not JSON', async () => {
    const file = files.file('notes.json', 'CompanyName: Northwind');
    await expect(runCommand(PayloadValidate, ['--portal', 'aws', '--file', file])).rejects.toThrow(
      new RegExp(`${file} is not JSON`),
    );
  });

  it('prints the sf --json envelope with status 1 and the findings when the payload has errors', async () => {
    const file = files.file('empty-create.json', {});
    await runCommand(PayloadValidate, ['--portal', 'aws', '--file', file, '--json']);
    const envelope = ux.logJson.firstCall.args[0] as {
      status: number;
      result: {
        valid: boolean;
        findings: Array<{ path: string; code: string; severity: string; message: string }>;
      };
    };
    expect(envelope.status).toBe(1);
    expect(envelope.result.valid).toBe(false);
    expect(envelope.result.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: '$.ClientToken',
          code: 'AWS_WIRE_REQUIRED',
          severity: 'error',
        }),
      ]),
    );
  });
});
