import { describe, expect, it } from '@jest/globals';
import PayloadMap, {
  type PayloadMapResult,
} from '../../../../middleware/src/commands/cosell/payload/map.js';
import { northwindDataPlatform } from '../../../portals/mapping/opportunity-fixture.js';
import { runCommand } from '../../../support/cli.js';
import { printed, scratchFolder, useCommandSandbox, ux } from '../support/command-context.js';

describe('cosell payload map', () => {
  const files = scratchFolder('cosell-payload-');
  const northwind = files.file('northwind.json', northwindDataPlatform());
  useCommandSandbox();

  it('prints the ACE CreateOpportunity request and its findings, exit 0 when there is no error', async () => {
    const result: PayloadMapResult = await runCommand(PayloadMap, [
      '--portal',
      'aws',
      '--file',
      northwind,
      '--now',
      '2026-11-26T09:30:00Z',
    ]);
    expect(result).toMatchObject({
      portal: 'aws',
      operation: 'CreateOpportunity',
      now: '2026-11-26T09:30:00.000Z',
      errors: 0,
    });
    expect(result.payload).toMatchObject({
      Catalog: 'AWS',
      LifeCycle: { Stage: 'Business Validation', TargetCloseDate: '2027-03-31' },
    });
    expect(process.exitCode ?? 0).toBe(0);
    expect(printed()).toContain('"CompanyName": "Northwind Health Systems"');
    expect(printed()).toContain('Mapped for aws CreateOpportunity: 0 errors');
  });

  it('judges past close dates against --now, so the result is repeatable, and never invents one', async () => {
    const result: PayloadMapResult = await runCommand(PayloadMap, [
      '--portal',
      'google',
      '--file',
      northwind,
      '--now',
      '2027-04-10',
    ]);
    expect(
      (result.payload.qualificationInfo as Record<string, unknown>).estimatedCloseDate,
    ).toBeUndefined();
    expect(result.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'error', field: 'CloseDate' })]),
    );
    expect(result.findings.some((finding) => finding.code === 'GOOGLE_MAP_VALUE_REPLACED')).toBe(
      false,
    );
  });

  it('exits non-zero and names the Salesforce field when the mapping finds an error', async () => {
    const file = files.file(
      'no-country.json',
      northwindDataPlatform((o) => void (o.account.billingCountry = null)),
    );
    const result: PayloadMapResult = await runCommand(PayloadMap, [
      '--portal',
      'microsoft',
      '--file',
      file,
      '--now',
      '2026-11-26',
    ]);
    expect(result.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'MICROSOFT_MAP_REQUIRED_MISSING',
          field: 'Account.BillingCountry',
          path: '$.customerProfile.address.country',
        }),
      ]),
    );
    expect(process.exitCode).toBe(1);
  });

  it('refuses a file that is not a canonical opportunity, naming the fields', async () => {
    const file = files.file('lead.json', { id: '006Hs00001NwDpLAAV', name: 'Northwind' });
    await expect(runCommand(PayloadMap, ['--portal', 'aws', '--file', file])).rejects.toThrow(
      /is not a co-sell opportunity: .*\$\.stageName/,
    );
  });

  it('refuses a --now that is not a date', async () => {
    await expect(
      runCommand(PayloadMap, ['--portal', 'aws', '--file', northwind, '--now', 'tomorrow']),
    ).rejects.toThrow(/"tomorrow" is not a date or date-time/);
  });

  it('says which file cannot be read or is not JSON', async () => {
    await expect(
      runCommand(PayloadMap, ['--portal', 'aws', '--file', files.path('gone.json')]),
    ).rejects.toThrow(/Cannot read .*gone\.json \(no such file\)/);
    const file = files.file('half.json', '{"id": "006Hs00001NwDpLAAV",');
    await expect(runCommand(PayloadMap, ['--portal', 'aws', '--file', file])).rejects.toThrow(
      /half\.json is not JSON/,
    );
  });

  it('returns the --json envelope with the payload and findings', async () => {
    await runCommand(PayloadMap, [
      '--portal',
      'aws',
      '--file',
      northwind,
      '--now',
      '2026-11-26',
      '--json',
    ]);
    const envelope = ux.logJson.firstCall.args[0] as {
      status: number;
      result: Record<string, unknown>;
    };
    expect(envelope.status).toBe(0);
    expect(Object.keys(envelope.result).sort()).toEqual([
      'errors',
      'findings',
      'now',
      'operation',
      'payload',
      'portal',
      'warnings',
    ]);
  });
});
