// The acceptance check of the local org's fidelity: the real Salesforce CLI (@salesforce/cli, a client
// this project did not write) logs in with an access token, queries, updates a record, and runs
// `cosell lint --target-org` against it, with its state in a temporary HOME.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startLocalOrg, type LocalOrg } from '../../../middleware/src/sandbox/salesforce/index.js';

const run = promisify(execFile);
const SF = resolve('node_modules/.bin/sf');
const COSELL = resolve('bin/run.js');

describe('the real sf CLI against the local org', () => {
  let local: LocalOrg;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let opportunityId: string;

  async function cli(
    command: string,
    args: string[],
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    try {
      const { stdout } = await run(command, args, {
        env,
        cwd: home,
        timeout: 120_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      return { status: 0, json: JSON.parse(stdout) as Record<string, unknown> };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      try {
        return {
          status: failed.code ?? 1,
          json: JSON.parse(failed.stdout ?? '') as Record<string, unknown>,
        };
      } catch {
        throw new Error(
          `${command} ${args.join(' ')} failed (${failed.code}): ${failed.stderr ?? ''} ${failed.stdout ?? ''}`,
        );
      }
    }
  }

  beforeAll(async () => {
    local = await startLocalOrg();
    home = await mkdtemp(join(tmpdir(), 'h11org-sf-'));
    env = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      SF_ACCESS_TOKEN: local.admin.accessToken,
      SF_AUTOUPDATE_DISABLE: 'true',
      SF_DISABLE_TELEMETRY: 'true',
      SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
      SF_DISABLE_DNS_CHECK: 'true',
      SF_SKIP_NEW_VERSION_CHECK: 'true',
      SF_HIDE_RELEASE_NOTES: 'true',
      SF_CONTENT_TYPE: 'JSON',
      NODE_OPTIONS: '',
    };
    const account = local.server.writeRecord(
      'Account',
      { Name: 'Contoso Retail Group', Industry: 'Retail', BillingCountry: 'US' },
      { kind: 'create' },
      { userId: local.admin.userId },
    );
    if ('errors' in account) throw new Error(JSON.stringify(account.errors));
    const opportunity = local.server.writeRecord(
      'Opportunity',
      {
        Name: 'Contoso - lakehouse migration',
        AccountId: account.id,
        StageName: 'Qualification',
        CloseDate: '2027-03-31',
        Amount: 480000,
        CurrencyIsoCode: 'USD',
        CoSell_Clouds__c: 'AWS',
        CoSell_Origin__c: 'Partner-led',
      },
      { kind: 'create' },
      { userId: local.admin.userId },
    );
    if ('errors' in opportunity) throw new Error(JSON.stringify(opportunity.errors));
    opportunityId = opportunity.id;
  });

  afterAll(async () => {
    await local?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('logs in with an access token, queries, updates a record and lints the org', async () => {
    const login = await cli(SF, [
      'org',
      'login',
      'access-token',
      '--instance-url',
      local.instanceUrl,
      '--no-prompt',
      '--alias',
      'local',
      '--json',
    ]);
    expect(login).toMatchObject({
      status: 0,
      json: { result: { username: local.admin.username, orgId: expect.stringMatching(/^00D/) } },
    });

    const query = await cli(SF, [
      'data',
      'query',
      '--query',
      'SELECT Id, Name, StageName, Account.Name FROM Opportunity',
      '--target-org',
      'local',
      '--json',
    ]);
    expect(query.status).toBe(0);
    expect(query.json.result).toMatchObject({
      totalSize: 1,
      records: [
        {
          Id: opportunityId,
          Name: 'Contoso - lakehouse migration',
          StageName: 'Qualification',
          Account: { Name: 'Contoso Retail Group' },
        },
      ],
    });

    const update = await cli(SF, [
      'data',
      'update',
      'record',
      '--sobject',
      'Opportunity',
      '--record-id',
      opportunityId,
      '--values',
      "StageName='Proposal' NextStep='AWS architecture review'",
      '--target-org',
      'local',
      '--json',
    ]);
    expect(update.status).toBe(0);
    expect(local.org.get('Opportunity', opportunityId)).toMatchObject({
      StageName: 'Proposal',
      NextStep: 'AWS architecture review',
      LastModifiedById: local.admin.userId,
    });

    const refused = await cli(SF, [
      'data',
      'update',
      'record',
      '--sobject',
      'Opportunity',
      '--record-id',
      opportunityId,
      '--values',
      "CoSell_Origin__c='Somewhere'",
      '--target-org',
      'local',
      '--json',
    ]);
    expect(refused.status).not.toBe(0);
    expect(JSON.stringify(refused.json)).toContain('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(local.org.get('Opportunity', opportunityId)!.CoSell_Origin__c).toBe('Partner-led');

    const lint = await cli('node', [
      COSELL,
      'cosell',
      'lint',
      '--target-org',
      'local',
      '--json',
      '--now',
      '2026-12-06T00:00:00Z',
    ]);
    expect(lint.json).toMatchObject({
      result: {
        targetOrg: local.admin.username,
        summary: expect.objectContaining({ rejectedRows: 0 }),
      },
    });
    const findings = (lint.json.result as { findings: Array<{ opportunityId: string | null }> })
      .findings;
    expect(findings.some((finding) => finding.opportunityId === opportunityId)).toBe(true);
  }, 240_000);

  it('logs the integration user in with the JWT bearer flow and its certificate, and applies its permission set', async () => {
    const keyFile = join(home, 'integration.key');
    await writeFile(keyFile, local.integration.privateKeyPem);
    const login = await cli(SF, [
      'org',
      'login',
      'jwt',
      '--instance-url',
      local.instanceUrl,
      '--client-id',
      local.integration.clientId,
      '--jwt-key-file',
      keyFile,
      '--username',
      local.integration.username,
      '--alias',
      'integration',
      '--json',
    ]);
    expect(login).toMatchObject({
      status: 0,
      json: { result: { username: local.integration.username } },
    });
    const query = await cli(SF, [
      'data',
      'query',
      '--query',
      `SELECT Id, Name FROM Opportunity WHERE Id = '${opportunityId}'`,
      '--target-org',
      'integration',
      '--json',
    ]);
    expect(query.json.result).toMatchObject({ totalSize: 1, records: [{ Id: opportunityId }] });
    // CoSell_Integration reads the AE's help details but may not edit them.
    const refused = await cli(SF, [
      'data',
      'update',
      'record',
      '--sobject',
      'Opportunity',
      '--record-id',
      opportunityId,
      '--values',
      "CoSell_Help_Details__c='from the CLI'",
      '--target-org',
      'integration',
      '--json',
    ]);
    expect(refused.status).not.toBe(0);
    expect(JSON.stringify(refused.json)).toContain('INVALID_FIELD_FOR_INSERT_UPDATE');
  }, 240_000);
});
