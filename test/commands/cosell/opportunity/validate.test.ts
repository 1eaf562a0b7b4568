import { describe, expect, it } from '@jest/globals';
import OpportunityValidate, {
  type OpportunityValidateResult,
} from '../../../../middleware/src/commands/cosell/opportunity/validate.js';
import { runCommand } from '../../../support/cli.js';
import { fakeOrg, packagedOrgDescribes, plainOrgDescribes } from '../support/fake-org.js';
import { schemaIssues } from '../support/json-schema.js';
import { CONTOSO, FABRIKAM_BAD_PICKLIST, NORTHWIND } from '../support/opportunities.js';
import { $$, useCommandSandbox, ux } from '../support/command-context.js';

const NOW = '2026-11-10T09:00:00Z';
const validate = async (argv: string[]) =>
  (await runCommand(OpportunityValidate, argv)) as OpportunityValidateResult;

describe('cosell opportunity validate', () => {
  useCommandSandbox();

  it('maps one opportunity for its tagged cloud, offline, and reports findings in Salesforce field terms', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [
        { match: /FROM Opportunity WHERE Id IN \('006Hs00001Con02AAA'\)/, records: [CONTOSO] },
      ],
    });
    const result = await validate([
      '--target-org',
      org.username,
      '--opportunity',
      '006Hs00001Con02AAA',
      '--now',
      NOW,
      '--json',
    ]);
    expect(result.opportunities).toHaveLength(1);
    const [contoso] = result.opportunities;
    expect(contoso?.clouds.map((cloud) => cloud.cloud)).toEqual(['AWS']);
    expect(contoso?.valid).toBe(false);
    // The template name and the missing ask are lint errors or warnings on named Opportunity fields.
    const fields = new Set(contoso?.clouds[0]?.findings.map((finding) => finding.field));
    expect(fields.has('Name')).toBe(true);
    expect(contoso?.clouds[0]?.findings.every((finding) => finding.cloud === 'AWS')).toBe(true);
    expect(process.exitCode).toBe(1);
    // Only the org was asked: one describe-driven SOQL with the contact roles and engagements.
    expect(org.soql).toHaveLength(1);
    expect(org.soql[0]).toContain('FROM OpportunityContactRoles');
    expect(org.soql[0]).not.toContain('CurrencyIsoCode');
    expect(schemaIssues('cosell opportunity validate', result)).toEqual([]);
  });

  it('validates every match of --where across pages and for the cloud asked, and names a record the model refuses', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes({ multiCurrency: true }),
      queries: [
        {
          match: /WHERE \(StageName != 'Closed Lost'\) ORDER BY Id$/,
          records: [NORTHWIND, CONTOSO, FABRIKAM_BAD_PICKLIST],
        },
      ],
      pageSize: 2,
    });
    const result = await validate([
      '--target-org',
      org.username,
      '--where',
      "StageName != 'Closed Lost'",
      '--cloud',
      'microsoft',
      '--now',
      NOW,
      '--json',
    ]);
    expect(result.opportunities.map((opportunity) => opportunity.opportunityId)).toEqual([
      '006Hs00001Nwh01AAA',
      '006Hs00001Con02AAA',
      '006Hs00001Fab03AAA',
    ]);
    expect(result.opportunities[0]?.clouds.map((cloud) => cloud.cloud)).toEqual(['Microsoft']);
    expect(result.opportunities[1]?.clouds.map((cloud) => cloud.cloud)).toEqual(['Microsoft']);
    const fabrikam = result.opportunities[2];
    expect(fabrikam?.clouds).toEqual([]);
    expect(fabrikam?.unreadable[0]).toMatchObject({
      field: 'CoSell_Clouds__c',
      code: 'ORG_BAD_VALUE',
    });
    expect(fabrikam?.unreadable[0]?.message).toContain('"Oracle"');
    expect(org.soql[0]).toContain('CurrencyIsoCode');
    expect(ux.table.callCount).toBeGreaterThan(0);
    expect(schemaIssues('cosell opportunity validate', result)).toEqual([]);
  });

  it("judges a Microsoft share with the ISV's co-sell solutions, from the flag or MS_SOLUTION_IDS", async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [{ match: /Id IN/, records: [NORTHWIND] }],
    });
    const codes = async (extra: string[]) => {
      const result = await validate([
        '--target-org',
        org.username,
        '--opportunity',
        '006Hs00001Nwh01AAA',
        '--cloud',
        'microsoft',
        '--now',
        NOW,
        '--json',
        ...extra,
      ]);
      return result.opportunities[0]!.clouds[0]!.findings.map((finding) => finding.code);
    };
    const before = process.env.MS_SOLUTION_IDS;
    delete process.env.MS_SOLUTION_IDS;
    try {
      // Partner Center would refuse the share: no solution to send.
      expect(await codes([])).toContain('MICROSOFT_SOLUTION_REQUIRED');
      expect(await codes(['--microsoft-solution', 'SOL-15974-MQF'])).not.toContain(
        'MICROSOFT_SOLUTION_REQUIRED',
      );
      process.env.MS_SOLUTION_IDS = 'SOL-15974-MQF,SOL-20411-KQP';
      expect(await codes([])).not.toContain('MICROSOFT_SOLUTION_REQUIRED');
    } finally {
      if (before === undefined) delete process.env.MS_SOLUTION_IDS;
      else process.env.MS_SOLUTION_IDS = before;
    }
  });

  it('prints per-cloud verdicts for people', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [{ match: /Id IN/, records: [NORTHWIND] }],
    });
    await validate([
      '--target-org',
      org.username,
      '--opportunity',
      '006Hs00001Nwh01AAA',
      '--now',
      NOW,
    ]);
    const printed = ux.log
      .getCalls()
      .flatMap((call) => call.args)
      .join('\n');
    expect(printed).toMatch(/Microsoft: (ready|the portal would refuse it)/);
    expect(printed).toContain('Validated 1 opportunity: ');
  });

  it('refuses an org without the package before querying, naming the missing fields', async () => {
    const org = await fakeOrg($$, { describes: plainOrgDescribes(), queries: [] });
    const error = await validate([
      '--target-org',
      org.username,
      '--opportunity',
      '006Hs00001Nwh01AAA',
    ]).then(
      () => {
        throw new Error('expected a refusal');
      },
      (caught: unknown) => caught as Error & { exitCode: number },
    );
    expect(error.message).toContain('Opportunity.CoSell_Clouds__c');
    expect(error.message).toContain('CoSell_Engagement__c');
    expect(error.exitCode).toBe(6);
    expect(org.soql).toEqual([]);
  });

  it('says when the opportunity is not in the org', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [{ match: /Id IN/, records: [] }],
    });
    await expect(
      validate(['--target-org', org.username, '--opportunity', '006Hs00001Zzz99AAA']),
    ).rejects.toThrow(/006Hs00001Zzz99AAA is not in the org/);
  });

  it('refuses bad flags: both or neither selector, a non-opportunity id, a WHERE keyword, no org', async () => {
    const org = await fakeOrg($$, { describes: packagedOrgDescribes(), queries: [] });
    await expect(
      validate([
        '--target-org',
        org.username,
        '--opportunity',
        '006Hs00001Nwh01AAA',
        '--where',
        'IsClosed = false',
      ]),
    ).rejects.toThrow(/opportunity|where/);
    await expect(validate(['--target-org', org.username])).rejects.toThrow(
      /Exactly one of the following must be provided/,
    );
    await expect(
      validate(['--target-org', org.username, '--opportunity', '001Hs00000Nwh01AAA']),
    ).rejects.toThrow(/006/);
    await expect(
      validate(['--target-org', org.username, '--where', 'WHERE IsClosed = false']),
    ).rejects.toThrow(/starts with WHERE/);
    await expect(validate(['--opportunity', '006Hs00001Nwh01AAA'])).rejects.toThrow(
      /target-org|No default environment/i,
    );
    expect(org.soql).toEqual([]);
  });
});
