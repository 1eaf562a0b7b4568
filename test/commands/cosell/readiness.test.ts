import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import Readiness, {
  type ReadinessResult,
} from '../../../middleware/src/commands/cosell/readiness.js';
import { z } from 'zod';
import { PROJECT_ROOT, runCommand } from '../../support/cli.js';
import { fakeOrg, packagedOrgDescribes, plainOrgDescribes } from './support/fake-org.js';
import { schemaIssues } from './support/json-schema.js';
import { CONTOSO, NORTHWIND } from './support/opportunities.js';
import { $$, useCommandSandbox, ux } from './support/command-context.js';

const NOW = '2026-11-10T09:00:00Z';
const scratch = mkdtempSync(join(tmpdir(), 'cosell-readiness-'));
const readiness = async (argv: string[]) =>
  (await runCommand(Readiness, ['--now', NOW, ...argv])) as ReadinessResult;

/** What the alliance lead knows about Microsoft: a transactable SaaS offer, IP co-sell ready, weekly PDM sync. */
const MICROSOFT = {
  cloud: 'Microsoft',
  primary: true,
  tenancyArchetype: 'ISV-hosted SaaS',
  listing: { live: true, transactable: true, deliveryModels: ['SaaS'] },
  technicalValidation: { passedOn: '2026-02-14', expiresOn: '2027-02-14' },
  coSellEligible: true,
  opportunitySharing: { configured: true, submissionCriteriaDefined: true },
  pdmCadence: 'weekly',
  jointValueProposition: true,
  priorityWorkloads: ['Data platform modernisation'],
  customerReferences: [{ customer: 'Northwind Health', workload: 'Data platform modernisation' }],
  accountMapping: { lastRunOn: '2026-10-01', jointPursuitListDefined: true },
  enablement: { aesKnowHowToInvokeCounterparts: true, marketplaceCompExplained: true },
  compRules: { allianceVsDirectDefined: true, sourcedAndInfluencedCreditSharing: true },
  attributionTracked: true,
};
const AWS = {
  cloud: 'AWS',
  primary: false,
  listing: { live: true, transactable: null },
  coSellEligible: false,
};

function evidenceFile(name: string, content: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('cosell readiness', () => {
  useCommandSandbox();
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('scores every cloud in the file from evidence alone, leaving org-measured items to the declarations', async () => {
    const result = await readiness([
      '--evidence',
      evidenceFile('both.json', [MICROSOFT, AWS]),
      '--json',
    ]);
    expect(result.checklists.map((checklist) => checklist.cloud)).toEqual(['Microsoft', 'AWS']);
    const microsoft = result.checklists[0];
    // No org and no PDM named in the evidence: the rhythm cannot be checked.
    expect(microsoft?.items.find((item) => item.key === 'pdmRhythm')).toMatchObject({
      status: 'unknown',
      evidence: ['no PDM named in the evidence, and counterparts not supplied'],
    });
    expect(microsoft?.summary).toEqual({ met: 9, notMet: 0, unknown: 1 });
    expect(
      result.checklists[1]?.items.find((item) => item.key === 'coSellEligibility')?.status,
    ).toBe('not met');
    expect(result.ready).toBe(false);
    expect(process.exitCode).toBe(1);
    expect(schemaIssues('cosell readiness', result)).toEqual([]);
  });

  it('can be ready from the evidence alone once it names the PDM and a working cadence', async () => {
    const result = await readiness([
      '--evidence',
      evidenceFile('named.json', {
        ...MICROSOFT,
        pdm: { name: 'Lena Novak', email: 'lena@microsoft.com' },
      }),
      '--json',
    ]);
    expect(result.checklists[0]?.items.find((item) => item.key === 'pdmRhythm')).toMatchObject({
      status: 'met',
      evidence: ['named PDM: Lena Novak', 'agreed cadence weekly'],
    });
    expect(result.ready).toBe(true);
    expect(process.exitCode).toBeUndefined();
  });

  it('prints a blank template every field of which is in the published format, and the example file scores', async () => {
    const result = await readiness(['--template', '--json']);
    expect(result.template?.map((entry) => entry.cloud)).toEqual(['AWS', 'Microsoft', 'Google']);
    expect(Object.keys(result.template?.[0] ?? {})).toEqual(
      expect.arrayContaining(['pdm', 'pdmCadence', 'listing', 'attributionTracked']),
    );
    expect(schemaIssues('cosell readiness', result)).toEqual([]);
    const format = z.fromJSONSchema(
      JSON.parse(
        readFileSync(join(PROJECT_ROOT, 'schemas', 'readiness-evidence.json'), 'utf8'),
      ) as Parameters<typeof z.fromJSONSchema>[0],
    );
    for (const entry of result.template ?? []) expect(format.safeParse(entry).success).toBe(true);
    const example = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'config', 'readiness', 'evidence.example.json'), 'utf8'),
    ) as unknown[];
    for (const entry of example) expect(format.safeParse(entry).success).toBe(true);
    expect(format.safeParse({ cloud: 'AWS', pdmCadence: 'yearly' }).success).toBe(false);
    const scored = await readiness([
      '--evidence',
      join(PROJECT_ROOT, 'config', 'readiness', 'evidence.example.json'),
      '--json',
    ]);
    expect(scored.checklists.map((checklist) => [checklist.cloud, checklist.ready])).toEqual([
      ['AWS', true],
      ['Google', false],
    ]);
    const blank = await readiness(['--template', '--cloud', 'google']);
    expect(blank.template).toHaveLength(1);
    expect(
      ux.log
        .getCalls()
        .flatMap((call) => call.args)
        .join('\n'),
    ).toContain('"pdmCadence": null');
  });

  it('measures the PDM rhythm and attribution traceability from the org', async () => {
    const org = await fakeOrg($$, {
      describes: packagedOrgDescribes(),
      queries: [
        { match: /FROM Opportunity/, records: [NORTHWIND, CONTOSO] },
        {
          match: /FROM CoSell_Counterpart__c WHERE Cloud__c = 'Microsoft'/,
          records: [
            {
              Id: 'a03Hs00000Pdm01AAA',
              Cloud__c: 'Microsoft',
              Layer__c: 'Partner Program',
              Name: 'Megan Bowen',
              Email__c: 'megan.bowen@microsoft.com',
              Title__c: 'Partner Development Manager',
              Region__c: 'US West',
              Last_Contact_At__c: '2026-11-06T16:00:00.000+0000',
            },
            {
              Id: 'a03Hs00000Bad02AAA',
              Cloud__c: 'Microsoft',
              Layer__c: 'Partner Program',
              Name: 'Shared inbox',
              Email__c: 'not-an-email',
              Title__c: null,
              Region__c: null,
              Last_Contact_At__c: null,
            },
          ],
        },
      ],
    });
    const result = await readiness([
      '--evidence',
      evidenceFile('microsoft.json', MICROSOFT),
      '--target-org',
      org.username,
    ]);
    const [microsoft] = result.checklists;
    expect(microsoft?.items.find((item) => item.key === 'pdmRhythm')).toMatchObject({
      status: 'met',
      evidence: expect.arrayContaining(['named PDM: Megan Bowen']),
    });
    // Northwind is influenced on Microsoft but has no Partner Center id yet: 0 of 1 traceable.
    const attribution = microsoft?.items.find((item) => item.key === 'attributionReporting');
    expect(attribution?.status).toBe('not met');
    expect(attribution?.evidence.join(' ')).toContain('0 of 1 co-sold deals traceable');
    expect(result.skipped).toEqual([
      'Left out counterpart a03Hs00000Bad02AAA: Email__c: Invalid email address',
    ]);
    expect(org.soql.some((statement) => statement.includes('CoSell_Engagements__r'))).toBe(true);
    expect(ux.table.callCount).toBe(1);
  });

  it('names the evidence field at fault and the entry when the file holds several', async () => {
    const bad = evidenceFile('bad.json', [
      MICROSOFT,
      { ...AWS, technicalValidation: { passedOn: '2026-05-01', expiresOn: '2026-04-01' } },
    ]);
    await expect(readiness(['--evidence', bad])).rejects.toThrow(
      'is wrong at [1].technicalValidation.expiresOn: technicalValidation.expiresOn: must not be before passedOn',
    );
  });

  it('refuses bad files and flags', async () => {
    await expect(
      readiness(['--evidence', evidenceFile('broken.json', '{"cloud": "AWS",')]),
    ).rejects.toThrow(/is not JSON/);
    await expect(readiness(['--evidence', evidenceFile('list.json', '"AWS"')])).rejects.toThrow(
      /one evidence object or an array/,
    );
    await expect(
      readiness(['--evidence', evidenceFile('ms.json', MICROSOFT), '--cloud', 'google']),
    ).rejects.toThrow(/has no entry for Google/);
    await expect(readiness(['--evidence', join(scratch, 'absent.json')])).rejects.toThrow(
      /absent\.json/,
    );
    await expect(readiness([])).rejects.toThrow(/evidence/);
  });

  it('refuses an org without the package', async () => {
    const org = await fakeOrg($$, { describes: plainOrgDescribes(), queries: [] });
    const error = (await readiness([
      '--evidence',
      evidenceFile('ms2.json', MICROSOFT),
      '--target-org',
      org.username,
    ]).catch((caught: unknown) => caught)) as Error & { exitCode: number };
    expect(error.message).toContain('CoSell_Clouds__c');
    expect(error.exitCode).toBe(6);
  });
});
